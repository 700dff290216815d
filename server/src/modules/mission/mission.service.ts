import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import type { MoneyInput } from '../../shared/money.js';
import { refuse, UserErrorsException } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { Agency } from '../agency/agency.entity.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Mission } from './mission.entity.js';
import { MissionStatus, ParticipantStatus } from './mission.enums.js';
import type {
  AddMissionParticipantInput,
  CreateMissionInput,
  UpdateMissionInput,
  UpdateMissionParticipantInput,
} from './mission.inputs.js';
import { MissionParticipant } from './mission-participant.entity.js';

const MISSION_AUDITED = [
  'name',
  'kind',
  'status',
  'hostCountry',
  'city',
  'startsOn',
  'endsOn',
  'datesApproximate',
  'description',
  'organizer',
  'lead',
  'budgetAmount',
  'budgetCurrency',
] as const;
const PARTICIPANT_AUDITED = ['mission', 'company', 'status', 'notes'] as const;

// ---------------------------------------------------------------- writes

function missionSnapshot(mission: Mission): Record<string, unknown> {
  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
  return {
    ...snapshot(mission, MISSION_AUDITED),
    partners: mission.partners.isInitialized() ? ids(mission.partners.getItems()) : undefined,
    targetSectors: mission.targetSectors.isInitialized() ? ids(mission.targetSectors.getItems()) : undefined,
  };
}

/**
 * Loads the records an input refers to, through the agency-scoped EntityManager (another
 * agency's id reads as not found), collecting every NOT_FOUND with its field path.
 */
class References {
  readonly errors: UserError[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly ctx: Context,
  ) {}

  organizer(id: string | null): string | null {
    if (id === null) return null;
    // Agencies are tenants: a mission can only name its own agency as organiser. Any other id
    // reads as not found, as another agency's records do everywhere.
    if (id !== this.ctx.viewer!.agencyId) {
      this.errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchAgency'), ['input', 'organizerId']));
    }
    return id;
  }

  async lead(id: string | null): Promise<User | null> {
    if (id === null) return null;
    const user = await this.em.findOne(User, id);
    if (!user) this.errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchUser'), ['input', 'leadId']));
    else if (!user.active) {
      this.errors.push(userError(UserErrorCode.INVALID, msg('userDeactivated'), ['input', 'leadId']));
    }
    return user;
  }

  async many<T extends Company | Sector>(
    entity: new () => T,
    ids: readonly string[],
    field: string,
    what: 'noSuchCompany' | 'noSuchSector',
  ): Promise<T[]> {
    const unique = [...new Set(ids)];
    const found = unique.length > 0 ? await this.em.find(entity, { id: { $in: unique } } as never) : [];
    const byId = new Map(found.map((item) => [item.id, item]));
    ids.forEach((id, index) => {
      if (!byId.has(id)) {
        this.errors.push(userError(UserErrorCode.NOT_FOUND, msg(what), ['input', field, String(index)]));
      }
    });
    return unique.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
  }

  check(): void {
    if (this.errors.length > 0) throw new UserErrorsException(this.errors);
  }
}

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    refuse(UserErrorCode.INVALID, msg('missionEndsBeforeStart'), ['input', 'endsOn']);
  }
}

function requiredName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) refuse(UserErrorCode.REQUIRED, msg('required'), ['input', 'name']);
  return trimmed;
}

function budgetOf(budget: MoneyInput | null): { budgetAmount: string | null; budgetCurrency: string | null } {
  return budget
    ? { budgetAmount: budget.amount, budgetCurrency: budget.currency }
    : { budgetAmount: null, budgetCurrency: null };
}

export async function createMission(em: EntityManager, ctx: Context, input: CreateMissionInput): Promise<Mission> {
  const name = requiredName(input.name);
  checkDates(input.startsOn, input.endsOn);
  const refs = new References(em, ctx);
  const organizer = refs.organizer(input.organizerId === undefined ? ctx.viewer!.agencyId : input.organizerId);
  const lead = await refs.lead(input.leadId ?? null);
  const partners = await refs.many(Company, input.partnerIds ?? [], 'partnerIds', 'noSuchCompany');
  const sectors = await refs.many(Sector, input.targetSectorIds ?? [], 'targetSectorIds', 'noSuchSector');
  refs.check();

  const mission = em.create(Mission, {
    agency: ctx.viewer!.agencyId,
    name,
    normalizedName: normalizeName(name),
    kind: input.kind,
    status: input.status ?? MissionStatus.PLANNED,
    hostCountry: input.hostCountry.toUpperCase(),
    city: input.city?.trim() || null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    datesApproximate: input.datesApproximate ?? false,
    description: input.description ?? null,
    organizer,
    lead,
    ...budgetOf(input.budget ?? null),
  });
  mission.partners.set(partners);
  mission.targetSectors.set(sectors);
  recordAudit(em, ctx, {
    action: 'createMission',
    entity: 'Mission',
    entityId: mission.id,
    after: missionSnapshot(mission),
  });
  return mission;
}

