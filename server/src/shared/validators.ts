import { isISO31661Alpha2, ValidateBy, type ValidationOptions } from 'class-validator';
import { msg } from './messages/index.js';
import { UserErrorsException } from './mutation.js';
import { UserErrorCode, userError } from './user-error.js';

/*
 * Generic class-validator rules for @InputType fields. They carry no message: validateInput
 * (shared/validation.ts) answers every broken rule with a catalog message chosen by the rule's
 * name (isCountryCode → notACountry), in the request's language.
 */

/** An ISO 3166-1 alpha-2 country code, in capitals ("MA", "RU"): every country an input takes. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isISO31661Alpha2(value),
      },
    },
    options,
  );
}

/** A name must hold at least one letter or digit ("  " and "!!!" are not names). Empty strings are left to IsNotEmpty. */
export function HasLetterOrDigit(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasLetterOrDigit',
      validator: {
        validate: (value) => typeof value === 'string' && (value === '' || /[\p{L}\p{N}]/u.test(value)),
      },
    },
    options,
  );
}

/** A phone number as people write it: digits, spaces, dashes, dots, brackets and a leading "+". */
export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value) =>
          typeof value === 'string' && /^\+?[\d\s().-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 3,
      },
    },
    options,
  );
}

/**
 * Update inputs may omit a required field but not set it to null: GraphQL lets null through a
 * nullable input field, so the services refuse it here, one REQUIRED error per field.
 */
export function refuseNulls(input: object, fields: readonly string[]): void {
  const nulls = fields.filter((field) => (input as Record<string, unknown>)[field] === null);
  if (nulls.length > 0) {
    throw new UserErrorsException(
      nulls.map((field) => userError(UserErrorCode.REQUIRED, msg('cannotBeRemoved', { field }), ['input', field])),
    );
  }
}
