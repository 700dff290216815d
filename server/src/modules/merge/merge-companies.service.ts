import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
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
  archiveMerged,
  auditKept,
  chosenSources,
  loadMergeSet,
  type MergeSet,
  scopedAgency,
  union,
  WITH_MERGED,
} from './merge-records.js';

const AUDITED = ['name', 'kind', 'country', 'city', 'website', 'brands', 'notes', 'accountManager'] as const;

/** Participation statuses from the least to the most advanced: the most advanced wins. */
const STATUS_RANK = `array_position(array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'], p.status::text)`;

interface CompanyMergePlan {
  set: MergeSet<Company>;
  values: MergedCompanyValues & { accountManager: User | null };
  sectors: Sector[];
  preview: MergeCompaniesPreview;
}

type Row = Record<string, unknown>;

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
  const errors: UserError[] = [];
  const empty = (): MergeCompaniesPreview => ({
    keep: null,
    merged: [],
    result: null,
    moves: [],
    conflicts: [],
    userErrors: errors,
  });
  const set = await loadMergeSet<Company>(em, Company, input, { ...options, errors, notFound: msg('noSuchCompany') });
  if (!set) return { preview: empty() };
  const agencyId = scopedAgency(em);
  const sources = chosenSources(set, input.fields, COMPANY_MERGE_FIELDS, errors);
  if (errors.length > 0) return { preview: { ...empty(), keep: set.keep, merged: set.merged } };

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

  const ids = set.ids;
  const merged = set.mergedIds;
  const [counts] = await em.execute<Row[]>(
    `select
       (select count(*) from contact where agency_id = ? and company_id in (?) and merged_into_id is null)::int as contacts,
       (select count(*) from interaction where agency_id = ? and exporter_id in (?))::int as interactions_as_exporter,
       (select count(*) from interaction where agency_id = ? and counterpart_id in (?))::int as interactions_as_counterpart,
       (select count(*) from deal where agency_id = ? and exporter_id in (?))::int as deals_as_exporter,
       (select count(*) from deal where agency_id = ? and buyer_id in (?))::int as deals_as_buyer,
       (select count(*) from mission_participant where agency_id = ? and company_id in (?))::int as participations,
       (select count(*) from mission_partner mp join mission m on m.id = mp.mission_id
         where m.agency_id = ? and mp.company_id in (?))::int as partnerships,
       (select count(*) from task where agency_id = ? and company_id in (?))::int as tasks,
       (select count(*) from deal where agency_id = ? and exporter_id in (?) and buyer_id in (?))::int as deals_with_itself,
       (select min(title) from deal where agency_id = ? and exporter_id in (?) and buyer_id in (?)) as deal_with_itself,
       (select min(subject) from interaction where agency_id = ? and exporter_id in (?) and counterpart_id in (?)) as meeting_with_itself,
       ((select count(*) from deal where agency_id = ? and exporter_id in (?))
        + (select count(*) from interaction where agency_id = ? and exporter_id in (?))
        + (select count(*) from mission_participant where agency_id = ? and company_id in (?)))::int as as_exporter,
       (select count(*) from deal where agency_id = ? and buyer_id in (?))::int as as_buyer`,
    [
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, merged],
      ...[agencyId, ids, ids],
      ...[agencyId, ids, ids],
      ...[agencyId, ids, ids],
      ...[agencyId, ids, agencyId, ids, agencyId, ids],
      ...[agencyId, ids],
    ],
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
  const clash = await em.execute<{ id: string }[]>(
    `select id from company where agency_id = ? and normalized_name = ? and country = ? and merged_into_id is null and id not in (?) limit 1`,
    [agencyId, normalizeName(values.name), values.country, ids],
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
    conflicts: await conflicts(em, agencyId, set),
    userErrors: errors,
  };
  const sectorById = new Map(sectors.map((sector) => [sector.id, sector]));
  return { set, values, sectors: union(sectors.map((s) => s.id)).map((id) => sectorById.get(id)!), preview };
}

