import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { TextField } from '../../../components/ui/TextField';
import { splitUserErrors } from '../../../lib/forms/userErrors';
import { CreatePipelineMutation } from '../graphql/pipelines';

export function CreatePipelineDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreatePipelineMutation, { refetchQueries: ['AdminPipelines'] });

  function close() {
    setName('');
    setIsDefault(false);
    setNameError(null);
    setFormError(null);
    onClose();
  }

  async function submit() {
    setFormError(null);
    if (!name.trim()) {
      setNameError(tc('common.required'));
      return;
    }
    setNameError(null);
    try {
      const { data } = await create({ variables: { input: { name: name.trim(), isDefault } } });
      const payload = data?.createPipeline;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['name']);
        setNameError(split.fields.name ?? null);
        setFormError(split.form.length > 0 ? split.form.join(' ') : null);
        return;
      }
      close();
    } catch {
      setFormError(tc('errors.generic'));
    }
  }

  return (
    <FormDialog
      open={open}
      title={t('pipelines.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitLabel={tc('common.create')}
      saving={loading}
      formErrors={formError}
      formClassName="admin-form"
    >
      <TextField
        label={t('pipelines.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={nameError}
        required
      />
      <label className="admin-check">
        <input type="checkbox" checked={isDefault} onChange={(event) => setIsDefault(event.target.checked)} />
        {t('pipelines.isDefault')}
      </label>
      <p className="admin-form__intro">{t('pipelines.createHint')}</p>
    </FormDialog>
  );
}
