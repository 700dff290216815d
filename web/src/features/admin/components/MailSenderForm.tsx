import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { TextField } from '../../../components/ui/TextField';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { AgencyMailFromQuery, SetAgencyMailFromMutation } from '../graphql/mail';

const FIELDS = ['mailFrom'];

/** The agency's own sender of its mail ("Mosprom <crm@mosprom.ru>"); empty: the server's. */
export function MailSenderForm() {
  const { t } = useTranslation('admin');
  const { data } = useQuery(AgencyMailFromQuery);
  const saved = data?.agency.mailFrom ?? '';
  const [value, setValue] = useState(saved);
  const [done, setDone] = useState(false);
  useEffect(() => setValue(saved), [saved]);
  const { errors, formErrors, saving, submit } = useMutationForm(FIELDS);
  const [setMailFrom] = useMutation(SetAgencyMailFromMutation);

  function save(event: React.FormEvent) {
    event.preventDefault();
    setDone(false);
    void submit(
      async () =>
        (await setMailFrom({ variables: { input: { mailFrom: value.trim() || null } } })).data?.setAgencyMailFrom,
      { onSuccess: () => setDone(true) },
    );
  }

  return (
    <form className="mail-sender" onSubmit={save} aria-label={t('mail.sender.title')}>
      <TextField
        label={t('mail.sender.label')}
        hint={t('mail.sender.hint')}
        value={value}
        placeholder="Mosprom <crm@mosprom.ru>"
        error={errors.mailFrom}
        onChange={(event) => {
          setValue(event.target.value);
          setDone(false);
        }}
      />
      <Button type="submit" variant="secondary" loading={saving}>
        {t('mail.sender.save')}
      </Button>
      {formErrors.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
      {done && (
        <p role="status" className="ui-note">
          {t('mail.sender.saved')}
        </p>
      )}
    </form>
  );
}
