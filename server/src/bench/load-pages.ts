import { type DefinitionNode, Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import * as doc from './documents.js';

/**
 * The pages `pnpm bench:load` measures (issue 14), each in three equivalent forms:
 * - `ours`: this server's GraphQL request, the web client's own document where the page has one;
 * - `postgraphile`: the same records through PostGraphile 5's generated schema (amber preset),
 *   with the computed columns of POSTGRAPHILE_FUNCTIONS where a page needs more than foreign keys
 *   (a company's timeline, a mission's agenda day, amounts in the base currency);
 * - `floor`: one hand-written SQL statement answering the whole page as JSON text.
 * Ids in the answers: ours are `id`, PostGraphile's the same UUIDs as `rowId` (its `id` is a Relay node id).
 */

export interface LoadContext {
  agencyId: string;
  pipelineId: string;
  companyId: string;
  missionId: string;
  /** A day of the mission (YYYY-MM-DD, read in UTC: the pinned mission is in Abidjan, UTC+0) with meetings. */
  agendaDay: string;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface LoadPage {
  name: string;
  ours: GraphQLRequest;
  postgraphile: GraphQLRequest;
  floor: { sql: string; params: unknown[] };
}

/**
 * Computed columns PostGraphile exposes (created on the throwaway database only, before it
 * starts): `Company.timeline`, `Mission.agenda(day)`, `MissionParticipant.meetings`,
 * `Deal.amountInBaseCurrency`, `PipelineStage.totalAmount`. The rate rule is this server's
 * (exchange-rate/conversion.ts): the latest rate valid on the close day, today for an open deal.
 */
export const POSTGRAPHILE_FUNCTIONS = `
create function company_timeline(c company) returns setof interaction language sql stable as $$
  select * from interaction i where i.exporter_id = c.id or i.counterpart_id = c.id order by i.occurred_at desc, i.id desc
$$;
create function mission_agenda(m mission, day date) returns setof interaction language sql stable as $$
  select * from interaction i
  where i.mission_id = m.id and i.kind = 'MEETING' and i.status is distinct from 'CANCELLED'
    and i.starts_at >= day::timestamp at time zone 'UTC' and i.starts_at < (day + 1)::timestamp at time zone 'UTC'
  order by i.starts_at, i.id
$$;
create function mission_participant_meetings(p mission_participant) returns setof interaction language sql stable as $$
  select * from interaction i where i.mission_id = p.mission_id and i.exporter_id = p.company_id and i.kind = 'MEETING'
  order by i.occurred_at, i.id
$$;
create function deal_amount_in_base_currency(d deal) returns numeric language sql stable as $$
  select round(d.amount * case when d.currency = a.base_currency then 1::numeric else (
    select er.rate from exchange_rate er
    where er.agency_id = d.agency_id and er.currency = d.currency
      and er.valid_on <= coalesce(d.closed_on, (now() at time zone 'UTC')::date)
    order by er.valid_on desc limit 1) end, 2)
  from agency a where a.id = d.agency_id
$$;
create function pipeline_stage_total_amount(s pipeline_stage) returns numeric language sql stable as $$
  select coalesce(sum(deal_amount_in_base_currency(d)), 0) from deal d where d.stage_id = s.id
$$;
`;

/** One GraphQL operation from the root fields of several (same-named root fields must agree, as GraphQL merges them). */
function combine(name: string, ...texts: string[]): string {
  const definitions = texts.flatMap((text) => parse(text).definitions);
  const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map<string, DefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variables = new Map(
    operations.flatMap((o) => o.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]),
  );
  const operation: OperationDefinitionNode = {
    ...operations[0],
    name: { kind: Kind.NAME, value: name },
    variableDefinitions: [...variables.values()],
    selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((o) => o.selectionSet.selections) },
  };
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] });
}

/** The fragments of a printed document (everything from its first `fragment`). */
const fragmentsOf = (text: string) => text.slice(text.indexOf('\nfragment '));

/** Issue 14's companies page: the list's document with up to 5 contacts per company. */
const CompaniesWithContacts = `query CompaniesWithContacts($first: Int!) {
  companies(first: $first, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      id
      ...CompaniesTable_company
      contacts(first: 5) { nodes { id fullName jobTitle email phone } }
    }
  }
}
${fragmentsOf(doc.CompaniesPage)}`;

// --- PostGraphile: the same records, named as its amber preset names them ---

