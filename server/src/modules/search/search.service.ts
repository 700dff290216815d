import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, checkPageSize, isBadValueError, toConnection } from '../../shared/connection.js';
import { cursorRefused, decodeCursor, encodeCursor, isFiniteNumber, isId, isText } from '../../shared/cursor.js';
import { websiteDomain } from '../../shared/fold.js';
import { agencyQuery, joinSql, type Sql, sql, trusted } from '../../shared/sql.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { type FieldMatch, matchPhone, matchText } from './highlight.js';
import { matchCondition, type SearchTerms, searchTerms } from './search.terms.js';
import {
  DEFAULT_SEARCH_SIZE,
  MAX_SEARCH_SIZE,
  type SearchArgs,
  SearchField,
  type SearchHit,
  SearchKind,
} from './search.type.js';

/**
 * The search box: one statement ranks the agency's companies, contacts, missions and deals that
 * match (see docs/search.md), then one statement per kind on the page loads the records.
 *
 * Ranking tiers: 4 the folded name is the query, 3 it starts with the query, 2 every word of the
 * query starts a word of the record (or the query is a part of it, or the phone's digits), 1 it
 * only resembles the query (trigram word similarity: typos). Within a tier, the similarity of
 * the name and of the whole record order the hits; then the name, then the id.
 */

interface Branch {
  kind: SearchKind;
  table: string;
  /** The record's name (a deal's title). */
  name: string;
  /** Columns in the order of the union: name, email, phone, city, brands, website. */
  columns: string;
  /** Merged companies and contacts are archived: never found. */
  merged: boolean;
  phone: boolean;
}

/** Hits ranked per kind at most: a query as common as a first name ranks the likeliest ones. */
export const MAX_CANDIDATES = 200;

const BRANCHES: Branch[] = [
  {
    kind: SearchKind.COMPANY,
    name: 't.name',
    table: 'company',
    columns: 't.name, null::text, null::text, t.city, t.brands, t.website',
    merged: true,
    phone: false,
  },
  {
    kind: SearchKind.CONTACT,
    name: 't.full_name',
    table: 'contact',
    columns: 't.full_name, t.email, t.phone, null::text, null::text[], null::text',
    merged: true,
    phone: true,
  },
  {
    kind: SearchKind.MISSION,
    name: 't.name',
    table: 'mission',
    columns: 't.name, null::text, null::text, t.city, null::text[], null::text',
    merged: false,
    phone: false,
  },
  {
    kind: SearchKind.DEAL,
    name: 't.title',
    table: 'deal',
    columns: 't.title, null::text, null::text, null::text, null::text[], null::text',
    merged: false,
    phone: false,
  },
];

interface HitRow {
  kind: SearchKind;
  id: string;
  sort_name: string;
  score: number;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  brands: string[] | null;
  website: string | null;
}

/** The candidates of the chosen kinds, each with its score: a derived table of the statement. */
function scoredHits(agencyId: string, terms: SearchTerms, kinds: SearchKind[]): Sql {
  const branches = BRANCHES.filter((branch) => kinds.includes(branch.kind)).map((branch) => {
    const phoneMatch = branch.phone && terms.digits ? sql`t.search_doc like ${`%${terms.digits}%`}` : trusted('false');
    const prefix = sql`t.search_doc like ${`${terms.q}%`}`;
    // (A constant cannot be an ORDER BY key: a query too short for trigrams leaves it out.)
    const contains = terms.like ? sql`(t.search_doc like ${terms.like}) desc, ` : trusted('');
    // The best MAX_CANDIDATES of a kind by cheap signals (the name comes first in search_doc),
    // before the costlier score: a common word ("Смирнов" in 2,000 contacts) stays fast.
    return sql`select ${branch.kind}::text as kind, c.id, crm_fold(c.name) as sort_name, c.doc, c.words, c.phone_match,
        c.name, c.email, c.phone, c.city, c.brands, c.website
      from (
        select t.id, t.search_doc as doc, t.search_vector @@ to_tsquery('simple', ${terms.tsquery}) as words,
          ${phoneMatch} as phone_match, ${trusted(branch.columns)}
        from ${trusted(branch.table)} t
        where t.agency_id = ${agencyId}${trusted(branch.merged ? ' and t.merged_into_id is null' : '')}
          and ${matchCondition('t', terms, branch.phone)}
        order by ${prefix} desc, words desc, phone_match desc, ${contains}length(t.search_doc), t.id
        limit ${MAX_CANDIDATES}
      ) as c (id, doc, words, phone_match, name, email, phone, city, brands, website)`;
  });
  const contains = terms.like ? sql`doc like ${terms.like}` : trusted('false');
  return sql`select kind, id, sort_name, name, email, phone, city, brands, website,
      round(((case when sort_name = ${terms.q} then 4
                   when sort_name like ${`${terms.q}%`} then 3
                   when words or phone_match or ${contains} then 2
                   else 1 end)
        + 0.999 * (similarity(${terms.q}, sort_name) + word_similarity(${terms.q}, doc)) / 2)::numeric, 6)::float8 as score
    from (${joinSql(branches, ' union all ')}) as candidates (kind, id, sort_name, doc, words, phone_match, name, email, phone, city, brands, website)`;
}

