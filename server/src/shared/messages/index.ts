import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import { ru } from './ru.js';

export type { Messages } from './en.js';

/** The languages of the UI, and of userError messages. */
export const LANGUAGES = ['en', 'fr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** API clients that ask for no supported language get English. */
export const DEFAULT_LANGUAGE: Language = 'en';

export const CATALOGS: Record<Language, Messages> = { en, fr, ru };

export type MessageId = keyof Messages;

/** The params a message takes: none for a plain text, else the argument of its function. */
export type MessageParams<K extends MessageId> = Messages[K] extends (params: infer P) => string ? [params: P] : [];

/** A message of the catalog, not yet in a language: rendered for each request (see UserError.message). */
export interface Message {
  id: MessageId;
  params?: unknown;
}

/** `msg('stageRetired', { name })`: a catalog message, its params checked against the English entry. */
export function msg<K extends MessageId>(id: K, ...params: MessageParams<K>): Message {
  return params.length > 0 ? { id, params: params[0] } : { id };
}

export function render(message: Message, language: Language = DEFAULT_LANGUAGE): string {
  const entry = CATALOGS[language][message.id] as string | ((params: unknown) => string);
  return typeof entry === 'function' ? entry(message.params) : entry;
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a request from its Accept-Language header: the supported language the client
 * prefers most (q-values respected, "fr-FR" counts as fr), else English. The web client sends
 * its UI language.
 */
export function languageFromHeader(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANGUAGE;
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.split(';').map((piece) => piece.trim());
      const q = attributes.find((attribute) => /^q=/i.test(attribute));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranges.find((range) => isLanguage(range.language))?.language as Language | undefined) ?? DEFAULT_LANGUAGE;
}