const PG_USER = 'rowId fullName';
const PG_COMPANY_REF = 'rowId name';
const PG_SECTORS = 'companySectorsByCompanyId { nodes { sectorBySectorId { rowId code names } } }';
const PG_DEAL_CARD = `rowId title version currency expectedCloseOn amount amountInBaseCurrency
  companyByExporterId { ${PG_COMPANY_REF} } companyByBuyerId { ${PG_COMPANY_REF} } userByOwnerId { ${PG_USER} }
  pipelineStageByStageId { rowId name category }`;

const PG_COMPANIES = `query Companies($agencyId: UUID!) {
  allCompanies(first: 25, orderBy: [NORMALIZED_NAME_ASC, ROW_ID_ASC], condition: { agencyId: $agencyId, mergedIntoId: null }) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      rowId name kind country city createdAt
      ${PG_SECTORS}
      userByAccountManagerId { ${PG_USER} }
      contactsByCompanyId(first: 5, orderBy: [NORMALIZED_NAME_ASC, ROW_ID_ASC], condition: { mergedIntoId: null }) {
        nodes { rowId fullName jobTitle email phone }
      }
    }
  }
}`;

const PG_COMPANY_DEALS = `totalCount
  nodes {
    ${PG_DEAL_CARD}
    dealStageChangesByDealId(first: 20, orderBy: [CHANGED_AT_ASC, ROW_ID_ASC]) {
      nodes {
        rowId changedAt userByChangedById { ${PG_USER} }
        pipelineStageByFromStageId { rowId name } pipelineStageByToStageId { rowId name category }
      }
    }
  }`;

const PG_COMPANY_PAGE = `query CompanyPage($id: UUID!) {
  companyByRowId(rowId: $id) {
    rowId name kind country city website brands notes createdAt
    companyByMergedIntoId { ${PG_COMPANY_REF} }
    userByAccountManagerId { ${PG_USER} }
    ${PG_SECTORS}
    contactsByCompanyId(first: 50, orderBy: [NORMALIZED_NAME_ASC, ROW_ID_ASC], condition: { mergedIntoId: null }) {
      totalCount
      nodes { rowId fullName jobTitle email phone languages companyByCompanyId { ${PG_COMPANY_REF} } }
    }
    timeline(first: 100) {
      totalCount
      nodes {
        rowId kind subject occurredAt status outcome userByAuthorId { ${PG_USER} }
        companyByExporterId { ${PG_COMPANY_REF} } companyByCounterpartId { ${PG_COMPANY_REF} }
        missionByMissionId { rowId name } dealByDealId { rowId title }
      }
    }
    tasksByCompanyId(first: 50, orderBy: [DUE_ON_ASC, ROW_ID_ASC]) {
      totalCount
      nodes { rowId title dueOn done doneAt createdAt userByAssigneeId { ${PG_USER} } }
    }
    missionParticipantsByCompanyId(first: 20, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
      totalCount
      nodes { missionByMissionId { rowId name status hostCountry city startsOn endsOn } }
    }
    dealsByExporterId(first: 50, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { ${PG_COMPANY_DEALS} }
    dealsByBuyerId(first: 50, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { ${PG_COMPANY_DEALS} }
  }
}`;

const PG_MISSION_PAGE = `query MissionPage($id: UUID!, $day: Date!) {
  missionByRowId(rowId: $id) {
    rowId name kind status hostCountry city startsOn endsOn datesApproximate description budgetAmount budgetCurrency
    userByLeadId { ${PG_USER} }
    agencyByOrganizerId { rowId shortName }
    missionPartnersByMissionId { nodes { companyByCompanyId { ${PG_COMPANY_REF} } } }
    missionParticipantsByMissionId(first: 100, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
      totalCount
      nodes { rowId status notes companyByCompanyId { rowId name city country } meetings { totalCount } }
    }
    agenda(day: $day) {
      nodes {
        rowId subject startsAt endsAt status outcome notes place
        companyByExporterId { ${PG_COMPANY_REF} } companyByCounterpartId { rowId name kind }
        interactionContactsByInteractionId { nodes { contactByContactId { rowId fullName } } }
      }
    }
  }
}`;

const PG_PIPELINE_BOARD = `query PipelineBoard($id: UUID!) {
  pipelineByRowId(rowId: $id) {
    rowId name
    pipelineStagesByPipelineId(orderBy: [POSITION_ASC], condition: { retired: false }) {
      nodes {
        rowId name category position totalAmount
        dealsByStageId(first: 30, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          totalCount
          pageInfo { endCursor }
          nodes { ${PG_DEAL_CARD} }
        }
      }
    }
  }
}`;

