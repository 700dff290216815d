import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ConnectionShape, checkPageSize, DEFAULT_PAGE_SIZE, toConnection } from '../../shared/connection.js';
import { decodeCursor, encodeCursor } from '../../shared/cursor.js';
import { PUBLIC_MAIL_DOMAINS } from '../../shared/fold.js';
import { agencyQuery, list, type Sql, sql, trusted, withStatementTimeout } from '../../shared/sql.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';

export const MAX_CANDIDATES_PAGE = 50;
/** Folded names at least this similar (pg_trgm similarity, 0..1) make a SIMILAR_NAME pair. */
export const SIMILAR_NAME_THRESHOLD = 0.5;
/**
 * Bounds on the work of one request, whatever the data (see docs/merge.md, "Bounded work"):
 * - records with one identity (folded name and country, e-mail, phone) pair with at most this
 *   many others of their group, the next ones by age;
 * - a name is compared with at most this many neighbours in each of its sorted blocks;
 * - a website or e-mail domain shared by more companies than this is a host, not evidence.
 */
export const GROUP_NEIGHBOURS = 5;
export const NAME_NEIGHBOURS = 3;
export const SHARED_DOMAIN_LIMIT = 10;
/** The candidates statement gives up after this long (a userError-free GraphQL error, never a hung request). */
const STATEMENT_TIMEOUT_MS = 10_000;

export enum DuplicateKind {
  COMPANY = 'COMPANY',
  CONTACT = 'CONTACT',
}
registerEnumType(DuplicateKind, { name: 'DuplicateKind' });

export enum DuplicateReason {
  SAME_NAME_AND_COUNTRY = 'SAME_NAME_AND_COUNTRY',
  SAME_WEBSITE_DOMAIN = 'SAME_WEBSITE_DOMAIN',
  SIMILAR_NAME = 'SIMILAR_NAME',
  SAME_EMAIL_DOMAIN = 'SAME_EMAIL_DOMAIN',
  SAME_EMAIL = 'SAME_EMAIL',
  SAME_PHONE = 'SAME_PHONE',
}
registerEnumType(DuplicateReason, {
  name: 'DuplicateReason',
  description:
    'Why two records look alike. Names compare folded (case, accents, Cyrillic transliterated); SIMILAR_NAME is a trigram similarity; SAME_EMAIL_DOMAIN ignores public mail services; contacts: SIMILAR_NAME only within one company.',
});

@ObjectType({ description: 'Two live records that may be one: for a reviewer to merge or leave.' })
export class DuplicateCandidate {
  @Field(() => ID, { description: 'The pair, as "<id>:<id>".' })
  id!: string;

  @Field(() => DuplicateKind)
  kind!: DuplicateKind;

  @Field(() => Int, { description: 'How likely the pair is one record, 0 to 100.' })
  score!: number;

  @Field(() => [DuplicateReason])
  reasons!: DuplicateReason[];

  @Field(() => [Company], { description: 'COMPANY: the two companies (the older first).' })
  companies!: Company[];

  @Field(() => [Contact], { description: 'CONTACT: the two contacts (the older first).' })
  contacts!: Contact[];
}

interface PairRow {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
  total: number;
}

// No question mark in the pattern: the driver would read it as a parameter ({0,1} and \x3f instead).
const WEBSITE_DOMAIN = `nullif(lower(regexp_replace(website, '^([a-z]+://){0,1}(www[.]){0,1}([^/:#\\x3f]+).*$', '\\3', 'i')), '')`;

/** The next `n` records of the window's partition, as an array (one pair per element). */
// Sort keys compare bytewise (collate "C"): only neighbours matter, and it sorts 10,000 names several times faster.
const next = (n: number) => trusted(`rows between 1 following and ${n} following`);

