import fc from 'fast-check';
import {
  type GraphQLInputObjectType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { isUnstorableText } from '../../../server/src/shared/storable-text.js';

/**
 * Generated values for GraphQL input types: mostly of the right type (so the request gets past
 * variable coercion and reaches the resolvers) but nasty, sometimes of a wrong type.
 */

/** Ids the generator picks from: real rows of the viewer's agency and of another agency. */
export interface IdPool {
  own: string[];
  foreign: string[];
}

/** The body limit of the server (CRM_MAX_BODY_BYTES default): strings near it and over it. */
export const MAX_BODY_BYTES = 1_000_000;

const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, false, '', 'x', [], {}, [null], { a: 1 }, [[1]]];

/** Texts that broke servers before: NUL, lone surrogates, direction marks, combining marks, emoji, scripts. */
const NASTY_TEXTS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\ud83db',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\u200b\ufeff',
  'e\u0301\u0301\u0301',
  '\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359',
  '👨‍👩‍👧‍👦',
  '🇫🇷🇷🇺🇲🇦',
  '💩',
  'Москва',
  'Ёжик ёлка',
  'مرحبا',
  'שלום',
  '中文',
  'ＡＢＣ',
  'ǅ ß ﬃ İ ı',
  '\n\r\t\v\f',
  "'; drop table company; --",
  '%_\\',
  '$1 $' + '{x} {{x}}',
  '<script>alert(1)</script>',
  'a@b',
  'manager@mosprom.demo',
  'x'.repeat(201),
  'é'.repeat(5001),
];

/** Strings of about `size` bytes once in a JSON body: big ones fit, the biggest are over the limit. */
const HUGE_SIZES = [100_000, MAX_BODY_BYTES - 20_000, MAX_BODY_BYTES + 1];

/**
 * A value sent as is (JSON.stringify calls toJSON) but shown in fast-check's report by how it
 * was made, not as a megabyte of text.
 */
function shownAs<T>(value: T, shown: string): { toJSON(): T; [fc.toStringMethod](): string } {
  return { toJSON: () => value, [fc.toStringMethod]: () => shown };
}

function hugeString(units: string[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...HUGE_SIZES), fc.constantFrom(...units)).map(([size, unit]) => {
    // Bytes of one unit in the JSON body, without the quotes: 1 for a, 2 for é, 6 for \u0000.
    const count = Math.max(1, Math.floor(size / (Buffer.byteLength(JSON.stringify(unit)) - 2)));
    return shownAs(unit.repeat(count), `${JSON.stringify(unit)}.repeat(${count})`);
  });
}

const anyText = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_TEXTS), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  {
    // Lone surrogates and NUL mixed into ordinary text.
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom('\ud800', '\udfff', '\u0000', '\u202e'), fc.string({ maxLength: 4 })), {
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
    weight: 2,
  },
  { arbitrary: hugeString(['a', 'é', '\u0000', '😀']), weight: 1 },
);

/** Text the text guard lets through (no NUL, no unpaired surrogate): the rest of the nasty list. */
const storableText = fc.oneof(
  {
    arbitrary: fc.constantFrom(...NASTY_TEXTS.filter((text) => !isUnstorableText(text))),
    weight: 6,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: hugeString(['a', 'é', 'ж', '😀', '\u202e']), weight: 1 },
);

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Malformed cursors: junk, base64 of JSON of the wrong shape, of the right shape with wrong types. */
const cursor = fc.oneof(
  anyText,
  fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value))),
  fc
    .tuple(
      fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constantFrom('9999-99-99', '\u0000')),
      fc.oneof(fc.uuid(), fc.string()),
    )
    .map((values) => base64url(JSON.stringify(values))),
  fc.constantFrom('', '=', 'W10', 'WyJ4Il0', 'bnVsbA', '%%%', 'e30'),
);

