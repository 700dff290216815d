import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/ui/CopyField';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { curlExample } from '../curl';
import { CreateApiTokenMutation } from '../graphql/apiTokens';

const EXPIRIES = ['30', '90', '180', '365'] as const;

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
  const { t } = useTranslation('apiAccess');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState<string>('90');
  const { errors, formErrors, saving, submit: send } = useMutationForm(['name', 'expiresInDays']);
  const [secret, setSecret] = useState<string | null>(null);
  const [create] = useMutation(CreateApiTokenMutation, { refetchQueries: ['ApiTokens'] });

  function submit() {
    return send(
      async () => {
        const { data } = await create({
          variables: { input: { name: name.trim(), expiresInDays: Number(expiresInDays) } },
        });
        return data?.createApiToken;
      },
      {
        check: { name: name.trim() ? undefined : tc('common.required') },
        onSuccess: (payload) => (payload.secret ? setSecret(payload.secret) : onClose()),
      },
    );
  }

  return (
    <FormDialog
      open={open}
      title={secret ? t('create.secretTitle') : t('create.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('create.submit')}
      saving={saving}
      formErrors={formErrors}
      formClassName="ui-stack api-access-form"
      result={
        secret
          ? {
              content: (
                <div className="ui-stack api-access-secret">
                  <div className="api-access-warning" role="note">
                    <strong>{t('create.onceTitle')}</strong> {t('create.onceText')}
                  </div>
                  <CopyField label={t('create.secretLabel', { name: name.trim() })} value={secret} labelButton />
                  <CopyField
                    label={t('create.curlLabel')}
                    value={curlExample(window.location.origin, secret)}
                    multiline
                    labelButton
                  />
                </div>
              ),
              doneLabel: t('create.done'),
            }
          : null
      }
    >
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
    </FormDialog>
  );
}
