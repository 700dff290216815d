import { useMutation } from '@apollo/client/react';
import Decimal from 'decimal.js';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import type { Additionality, ConfirmationAnswer, ConfirmationStatus } from '../../../gql/graphql';
import { retryAfterSeconds } from '../../../lib/apollo/rateLimit';
import { today } from '../../../lib/dates/local';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { AnswerDealConfirmationMutation } from '../graphql/confirmation';
import { useWaitText } from '../hooks/useWaitText';

/** The input's fields, as the API's userErrors name them (after "input"). */
const FIELDS = [
  'answer',
  'amount',
  'currency',
  'closedOn',
  'helpRating',
  'additionality',
  'caseStudyAllowed',
  'comment',
] as const;
const ANSWERS: readonly ConfirmationAnswer[] = ['RIGHT', 'CORRECTED', 'DID_NOT_HAPPEN'];
const ADDITIONALITIES: readonly Additionality[] = ['YES', 'LATER_OR_SMALLER', 'NO'];
const RATINGS = [1, 2, 3, 4, 5] as const;
/** AnswerDealConfirmationInput.comment: at most 2000 characters. */
const COMMENT_MAX = 2000;

/** "1 500 000,50" or "1500000.5" → the decimal the API takes; null when it is not one. */
function normalizeAmount(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(compact) ? compact : null;
}

function sameAmount(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  try {
    return new Decimal(a).equals(new Decimal(b));
  } catch {
    return false;
  }
}

export interface ConfirmationRequest {
  agencyName: string;
  recordedValue: { amount: string; currency: string } | null;
  recordedClosedOn: string | null;
}

export interface ConfirmationFormProps {
  token: string;
  request: ConfirmationRequest;
  onAnswered: (status: ConfirmationStatus) => void;
}

