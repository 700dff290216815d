import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { Locale, Role } from '../user/user.enums.js';
import { Sector } from './sector.entity.js';
import {
  CreateSectorInput,
  SectorNamesInput,
  SectorOrder,
  SectorOrderField,
  UpdateSectorInput,
} from './sector.inputs.js';
import { CreateSectorPayload, UpdateSectorPayload } from './sector.payloads.js';
import { createSector, updateSector } from './sector.service.js';

const SectorConnection = ConnectionType(Sector);

@Resolver(() => Sector)
export class SectorResolver {
  @Authorized()
  @Query(() => SectorConnection, { description: "The agency's fields of activity." })
  sectors(
    @Args() page: PageArgs,
    @Arg('orderBy', () => SectorOrder, { nullable: true }) orderBy: SectorOrder | null,
    @Ctx() { em }: Context,
  ) {
    return paginate(em, Sector, {}, orderBy ?? { field: SectorOrderField.CODE, direction: OrderDirection.ASC }, page);
  }

  @FieldResolver(() => String, { description: 'The name in the given language (default: French).' })
  name(@Root() sector: Sector, @Arg('locale', () => Locale, { defaultValue: Locale.fr }) locale: Locale): string {
    return sector.names[locale] ?? sector.names.fr;
  }

  @FieldResolver(() => SectorNamesInput)
  names(@Root() sector: Sector): SectorNamesInput {
    return sector.names;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateSectorPayload)
  createSector(@Arg('input') input: CreateSectorInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ sector: await createSector(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UpdateSectorPayload)
  updateSector(@Arg('input') input: UpdateSectorInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ sector: await updateSector(em, ctx, input) }));
  }
}