const PG_DEALS_LIST = `query Deals($agencyId: UUID!) {
  allDeals(first: 25, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC], condition: { agencyId: $agencyId }) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { ${PG_DEAL_CARD} }
  }
}`;

// --- The floor: one statement per page, JSON built by PostgreSQL ---

const userJson = (id: string) =>
  `(select json_build_object('id', u.id, 'fullName', u.full_name) from "user" u where u.id = ${id})`;
const companyRef = (id: string) =>
  `(select json_build_object('id', r.id, 'name', r.name) from company r where r.id = ${id})`;
const sectorsJson = (companyId: string) =>
  `(select coalesce(json_agg(json_build_object('id', s.id, 'names', s.names) order by s.code), '[]')
     from company_sector cs join sector s on s.id = cs.sector_id where cs.company_id = ${companyId})`;
/** The deal's amount in the base currency (`a` is the agency's row), as this server converts it. */
const baseAmount = (d: string) => `round(${d}.amount * case when ${d}.currency = a.base_currency then 1::numeric else (
    select er.rate from exchange_rate er where er.agency_id = ${d}.agency_id and er.currency = ${d}.currency
      and er.valid_on <= coalesce(${d}.closed_on, (now() at time zone 'UTC')::date)
    order by er.valid_on desc limit 1) end, 2)`;
const dealCard = (d: string) => `json_build_object('id', ${d}.id, 'title', ${d}.title, 'version', ${d}.version,
    'currency', ${d}.currency, 'expectedCloseOn', ${d}.expected_close_on,
    'amount', json_build_object('amount', ${d}.amount, 'currency', ${d}.currency),
    'amountInBaseCurrency', json_build_object('amount', ${baseAmount(d)}, 'currency', a.base_currency),
    'exporter', ${companyRef(`${d}.exporter_id`)}, 'buyer', ${companyRef(`${d}.buyer_id`)},
    'owner', ${userJson(`${d}.owner_id`)},
    'stage', (select json_build_object('id', st.id, 'name', st.name, 'category', st.category) from pipeline_stage st where st.id = ${d}.stage_id))`;

/**
 * The lists' totals as the best hand-written SQL on this schema reads them: from the live counts
 * PostgreSQL keeps (shared/live-count.entity.ts), as this server does. PostGraphile counts the rows.
 */
const liveTotal = (column: string) => `(select coalesce(sum(${column}), 0) from live_count where agency_id = $1)`;

const FLOOR_COMPANIES = `select json_build_object(
  'totalCount', ${liveTotal('companies')},
  'nodes', coalesce(json_agg(json_build_object(
    'id', p.id, 'name', p.name, 'kind', p.kind, 'country', p.country, 'city', p.city, 'createdAt', p.created_at,
    'sectors', ${sectorsJson('p.id')},
    'accountManager', ${userJson('p.account_manager_id')},
    'contacts', (select coalesce(json_agg(json_build_object('id', k.id, 'fullName', k.full_name, 'jobTitle', k.job_title,
        'email', k.email, 'phone', k.phone) order by k.normalized_name, k.id), '[]')
      from (select * from contact k where k.company_id = p.id and k.merged_into_id is null
            order by k.normalized_name, k.id limit 5) k)
  ) order by p.normalized_name, p.id), '[]'))::text as page
from (select * from company where agency_id = $1 and merged_into_id is null order by normalized_name, id limit 25) p`;

const floorCompanyDeals = (column: string) => `(select json_build_object(
    'totalCount', (select count(*) from deal where ${column} = c.id),
    'nodes', coalesce(json_agg(${dealCard('d')}::jsonb || jsonb_build_object('stageHistory', (
      select coalesce(json_agg(json_build_object('id', h.id, 'changedAt', h.changed_at, 'changedBy', ${userJson('h.changed_by_id')},
          'fromStage', (select json_build_object('id', fs.id, 'name', fs.name) from pipeline_stage fs where fs.id = h.from_stage_id),
          'toStage', (select json_build_object('id', ts.id, 'name', ts.name, 'category', ts.category) from pipeline_stage ts where ts.id = h.to_stage_id)
        ) order by h.changed_at, h.id), '[]')
      from (select * from deal_stage_change h where h.deal_id = d.id order by h.changed_at, h.id limit 20) h))
    order by d.updated_at desc, d.id desc), '[]'))
  from (select * from deal where ${column} = c.id order by updated_at desc, id desc limit 50) d)`;

