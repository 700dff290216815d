import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { EmailField, TextField } from '../../../components/ui/TextField';
import type { OneTimeLinkView_LinkFragment, Role } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { isLanguage, LANGUAGES, type Language } from '../../../lib/i18n/languages';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { InviteUserMutation } from '../graphql/users';
import { OneTimeLinkView } from './OneTimeLinkView';
import { ROLES } from './roles';

export interface InviteUserDialogProps {
  open: boolean;
  onClose: () => void;
}

type Fields = 'email' | 'fullName' | 'role' | 'locale';
const FIELDS: Fields[] = ['email', 'fullName', 'role', 'locale'];

export function InviteUserDialog({ open, onClose }: InviteUserDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [currentLanguage] = useLanguage();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('ACCOUNT_MANAGER');
  // The invitee's language: the invitation page and their first sign-in use it.
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const form = useMutationForm(FIELDS);
  const { errors, formErrors } = form;
  const [link, setLink] = useState<OneTimeLinkView_LinkFragment | null>(null);
  const [invite] = useMutation(InviteUserMutation, { refetchQueries: ['AdminUsers'] });

  function close() {
    setEmail('');
    setFullName('');
    setRole('ACCOUNT_MANAGER');
    setLanguage(currentLanguage);
    form.reset();
    setLink(null);
    onClose();
  }

  function submit() {
    const required: Partial<Record<Fields, string>> = {};
    if (!email.trim()) required.email = tc('common.required');
    if (!fullName.trim()) required.fullName = tc('common.required');
    return form.submit(
      async () => {
        const { data } = await invite({
          variables: { input: { email: email.trim(), fullName: fullName.trim(), role, locale: language } },
        });
        return data?.inviteUser;
      },
      { check: required, onSuccess: (payload) => (payload.link ? setLink(payload.link) : close()) },
    );
  }

  return (
    <FormDialog
      open={open}
      title={link ? t('invite.sentTitle') : t('invite.title')}
      onClose={close}
      onSubmit={submit}
      submitLabel={t('invite.submit')}
      saving={form.saving}
      formErrors={formErrors}
      formClassName="ui-stack admin-form"
      intro={<p className="admin-form__intro">{t('invite.intro')}</p>}
      result={
        link && {
          content: <OneTimeLinkView link={link} fullName={fullName.trim()} kind="invitation" />,
          doneLabel: t('invite.done'),
        }
      }
    >
      <TextField
        label={t('invite.fullName')}
        value={fullName}
        onChange={(event) => setFullName(event.target.value)}
        error={errors.fullName}
        autoComplete="off"
        required
      />
      <EmailField
        label={t('invite.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
        autoComplete="off"
        required
      />
      <SelectField
        label={t('invite.role')}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        options={ROLES.map((value) => ({ value, label: tc(`roles.${value}`) }))}
        error={errors.role}
        hint={t(`roleHints.${role}`)}
      />
      <SelectField
        label={t('invite.language')}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
        options={LANGUAGES.map((value) => ({ value, label: tc(`language.${value}`) }))}
        error={errors.locale}
      />
    </FormDialog>
  );
}
