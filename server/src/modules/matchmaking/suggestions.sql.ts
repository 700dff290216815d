import { type Sql, sql } from '../../shared/sql.js';
import {
  CONSUMER_SECTOR_PREFIXES,
  INSTITUTION_FIT_WHEN_SOLD_TO,
  INSTITUTIONAL_SECTORS,
  KIND_FIT,
  MAX_HISTORY,
  MAX_LOAD,
  MAX_SHARED_SECTORS,
  type Weights,
} from './suggestion-weights.js';

export interface SuggestionQuery {
  agencyId: string;
  missionId: string;
  exporterId: string;
  /** What the suggestions may know: data before this instant (now, or a past mission's first day). */
  asOf: Date;
  /**
   * `live`: the agenda being drawn (leaves out who is on the exporter's agenda or dismissed, counts
   * the counterpart's bookings in the mission); `replay`: a past mission, as it was before it began.
   */
  mode: 'live' | 'replay';
  weights: Weights;
  limit: number;
}

export interface SuggestionRow {
  id: string;
  kind: string;
  shared: number;
  shared_sector_ids: string[];
  fit: number;
  positive: number;
  won: number;
  no_shows: number;
  met_recently: boolean;
  open_deal: boolean;
  partner: boolean;
  load: number;
  dismissed: number;
  score: number;
}

/** A text[] literal: arrays given as values would be spread into lists by the driver. */
const textArray = (items: string[]) => `{${items.map((item) => `"${item.replace(/["\\]/g, '')}"`).join(',')}}`;

const fitSql = (kind: keyof typeof KIND_FIT) =>
  sql`case when ex.consumer then ${KIND_FIT[kind].consumer}::float8 else ${KIND_FIT[kind].other}::float8 end`;

/**
 * The counterparts an exporter should meet at a mission, scored, in ONE statement bound to the
 * agency on every table: companies of the host country (not exporters) and the mission's partners,
 * each with the parts of its score (docs/matchmaking.md): sectors shared with the exporter, the fit
 * of its kind, what it did with exporters of those sectors before (positive meetings, deals won,
 * no-shows, dismissals), whether this exporter met it in the last 12 months without an open deal,
 * and how booked it already is at this mission.
 */