/**
 * Candidate pairs of companies, from set-based passes over the agency's live companies (hash
 * joins, sorts and window functions: no per-company index probe, no unbounded self-join), each
 * bounded by a constant per company:
 * - same folded name and country: each company with the next GROUP_NEIGHBOURS of its group;
 * - same website domain, same non-public e-mail domain among their contacts: all pairs of a
 *   domain shared by at most SHARED_DOMAIN_LIMIT companies;
 * - similar names (sorted neighbourhood): the folded names are sorted within blocks, one block
 *   per word (two names with a word in common), and for one-word names one block of them and one
 *   of them reversed (a typo at the end or at the start); each name is compared (pg_trgm
 *   similarity) with the next NAME_NEIGHBOURS of each of its blocks.
 * One row per pair with its reasons; the score combines the reasons' weights as independent evidence.
 */
const companyPairs = (agencyId: string) => sql`
with live as (
  select id, created_at, country, fold_name as fname, ${trusted(WEBSITE_DOMAIN)} as domain
  from company where agency_id = ${agencyId} and merged_into_id is null
),
same_name as (
  select id, array_agg(id) over (partition by fname collate "C", country order by created_at, id ${next(GROUP_NEIGHBOURS)}) as ids
  from live
),
sites as (
  select id, domain from (select id, domain, count(*) over (partition by domain collate "C") as n from live where domain is not null) s
  where n <= ${trusted(String(SHARED_DOMAIN_LIMIT))}
),
mails as (
  select id, domain from (
    select id, domain, count(*) over (partition by domain collate "C") as n from (
      select distinct c.company_id as id, lower(split_part(c.email, '@', 2)) as domain
      from contact c join live co on co.id = c.company_id
      where c.agency_id = ${agencyId} and c.merged_into_id is null and c.email like '%_@_%'
        and lower(split_part(c.email, '@', 2)) not in (${list([...PUBLIC_MAIL_DOMAINS])})
    ) d
  ) s where n <= ${trusted(String(SHARED_DOMAIN_LIMIT))}
),
blocks as (
  select id, fname, w as block, fname as sort_key from live, unnest(string_to_array(fname, ' ')) w where length(w) > 1
  union all select id, fname, ' ', fname from live where position(' ' in fname) = 0
  union all select id, fname, '  ', reverse(fname) from live where position(' ' in fname) = 0
),
near as (
  select id, fname, array_agg(id) over w as ids, array_agg(fname) over w as names
  from blocks window w as (partition by block collate "C" order by sort_key collate "C", id ${next(NAME_NEIGHBOURS)})
),
named as (
  select distinct least(n.id, x.id) as a, greatest(n.id, x.id) as b, n.fname as af, x.fname as bf
  from near n cross join unnest(n.ids, n.names) x(id, fname)
  where x.id <> n.id and length(x.fname) between length(n.fname) / 2 and length(n.fname) * 2
),
evidence as (
  select least(s.id, x.id) as a, greatest(s.id, x.id) as b, 'SAME_NAME_AND_COUNTRY' as reason, 0.95::float8 as w
  from same_name s cross join unnest(s.ids) x(id)
  union all
  select a.id, b.id, 'SAME_WEBSITE_DOMAIN', 0.9
  from sites a join sites b on a.domain = b.domain and a.id < b.id
  union all
  select a, b, 'SIMILAR_NAME', s * 0.8
  from (select a, b, similarity(af, bf) as s from named) n where s >= ${trusted(String(SIMILAR_NAME_THRESHOLD))}
  union all
  select a.id, b.id, 'SAME_EMAIL_DOMAIN', 0.6
  from mails a join mails b on a.domain = b.domain and a.id < b.id
)`;

/**
 * Contacts: same e-mail, same phone digits (7 or more), each contact with the next
 * GROUP_NEIGHBOURS of its group; similar folded names at one company, each name compared with
 * the next GROUP_NEIGHBOURS of its company in name order.
 */
