import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import { agencyQuery, list, type Sql, sql, trusted } from '../../shared/sql.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { companySnapshot } from '../company/company.service.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import {
  COMPANY_MERGE_FIELDS,
  type MergeCompaniesInput,
  type MergeCompaniesPreview,
  MergeConflict,
  MergeConflictKind,
  type MergedCompanyValues,
  MergeRelation,
} from './merge.inputs.js';
import {
  approved,
  finishMerge,
  keeperValues,
  type MergeKind,
  type MergeSet,
  moveMeetings,
  startMergePlan,
  union,
  WITH_MERGED,
} from './merge-records.js';

/** Participation statuses from the least to the most advanced: the most advanced wins. */
const STATUS_RANK = trusted(
  `array_position(array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'], p.status::text)`,
);

interface CompanyMergePlan {
  set: MergeSet<Company>;
  values: MergedCompanyValues & { accountManager: User | null };
  sectors: Sector[];
  preview: MergeCompaniesPreview;
}

type Row = Record<string, unknown>;

const COMPANIES: MergeKind<Company, (typeof COMPANY_MERGE_FIELDS)[number]> = {
  entity: Company,
  fields: COMPANY_MERGE_FIELDS,
  notFound: msg('noSuchCompany'),
};

/**
 * What merging `mergeIds` into `keepId` would do, and the rules it would break (in
 * `preview.userErrors`). Shared by the preview (a query, nothing written) and the merge,
 * which plans again inside its transaction with the records locked.
 */
export async function planCompanyMerge(
  em: EntityManager,
  input: MergeCompaniesInput,
  options: { lock: boolean },
): Promise<CompanyMergePlan | { preview: MergeCompaniesPreview; set?: undefined }> {
  const start = await startMergePlan(em, COMPANIES, input, options);
  if ('refused' in start) return { preview: { ...start.refused, conflicts: [] } };
  const { set, sources, errors } = start;

  const all = [set.keep, ...set.merged];
  await em.populate(all, ['sectors'], WITH_MERGED);
  const values = {
    name: sources.name.name,
    kind: sources.kind.kind,
    country: sources.country.country,
    city: sources.city.city ?? null,
    website: sources.website.website ?? null,
    notes: sources.notes.notes ?? null,
    brands: union(...all.map((company) => company.brands)),
    accountManager: sources.accountManager.accountManager
      ? await em.findOne(User, sources.accountManager.accountManager.id)
      : null,
  };
  const sectorIds = new Set(set.keep.sectors.getIdentifiers<string>());
  const sectors = all.flatMap((company) => company.sectors.getItems());
  const newSectors = union(sectors.map((sector) => sector.id)).filter((id) => !sectorIds.has(id));

  const ids = list(set.ids);
  const merged = list(set.mergedIds);
  const [counts] = await agencyQuery<Row>(
    em,
    (agency) => sql`select
       (select count(*) from contact where agency_id = ${agency} and company_id in (${merged}) and merged_into_id is null)::int as contacts,
       (select count(*) from interaction where agency_id = ${agency} and exporter_id in (${merged}))::int as interactions_as_exporter,
       (select count(*) from interaction where agency_id = ${agency} and counterpart_id in (${merged}))::int as interactions_as_counterpart,
       (select count(*) from deal where agency_id = ${agency} and exporter_id in (${merged}))::int as deals_as_exporter,
       (select count(*) from deal where agency_id = ${agency} and buyer_id in (${merged}))::int as deals_as_buyer,
       (select count(*) from mission_participant where agency_id = ${agency} and company_id in (${merged}))::int as participations,
       (select count(*) from mission_partner mp join mission m on m.id = mp.mission_id
         where m.agency_id = ${agency} and mp.company_id in (${merged}))::int as partnerships,
       (select count(*) from task where agency_id = ${agency} and company_id in (${merged}))::int as tasks,
       (select count(*) from deal where agency_id = ${agency} and exporter_id in (${ids}) and buyer_id in (${ids}))::int as deals_with_itself,
       (select min(title) from deal where agency_id = ${agency} and exporter_id in (${ids}) and buyer_id in (${ids})) as deal_with_itself,
       (select min(subject) from interaction where agency_id = ${agency} and exporter_id in (${ids}) and counterpart_id in (${ids})) as meeting_with_itself,
       ((select count(*) from deal where agency_id = ${agency} and exporter_id in (${ids}))
        + (select count(*) from interaction where agency_id = ${agency} and exporter_id in (${ids}))
        + (select count(*) from mission_participant where agency_id = ${agency} and company_id in (${ids})))::int as as_exporter,
       (select count(*) from deal where agency_id = ${agency} and buyer_id in (${ids}))::int as as_buyer`,
  );
  const count = (key: string) => Number(counts[key]);

  if (counts.deal_with_itself) {
    errors.push(
      userError(UserErrorCode.CONFLICT, msg('mergeDealWithItself', { deal: String(counts.deal_with_itself) }), [
        'input',
        'mergeIds',
      ]),
    );
  }
  if (counts.meeting_with_itself) {
    errors.push(
      userError(UserErrorCode.CONFLICT, msg('mergeMeetingWithItself', { name: String(counts.meeting_with_itself) }), [
        'input',
        'mergeIds',
      ]),
    );
  }
  if (values.kind !== CompanyKind.EXPORTER && count('as_exporter') > 0) {
    errors.push(
      userError(UserErrorCode.CONFLICT, msg('mergeExporterRole', { count: count('as_exporter') }), [
        'input',
        'fields',
        'kind',
      ]),
    );
  }
  if (values.kind === CompanyKind.EXPORTER && count('as_buyer') > 0) {
    errors.push(
      userError(UserErrorCode.CONFLICT, msg('mergeBuyerRole', { count: count('as_buyer') }), [
        'input',
        'fields',
        'kind',
      ]),
    );
  }
  const clash = await agencyQuery<{ id: string }>(
    em,
    (
      agency,
    ) => sql`select id from company where agency_id = ${agency} and normalized_name = ${normalizeName(values.name)}
      and country = ${values.country} and merged_into_id is null and id not in (${ids}) limit 1`,
  );
  if (clash[0])
    errors.push(userError(UserErrorCode.DUPLICATE, msg('duplicateCompany'), ['input', 'fields', 'name'], clash[0].id));

  const preview: MergeCompaniesPreview = {
    keep: set.keep,
    merged: set.merged,
    result: values,
    moves: [
      { relation: MergeRelation.CONTACTS, count: count('contacts') },
      { relation: MergeRelation.INTERACTIONS_AS_EXPORTER, count: count('interactions_as_exporter') },
      { relation: MergeRelation.INTERACTIONS_AS_COUNTERPART, count: count('interactions_as_counterpart') },
      { relation: MergeRelation.DEALS_AS_EXPORTER, count: count('deals_as_exporter') },
      { relation: MergeRelation.DEALS_AS_BUYER, count: count('deals_as_buyer') },
      { relation: MergeRelation.PARTICIPATIONS, count: count('participations') },
      { relation: MergeRelation.PARTNERSHIPS, count: count('partnerships') },
      { relation: MergeRelation.TASKS, count: count('tasks') },
      { relation: MergeRelation.SECTORS, count: newSectors.length },
    ],
    conflicts: await conflicts(em, set),
    userErrors: errors,
  };
  const sectorById = new Map(sectors.map((sector) => [sector.id, sector]));
  return { set, values, sectors: union(sectors.map((s) => s.id)).map((id) => sectorById.get(id)!), preview };
}

