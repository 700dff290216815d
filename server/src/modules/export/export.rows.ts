import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyQuery, list, type Sql, sql, trusted } from '../../shared/sql.js';
import { joinList } from '../../shared/tabular/values.js';
import type { Row } from './export.batches.js';

type Raw = Record<string, unknown>;
const text = (value: unknown): string | null => (value == null || value === '' ? null : String(value));
const instant = (value: unknown): Date | null =>
  value == null ? null : value instanceof Date ? value : new Date(String(value));

function companyCells(r: Raw): Row {
  return {
    id: String(r.id),
    name: text(r.name),
    kind: text(r.kind),
    country: text(r.country),
    city: text(r.city),
    website: text(r.website),
    brands: text(joinList(r.brands as string[] | null)),
    sectors: text(joinList(r.sectors as string[] | null)),
    accountManager: text(r.account_manager),
    notes: text(r.notes),
  };
}

/** The rows of a batch's ids, read by one statement (given the ids as `?, ?, …`), as the list's cells. */
function batchRows(em: EntityManager, statement: (ids: Sql) => Sql, cells: (r: Raw) => Row) {
  return async (ids: string[]): Promise<Row[]> => (await agencyQuery<Raw>(em, statement(list(ids)))).map(cells);
}

const COMPANY_SELECT = trusted(`c.id, c.name, c.kind, c.country, c.city, c.website, c.brands, c.notes,
  u.email as account_manager,
  array(select s.code from company_sector cs join sector s on s.id = cs.sector_id
        where cs.company_id = c.id order by s.code) as sectors`);

export function companyDetails(em: EntityManager, agencyId: string) {
  return batchRows(
    em,
    (ids) => sql`select ${COMPANY_SELECT}
       from company c left join "user" u on u.id = c.account_manager_id
       where c.agency_id = ${agencyId} and c.id in (${ids})`,
    companyCells,
  );
}

export function contactDetails(em: EntityManager, agencyId: string) {
  return batchRows(
    em,
    (ids) => sql`select ct.id, ct.full_name, c.name as company, c.country as company_country, ct.job_title, ct.email,
              ct.phone, ct.languages
       from contact ct join company c on c.id = ct.company_id
       where ct.agency_id = ${agencyId} and ct.id in (${ids})`,
    (r) => ({
      id: String(r.id),
      fullName: text(r.full_name),
      company: text(r.company),
      companyCountry: text(r.company_country),
      jobTitle: text(r.job_title),
      email: text(r.email),
      phone: text(r.phone),
      languages: text(joinList(r.languages as string[] | null)),
    }),
  );
}

export function delegationDetails(em: EntityManager, agencyId: string) {
  return batchRows(
    em,
    (
      ids,
    ) => sql`select mp.id as participant_id, mp.status as participant_status, mp.notes as participant_notes, ${COMPANY_SELECT}
       from mission_participant mp join company c on c.id = mp.company_id
       left join "user" u on u.id = c.account_manager_id
       where mp.agency_id = ${agencyId} and mp.id in (${ids})`,
    // Keyed by participant (the batch's ids); the `id` column is the company's, as import reads it.
    (r) => ({
      ...companyCells(r),
      participantStatus: text(r.participant_status),
      participantNotes: text(r.participant_notes),
      rowKey: String(r.participant_id),
    }),
  );
}

export function dealDetails(em: EntityManager, agencyId: string) {
  return batchRows(
    em,
    (ids) => sql`select d.id, d.title, p.name as pipeline, st.name as stage, st.category, ex.name as exporter,
              b.name as buyer, d.amount::text as amount, d.currency,
              to_char(d.expected_close_on, 'YYYY-MM-DD') as expected_close_on,
              to_char(d.closed_on, 'YYYY-MM-DD') as closed_on, o.email as owner, m.name as source_mission,
              d.destination_country, sec.code as sector, d.products, d.lost_reason, d.created_at
       from deal d
       join pipeline p on p.id = d.pipeline_id
       join pipeline_stage st on st.id = d.stage_id
       join company ex on ex.id = d.exporter_id
       left join company b on b.id = d.buyer_id
       join "user" o on o.id = d.owner_id
       left join mission m on m.id = d.source_mission_id
       left join sector sec on sec.id = d.sector_id
       where d.agency_id = ${agencyId} and d.id in (${ids})`,
    (r) => ({
      id: String(r.id),
      title: text(r.title),
      pipeline: text(r.pipeline),
      stage: text(r.stage),
      category: text(r.category),
      exporter: text(r.exporter),
      buyer: text(r.buyer),
      amount: text(r.amount),
      currency: text(r.currency),
      expectedCloseOn: text(r.expected_close_on),
      closedOn: text(r.closed_on),
      owner: text(r.owner),
      sourceMission: text(r.source_mission),
      destinationCountry: text(r.destination_country),
      sector: text(r.sector),
      products: text(r.products),
      lostReason: text(r.lost_reason),
      createdAt: instant(r.created_at),
    }),
  );
}

export function interactionDetails(em: EntityManager, agencyId: string) {
  return batchRows(
    em,
    (ids) => sql`select i.id, i.kind, i.occurred_at, i.starts_at, i.ends_at, i.status, i.subject, ex.name as exporter,
              cp.name as counterpart, m.name as mission, d.title as deal, a.email as author, i.outcome, i.place,
              i.notes
       from interaction i
       join company ex on ex.id = i.exporter_id
       left join company cp on cp.id = i.counterpart_id
       left join mission m on m.id = i.mission_id
       left join deal d on d.id = i.deal_id
       join "user" a on a.id = i.author_id
       where i.agency_id = ${agencyId} and i.id in (${ids})`,
    (r) => ({
      id: String(r.id),
      kind: text(r.kind),
      occurredAt: instant(r.occurred_at),
      startsAt: instant(r.starts_at),
      endsAt: instant(r.ends_at),
      status: text(r.status),
      subject: text(r.subject),
      exporter: text(r.exporter),
      counterpart: text(r.counterpart),
      mission: text(r.mission),
      deal: text(r.deal),
      author: text(r.author),
      outcome: text(r.outcome),
      place: text(r.place),
      notes: text(r.notes),
    }),
  );
}
