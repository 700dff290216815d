import { buildMessage, isISO31661Alpha2, ValidateBy, type ValidationOptions } from 'class-validator';
import { msg } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';

/** An ISO 3166-1 alpha-2 country code, in capitals ("MA", "RU"). */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isISO31661Alpha2(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "MA"`,
          options,
        ),
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
        defaultMessage: buildMessage((each) => `${each}$property must contain a letter or a digit`, options),
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
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a phone number (digits, spaces, dashes, brackets, a leading +)`,
          options,
        ),
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

/** Trimmed text, or null when nothing is left. */
export function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Trimmed, non-empty, unique values in their first order. */
export function distinct(values: readonly string[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}

/** A LIKE pattern matching values that contain `value` literally (%, _ and \ escaped). */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
