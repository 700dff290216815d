import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { TextField } from '../../../components/ui/TextField';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { CreatePipelineMutation } from '../graphql/pipelines';

export function CreatePipelineDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const form = useMutationForm(['name']);
  const [create] = useMutation(CreatePipelineMutation, { refetchQueries: ['AdminPipelines'] });

  function close() {
    setName('');
    setIsDefault(false);
    form.reset();
    onClose();
  }

  function submit() {
    return form.submit(
      async () => (await create({ variables: { input: { name: name.trim(), isDefault } } })).data?.createPipeline,
      { check: { name: name.trim() ? undefined : tc('common.required') }, onSuccess: close },
    );
  }

  return (
    <FormDialog
      open={open}
      title={t('pipelines.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitLabel={tc('common.create')}
      saving={form.saving}
      formErrors={form.formErrors}
      formClassName="ui-stack admin-form"
    >
      <TextField
        label={t('pipelines.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.errors.name}
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