function ids(pool: IdPool): fc.Arbitrary<unknown> {
  const some = (list: string[]) => (list.length > 0 ? [fc.constantFrom(...list)] : []);
  return fc.oneof(
    ...some(pool.own),
    ...some(pool.own),
    ...some(pool.foreign),
    ...some(pool.foreign),
    fc.uuid(),
    fc.constantFrom('', 'x', '1', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    anyText,
  );
}

const DATES = [
  '2025-01-01',
  '2024-02-29',
  '1970-01-01',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '2025-02-30',
  '2025-13-01',
  '2025-00-10',
  '2025-1-1',
  '2025-01-01T00:00:00Z',
  '01/02/2025',
  'Invalid Date',
];

const DATE_TIMES = [
  '2025-01-01T00:00:00Z',
  '2025-06-30T23:59:59.999+14:00',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '2025-02-30T00:00:00Z',
  '2025-01-01T25:00:00Z',
  '2025-01-01',
  'Invalid Date',
];

const DECIMALS = [
  '0',
  '-0',
  '1',
  '-1',
  '0.0000000001',
  '1234.50',
  '9999999999999999.9999999999',
  '-9999999999999999.9999999999',
  '1234567890123456789012345678901234567890',
  '0.1234567890123456789012345678901234567890',
  '1e5',
  'NaN',
  'Infinity',
  ' 1',
  '1.',
  '.5',
];

const INTS = [0, 1, -1, 2, 19, 20, 21, 100, 101, 1000, -2147483648, 2147483647, 2147483648, 2 ** 53, -(2 ** 53)];

function scalar(name: string, argName: string, pool: IdPool, chaos: boolean): fc.Arbitrary<unknown> {
  if (!chaos) return cleanScalar(name, argName, pool);
  switch (name) {
    case 'ID':
      return ids(pool);
    case 'String':
      return /^(after|before|cursor)$/.test(argName) ? cursor : anyText;
    case 'Int':
      return fc.oneof(fc.constantFrom(...INTS), fc.integer(), fc.integer({ min: -3, max: 30 }));
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1.5),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(
        fc.constantFrom(...DATES),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      );
    case 'DateTime':
      return fc.oneof(
        fc.constantFrom(...DATE_TIMES),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      );
    case 'Decimal':
      return fc.oneof(
        fc.constantFrom(...DECIMALS),
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      );
    case 'JSONObject':
      return fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    default:
      return anyText;
  }
}

/** Values every scalar accepts, nasty only by their content: they get to the resolvers. */
function cleanScalar(name: string, argName: string, pool: IdPool): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return /^(after|before|cursor)$/.test(argName) ? cursor : storableText;
    case 'Int':
      return fc.constantFrom(...INTS.filter((n) => Math.abs(n) < 2 ** 31));
    case 'Date':
      return fc.oneof(
        fc.constantFrom('2025-01-01', '2024-02-29', '1000-01-01', '9999-12-31', '2100-01-01'),
        fc
          .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      );
    case 'Decimal':
      return fc.oneof(
        fc.constantFrom(...DECIMALS.filter((text) => /^-?\d{1,16}(\.\d{1,10})?$/.test(text))),
        fc.bigInt({ min: -(10n ** 16n) + 1n, max: 10n ** 16n - 1n }).map(String),
      );
    default:
      return scalar(name, argName, pool, true);
  }
}

function wrongEnum(values: string[]): fc.Arbitrary<unknown> {
  return fc.constantFrom('NOPE', values[0].toLowerCase(), ` ${values[0]}`, `${values[0]}\u0000`, 0, '');
}

const wrongType = fc.constantFrom(...WRONG_TYPES);

/**
 * A generated value for an argument or input field of this type. With `chaos`, anything goes
 * (nulls for required fields, wrong types, wrong enum values, unknown fields, invalid dates);
 * without, every value is of its type and only its content is nasty, so it reaches the resolvers.
 */
export function valueFor(
  type: GraphQLInputType,
  name: string,
  pool: IdPool,
  chaos: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = valueFor(type.ofType, name, pool, chaos, depth);
    return chaos ? fc.oneof({ arbitrary: value, weight: 30 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
  }
  if (isListType(type)) {
    const item = valueFor(type.ofType, name, pool, chaos, depth + 1);
    return fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 8 },
      { arbitrary: fc.constant([]), weight: 2 },
      // A huge list: the same generated item many times.
      {
        arbitrary: fc.tuple(item, fc.constantFrom(1_000, 20_000)).map(([one, size]) => {
          // A list of big items stays a few items: the body limit is tried by the strings alone.
          const n = (JSON.stringify(one) ?? '').length > 1_000 ? 3 : size;
          return shownAs(Array(n).fill(one), `Array(${n}).fill(${fc.stringify(one)})`);
        }),
        weight: 1,
      },
      { arbitrary: item, weight: 1 },
    );
  }
  let right: fc.Arbitrary<unknown>;
  if (isScalarType(type)) right = scalar(type.name, name, pool, chaos);
  else if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    right = chaos
      ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 12 }, { arbitrary: wrongEnum(values), weight: 1 })
      : fc.constantFrom(...values);
  } else if (isInputObjectType(type)) right = objectFor(type, pool, chaos, depth);
  else right = wrongType;
  return chaos ? fc.oneof({ arbitrary: right, weight: 25 }, { arbitrary: wrongType, weight: 1 }) : right;
}

function objectFor(type: GraphQLInputObjectType, pool: IdPool, chaos: boolean, depth: number): fc.Arbitrary<unknown> {
  if (depth > 3) return fc.constant({});
  const fields = Object.values(type.getFields());
  const record = Object.fromEntries(
    fields.map((field) => [field.name, valueFor(field.type, field.name, pool, chaos, depth + 1)]),
  );
  const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
  if (!chaos) return fc.record(record, { requiredKeys: required });
  return fc.oneof(
    { arbitrary: fc.record(record, { requiredKeys: required }), weight: 20 },
    // An unknown field beside the others.
    {
      arbitrary: fc.record(record, { requiredKeys: required }).map((value) => ({ ...value, notAField: 1 })),
      weight: 1,
    },
  );
}