type CursorKey = [score: number, sortName: string, id: string];

/** The fields a person recognises a record by, in the order they are preferred when several match. */
function fieldsOf(row: HitRow): { field: SearchField; text: string }[] {
  const fields: { field: SearchField; text: string | null | undefined }[] =
    row.kind === SearchKind.DEAL
      ? [{ field: SearchField.TITLE, text: row.name }]
      : [
          { field: SearchField.NAME, text: row.name },
          { field: SearchField.EMAIL, text: row.email },
          ...(row.brands ?? []).map((brand) => ({ field: SearchField.BRAND, text: brand })),
          { field: SearchField.WEBSITE, text: websiteDomain(row.website) },
          { field: SearchField.CITY, text: row.city },
        ];
  return fields.filter((field): field is { field: SearchField; text: string } => !!field.text);
}

/** The field a hit is shown by, and what of it to highlight. */
function describe(row: HitRow, terms: SearchTerms): Pick<SearchHit, 'matchedField' | 'snippet' | 'highlights'> {
  let best: { field: SearchField; text: string; match: FieldMatch } | undefined;
  const better = (match: FieldMatch) =>
    !best ||
    match.rank > best.match.rank ||
    (match.rank === best.match.rank && match.similarity > best.match.similarity);
  for (const { field, text } of fieldsOf(row)) {
    const match = matchText(text, terms.q);
    if (better(match)) best = { field, text, match };
  }
  if (row.phone && terms.digits) {
    const match = matchPhone(row.phone, terms.digits);
    if (match.rank > 0 && better(match)) best = { field: SearchField.PHONE, text: row.phone, match };
  }
  if (!best || best.match.rank === 0) {
    const field = row.kind === SearchKind.DEAL ? SearchField.TITLE : SearchField.NAME;
    return { matchedField: field, snippet: row.name, highlights: [] };
  }
  return { matchedField: best.field, snippet: best.text, highlights: best.match.highlights };
}

const ENTITIES = {
  [SearchKind.COMPANY]: Company,
  [SearchKind.CONTACT]: Contact,
  [SearchKind.MISSION]: Mission,
  [SearchKind.DEAL]: Deal,
} as const;

/** The records of a page: one statement per kind present, whatever the page size. */
async function loadNodes(em: EntityManager, rows: HitRow[]): Promise<Map<string, SearchHit['node']>> {
  const nodes = new Map<string, SearchHit['node']>();
  const kinds = [...new Set(rows.map((row) => row.kind))];
  for (const kind of kinds) {
    const ids = rows.filter((row) => row.kind === kind).map((row) => row.id);
    const found = await em.find(ENTITIES[kind] as typeof Company, { id: { $in: ids } });
    for (const node of found) nodes.set(node.id, node);
  }
  return nodes;
}

export async function search(ctx: Context, args: SearchArgs): Promise<ConnectionShape<SearchHit>> {
  const agencyId = ctx.viewer!.agencyId;
  const terms = searchTerms(args.query, ctx.language);
  const size = checkPageSize(args.first, 'first', { max: MAX_SEARCH_SIZE, fallback: DEFAULT_SEARCH_SIZE });
  const kinds = args.kinds?.length ? [...new Set(args.kinds)] : Object.values(SearchKind);
  const after = args.after != null ? (decodeCursor(args.after, [isFiniteNumber, isText, isId]) as CursorKey) : null;
  const hits = scoredHits(agencyId, terms, kinds);
  const keyset = after
    ? sql`where score < ${after[0]} or (score = ${after[0]} and (sort_name, id) > (${after[1]}, ${after[2]}::uuid))`
    : trusted('');
  let rows: HitRow[] = [];
  if (size > 0) {
    try {
      rows = await agencyQuery<HitRow>(
        ctx.em,
        sql`select * from (${hits}) as hits ${keyset} order by score desc, sort_name, id limit ${size + 1}`,
      );
    } catch (error) {
      if (isBadValueError(error)) throw cursorRefused('after');
      throw error;
    }
  }
  const page = rows.slice(0, size);
  const nodes = await loadNodes(ctx.em, page);
  const edges = page
    .filter((row) => nodes.has(row.id))
    .map((row) => {
      const score = Number(row.score);
      const hit: SearchHit = { kind: row.kind, score, ...describe(row, terms), node: nodes.get(row.id)! };
      return { node: hit, cursor: encodeCursor([score, row.sort_name, row.id] satisfies CursorKey) };
    });
  return toConnection({
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: async () => {
      const [row] = await agencyQuery<{ count: string }>(ctx.em, sql`select count(*) as count from (${hits}) as hits`);
      return Number(row.count);
    },
  });
}
