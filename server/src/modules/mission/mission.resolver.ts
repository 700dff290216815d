import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DateScalar } from '../../graphql/scalars.js';
import { readRecord } from '../../read-model/compiled-page.js';
import { missionRequest } from '../../read-model/root-reads.js';
import { badInput, ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { inByteOrder } from '../../shared/in-byte-order.js';
import { loadOptionalRef, loadRef } from '../../shared/load.js';
import { Money, money } from '../../shared/money.js';
import { runMutation } from '../../shared/mutation.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { Agency } from '../agency/agency.entity.js';
import { Company } from '../company/company.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Mission } from './mission.entity.js';
import { missionWhere, participantWhere } from './mission.filter.js';
import {
  AddMissionParticipantInput,
  CreateMissionInput,
  MissionFilter,
  MissionOrder,
  MissionOrderField,
  MissionParticipantFilter,
  UpdateMissionInput,
  UpdateMissionParticipantInput,
} from './mission.inputs.js';
import { missionAgenda, participantMeetings } from './mission.loaders.js';
import {
  AddMissionParticipantPayload,
  CreateMissionPayload,
  UpdateMissionParticipantPayload,
  UpdateMissionPayload,
} from './mission.payloads.js';
import { addMissionParticipant, createMission, updateMission, updateMissionParticipant } from './mission.service.js';
import { MissionParticipant } from './mission-participant.entity.js';
import { hostTimeZone, isTimeZone } from './time-zone.js';

export const MissionConnection = ConnectionType(Mission);
const MissionParticipantConnection = ConnectionType(MissionParticipant);
const InteractionConnection = ConnectionType(Interaction);

const EDITORS = [Role.ADMIN, Role.ACCOUNT_MANAGER];

@Resolver(() => Mission)
export class MissionResolver {
  @Authorized()
  @Query(() => MissionConnection, { description: "The agency's missions." })
  missions(
    @Args() page: PageArgs,
    @Arg('filter', () => MissionFilter, { nullable: true }) filter: MissionFilter | null,
    @Arg('orderBy', () => MissionOrder, {
      nullable: true,
      description: 'Default: STARTS_ON DESC (latest first; undated missions first).',
    })
    orderBy: MissionOrder | null,
    @Ctx() { em, language }: Context,
  ) {
    return paginate(
      em,
      Mission,
      missionWhere(filter, language),
      orderBy ?? { field: MissionOrderField.STARTS_ON, direction: OrderDirection.DESC },
      page,
    );
  }

  @Authorized()
  @Query(() => Mission, {
    nullable: true,
    description: 'A mission of the agency; null when there is none with this id.',
  })
  async mission(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Mission | null> {
    return readRecord(ctx, info, missionRequest(id));
  }

  @FieldResolver(() => Money, { nullable: true, description: 'What the mission costs the agency.' })
  budget(@Root() mission: Mission): Money | null {
    return money(mission.budgetAmount, mission.budgetCurrency);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The organising agency.' })
  organizer(@Root() mission: Mission): Promise<Agency | null> {
    return loadOptionalRef(mission.organizer);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user who leads the mission.' })
  lead(@Root() mission: Mission): Promise<User | null> {
    return loadOptionalRef(mission.lead);
  }

  @FieldResolver(() => [Company], { description: 'Partner organisations, by name.' })
  async partners(@Root() mission: Mission): Promise<Company[]> {
    const partners = await mission.partners.load({ dataloader: true });
    return partners.getItems().sort(inByteOrder<Company>('normalizedName', 'id'));
  }

  @FieldResolver(() => [Sector], { description: 'Sectors the mission targets, by code.' })
  async targetSectors(@Root() mission: Mission): Promise<Sector[]> {
    const sectors = await mission.targetSectors.load({ dataloader: true });
    return sectors.getItems().sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => MissionParticipantConnection, {
    description: 'The delegation: the exporters in the mission, in the order they were added (then by id).',
  })
  participants(
    @Root() mission: Mission,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => MissionParticipantFilter, { nullable: true }) filter: MissionParticipantFilter | null,
    @Ctx() ctx: Context,
  ) {
    return nestedPage(ctx, {
      entity: MissionParticipant,
      parent: 'mission',
      parentId: mission.id,
      order: { field: 'createdAt', direction: OrderDirection.ASC },
      ...page,
      where: participantWhere(filter),
    });
  }

  @FieldResolver(() => String, {
    description:
      'IANA time zone of the host country, in which agenda days are read: the country’s own zone, its capital’s ' +
      'when it spans several (RU: Europe/Moscow), UTC when unknown.',
  })
  timeZone(@Root() mission: Mission): string {
    return hostTimeZone(mission.hostCountry);
  }

  @FieldResolver(() => [Interaction], {
    description:
      "A day of the mission's B2B agenda: its MEETING interactions starting on that day in the mission's timeZone " +
      '(or the one given), not CANCELLED, by start time then id; optionally only one exporter’s (the printed ' +
      'schedule each exporter takes along).',
  })
  agenda(
    @Root() mission: Mission,
    @Arg('day', () => DateScalar) day: string,
    @Arg('exporterId', () => ID, { nullable: true }) exporterId: string | null,
    @Arg('timeZone', () => String, {
      nullable: true,
      description: 'IANA time zone to read the day in, e.g. "Europe/Moscow"; default the mission’s timeZone.',
    })
    timeZone: string | null,
    @Ctx() ctx: Context,
  ): Promise<Interaction[]> {
    if (timeZone != null && !isTimeZone(timeZone)) throw badInput(`Unknown time zone "${timeZone}".`, 'timeZone');
    return missionAgenda(ctx, mission, day, timeZone ?? hostTimeZone(mission.hostCountry), exporterId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => CreateMissionPayload)
  createMission(@Arg('input') input: CreateMissionInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ mission: await createMission(em, ctx, input) }));
  }

  @Authorized(...EDITORS)
  @Mutation(() => UpdateMissionPayload)
  updateMission(@Arg('input') input: UpdateMissionInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ mission: await updateMission(em, ctx, input) }));
  }
}

@Resolver(() => MissionParticipant)
export class MissionParticipantResolver {
  @FieldResolver(() => Mission)
  mission(@Root() participant: MissionParticipant): Promise<Mission> {
    return loadRef(participant.mission);
  }

  @FieldResolver(() => Company, { description: 'The exporter.' })
  company(@Root() participant: MissionParticipant): Promise<Company> {
    return loadRef(participant.company);
  }

  @FieldResolver(() => InteractionConnection, {
    description: "The exporter's MEETING interactions in this mission, by time (occurredAt, then id).",
  })
  meetings(@Root() participant: MissionParticipant, @Args() page: NestedPageArgs, @Ctx() ctx: Context) {
    return participantMeetings(ctx, participant, page);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AddMissionParticipantPayload, { description: 'Adds an exporter to a mission’s delegation.' })
  addMissionParticipant(@Arg('input') input: AddMissionParticipantInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ participant: await addMissionParticipant(em, ctx, input) }));
  }

  @Authorized(...EDITORS)
  @Mutation(() => UpdateMissionParticipantPayload)
  updateMissionParticipant(@Arg('input') input: UpdateMissionParticipantInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ participant: await updateMissionParticipant(em, ctx, input) }));
  }
}
