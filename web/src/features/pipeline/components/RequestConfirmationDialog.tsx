import { useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormDialog } from '../../../components/ui/FormDialog';
import { QueryError } from '../../../components/ui/QueryError';
import { SelectField } from '../../../components/ui/SelectField';
import { Spinner } from '../../../components/ui/Spinner';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { ConfirmationContactsQuery, RequestDealConfirmationMutation } from '../graphql/confirmation';

export interface RequestConfirmationDialogProps {
  dealId: string;
  exporter: { id: string; name: string };
  /** A request was made before: this one replaces it. */
  again: boolean;
  onClose: () => void;
}

/** Picks the exporter's contact (one with an e-mail address) and asks them to confirm the won deal. */
export function RequestConfirmationDialog({ dealId, exporter, again, onClose }: RequestConfirmationDialogProps) {
  const { t } = useTranslation('pipeline');
  const { data, loading, error, refetch } = useQuery(ConfirmationContactsQuery, {
    variables: { companyIds: [exporter.id], first: MAX_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reachable = (data?.contacts.nodes ?? []).filter((contact) => contact.email);
  const [chosen, setChosen] = useState('');
  const contactId = reachable.some((contact) => contact.id === chosen) ? chosen : (reachable[0]?.id ?? '');

  const form = useMutationForm(['contactId']);
  const [request] = useMutation(RequestDealConfirmationMutation);

  function submit() {
    return form.submit(
      async () => (await request({ variables: { input: { dealId, contactId } } })).data?.requestDealConfirmation,
      {
        check: { contactId: contactId ? undefined : t('confirmation.dialog.noContact', { company: exporter.name }) },
        onSuccess: () => onClose(),
      },
    );
  }

  let body: ReactNode;
  if (loading && !data) body = <Spinner label={t('confirmation.dialog.loading')} />;
  else if (error && !data) body = <QueryError refetch={refetch} />;
  else if (reachable.length === 0)
    body = (
      <p className="ui-note">
        {t('confirmation.dialog.noContact', { company: exporter.name })}{' '}
        <Link to={`/companies/${exporter.id}`}>{t('confirmation.dialog.toCompany', { company: exporter.name })}</Link>
      </p>
    );
  else
    body = (
      <SelectField
        label={t('confirmation.dialog.contact')}
        value={contactId}
        onChange={(event) => setChosen(event.target.value)}
        options={reachable.map((contact) => ({
          value: contact.id,
          label: `${contact.fullName} — ${contact.email}${contact.jobTitle ? ` (${contact.jobTitle})` : ''}`,
        }))}
        hint={t('confirmation.dialog.contactHint')}
        error={form.errors.contactId}
      />
    );

  return (
    <FormDialog
      title={again ? t('confirmation.dialog.titleAgain') : t('confirmation.dialog.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={form.saving ? t('confirmation.dialog.sending') : t('confirmation.dialog.submit')}
      saving={form.saving}
      formErrors={form.formErrors}
      intro={
        <p className="ui-note">
          {t('confirmation.dialog.intro', { company: exporter.name })}
          {again && ` ${t('confirmation.dialog.replaces')}`}
        </p>
      }
    >
      {body}
    </FormDialog>
  );
}
