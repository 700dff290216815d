import { graphql } from '../../gql';

/**
 * @public A document graphql-codegen reads: what every mutation selects of its userErrors, spread
 * unmasked (`userErrors { ...MutationForm_userError @unmask }`, plus `existingId` where a
 * DUPLICATE links to the record) for useMutationForm to place them.
 */
export const MutationFormUserErrorFragment = graphql(`
  fragment MutationForm_userError on UserError {
    field
    message
    code
  }
`);

export interface UserErrorLike {
  field: readonly string[] | null;
  message: string;
  code: string;
  existingId?: string | null;
}

export interface SplitUserErrors {
  /** Messages by field name under the input ("name", "address.city", "stageIds.2"). */
  fields: Record<string, string>;
  /** Errors tied to no field of the form: shown above it. */
  form: string[];
  /** The first DUPLICATE/CONFLICT error's existing record, for a link to it. */
  existingId: string | null;
}

/**
 * Sorts a payload's userErrors into the form's fields and the rest. Field paths arrive as
 * ["input", "name"]; the leading argument name is dropped, so forms use their own names.
 * Fields the form does not show (`known`) are reported at the form level, never lost.
 */
export function splitUserErrors(errors: readonly UserErrorLike[], known?: readonly string[]): SplitUserErrors {
  const result: SplitUserErrors = { fields: {}, form: [], existingId: null };
  for (const error of errors) {
    if (!result.existingId && error.existingId) result.existingId = error.existingId;
    const path = error.field && error.field.length > 1 ? error.field.slice(1).join('.') : (error.field?.[0] ?? null);
    if (path && (!known || known.includes(path)) && !result.fields[path]) result.fields[path] = error.message;
    else result.form.push(error.message);
  }
  return result;
}