const contactPairs = (agencyId: string) => sql`
with live as (
  select id, created_at, company_id, lower(email) as email,
    nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '') as phone, fold_name as fname
  from contact where agency_id = ${agencyId} and merged_into_id is null
),
chains as (
  select id, 'SAME_EMAIL' as reason, 0.95::float8 as w,
    array_agg(id) over (partition by email collate "C" order by created_at, id ${next(GROUP_NEIGHBOURS)}) as ids
  from live where email is not null
  union all
  select id, 'SAME_PHONE', 0.8,
    array_agg(id) over (partition by phone collate "C" order by created_at, id ${next(GROUP_NEIGHBOURS)})
  from live where length(phone) >= 7
),
near as (
  select id, fname, array_agg(id) over w as ids, array_agg(fname) over w as names
  from live window w as (partition by company_id order by fname collate "C", id ${next(GROUP_NEIGHBOURS)})
),
evidence as (
  select least(c.id, x.id) as a, greatest(c.id, x.id) as b, c.reason, c.w
  from chains c cross join unnest(c.ids) x(id)
  union all
  select a, b, 'SIMILAR_NAME', s * 0.9 from (
    select least(n.id, x.id) as a, greatest(n.id, x.id) as b, similarity(n.fname, x.fname) as s
    from near n cross join unnest(n.ids, n.names) x(id, fname)
  ) p where s >= ${trusted(String(SIMILAR_NAME_THRESHOLD))}
)`;

const rankedPage = (limit: number, offset: number) => sql`
select a, b, round(100 * (1 - exp(sum(ln(1 - least(w, 0.99))))))::int as score,
  array_agg(distinct reason order by reason) as reasons, count(*) over ()::int as total
from evidence group by a, b
order by score desc, a, b
limit ${limit} offset ${offset}`;

/** The one statement that finds a page of candidate pairs (exported for the bench's EXPLAIN). */
export function candidatesStatement(kind: DuplicateKind, agencyId: string, limit: number, offset: number): Sql {
  const pairs = kind === DuplicateKind.COMPANY ? companyPairs(agencyId) : contactPairs(agencyId);
  return sql`${pairs} ${rankedPage(limit, offset)}`;
}

/** An offset into the ranked pairs: at most 7 digits, as the cursor of its pair. */
const isOffset = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 10_000_000;

export async function duplicateCandidates(
  em: EntityManager,
  agencyId: string,
  kind: DuplicateKind,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<DuplicateCandidate>> {
  const first = checkPageSize(page.first, 'first', { max: MAX_CANDIDATES_PAGE, fallback: DEFAULT_PAGE_SIZE });
  const offset = page.after == null ? 0 : (decodeCursor(page.after, [isOffset])[0] as number);
  // Bounded by construction (see companyPairs); the timeout is the last guard, for this transaction only.
  const rows = await withStatementTimeout(em, STATEMENT_TIMEOUT_MS, (tx) =>
    agencyQuery<PairRow>(tx, candidatesStatement(kind, agencyId, first + 1, offset)),
  );
  const shown = rows.slice(0, first);
  const ids = [...new Set(shown.flatMap((row) => [row.a, row.b]))];
  const entity = kind === DuplicateKind.COMPANY ? Company : Contact;
  const records = ids.length ? await em.find(entity as unknown as typeof Company, { id: { $in: ids } }) : [];
  const byId = new Map<string, Company | Contact>(records.map((record) => [record.id, record]));
  const edges = shown
    .filter((row) => byId.has(row.a) && byId.has(row.b))
    .map((row, index) => {
      const pair = [byId.get(row.a)!, byId.get(row.b)!].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
      const node = Object.assign(new DuplicateCandidate(), {
        id: `${row.a}:${row.b}`,
        kind,
        score: row.score,
        reasons: row.reasons,
        companies: kind === DuplicateKind.COMPANY ? pair : [],
        contacts: kind === DuplicateKind.CONTACT ? pair : [],
      });
      return { node, cursor: encodeCursor([offset + index + 1]) };
    });
  const total = rows[0]?.total ?? 0;
  return toConnection({
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: async () => (rows.length > 0 || offset === 0 ? total : countPairs(em, agencyId, kind)),
  });
}

async function countPairs(em: EntityManager, agencyId: string, kind: DuplicateKind): Promise<number> {
  const pairs = kind === DuplicateKind.COMPANY ? companyPairs(agencyId) : contactPairs(agencyId);
  const [row] = await agencyQuery<{ n: number }>(
    em,
    sql`${pairs} select count(distinct (a, b))::int as n from evidence`,
  );
  return row.n;
}
