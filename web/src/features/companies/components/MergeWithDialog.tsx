import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { FormDialog } from '../../../components/ui/FormDialog';

/**
 * "Merge with…": picks the company that duplicates this one, then opens the review on the
 * Duplicates screen (`/duplicates?merge=<this>,<other>`), this company kept by default.
 */
export function MergeWithDialog({ company, onClose }: { company: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  const [other, setOther] = useState<CompanyOption | null>(null);
  const [error, setError] = useState<string | null>(null);

  function submit() {
    if (!other || other.id === company.id) {
      setError(t('company.mergeWithRequired'));
      return;
    }
    void navigate(`/duplicates?merge=${encodeURIComponent(company.id)},${encodeURIComponent(other.id)}`);
  }

  return (
    <FormDialog
      title={t('company.mergeWithTitle', { name: company.name })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('company.mergeWithReview')}
      intro={<p>{t('company.mergeWithIntro')}</p>}
    >
      <CompanyPicker
        label={t('company.mergeWithPicker')}
        value={other}
        onChange={(next) => {
          setOther(next);
          setError(null);
        }}
        error={error}
        required
      />
    </FormDialog>
  );
}