export async function updateMission(em: EntityManager, ctx: Context, input: UpdateMissionInput): Promise<Mission> {
  const mission = await em.findOne(Mission, input.missionId, { populate: ['partners', 'targetSectors'] });
  if (!mission) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchMission'), ['input', 'missionId']);
  const before = missionSnapshot(mission);
  const startsOn = input.startsOn === undefined ? mission.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? mission.endsOn : input.endsOn;
  checkDates(startsOn, endsOn);

  const refs = new References(em, ctx);
  const organizer = input.organizerId === undefined ? undefined : refs.organizer(input.organizerId);
  const lead = input.leadId === undefined ? undefined : await refs.lead(input.leadId);
  const partners =
    input.partnerIds == null ? undefined : await refs.many(Company, input.partnerIds, 'partnerIds', 'noSuchCompany');
  const sectors =
    input.targetSectorIds == null
      ? undefined
      : await refs.many(Sector, input.targetSectorIds, 'targetSectorIds', 'noSuchSector');
  refs.check();

  if (input.name != null) {
    mission.name = requiredName(input.name);
    mission.normalizedName = normalizeName(mission.name);
  }
  if (input.kind != null) mission.kind = input.kind;
  if (input.status != null) mission.status = input.status;
  if (input.hostCountry != null) mission.hostCountry = input.hostCountry.toUpperCase();
  if (input.city !== undefined) mission.city = input.city?.trim() || null;
  mission.startsOn = startsOn ?? null;
  mission.endsOn = endsOn ?? null;
  if (input.datesApproximate != null) mission.datesApproximate = input.datesApproximate;
  if (input.description !== undefined) mission.description = input.description;
  if (organizer !== undefined) mission.organizer = organizer ? em.getReference(Agency, organizer) : null;
  if (lead !== undefined) mission.lead = lead;
  if (partners) mission.partners.set(partners);
  if (sectors) mission.targetSectors.set(sectors);
  if (input.budget !== undefined) Object.assign(mission, budgetOf(input.budget));

  recordAudit(em, ctx, {
    action: 'updateMission',
    entity: 'Mission',
    entityId: mission.id,
    before,
    after: missionSnapshot(mission),
  });
  return mission;
}

export async function addMissionParticipant(
  em: EntityManager,
  ctx: Context,
  input: AddMissionParticipantInput,
): Promise<MissionParticipant> {
  const mission = await em.findOne(Mission, input.missionId);
  const company = await em.findOne(Company, input.companyId);
  const errors: UserError[] = [];
  if (!mission) errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchMission'), ['input', 'missionId']));
  if (!company) errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'companyId']));
  else if (company.kind !== CompanyKind.EXPORTER) {
    errors.push(
      userError(UserErrorCode.INVALID, msg('onlyExportersJoin', { name: company.name, kind: company.kind }), [
        'input',
        'companyId',
      ]),
    );
  }
  if (errors.length > 0 || !mission || !company) throw new UserErrorsException(errors);

  const existing = await em.findOne(MissionParticipant, { mission, company });
  if (existing) {
    refuse(
      UserErrorCode.DUPLICATE,
      msg('alreadyInDelegation', { name: company.name }),
      ['input', 'companyId'],
      existing.id,
    );
  }
  const participant = em.create(MissionParticipant, {
    agency: ctx.viewer!.agencyId,
    mission,
    company,
    status: input.status ?? ParticipantStatus.INVITED,
    notes: input.notes ?? null,
  });
  recordAudit(em, ctx, {
    action: 'addMissionParticipant',
    entity: 'MissionParticipant',
    entityId: participant.id,
    after: snapshot(participant, PARTICIPANT_AUDITED),
  });
  return participant;
}

export async function updateMissionParticipant(
  em: EntityManager,
  ctx: Context,
  input: UpdateMissionParticipantInput,
): Promise<MissionParticipant> {
  const participant = await em.findOne(MissionParticipant, input.participantId);
  if (!participant) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchParticipant'), ['input', 'participantId']);
  const before = snapshot(participant, PARTICIPANT_AUDITED);
  if (input.status != null) participant.status = input.status;
  if (input.notes !== undefined) participant.notes = input.notes;
  recordAudit(em, ctx, {
    action: 'updateMissionParticipant',
    entity: 'MissionParticipant',
    entityId: participant.id,
    before,
    after: snapshot(participant, PARTICIPANT_AUDITED),
  });
  return participant;
}
