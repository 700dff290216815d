import { CombinedGraphQLErrors } from '@apollo/client';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitUserErrors, type UserErrorLike } from './userErrors';

/** What a mutation answers: the saved record (named after it) and the userErrors for bad input. */
export interface MutationPayload {
  readonly userErrors: readonly UserErrorLike[];
}

export interface SubmitSteps<P extends MutationPayload> {
  /** Messages of the checks made before sending (required fields), by field: any stops the submit. */
  check?: Readonly<Record<string, string | undefined>>;
  /** What success does with the payload (save the result, close the dialog, go to the next page). */
  onSuccess: (payload: P) => void | Promise<void>;
  /** The message for a failed request that the form knows better (a rate limit); else the usual one. */
  failure?: (error: unknown) => string | null;
  /**
   * Takes the userErrors the form treats its own way (a CONFLICT that links to the other record)
   * and returns the ones left to show; the form stays open either way.
   */
  handle?: (userErrors: P['userErrors']) => readonly UserErrorLike[];
}

/**
 * The one way a form submits a mutation: the checks before sending, one request at a time
 * (`saving`), the payload's userErrors at the form's `fields` (by their `field` path, e.g.
 * "name", "address.city") and the others above the form (`formErrors`, with `existingId` for a
 * link to the record a DUPLICATE points at), a message above the form when the request fails,
 * and `onSuccess` (close) otherwise. Pair with FormDialog: `formErrors`, `saving`, `onSubmit`.
 * `fields` lists the paths the form shows, or maps the payload's paths to the form's own names
 * (`{ exporterId: 'exporter' }`) where they differ.
 */
export function useMutationForm(fields: readonly string[] | Readonly<Record<string, string>>) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [existingId, setExistingId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const known = useRef(fields);
  known.current = fields;

  /** Shows the messages of the checks made before sending (and no others): true when there are none. */
  const showChecks = useCallback((check: Readonly<Record<string, string | undefined>>) => {
    const local = Object.fromEntries(Object.entries(check).filter((entry): entry is [string, string] => !!entry[1]));
    setErrors(local);
    setFormErrors([]);
    setExistingId(null);
    return Object.keys(local).length === 0;
  }, []);

  const submit = useCallback(
    async <P extends MutationPayload>(
      send: () => Promise<P | null | undefined>,
      { check = {}, onSuccess, handle, failure }: SubmitSteps<P>,
    ): Promise<void> => {
      if (busy.current || !showChecks(check)) return;
      busy.current = true;
      setSaving(true);
      try {
        const payload = await send();
        if (!payload) {
          setFormErrors([t('errors.generic')]);
        } else if (payload.userErrors.length > 0) {
          const names = known.current;
          const paths = isList(names) ? names : Object.keys(names);
          const split = splitUserErrors(handle ? handle(payload.userErrors) : payload.userErrors, paths);
          setErrors(isList(names) ? split.fields : rename(split.fields, names));
          setFormErrors(split.form);
          setExistingId(split.existingId);
        } else {
          await onSuccess(payload);
        }
      } catch (error) {
        const known = failure?.(error);
        setFormErrors([known ?? (CombinedGraphQLErrors.is(error) ? t('errors.generic') : t('errors.network'))]);
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [t, showChecks],
  );

  /** Forgets every message (a dialog kept mounted while closed starts clean next time). */
  const reset = useCallback(() => {
    setErrors({});
    setFormErrors([]);
    setExistingId(null);
  }, []);

  return useMemo(
    () => ({ errors, formErrors, existingId, saving, submit, showChecks, reset }),
    [errors, formErrors, existingId, saving, submit, showChecks, reset],
  );
}

export type MutationForm = ReturnType<typeof useMutationForm>;

function isList(fields: readonly string[] | Readonly<Record<string, string>>): fields is readonly string[] {
  return Array.isArray(fields);
}

/** Messages under the form's names; two paths shown at one field keep the first message. */
function rename(messages: Record<string, string>, names: Readonly<Record<string, string>>) {
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(messages)) {
    const name = names[path] ?? path;
    if (!renamed[name]) renamed[name] = message;
  }
  return renamed;
}