/** Participations in one mission, and contacts with one e-mail: each group becomes one record. */
async function conflicts(em: EntityManager, agencyId: string, set: MergeSet<Company>): Promise<MergeConflict[]> {
  const missions = await em.execute<{ name: string; n: number; status: ParticipantStatus }[]>(
    `select m.name, count(*)::int as n,
       (array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'])[max(${STATUS_RANK})] as status
     from mission_participant p join mission m on m.id = p.mission_id
     where p.agency_id = ? and p.company_id in (?)
     group by m.id, m.name having count(*) > 1 order by m.name limit 100`,
    [agencyId, set.ids],
  );
  const emails = await em.execute<{ email: string; n: number; kept: string }[]>(
    `select lower(email) as email, count(*)::int as n,
       (array_agg(full_name order by (company_id = ?) desc, created_at, id))[1] as kept
     from contact where agency_id = ? and company_id in (?) and merged_into_id is null and email is not null
     group by lower(email) having count(*) > 1 order by lower(email) limit 100`,
    [set.keep.id, agencyId, set.ids],
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
  const plan = await planCompanyMerge(em, input, { lock: true });
  if (!plan.set || plan.preview.userErrors.length > 0) throw new UserErrorsException(plan.preview.userErrors);
  const { set, values, sectors } = plan as CompanyMergePlan;
  const agencyId = ctx.viewer!.agencyId;
  const keep = set.keep.id;
  const ids = set.ids;
  const merged = set.mergedIds;
  const before = { ...snapshot(set.keep, AUDITED), sectors: set.keep.sectors.getIdentifiers<string>().sort() };

  // Contacts with one e-mail become one: the kept company's, else the oldest; its meetings follow.
  const duplicates = await em.execute<{ id: string; keeper: string; full_name: string }[]>(
    `select id, keeper, full_name from (
       select id, full_name, first_value(id) over (partition by lower(email) order by (company_id = ?) desc, created_at, id) as keeper
       from contact where agency_id = ? and company_id in (?) and merged_into_id is null and email is not null
     ) c where id <> keeper`,
    [keep, agencyId, ids],
  );
  if (duplicates.length > 0) {
    const pairs = duplicates.map((row) => [row.id, row.keeper]);
    const values = pairs.map(() => '(?::uuid, ?::uuid)').join(', ');
    await em.execute(
      `insert into interaction_contact (interaction_id, contact_id)
       select ic.interaction_id, d.keeper from interaction_contact ic
       join (values ${values}) as d(id, keeper) on d.id = ic.contact_id
       on conflict do nothing`,
      pairs.flat(),
    );
    await em.execute(`delete from interaction_contact where contact_id in (?)`, [duplicates.map((row) => row.id)]);
    await em.execute(
      `update contact c set merged_into_id = d.keeper, merged_at = now(), updated_at = now()
       from (values ${values}) as d(id, keeper) where c.id = d.id and c.agency_id = ?`,
      [...pairs.flat(), agencyId],
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
  await em.execute(`update contact set company_id = ?, updated_at = now() where agency_id = ? and company_id in (?)`, [
    keep,
    agencyId,
    merged,
  ]);
  await em.execute(
    `update interaction set exporter_id = ?, updated_at = now() where agency_id = ? and exporter_id in (?)`,
    [keep, agencyId, merged],
  );
  await em.execute(
    `update interaction set counterpart_id = ?, updated_at = now() where agency_id = ? and counterpart_id in (?)`,
    [keep, agencyId, merged],
  );
  // A deal's version moves on, so that an edit read before the merge is refused.
  await em.execute(
    `update deal set exporter_id = ?, version = version + 1, updated_at = now() where agency_id = ? and exporter_id in (?)`,
    [keep, agencyId, merged],
  );
  await em.execute(
    `update deal set buyer_id = ?, version = version + 1, updated_at = now() where agency_id = ? and buyer_id in (?)`,
    [keep, agencyId, merged],
  );
  await em.execute(`update task set company_id = ?, updated_at = now() where agency_id = ? and company_id in (?)`, [
    keep,
    agencyId,
    merged,
  ]);

  // One participation per mission: the kept company's, else the most advanced; it takes the most advanced status.
  const ranked = `select p.id, p.mission_id,
       row_number() over (partition by p.mission_id order by (p.company_id = ?) desc, ${STATUS_RANK} desc, p.created_at, p.id) as rn,
       max(${STATUS_RANK}) over (partition by p.mission_id) as best,
       string_agg(p.notes, E'\\n') over (partition by p.mission_id) as notes,
       count(*) over (partition by p.mission_id) as n
     from mission_participant p where p.agency_id = ? and p.company_id in (?)`;
  await em.execute(
    `update mission_participant w
     set status = (array['WITHDREW','INVITED','REGISTERED','CONFIRMED','ATTENDED'])[r.best], notes = r.notes, updated_at = now()
     from (${ranked}) r where w.id = r.id and r.rn = 1 and r.n > 1`,
    [keep, agencyId, ids],
  );
  await em.execute(`delete from mission_participant where id in (select r.id from (${ranked}) r where r.rn > 1)`, [
    keep,
    agencyId,
    ids,
  ]);
  await em.execute(
    `update mission_participant set company_id = ?, updated_at = now() where agency_id = ? and company_id in (?)`,
    [keep, agencyId, merged],
  );

  await em.execute(
    `insert into mission_partner (mission_id, company_id)
     select distinct mp.mission_id, ?::uuid from mission_partner mp join mission m on m.id = mp.mission_id
     where m.agency_id = ? and mp.company_id in (?) on conflict do nothing`,
    [keep, agencyId, merged],
  );
  await em.execute(
    `delete from mission_partner mp using mission m where m.id = mp.mission_id and m.agency_id = ? and mp.company_id in (?)`,
    [agencyId, merged],
  );

  // Archive the merged first: the kept company may take one of their names.
  const now = new Date();
  archiveMerged(em, ctx, set, 'mergeCompanies', now);
  await em.flush();

  const company = set.keep;
  company.name = values.name.trim();
  company.normalizedName = normalizeName(company.name);
  company.kind = values.kind;
  company.country = values.country;
  company.city = values.city;
  company.website = values.website;
  company.notes = values.notes;
  company.brands = values.brands;
  company.accountManager = values.accountManager;
  company.sectors.set(sectors);
  company.updatedAt = now;
  auditKept(em, ctx, set, 'mergeCompanies', before, {
    ...snapshot(company, AUDITED),
    sectors: company.sectors.getIdentifiers<string>().sort(),
  });
  await em.flush();
  return company;
}