const FLOOR_COMPANY_PAGE = `select json_build_object('company', json_build_object(
  'id', c.id, 'name', c.name, 'kind', c.kind, 'country', c.country, 'city', c.city, 'website', c.website,
  'brands', c.brands, 'notes', c.notes, 'createdAt', c.created_at,
  'mergedInto', ${companyRef('c.merged_into_id')},
  'accountManager', ${userJson('c.account_manager_id')},
  'sectors', ${sectorsJson('c.id')},
  'contacts', json_build_object(
    'totalCount', (select count(*) from contact where company_id = c.id and merged_into_id is null),
    'nodes', (select coalesce(json_agg(json_build_object('id', k.id, 'fullName', k.full_name, 'jobTitle', k.job_title,
        'email', k.email, 'phone', k.phone, 'languages', k.languages, 'company', json_build_object('id', c.id, 'name', c.name))
        order by k.normalized_name, k.id), '[]')
      from (select * from contact k where k.company_id = c.id and k.merged_into_id is null order by k.normalized_name, k.id limit 50) k)),
  'interactions', json_build_object(
    'totalCount', (select count(*) from interaction where exporter_id = c.id or counterpart_id = c.id),
    'nodes', (select coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'subject', i.subject,
        'occurredAt', i.occurred_at, 'status', i.status, 'outcome', i.outcome, 'author', ${userJson('i.author_id')},
        'exporter', ${companyRef('i.exporter_id')}, 'counterpart', ${companyRef('i.counterpart_id')},
        'mission', (select json_build_object('id', m.id, 'name', m.name) from mission m where m.id = i.mission_id),
        'deal', (select json_build_object('id', dd.id, 'title', dd.title) from deal dd where dd.id = i.deal_id)
      ) order by i.occurred_at desc, i.id desc), '[]')
      from (select * from (
          (select * from interaction where exporter_id = c.id order by occurred_at desc, id desc limit 100)
          union all
          (select * from interaction where counterpart_id = c.id order by occurred_at desc, id desc limit 100)
        ) both_sides order by occurred_at desc, id desc limit 100) i)),
  'tasks', json_build_object(
    'totalCount', (select count(*) from task where company_id = c.id),
    'nodes', (select coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'dueOn', t.due_on, 'done', t.done,
        'doneAt', t.done_at, 'createdAt', t.created_at, 'assignee', ${userJson('t.assignee_id')}) order by t.due_on, t.id), '[]')
      from (select * from task where company_id = c.id order by due_on, id limit 50) t)),
  'missions', json_build_object(
    'totalCount', (select count(*) from mission_participant where company_id = c.id),
    'nodes', (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'status', m.status,
        'hostCountry', m.host_country, 'city', m.city, 'startsOn', m.starts_on, 'endsOn', m.ends_on)
        order by m.starts_on desc nulls last, m.id), '[]')
      from (select m.* from mission_participant mp join mission m on m.id = mp.mission_id where mp.company_id = c.id
            order by m.starts_on desc nulls last, m.id limit 20) m))),
  'asExporter', ${floorCompanyDeals('exporter_id')},
  'asBuyer', ${floorCompanyDeals('buyer_id')})::text as page
from company c join agency a on a.id = c.agency_id
where c.agency_id = $1 and c.id = $2`;

const FLOOR_MISSION_PAGE = `select json_build_object('mission', json_build_object(
  'id', m.id, 'name', m.name, 'kind', m.kind, 'status', m.status, 'hostCountry', m.host_country, 'city', m.city,
  'startsOn', m.starts_on, 'endsOn', m.ends_on, 'datesApproximate', m.dates_approximate, 'description', m.description,
  'lead', ${userJson('m.lead_id')},
  'budget', json_build_object('amount', m.budget_amount, 'currency', m.budget_currency),
  'organizer', (select json_build_object('id', o.id, 'shortName', o.short_name) from agency o where o.id = m.organizer_id),
  'partners', (select coalesce(json_agg(json_build_object('id', pc.id, 'name', pc.name) order by pc.name, pc.id), '[]')
    from mission_partner mp join company pc on pc.id = mp.company_id where mp.mission_id = m.id),
  'participants', json_build_object(
    'totalCount', (select count(*) from mission_participant where mission_id = m.id),
    'nodes', (select coalesce(json_agg(json_build_object('id', p.id, 'status', p.status, 'notes', p.notes,
        'company', json_build_object('id', pc.id, 'name', pc.name, 'city', pc.city, 'country', pc.country),
        'meetings', json_build_object('totalCount', (select count(*) from interaction i
          where i.mission_id = m.id and i.exporter_id = p.company_id and i.kind = 'MEETING'))
      ) order by p.created_at, p.id), '[]')
      from (select * from mission_participant where mission_id = m.id order by created_at, id limit 100) p
      join company pc on pc.id = p.company_id)),
  'agenda', (select coalesce(json_agg(json_build_object('id', i.id, 'subject', i.subject, 'startsAt', i.starts_at,
      'endsAt', i.ends_at, 'status', i.status, 'outcome', i.outcome, 'notes', i.notes, 'place', i.place,
      'exporter', ${companyRef('i.exporter_id')},
      'counterpart', (select json_build_object('id', cp.id, 'name', cp.name, 'kind', cp.kind) from company cp where cp.id = i.counterpart_id),
      'contacts', (select coalesce(json_agg(json_build_object('id', k.id, 'fullName', k.full_name)), '[]')
        from interaction_contact ic join contact k on k.id = ic.contact_id where ic.interaction_id = i.id)
    ) order by i.starts_at, i.id), '[]')
    from interaction i
    where i.mission_id = m.id and i.kind = 'MEETING' and i.status is distinct from 'CANCELLED'
      and i.starts_at >= $3::date::timestamp at time zone 'UTC' and i.starts_at < ($3::date + 1)::timestamp at time zone 'UTC')
))::text as page
from mission m where m.agency_id = $1 and m.id = $2`;

