import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import type { Role } from '../../../gql/graphql';
import { splitUserErrors } from '../../../lib/forms/userErrors';
import { InviteUserMutation } from '../graphql/users';
import { OneTimeLinkView } from './OneTimeLinkView';
import { ROLES } from './roles';

export interface InviteUserDialogProps {
  open: boolean;
  onClose: () => void;
}

type Fields = 'email' | 'fullName' | 'role';
const FIELDS: Fields[] = ['email', 'fullName', 'role'];

export function InviteUserDialog({ open, onClose }: InviteUserDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('ACCOUNT_MANAGER');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const [invite, { loading }] = useMutation(InviteUserMutation, { refetchQueries: ['AdminUsers'] });

  function close() {
    setEmail('');
    setFullName('');
    setRole('ACCOUNT_MANAGER');
    setErrors({});
    setFormError(null);
    setLink(null);
    onClose();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required: Partial<Record<Fields, string>> = {};
    if (!email.trim()) required.email = tc('common.required');
    if (!fullName.trim()) required.fullName = tc('common.required');
    setErrors(required);
    setFormError(null);
    if (Object.keys(required).length > 0) return;
    try {
      const { data } = await invite({ variables: { input: { email: email.trim(), fullName: fullName.trim(), role } } });
      const payload = data?.inviteUser;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, FIELDS);
        setErrors(split.fields);
        setFormError(split.form.length > 0 ? split.form.join(' ') : null);
        return;
      }
      if (payload.link) setLink(payload.link);
      else close();
    } catch {
      setFormError(tc('errors.generic'));
    }
  }

  const formId = 'invite-user-form';
  return (
    <Dialog
      open={open}
      title={link ? t('invite.sentTitle') : t('invite.title')}
      onClose={close}
      closeLabel={tc('common.close')}
      footer={
        link ? (
          <Button onClick={close}>{t('invite.done')}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" form={formId} loading={loading}>
              {t('invite.submit')}
            </Button>
          </>
        )
      }
    >
      {link ? (
        <OneTimeLinkView link={link} fullName={fullName.trim()} kind="invitation" />
      ) : (
        <form id={formId} className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
          <p className="admin-form__intro">{t('invite.intro')}</p>
          {formError && <ErrorMessage>{formError}</ErrorMessage>}
          <TextField
            label={t('invite.fullName')}
            value={fullName}
            onChange={(event) => setFullName(event.target.value)}
            error={errors.fullName}
            autoComplete="off"
            required
          />
          <TextField
            label={t('invite.email')}
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
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
        </form>
      )}
    </Dialog>
  );
}
