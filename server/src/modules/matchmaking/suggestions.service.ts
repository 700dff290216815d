import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyOf, agencyQuery } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import {
  MeetingSuggestion,
  type MeetingSuggestionInput,
  SuggestionReason,
  SuggestionReasonKind,
} from './suggestion.types.js';
import { SuggestionDismissal } from './suggestion-dismissal.entity.js';
import { WEIGHTS, type Weights } from './suggestion-weights.js';
import { type SuggestionQuery, type SuggestionRow, suggestionsSql } from './suggestions.sql.js';

/** Most suggestions asked at once. */
export const MAX_SUGGESTIONS = 50;

/** The scored rows of one statement (suggestions.sql.ts). */
export function suggestionRows(em: EntityManager, query: SuggestionQuery): Promise<SuggestionRow[]> {
  return agencyQuery<SuggestionRow>(em, suggestionsSql(query), { connection: 'read' });
}

/** A row's reasons, with their points, the largest first (those worth nothing left out). */
export function reasonsOf(
  row: SuggestionRow,
  weights: Weights = WEIGHTS,
): { kind: SuggestionReasonKind; points: number; count: number | null }[] {
  const reasons = [
    { kind: SuggestionReasonKind.SHARED_SECTORS, points: row.shared * weights.sharedSector, count: row.shared },
    { kind: SuggestionReasonKind.KIND_FIT, points: row.fit * weights.kindFit, count: null },
    {
      kind: SuggestionReasonKind.POSITIVE_MEETINGS,
      points: row.positive * weights.positiveMeeting,
      count: row.positive,
    },
    { kind: SuggestionReasonKind.DEALS_WON, points: row.won * weights.wonDeal, count: row.won },
    { kind: SuggestionReasonKind.NO_SHOWS, points: -row.no_shows * weights.noShow, count: row.no_shows },
    { kind: SuggestionReasonKind.MET_RECENTLY, points: row.met_recently ? -weights.metRecently : 0, count: null },
    { kind: SuggestionReasonKind.OPEN_DEAL, points: row.open_deal ? weights.openDeal : 0, count: null },
    { kind: SuggestionReasonKind.MISSION_PARTNER, points: row.partner ? weights.missionPartner : 0, count: null },
    { kind: SuggestionReasonKind.BUSY, points: -row.load * weights.busy, count: row.load },
    { kind: SuggestionReasonKind.DISMISSED, points: -row.dismissed * weights.dismissed, count: row.dismissed },
  ];
  return reasons
    .filter((reason) => reason.points !== 0)
    .map((reason) => ({ ...reason, points: Math.round(reason.points * 100) / 100 }))
    .sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
}

/**
 * `mission.suggestedMeetings(exporterId, first)`: the counterparts the exporter should meet, one
 * statement for the scores, then the companies and sectors they name (one batch each).
 */
export async function suggestedMeetings(
  ctx: Context,
  mission: Mission,
  exporterId: string,
  first: number,
): Promise<MeetingSuggestion[]> {
  const limit = Math.max(0, Math.min(first, MAX_SUGGESTIONS));
  const exporter = await ctx.em.findOne(Company, { id: exporterId, kind: CompanyKind.EXPORTER });
  if (!exporter || limit === 0) return [];
  const rows = await suggestionRows(ctx.em, {
    agencyId: agencyOf(ctx),
    missionId: mission.id,
    exporterId,
    asOf: new Date(),
    mode: 'live',
    weights: WEIGHTS,
    limit,
  });
  const companies = await ctx.em.find(Company, { id: { $in: rows.map((row) => row.id) } });
  const sectorIds = [...new Set(rows.flatMap((row) => row.shared_sector_ids))];
  const sectors = sectorIds.length > 0 ? await ctx.em.find(Sector, { id: { $in: sectorIds } }) : [];
  const companyById = new Map(companies.map((company) => [company.id, company]));
  const sectorById = new Map(sectors.map((sector) => [sector.id, sector]));
  return rows
    .filter((row) => companyById.has(row.id))
    .map((row) =>
      Object.assign(new MeetingSuggestion(), {
        counterpart: companyById.get(row.id),
        score: row.score,
        reasons: reasonsOf(row).map((reason) =>
          Object.assign(new SuggestionReason(), {
            ...reason,
            sectors:
              reason.kind === SuggestionReasonKind.SHARED_SECTORS
                ? row.shared_sector_ids.map((id) => sectorById.get(id)).filter((sector) => sector !== undefined)
                : [],
          }),
        ),
      }),
    );
}

/** Not suggested again to this exporter at this mission; a signal against the counterpart elsewhere. */
export async function dismissMeetingSuggestion(
  em: EntityManager,
  ctx: Context,
  input: MeetingSuggestionInput,
): Promise<{ dismissed: boolean }> {
  const [mission, exporter, counterpart] = await Promise.all([
    em.findOne(Mission, input.missionId),
    em.findOne(Company, { id: input.exporterId, kind: CompanyKind.EXPORTER }),
    em.findOne(Company, input.counterpartId),
  ]);
  if (!mission) refuse(UserErrorCode.NOT_FOUND, msg('noSuchMission'), ['input', 'missionId']);
  if (!exporter) refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'exporterId']);
  if (!counterpart) refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'counterpartId']);
  const known = await em.findOne(SuggestionDismissal, { mission, exporter, counterpart });
  if (!known) {
    em.create(SuggestionDismissal, {
      agency: ctx.viewer!.agencyId,
      mission,
      exporter,
      counterpart,
      dismissedBy: em.getReference(User, ctx.viewer!.userId),
    });
  }
  return { dismissed: true };
}
