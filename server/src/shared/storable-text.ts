/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text no database column can hold: a NUL character (PostgreSQL's text refuses it) or an
 * unpaired UTF-16 surrogate (its JSON refuses it; UTF-8 cannot encode it).
 */
export const isUnstorableText = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);
