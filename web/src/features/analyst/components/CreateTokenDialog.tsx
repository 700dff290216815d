import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { splitUserErrors } from '../../../lib/forms/userErrors';
import { curlExample } from '../curl';
import { CreateApiTokenMutation } from '../graphql/apiTokens';
import { CopySecret } from './CopySecret';

const EXPIRIES = ['30', '90', '180', '365'] as const;
type Fields = 'name' | 'expiresInDays';

export interface CreateTokenDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Rendered only while open: closing it forgets the secret for good. */
export function CreateTokenDialog(props: CreateTokenDialogProps) {
  if (!props.open) return null;
  return <CreateToken {...props} />;
}

function CreateToken({ open, onClose }: CreateTokenDialogProps) {
  const { t } = useTranslation('analyst');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState<string>('90');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateApiTokenMutation, { refetchQueries: ['ApiTokens'] });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!name.trim()) {
      setErrors({ name: tc('common.required') });
      return;
    }
    setErrors({});
    try {
      const { data } = await create({
        variables: { input: { name: name.trim(), expiresInDays: Number(expiresInDays) } },
      });
      const payload = data?.createApiToken;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['name', 'expiresInDays']);
        setErrors(split.fields);
        setFormError(split.form.length > 0 ? split.form.join(' ') : null);
        return;
      }
      if (payload.secret) setSecret(payload.secret);
      else onClose();
    } catch {
      setFormError(tc('errors.generic'));
    }
  }

  const formId = 'create-token-form';
  return (
    <Dialog
      open={open}
      title={secret ? t('create.secretTitle') : t('create.title')}
      onClose={onClose}
      closeLabel={tc('common.close')}
      footer={
        secret ? (
          <Button onClick={onClose}>{t('create.done')}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" form={formId} loading={loading}>
              {t('create.submit')}
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <div className="analyst-secret">
          <div className="analyst-warning" role="note">
            <strong>{t('create.onceTitle')}</strong> {t('create.onceText')}
          </div>
          <CopySecret label={t('create.secretLabel', { name: name.trim() })} value={secret} />
          <CopySecret label={t('create.curlLabel')} value={curlExample(window.location.origin, secret)} multiline />
        </div>
      ) : (
        <form id={formId} className="analyst-form" onSubmit={(event) => void submit(event)} noValidate>
          {formError && <ErrorMessage>{formError}</ErrorMessage>}
          <TextField
            label={t('create.name')}
            placeholder={t('create.namePlaceholder')}
            hint={t('create.nameHint')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
            required
          />
          <SelectField
            label={t('create.expiresIn')}
            value={expiresInDays}
            onChange={(event) => setExpiresInDays(event.target.value)}
            options={EXPIRIES.map((days) => ({ value: days, label: t('create.days', { count: Number(days) }) }))}
            error={errors.expiresInDays}
          />
        </form>
      )}
    </Dialog>
  );
}
