import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { TextField } from '../../../components/ui/TextField';
import type { DealFormErrors } from '../dealForm';

const BUYER_KINDS = ['BUYER', 'DISTRIBUTOR', 'RETAILER', 'PARTNER', 'INSTITUTION'] as const;

export interface DealCoreValues {
  title: string;
  exporter: CompanyOption | null;
  buyer: CompanyOption | null;
  amount: string;
  currency: string;
  expectedCloseOn: string;
}

/** The shared fields' state: their values, and a setter by field. */
export function useDealCore(initial: DealCoreValues) {
  const [values, setValues] = useState(initial);
  const set = useCallback(<K extends keyof DealCoreValues>(key: K, value: DealCoreValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);
  return { values, set };
}

export interface DealCoreFieldsProps extends ReturnType<typeof useDealCore> {
  errors: DealFormErrors;
  autoFocusTitle?: boolean;
}

/** A deal's title, parties and money: the part the new-deal and edit forms share. */
export function DealCoreFields({ values, set, errors, autoFocusTitle }: DealCoreFieldsProps) {
  const { t } = useTranslation('pipeline');
  return (
    <>
      <TextField
        label={t('form.title')}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={errors.title}
        required
        autoFocus={autoFocusTitle}
      />
      <div className="pipeline-form__row">
        <CompanyPicker
          label={t('form.exporter')}
          kinds={['EXPORTER']}
          value={values.exporter}
          onChange={(company) => set('exporter', company)}
          error={errors.exporterId}
          required
        />
        <CompanyPicker
          label={t('form.buyer')}
          kinds={BUYER_KINDS}
          value={values.buyer}
          onChange={(company) => set('buyer', company)}
          error={errors.buyerId}
        />
      </div>
      <div className="pipeline-form__row pipeline-form__row--money">
        <TextField
          label={t('form.amount')}
          inputMode="decimal"
          value={values.amount}
          onChange={(event) => set('amount', event.target.value)}
          error={errors.amount}
        />
        <TextField
          label={t('form.currency')}
          value={values.currency}
          maxLength={3}
          autoCapitalize="characters"
          onChange={(event) => set('currency', event.target.value.toUpperCase())}
          error={errors.currency}
          required
        />
        <TextField
          label={t('form.expectedClose')}
          type="date"
          value={values.expectedCloseOn}
          onChange={(event) => set('expectedCloseOn', event.target.value)}
          error={errors.expectedCloseOn}
        />
      </div>
    </>
  );
}
