import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { TextField } from '../../../components/ui/TextField';
import { splitUserErrors } from '../../../lib/forms/userErrors';
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

function today(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Rendered only while open, so each opening starts a fresh form. */
export function SetRateDialog(props: SetRateDialogProps) {
  if (!props.open) return null;
  return <RateDialog {...props} />;
}

function RateDialog({ open, onClose, baseCurrency, initialCurrency = '' }: SetRateDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const formId = 'set-rate-form';
  const [currency, setCurrency] = useState(initialCurrency);
  const [validOn, setValidOn] = useState(today());
  const [rate, setRate] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [setExchangeRate, { loading }] = useMutation(SetExchangeRateMutation, {
    refetchQueries: ['AdminExchangeRates'],
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const code = currency.trim().toUpperCase();
    const value = rate.trim().replace(',', '.');
    const local: Partial<Record<Fields, string>> = {};
    if (!code) local.currency = tc('common.required');
    if (!validOn) local.validOn = tc('common.required');
    if (!value) local.rate = tc('common.required');
    else if (!DECIMAL.test(value) || Number(value) <= 0) local.rate = t('rates.rateInvalid');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    try {
      const { data } = await setExchangeRate({ variables: { input: { currency: code, validOn, rate: value } } });
      const payload = data?.setExchangeRate;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, FIELDS);
        setErrors(split.fields);
        setFormError(split.form.length > 0 ? split.form.join(' ') : null);
        return;
      }
      onClose();
    } catch {
      setFormError(tc('errors.generic'));
    }
  }

  const code = currency.trim().toUpperCase() || '…';
  return (
    <Dialog
      open={open}
      title={t('rates.setTitle')}
      onClose={onClose}
      closeLabel={tc('common.close')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={loading}>
            {t('rates.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="admin-form__intro">{t('rates.intro', { base: baseCurrency })}</p>
        {formError && <ErrorMessage>{formError}</ErrorMessage>}
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
      </form>
    </Dialog>
  );
}
