import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { TextField } from '../../../components/ui/TextField';
import { today } from '../../../lib/dates/local';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { SetExchangeRateMutation } from '../graphql/exchangeRates';

type Fields = 'currency' | 'validOn' | 'rate';
const FIELDS: Fields[] = ['currency', 'validOn', 'rate'];
const DECIMAL = /^\d+(\.\d+)?$/;

export interface SetRateDialogProps {
  open: boolean;
  onClose: () => void;
  baseCurrency: string;
  /** A currency to start from (a new rate for a currency already listed). */
  initialCurrency?: string;
}

/** Rendered only while open, so each opening starts a fresh form. */
export function SetRateDialog(props: SetRateDialogProps) {
  if (!props.open) return null;
  return <RateDialog {...props} />;
}

function RateDialog({ open, onClose, baseCurrency, initialCurrency = '' }: SetRateDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [currency, setCurrency] = useState(initialCurrency);
  const [validOn, setValidOn] = useState(today());
  const [rate, setRate] = useState('');
  const { errors, formErrors, saving, submit: send } = useMutationForm(FIELDS);
  const [setExchangeRate] = useMutation(SetExchangeRateMutation, {
    refetchQueries: ['AdminExchangeRates'],
  });

  function submit() {
    const code = currency.trim().toUpperCase();
    const value = rate.trim().replace(',', '.');
    const local: Partial<Record<Fields, string>> = {};
    if (!code) local.currency = tc('common.required');
    if (!validOn) local.validOn = tc('common.required');
    if (!value) local.rate = tc('common.required');
    else if (!DECIMAL.test(value) || Number(value) <= 0) local.rate = t('rates.rateInvalid');
    return send(
      async () =>
        (await setExchangeRate({ variables: { input: { currency: code, validOn, rate: value } } })).data
          ?.setExchangeRate,
      { check: local, onSuccess: onClose },
    );
  }

  const code = currency.trim().toUpperCase() || '…';
  return (
    <FormDialog
      open={open}
      title={t('rates.setTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('rates.submit')}
      saving={saving}
      formErrors={formErrors}
      formClassName="ui-stack admin-form"
      intro={<p className="admin-form__intro">{t('rates.intro', { base: baseCurrency })}</p>}
    >
      <div className="admin-form__row">
        <TextField
          label={t('rates.currency')}
          value={currency}
          onChange={(event) => setCurrency(event.target.value.toUpperCase())}
          maxLength={3}
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="EUR"
          hint={t('rates.currencyHint')}
          error={errors.currency}
          required
        />
        <TextField
          label={t('rates.validOn')}
          type="date"
          value={validOn}
          onChange={(event) => setValidOn(event.target.value)}
          hint={t('rates.validOnHint')}
          error={errors.validOn}
          required
        />
      </div>
      <TextField
        label={t('rates.rateLabel', { currency: code, base: baseCurrency })}
        value={rate}
        inputMode="decimal"
        onChange={(event) => setRate(event.target.value)}
        placeholder="93.50"
        hint={t('rates.rateHint', { currency: code, base: baseCurrency })}
        error={errors.rate}
        required
      />
    </FormDialog>
  );
}
