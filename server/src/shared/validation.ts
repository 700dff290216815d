import { type ValidationError, validate } from 'class-validator';
import { type UserError, UserErrorCode, userError } from './user-error.js';

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      userError(
        constraint === 'isNotEmpty' || constraint === 'isDefined' ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
        message,
        field,
      ),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Runs the class-validator rules declared on an @InputType and answers with userErrors whose
 * field paths start at `input` (["input", "email"]): the client shows each at its field.
 */
export async function validateInput(input: object, path: string[] = ['input']): Promise<UserError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, skipMissingProperties: false });
  return flatten(errors, path);
}
