import { getMetadataStorage, type ValidationError, validate } from 'class-validator';
import { type Message, msg } from './messages/index.js';
import { type UserError, UserErrorCode, userError } from './user-error.js';

/** The formats checked with @Matches, by the name of the property (a generic text for others). */
const FORMATS: Record<string, Message> = {
  amount: msg('badAmount'),
  rate: msg('badRate'),
  currency: msg('notACurrency'),
  code: msg('badSectorCode'),
  languages: msg('notALanguage'),
  country: msg('notACountry'),
  destinationCountry: msg('notACountry'),
  hostCountry: msg('notACountry'),
};

/** The arguments of a rule as declared (the 200 of @MaxLength(200)). */
function argumentsOf(error: ValidationError, constraint: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && metadata.name === constraint);
  return rule?.constraints ?? [];
}

/** The catalog text of a broken rule, chosen by the rule's name (and the property's, for @Matches). */
function textOf(error: ValidationError, constraint: string): Message {
  const [first] = argumentsOf(error, constraint);
  const bound = Number(first);
  switch (constraint) {
    case 'isNotEmpty':
    case 'isDefined':
      return msg('required');
    case 'maxLength':
      return msg('tooLong', { max: bound });
    case 'minLength':
      return msg('tooShort', { min: bound });
    case 'min':
      return msg('tooSmall', { min: bound });
    case 'max':
      return msg('tooLarge', { max: bound });
    case 'arrayMaxSize':
      return msg('tooManyItems', { max: bound });
    case 'isArray':
      return msg('notAList');
    case 'isInt':
      return msg('notAnInteger');
    case 'isBoolean':
      return msg('notABoolean');
    case 'isEnum':
      return msg('notAChoice');
    case 'isEmail':
      return msg('notAnEmail');
    case 'isUuid':
      return msg('notAnId');
    case 'isUrl':
      return msg('notAUrl');
    case 'isISO31661Alpha2':
    case 'isCountryCode':
      return msg('notACountry');
    case 'isISO4217CurrencyCode':
      return msg('notACurrency');
    case 'isPhone':
      return msg('notAPhone');
    case 'hasLetterOrDigit':
      return msg('needsLetterOrDigit');
    case 'matches':
      return FORMATS[error.property] ?? msg('badFormat');
    default:
      return msg('badValue');
  }
}

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.keys(error.constraints ?? {}).map((constraint) =>
      userError(
        constraint === 'isNotEmpty' || constraint === 'isDefined' ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
        textOf(error, constraint),
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
  // The rules' own (English) messages are never shown: textOf picks the catalog's.
  const errors = await validate(input, {
    forbidUnknownValues: false,
    skipMissingProperties: false,
    dismissDefaultMessages: true,
  });
  return flatten(errors, path);
}