const FLOOR_PIPELINE_BOARD = `select json_build_object('pipeline', json_build_object('id', pl.id, 'name', pl.name,
  'stages', (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'category', s.category, 'position', s.position,
      'deals', (select json_build_object('totalCount', count(*), 'totalAmount', json_build_object(
            'amount', coalesce(sum(${baseAmount('td')}), 0), 'currency', a.base_currency))
          from deal td where td.stage_id = s.id)::jsonb || jsonb_build_object(
        'nodes', (select coalesce(json_agg(${dealCard('d')} order by d.created_at, d.id), '[]')
          from (select * from deal where stage_id = s.id order by created_at, id limit 30) d))
    ) order by s.position), '[]')
    from pipeline_stage s where s.pipeline_id = pl.id and not s.retired)))::text as page
from pipeline pl join agency a on a.id = pl.agency_id
where pl.agency_id = $1 and pl.id = $2`;

const FLOOR_DEALS_LIST = `select json_build_object(
  'totalCount', ${liveTotal('deals')},
  'nodes', coalesce(json_agg(${dealCard('d')} order by d.updated_at desc, d.id desc), '[]'))::text as page
from (select * from deal where agency_id = $1 order by updated_at desc, id desc limit 25) d
join agency a on a.id = d.agency_id`;

export function loadPages(ctx: LoadContext): LoadPage[] {
  const { agencyId, pipelineId, companyId, missionId, agendaDay } = ctx;
  return [
    {
      name: 'companies (25 by name, 5 contacts each)',
      ours: { query: CompaniesWithContacts, variables: { first: 25 } },
      postgraphile: { query: PG_COMPANIES, variables: { agencyId } },
      floor: { sql: FLOOR_COMPANIES, params: [agencyId] },
    },
    {
      name: 'company page + timeline',
      ours: {
        query: doc.CompanyPage,
        variables: { id: companyId, panelRows: 50, interactionRows: 100, missionRows: 20, stageChanges: 20 },
      },
      postgraphile: { query: PG_COMPANY_PAGE, variables: { id: companyId } },
      floor: { sql: FLOOR_COMPANY_PAGE, params: [agencyId, companyId] },
    },
    {
      name: 'mission page + agenda day',
      ours: {
        query: combine('MissionPageWithAgenda', doc.MissionPage, doc.MissionAgenda),
        variables: { id: missionId, participants: 100, day: agendaDay },
      },
      postgraphile: { query: PG_MISSION_PAGE, variables: { id: missionId, day: agendaDay } },
      floor: { sql: FLOOR_MISSION_PAGE, params: [agencyId, missionId, agendaDay] },
    },
    {
      name: 'pipeline board (30 per stage)',
      ours: { query: doc.PipelineBoard, variables: { pipelineId, stagePageSize: 30 } },
      postgraphile: { query: PG_PIPELINE_BOARD, variables: { id: pipelineId } },
      floor: { sql: FLOOR_PIPELINE_BOARD, params: [agencyId, pipelineId] },
    },
    {
      name: 'deals list (25 last updated)',
      ours: {
        query: doc.MissionDeals,
        variables: { first: 25, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } },
      },
      postgraphile: { query: PG_DEALS_LIST, variables: { agencyId } },
      floor: { sql: FLOOR_DEALS_LIST, params: [agencyId] },
    },
  ];
}