export function suggestionsSql(q: SuggestionQuery): Sql {
  const { agencyId: a, missionId: m, exporterId: e, asOf, weights: w } = q;
  const live = q.mode === 'live';
  const consumerLike = textArray(CONSUMER_SECTOR_PREFIXES.map((prefix) => `${prefix}%`));
  const institutional = textArray(INSTITUTIONAL_SECTORS);
  return sql`with
    mi as (select mi.id, mi.host_country from mission mi where mi.agency_id = ${a} and mi.id = ${m}),
    es as (
      select cs.sector_id, s.code from company_sector cs
      join company c on c.id = cs.company_id and c.agency_id = ${a}
      join sector s on s.id = cs.sector_id and s.agency_id = ${a}
      where cs.company_id = ${e}
    ),
    ex as (
      select exists (select 1 from es where es.code like any (${consumerLike}::text[])) as consumer,
        (exists (select 1 from es where es.code = any (${institutional}::text[]))
          or exists (
            select 1 from interaction i join company c on c.id = i.counterpart_id and c.agency_id = ${a}
            where i.agency_id = ${a} and i.exporter_id = ${e} and c.kind = 'INSTITUTION' and i.status = 'HELD'
              and i.outcome = 'POSITIVE' and i.occurred_at < ${asOf}
          )) as sells_to_institutions
    ),
    cand as (
      select src.id, src.kind, src.name, bool_or(src.partner) as partner
      from (
        select c.id, c.kind, c.name, false as partner from company c
        where c.agency_id = ${a} and c.country = (select mi.host_country from mi) and c.merged_into_id is null
        union all
        select c.id, c.kind, c.name, true from mission_partner mp
        join mission pm on pm.id = mp.mission_id and pm.agency_id = ${a}
        join company c on c.id = mp.company_id and c.agency_id = ${a} and c.merged_into_id is null
        where mp.mission_id = ${m}
      ) src
      where src.kind <> 'EXPORTER' and src.id <> ${e}
      group by src.id, src.kind, src.name
    ),
    peers as (
      select distinct cs.company_id from company_sector cs
      join company c on c.id = cs.company_id and c.agency_id = ${a} and c.kind = 'EXPORTER'
      where cs.sector_id in (select es.sector_id from es)
    ),
    sh as (
      select cs.company_id, count(*)::int as n, array_agg(cs.sector_id order by cs.sector_id) as sector_ids
      from company_sector cs
      join company c on c.id = cs.company_id and c.agency_id = ${a}
      where cs.company_id in (select cand.id from cand) and cs.sector_id in (select es.sector_id from es)
      group by cs.company_id
    ),
    hist as (
      select i.counterpart_id,
        count(*) filter (where i.status = 'HELD' and i.outcome = 'POSITIVE' and i.exporter_id in (select peers.company_id from peers))::int as positive,
        count(*) filter (where i.status = 'NO_SHOW')::int as no_shows
      from interaction i
      where i.agency_id = ${a} and i.kind = 'MEETING' and i.counterpart_id in (select cand.id from cand)
        and i.occurred_at < ${asOf} and i.mission_id is distinct from ${m}
      group by i.counterpart_id
    ),
    won as (
      select d.buyer_id, count(*)::int as n from deal d
      join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${a} and s.category = 'WON'
      where d.agency_id = ${a} and d.buyer_id in (select cand.id from cand)
        and d.exporter_id in (select peers.company_id from peers)
        and d.closed_on < ${asOf}::date and d.source_mission_id is distinct from ${m}
      group by d.buyer_id
    ),
    met as (
      select distinct i.counterpart_id from interaction i
      where i.agency_id = ${a} and i.exporter_id = ${e} and i.kind = 'MEETING' and i.status = 'HELD'
        and i.occurred_at >= ${asOf}::timestamptz - interval '12 months' and i.occurred_at < ${asOf}
        and i.mission_id is distinct from ${m}
    ),
    od as (
      select distinct d.buyer_id from deal d
      join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${a}
      where d.agency_id = ${a} and d.exporter_id = ${e} and d.created_at < ${asOf}
        and (s.category = 'OPEN' or d.closed_on >= ${asOf}::date)
    ),
    ld as (
      select i.counterpart_id, count(*)::int as n from interaction i
      where ${live}::boolean and i.agency_id = ${a} and i.mission_id = ${m} and i.kind = 'MEETING'
        and i.status is distinct from 'CANCELLED' and i.exporter_id <> ${e}
      group by i.counterpart_id
    ),
    dis as (
      select sd.counterpart_id, count(*)::int as n from suggestion_dismissal sd
      where sd.agency_id = ${a} and sd.counterpart_id in (select cand.id from cand)
        and sd.exporter_id in (select peers.company_id from peers) and sd.created_at < ${asOf}
      group by sd.counterpart_id
    ),
    gone as (
      select i.counterpart_id from interaction i
      where ${live}::boolean and i.agency_id = ${a} and i.mission_id = ${m} and i.exporter_id = ${e} and i.kind = 'MEETING'
        and i.status is distinct from 'CANCELLED'
      union
      select sd.counterpart_id from suggestion_dismissal sd
      where ${live}::boolean and sd.agency_id = ${a} and sd.mission_id = ${m} and sd.exporter_id = ${e}
    ),
    parts as (
      select cand.id, cand.kind, cand.name, cand.partner,
        least(coalesce(sh.n, 0), ${MAX_SHARED_SECTORS}) as shared, coalesce(sh.sector_ids, '{}') as shared_sector_ids,
        case cand.kind
          when 'BUYER' then ${fitSql('BUYER')}
          when 'DISTRIBUTOR' then ${fitSql('DISTRIBUTOR')}
          when 'RETAILER' then ${fitSql('RETAILER')}
          when 'INSTITUTION' then case when ex.sells_to_institutions then ${INSTITUTION_FIT_WHEN_SOLD_TO}::float8 else ${fitSql('INSTITUTION')} end
          else ${fitSql('PARTNER')} end as fit,
        least(coalesce(hist.positive, 0), ${MAX_HISTORY}) as positive,
        least(coalesce(won.n, 0), ${MAX_HISTORY}) as won,
        least(coalesce(hist.no_shows, 0), ${MAX_HISTORY}) as no_shows,
        (met.counterpart_id is not null and od.buyer_id is null) as met_recently,
        (od.buyer_id is not null) as open_deal,
        least(coalesce(ld.n, 0), ${MAX_LOAD}) as load,
        least(coalesce(dis.n, 0), ${MAX_HISTORY}) as dismissed
      from cand
      cross join ex
      left join sh on sh.company_id = cand.id
      left join hist on hist.counterpart_id = cand.id
      left join won on won.buyer_id = cand.id
      left join met on met.counterpart_id = cand.id
      left join od on od.buyer_id = cand.id
      left join ld on ld.counterpart_id = cand.id
      left join dis on dis.counterpart_id = cand.id
      where cand.id not in (select gone.counterpart_id from gone where gone.counterpart_id is not null)
    )
    select parts.*, round((
        parts.shared * ${w.sharedSector}::float8
      + parts.fit * ${w.kindFit}::float8
      + parts.positive * ${w.positiveMeeting}::float8
      + parts.won * ${w.wonDeal}::float8
      - parts.no_shows * ${w.noShow}::float8
      - case when parts.met_recently then ${w.metRecently}::float8 else 0 end
      + case when parts.open_deal then ${w.openDeal}::float8 else 0 end
      + case when parts.partner then ${w.missionPartner}::float8 else 0 end
      - parts.load * ${w.busy}::float8
      - parts.dismissed * ${w.dismissed}::float8
    )::numeric, 2)::float8 as score
    from parts
    order by score desc, parts.name, parts.id
    limit ${q.limit}`;
}
