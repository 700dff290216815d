import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput, type ConnectionShape, toConnection } from '../../shared/connection.js';
import { PUBLIC_MAIL_DOMAINS } from '../../shared/fold.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';

export const MAX_CANDIDATES_PAGE = 50;
/** Folded names at least this similar (pg_trgm similarity, 0..1) make a SIMILAR_NAME pair. */
export const SIMILAR_NAME_THRESHOLD = 0.5;

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

/**
 * Candidate pairs of companies, each found by an index or an equi-join (never a cross join of
 * everything): same folded name and country, same website domain, names the trigram index
 * finds similar, same non-public e-mail domain among their contacts. One row per pair with
 * its reasons; the score combines the reasons' weights as independent evidence.
 */
const COMPANY_PAIRS = `
with live as (
  select id, created_at, country, crm_fold(name) as fname, ${WEBSITE_DOMAIN} as domain
  from company where agency_id = ? and merged_into_id is null
),
domains as (
  select distinct c.company_id as id, lower(split_part(c.email, '@', 2)) as domain
  from contact c join company co on co.id = c.company_id and co.merged_into_id is null
  where c.agency_id = ? and c.merged_into_id is null and c.email like '%_@_%'
    and lower(split_part(c.email, '@', 2)) not in (?)
),
evidence as (
  select a.id as a, b.id as b, 'SAME_NAME_AND_COUNTRY' as reason, 0.95::float8 as w
  from live a join live b on a.fname = b.fname and a.country = b.country and a.id < b.id
  union all
  select a.id, b.id, 'SAME_WEBSITE_DOMAIN', 0.9
  from live a join live b on a.domain = b.domain and a.id < b.id
  union all
  select a.id, b.id, 'SIMILAR_NAME', similarity(crm_fold(a.name), crm_fold(b.name)) * 0.8
  from company a join company b
    on b.agency_id = a.agency_id and b.search_doc % a.search_doc and a.id < b.id and b.merged_into_id is null
  where a.agency_id = ? and a.merged_into_id is null
    and similarity(crm_fold(a.name), crm_fold(b.name)) >= ${SIMILAR_NAME_THRESHOLD}
  union all
  select a.id, b.id, 'SAME_EMAIL_DOMAIN', 0.6
  from domains a join domains b on a.domain = b.domain and a.id < b.id
)`;

/** Contacts: same e-mail, same phone digits (7 or more), similar folded names at one company. */
const CONTACT_PAIRS = `
with live as (
  select id, company_id, lower(email) as email, nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '') as phone,
    crm_fold(full_name) as fname
  from contact where agency_id = ? and merged_into_id is null
),
evidence as (
  select a.id as a, b.id as b, 'SAME_EMAIL' as reason, 0.95::float8 as w
  from live a join live b on a.email = b.email and a.id < b.id
  union all
  select a.id, b.id, 'SAME_PHONE', 0.8
  from live a join live b on a.phone = b.phone and length(a.phone) >= 7 and a.id < b.id
  union all
  select a.id, b.id, 'SIMILAR_NAME', similarity(a.fname, b.fname) * 0.9
  from live a join live b on a.company_id = b.company_id and a.id < b.id
  where similarity(a.fname, b.fname) >= ${SIMILAR_NAME_THRESHOLD}
)`;

const PAGE = `
select a, b, round(100 * (1 - exp(sum(ln(1 - least(w, 0.99))))))::int as score,
  array_agg(distinct reason order by reason) as reasons, count(*) over ()::int as total
from evidence group by a, b
order by score desc, a, b
limit ? offset ?`;

function decodeOffset(after: string | null | undefined): number {
  if (after == null) return 0;
  const match = /^offset:(\d{1,7})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw badInput('The cursor is not valid for this list.', 'after');
  return Number(match[1]);
}

const encodeOffset = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

export async function duplicateCandidates(
  em: EntityManager,
  agencyId: string,
  kind: DuplicateKind,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<DuplicateCandidate>> {
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_CANDIDATES_PAGE) {
    throw badInput(`\`first\` must be between 0 and ${MAX_CANDIDATES_PAGE}.`, 'first');
  }
  const offset = decodeOffset(page.after);
  // `%` finds candidates through the trigram index at this threshold, for this statement only.
  const rows = await em.transactional(async (tx) => {
    await tx.execute(`set local pg_trgm.similarity_threshold = ${SIMILAR_NAME_THRESHOLD}`);
    return kind === DuplicateKind.COMPANY
      ? await tx.execute<PairRow[]>(`${COMPANY_PAIRS} ${PAGE}`, [
          agencyId,
          agencyId,
          [...PUBLIC_MAIL_DOMAINS],
          agencyId,
          first + 1,
          offset,
        ])
      : await tx.execute<PairRow[]>(`${CONTACT_PAIRS} ${PAGE}`, [agencyId, first + 1, offset]);
  });
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
      return { node, cursor: encodeOffset(offset + index + 1) };
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
  const [row] =
    kind === DuplicateKind.COMPANY
      ? await em.execute<{ n: number }[]>(`${COMPANY_PAIRS} select count(distinct (a, b))::int as n from evidence`, [
          agencyId,
          agencyId,
          [...PUBLIC_MAIL_DOMAINS],
          agencyId,
        ])
      : await em.execute<{ n: number }[]>(`${CONTACT_PAIRS} select count(distinct (a, b))::int as n from evidence`, [
          agencyId,
        ]);
  return row.n;
}