/** A group of choices with its question as legend and its error under it. */
function Choices({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const hintId = useId();
  const errorId = useId();
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="confirm-question" aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="confirm-question__legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The exporter's answer: is the deal right, and how much the agency's help mattered. */
export function ConfirmationForm({ token, request, onAnswered }: ConfirmationFormProps) {
  const { t } = useTranslation('confirmation');
  const waitText = useWaitText();
  const recorded = request.recordedValue;
  const [answer, setAnswer] = useState<ConfirmationAnswer | ''>('');
  const [amount, setAmount] = useState(recorded?.amount ?? '');
  const [currency, setCurrency] = useState(recorded?.currency ?? '');
  const [closedOn, setClosedOn] = useState(request.recordedClosedOn ?? '');
  const [helpRating, setHelpRating] = useState<number | null>(null);
  const [additionality, setAdditionality] = useState<Additionality | ''>('');
  const [caseStudy, setCaseStudy] = useState(false);
  const [comment, setComment] = useState('');
  const form = useMutationForm(FIELDS);
  const { errors } = form;
  const [send] = useMutation(AnswerDealConfirmationMutation);
  const latest = today();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check: Record<string, string | undefined> = {};
    if (!answer) check.answer = t('form.answerRequired');
    const corrected = answer === 'CORRECTED';
    const cleanAmount = amount.trim() ? normalizeAmount(amount) : null;
    const cleanCurrency = currency.trim() ? currency.trim().toUpperCase() : null;
    if (corrected) {
      if (amount.trim() && !cleanAmount) check.amount = t('form.amountInvalid');
      if (cleanCurrency && !/^[A-Z]{3}$/.test(cleanCurrency)) check.currency = t('form.currencyInvalid');
      if (closedOn && closedOn > latest) check.closedOn = t('form.closedOnFuture');
      const unchanged =
        (!cleanAmount || sameAmount(cleanAmount, recorded?.amount)) &&
        (!cleanCurrency || cleanCurrency === recorded?.currency) &&
        (!closedOn || closedOn === request.recordedClosedOn);
      if (!check.amount && !check.currency && !check.closedOn && unchanged) check.amount = t('form.unchanged');
    }
    return form.submit(
      async () => {
        const { data } = await send({
          variables: {
            input: {
              token,
              answer: answer || 'RIGHT',
              ...(corrected
                ? {
                    amount: cleanAmount ?? undefined,
                    currency: cleanCurrency ?? undefined,
                    closedOn: closedOn || undefined,
                  }
                : {}),
              helpRating: helpRating ?? undefined,
              additionality: additionality || undefined,
              caseStudyAllowed: caseStudy,
              comment: comment.trim() || undefined,
            },
          },
        });
        return data?.answerDealConfirmation;
      },
      {
        check,
        onSuccess: ({ status }) => onAnswered(status ?? 'CONFIRMED'),
        failure: (error) => {
          const seconds = retryAfterSeconds(error);
          return seconds === null ? null : t('rateLimited', { wait: waitText(seconds) });
        },
      },
    );
  }

  return (
    <form className="ui-stack confirm-form" onSubmit={(event) => void submit(event)} noValidate>
      {form.formErrors.length > 0 && <ErrorMessage>{form.formErrors.join(' ')}</ErrorMessage>}

      <Choices legend={t('form.answer')} error={errors.answer}>
        <div className="confirm-choices">
          {ANSWERS.map((value) => (
            <div key={value}>
              <label className={classNames('confirm-choice', answer === value && 'is-checked')}>
                <input
                  type="radio"
                  name="answer"
                  value={value}
                  checked={answer === value}
                  onChange={() => setAnswer(value)}
                />
                <span>{t(`form.answers.${value}`)}</span>
              </label>
              {value === 'CORRECTED' && answer === 'CORRECTED' && (
                <div className="confirm-correction">
                  <p className="ui-note">{t('form.correctionHint')}</p>
                  <div className="confirm-correction__fields">
                    <TextField
                      label={t('form.amount')}
                      inputMode="decimal"
                      autoComplete="off"
                      value={amount}
                      onChange={(event) => setAmount(event.target.value)}
                      error={errors.amount}
                    />
                    <TextField
                      label={t('form.currency')}
                      className="confirm-correction__currency"
                      maxLength={3}
                      autoCapitalize="characters"
                      spellCheck={false}
                      autoComplete="off"
                      value={currency}
                      onChange={(event) => setCurrency(event.target.value)}
                      error={errors.currency}
                    />
                    <TextField
                      label={t('form.closedOn')}
                      type="date"
                      max={latest}
                      value={closedOn}
                      onChange={(event) => setClosedOn(event.target.value)}
                      error={errors.closedOn}
                    />
                  </div>
                </div>
              )}
            </div>
          ))}
        </div>
      </Choices>

      <Choices legend={t('form.helpRating')} hint={t('form.helpRatingHint')} error={errors.helpRating}>
        <div className="confirm-scale">
          {RATINGS.map((value) => (
            <label key={value} className={classNames('confirm-scale__option', helpRating === value && 'is-checked')}>
              <input
                type="radio"
                name="helpRating"
                value={value}
                checked={helpRating === value}
                onChange={() => setHelpRating(value)}
              />
              <span className="confirm-scale__number">{value}</span>{' '}
              <span className="confirm-scale__word">{t(`form.ratings.${value}`)}</span>
            </label>
          ))}
        </div>
      </Choices>

      <Choices legend={t('form.additionality')} error={errors.additionality}>
        <div className="confirm-choices">
          {ADDITIONALITIES.map((value) => (
            <label key={value} className={classNames('confirm-choice', additionality === value && 'is-checked')}>
              <input
                type="radio"
                name="additionality"
                value={value}
                checked={additionality === value}
                onChange={() => setAdditionality(value)}
              />
              <span>{t(`form.additionalities.${value}`)}</span>
            </label>
          ))}
        </div>
      </Choices>

      <Choices legend={t('form.caseStudy')} error={errors.caseStudyAllowed}>
        <label className="confirm-check">
          <input type="checkbox" checked={caseStudy} onChange={(event) => setCaseStudy(event.target.checked)} />
          <span>{t('form.caseStudyYes', { agency: request.agencyName })}</span>
        </label>
      </Choices>

      <TextAreaField
        label={t('form.comment')}
        hint={t('form.commentHint', { count: COMMENT_MAX })}
        rows={4}
        maxLength={COMMENT_MAX}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={errors.comment}
      />

      <Button type="submit" loading={form.saving} className="confirm-form__submit">
        {form.saving ? t('form.sending') : t('form.submit')}
      </Button>
    </form>
  );
}