/** Participations in one mission, and contacts with one e-mail: each group becomes one record. */
async function conflicts(em: EntityManager, set: MergeSet<Company>): Promise<MergeConflict[]> {
  const missions = await agencyQuery<{ name: string; n: number; status: ParticipantStatus }>(
    em,
    (agency) => sql`select m.name, count(*)::int as n,
       (array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'])[max(${STATUS_RANK})] as status
     from mission_participant p join mission m on m.id = p.mission_id
     where p.agency_id = ${agency} and p.company_id in (${list(set.ids)})
     group by m.id, m.name having count(*) > 1 order by m.name limit 100`,
  );
  const emails = await agencyQuery<{ email: string; n: number; kept: string }>(
    em,
    (agency) => sql`select lower(email) as email, count(*)::int as n,
       (array_agg(full_name order by (company_id = ${set.keep.id}) desc, created_at, id))[1] as kept
     from contact where agency_id = ${agency} and company_id in (${list(set.ids)}) and merged_into_id is null and email is not null
     group by lower(email) having count(*) > 1 order by lower(email) limit 100`,
  );
  return [
    ...missions.map((row) =>
      Object.assign(new MergeConflict(), {
        kind: MergeConflictKind.SAME_MISSION,
        label: row.name,
        count: row.n,
        keptStatus: row.status,
      }),
    ),
    ...emails.map((row) =>
      Object.assign(new MergeConflict(), {
        kind: MergeConflictKind.SAME_EMAIL,
        label: row.email,
        count: row.n,
        keptName: row.kept,
      }),
    ),
  ];
}

