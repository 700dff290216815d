import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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

  const formId = 'create-pipeline-form';
  return (
    <Dialog
      open={open}
      title={t('pipelines.createTitle')}
      onClose={close}
      closeLabel={tc('common.close')}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={loading}>
            {tc('common.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        {formError && <ErrorMessage>{formError}</ErrorMessage>}
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
      </form>
    </Dialog>
  );
}
