import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitUserErrors, type UserErrorLike } from './userErrors';

/**
 * A form's messages: under its fields (`errors`) and above it (`formErrors`, for FormDialog), with
 * the steps every submit takes: check before sending, show the payload's userErrors, or fail.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);

  /** Starts a submit with the checks made before sending (required fields): true when none failed. */
  const check = useCallback((local: Record<string, string>) => {
    setErrors(local);
    setFormErrors([]);
    return Object.keys(local).length === 0;
  }, []);

  /** Shows a payload's userErrors at the `known` fields and the rest above the form: true when there were any. */
  const showUserErrors = useCallback((userErrors: readonly UserErrorLike[] | undefined, known: readonly string[]) => {
    if (!userErrors || userErrors.length === 0) return false;
    const split = splitUserErrors(userErrors, known);
    setErrors(split.fields);
    setFormErrors(split.form);
    return true;
  }, []);

  /** The request failed (network, server): a generic message above the form. */
  const fail = useCallback(() => setFormErrors([t('errors.generic')]), [t]);

  return useMemo(
    () => ({ errors, formErrors, setErrors, setFormErrors, check, showUserErrors, fail }),
    [errors, formErrors, check, showUserErrors, fail],
  );
}
