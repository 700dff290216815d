import { randomBytes } from 'node:crypto';

/** Unknowable from outside the process: no value a client stores can spell a slot. */
const NONCE = randomBytes(16).toString('hex');
const PREFIX = `crm-raw:${NONCE}:`;
const SLOT = new RegExp(`"${PREFIX}(\\d+)"`, 'g');

/**
 * JSON texts that go into a response as they are, never parsed nor printed again: the text
 * answers (text-answers.ts) put a slot string where each goes in the result Apollo prints, and
 * the HTTP layer (http/app.ts) puts the texts in the slots' places in the printed body. One per
 * request.
 */
export class RawJson {
  private readonly texts: string[] = [];

  /** The string to put in the result where `text` goes. */
  slot(text: string): string {
    this.texts.push(text);
    return `${PREFIX}${this.texts.length - 1}`;
  }

  /** Whether a slot was given: the result holds texts to put in. */
  get used(): boolean {
    return this.texts.length > 0;
  }

  /**
   * A result holding slots, as the objects the response will print (for who must walk it: the
   * cost): only the texts are parsed, put where their slots are.
   */
  parsed<T>(result: T): T {
    const fill = (value: unknown): unknown => {
      if (typeof value === 'string') {
        return value.startsWith(PREFIX) ? JSON.parse(this.texts[Number(value.slice(PREFIX.length))]) : value;
      }
      if (Array.isArray(value)) return value.map(fill);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]));
      }
      return value;
    };
    return this.used ? (fill(result) as T) : result;
  }

  /** The printed body with every slot (a JSON string) replaced by its text. */
  splice(body: string): string {
    if (this.texts.length === 0) return body;
    return body.replace(SLOT, (_, index: string) => this.texts[Number(index)]);
  }
}
