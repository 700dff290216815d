import { badInput } from '../../shared/connection.js';
import { fold } from '../../shared/fold.js';
import { type Language, msg, render } from '../../shared/messages/index.js';
import { type Sql, sql, trusted } from '../../shared/sql.js';
import { MAX_QUERY_LENGTH } from './search.type.js';

/**
 * What a query becomes before it meets the database: its folded form (the form of
 * `search_doc`, see shared/fold.ts), a prefix tsquery of its words, a trigram pattern and, for
 * a phone-like query, its digits. Folded text holds only letters, digits and single spaces, so
 * it can go into a LIKE pattern and a tsquery as it is.
 */
export interface SearchTerms {
  /** The folded query. */
  q: string;
  /** `word1:* & word2:*`: every word of the query starts a word of the document. */
  tsquery: string;
  /** `%q%`, when the query is long enough for trigrams (3 folded characters). */
  like: string | null;
  /** The digits of a phone-like query ("+7 495 123-45-67"), when there are at least 4. */
  digits: string | null;
}

export const MIN_TRIGRAM_LENGTH = 3;
const PHONE_LIKE = /^[\d\s+().\-/]+$/;

/** The terms of a query, or a translated BAD_USER_INPUT error for an empty or overlong one. */
export function searchTerms(query: string, language: Language, argumentName = 'query'): SearchTerms {
  const trimmed = query.trim();
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw badInput(render(msg('searchQueryTooLong', { max: MAX_QUERY_LENGTH }), language), argumentName);
  }
  const q = fold(trimmed);
  if (!q) throw badInput(render(msg('searchQueryEmpty'), language), argumentName);
  const digits = PHONE_LIKE.test(trimmed) ? trimmed.replace(/\D/g, '') : '';
  return {
    q,
    tsquery: q
      .split(' ')
      .map((word) => `${word}:*`)
      .join(' & '),
    like: q.length >= MIN_TRIGRAM_LENGTH ? `%${q}%` : null,
    digits: digits.length >= 4 ? digits : null,
  };
}

/**
 * The condition a record of a searchable table meets, on the table's alias: served by its GIN
 * indexes (tsvector for words, trigrams for parts of words and typos). `phone` for contacts.
 */
export function matchCondition(alias: string, terms: SearchTerms, phone = false): Sql {
  const doc = trusted(`${alias}.search_doc`);
  const parts = [sql`${trusted(`${alias}.search_vector`)} @@ to_tsquery('simple', ${terms.tsquery})`];
  if (terms.like) {
    parts.push(sql`${doc} like ${terms.like}`);
    parts.push(sql`${terms.q} <% ${doc}`);
  }
  if (phone && terms.digits) parts.push(sql`${doc} like ${`%${terms.digits}%`}`);
  return sql`(${joinOr(parts)})`;
}

function joinOr(parts: Sql[]): Sql {
  return parts.slice(1).reduce((all, part) => sql`${all} or ${part}`, parts[0]);
}

/**
 * The `search` of a list filter (companies, contacts) as a MikroORM condition on the list's own
 * alias: the same matching as the search box (the list keeps its order). The scoped
 * EntityManager adds the agency; archived (merged) records are left out here too. Blank (or
 * punctuation only): null, no condition.
 */
export function searchFilterCondition(
  search: string | null | undefined,
  language: Language,
  phone: boolean,
): { sql: (alias: string) => string; params: unknown[] } | null {
  if (search == null || !fold(search)) return null;
  const terms = searchTerms(search, language, 'filter');
  const condition = matchCondition('__ALIAS__', terms, phone);
  return {
    sql: (alias) => `${alias}.merged_into_id is null and ${condition.text.replaceAll('__ALIAS__', alias)}`,
    params: [...condition.params],
  };
}
