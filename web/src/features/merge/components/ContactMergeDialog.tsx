import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormDialog } from '../../../components/ui/FormDialog';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import type { MergeContactFieldsInput } from '../../../gql/graphql';
import { evictAfterMerge } from '../cache';
import { MergeContactsMutation, MergeContactsPreviewQuery } from '../graphql/merge';
import { MergeChoices, type MergeFieldRow, type MergeRecord } from './MergeChoices';
import { MergePreview } from './MergePreview';
import { useFirstSeen, useMergeState } from './useMergeState';

const FIELDS = ['fullName', 'jobTitle', 'email', 'phone'] as const;

/** Review and merge contacts; on success the kept contact's company opens. */
export function ContactMergeDialog({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation('merge');
  const navigate = useNavigate();
  const client = useApolloClient();
  const state = useMergeState(ids, FIELDS);
  const [errors, setErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);

  const { data, previousData, loading, error, refetch } = useQuery(MergeContactsPreviewQuery, {
    variables: { input: { ...state.input, fields: state.input.fields as MergeContactFieldsInput } },
    fetchPolicy: 'network-only',
  });
  const preview = (data ?? previousData)?.mergeContactsPreview;
  const byId = new Map(
    (preview ? [preview.keep, ...preview.merged] : []).flatMap((contact) => (contact ? [[contact.id, contact]] : [])),
  );
  const contacts = ids.flatMap((id) => byId.get(id) ?? []);
  useFirstSeen(contacts, ids.length, state.seen, state.setSeen);

  const [mergeContacts, { loading: merging }] = useMutation(MergeContactsMutation);

  async function reload() {
    setReloading(true);
    try {
      const result = await refetch();
      const fresh = result.data?.mergeContactsPreview;
      const records = fresh ? [fresh.keep, ...fresh.merged].filter((record) => record != null) : [];
      state.setSeen(records.map(({ id, updatedAt }) => ({ id, updatedAt })));
      setErrors([]);
      setStale(false);
    } catch {
      setErrors([t('dialog.loadError')]);
    } finally {
      setReloading(false);
    }
  }

  async function submit() {
    setErrors([]);
    setStale(false);
    try {
      const { data: result } = await mergeContacts({
        variables: {
          input: {
            ...state.input,
            fields: state.input.fields as MergeContactFieldsInput,
            seen: state.seen ?? undefined,
          },
        },
      });
      const payload = result?.mergeContacts;
      if (!payload) {
        setErrors([t('dialog.failed')]);
        return;
      }
      if (payload.userErrors.length > 0) {
        setErrors(payload.userErrors.map((userError) => userError.message));
        setStale(payload.userErrors.some((e) => e.code === 'CONFLICT' && (e.field ?? []).includes('seen')));
        return;
      }
      if (payload.contact) {
        evictAfterMerge(client.cache, [
          ...ids.map((id) => ({ __typename: 'Contact' as const, id })),
          ...[...new Set(contacts.map((contact) => contact.company.id))].map((id) => ({
            __typename: 'Company' as const,
            id,
          })),
        ]);
        void navigate(`/companies/${payload.contact.company.id}`);
      }
    } catch {
      setErrors([t('dialog.failed')]);
    }
  }

  const records: MergeRecord[] = contacts.map((contact) => ({
    id: contact.id,
    title: contact.fullName,
    subtitle: t('page.of', { company: contact.company.name }),
  }));
  const value = (pick: (contact: (typeof contacts)[number]) => string | null) =>
    Object.fromEntries(contacts.map((contact) => [contact.id, pick(contact)]));
  const rows: MergeFieldRow[] = [
    { key: 'fullName', label: t('fields.fullName'), values: value((c) => c.fullName) },
    { key: 'jobTitle', label: t('fields.jobTitle'), values: value((c) => c.jobTitle) },
    { key: 'email', label: t('fields.email'), values: value((c) => c.email) },
    { key: 'phone', label: t('fields.phone'), values: value((c) => c.phone) },
  ];
  const languages = preview?.result?.languages ?? [];

  return (
    <FormDialog
      title={t('dialog.titleCONTACT')}
      onClose={onClose}
      className="merge-dialog"
      onSubmit={submit}
      submitLabel={t('dialog.merge')}
      saving={merging}
      formErrors={errors}
      formErrorsExtra={
        stale ? (
          <>
            <p>{t('dialog.stale')}</p>
            <Button variant="secondary" size="small" loading={reloading} onClick={() => void reload()}>
              {t('dialog.reload')}
            </Button>
          </>
        ) : null
      }
      intro={<p className="merge-dialog__intro">{t('dialog.intro')}</p>}
    >
      {error && !preview ? (
        <QueryError refetch={refetch}>{t('dialog.loadError')}</QueryError>
      ) : !preview ? (
        <Spinner label={t('dialog.loading')} />
      ) : (
        <>
          {contacts.length === ids.length && (
            <MergeChoices
              records={records}
              keepId={state.keepId}
              onKeep={state.setKeepId}
              rows={rows}
              choices={state.choices}
              onChoose={state.choose}
              disabled={merging}
            />
          )}
          <MergePreview
            moves={preview.moves}
            refusals={preview.userErrors.map((userError) => userError.message)}
            united={
              languages.length > 0
                ? `${t('dialog.languages')} — ${t('dialog.united', { values: languages.join(', ') })}`
                : null
            }
            updating={loading}
          />
        </>
      )}
    </FormDialog>
  );
}