/** Merges in the mutation's transaction: re-plans with the records locked, then moves everything set-based. */
export async function mergeCompanies(em: EntityManager, ctx: Context, input: MergeCompaniesInput): Promise<Company> {
  const { set, values, sectors } = approved(await planCompanyMerge(em, input, { lock: true }));
  const keep = set.keep.id;
  const ids = list(set.ids);
  await mergeSameEmailContacts(em, ctx, keep, ids);

  /** Points `column` of the agency's `table` rows from the merged companies to the kept one. */
  const repoint = (table: string, column: string, also: Sql = trusted('')) =>
    agencyQuery(
      em,
      (agency) => sql`update ${trusted(table)} set ${trusted(column)} = ${keep}${also}, updated_at = now()
        where agency_id = ${agency} and ${trusted(column)} in (${list(set.mergedIds)})`,
    );
  // A deal's version moves on, so that an edit read before the merge is refused.
  const newVersion = trusted(', version = version + 1');
  await repoint('contact', 'company_id');
  await repoint('interaction', 'exporter_id');
  await repoint('interaction', 'counterpart_id');
  await repoint('deal', 'exporter_id', newVersion);
  await repoint('deal', 'buyer_id', newVersion);
  await repoint('task', 'company_id');

  // One participation per mission: the kept company's, else the most advanced; it takes the most advanced status.
  const ranked = (agency: string) => sql`select p.id, p.mission_id,
       row_number() over (partition by p.mission_id order by (p.company_id = ${keep}) desc, ${STATUS_RANK} desc, p.created_at, p.id) as rn,
       max(${STATUS_RANK}) over (partition by p.mission_id) as best,
       string_agg(p.notes, E'\\n') over (partition by p.mission_id) as notes,
       count(*) over (partition by p.mission_id) as n
     from mission_participant p where p.agency_id = ${agency} and p.company_id in (${ids})`;
  await agencyQuery(
    em,
    (agency) => sql`update mission_participant w
     set status = (array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'])[r.best], notes = r.notes, updated_at = now()
     from (${ranked(agency)}) r where w.id = r.id and r.rn = 1 and r.n > 1`,
  );
  await agencyQuery(
    em,
    (agency) => sql`delete from mission_participant where agency_id = ${agency}
      and id in (select r.id from (${ranked(agency)}) r where r.rn > 1)`,
  );
  await repoint('mission_participant', 'company_id');

  await agencyQuery(
    em,
    (agency) => sql`insert into mission_partner (mission_id, company_id)
     select distinct mp.mission_id, ${keep}::uuid from mission_partner mp join mission m on m.id = mp.mission_id
     where m.agency_id = ${agency} and mp.company_id in (${list(set.mergedIds)}) on conflict do nothing`,
  );
  await agencyQuery(
    em,
    (agency) => sql`delete from mission_partner mp using mission m
      where m.id = mp.mission_id and m.agency_id = ${agency} and mp.company_id in (${list(set.mergedIds)})`,
  );

  const name = values.name.trim();
  return finishMerge(em, ctx, set, 'mergeCompanies', companySnapshot, (company) => {
    Object.assign(company, values, { name, normalizedName: normalizeName(name) });
    company.sectors.set(sectors);
  });
}

/** Contacts with one e-mail become one: the kept company's, else the oldest; its meetings follow. */
async function mergeSameEmailContacts(em: EntityManager, ctx: Context, keep: string, ids: Sql): Promise<void> {
  const duplicates = await agencyQuery<{ id: string; keeper: string }>(
    em,
    (agency) => sql`select id, keeper from (
       select id, first_value(id) over (partition by lower(email) order by (company_id = ${keep}) desc, created_at, id) as keeper
       from contact where agency_id = ${agency} and company_id in (${ids}) and merged_into_id is null and email is not null
     ) c where id <> keeper`,
  );
  if (duplicates.length === 0) return;
  const pairs = duplicates.map((row) => [row.id, row.keeper] as const);
  await moveMeetings(em, pairs);
  await agencyQuery(
    em,
    (agency) => sql`update contact c set merged_into_id = d.keeper, merged_at = now(), updated_at = now()
       from (values ${keeperValues(pairs)}) as d(id, keeper) where c.id = d.id and c.agency_id = ${agency}`,
  );
  for (const row of duplicates) {
    recordAudit(em, ctx, {
      action: 'mergeCompanies',
      entity: 'Contact',
      entityId: row.id,
      before: { mergedInto: null },
      after: { mergedInto: row.keeper },
    });
  }
}
