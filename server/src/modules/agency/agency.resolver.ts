import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Agency } from './agency.entity.js';
import { SetAgencyMailFromInput, SetAgencyMailFromPayload, setAgencyMailFrom } from './agency-mail.js';

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized()
  @Query(() => Agency, { description: "The viewer's agency." })
  agency(@Ctx() { em, viewer }: Context): Promise<Agency> {
    return em.findOneOrFail(Agency, viewer!.agencyId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SetAgencyMailFromPayload, {
    description: 'Sets the sender of the mail the CRM sends for the agency (null: the server’s own, CRM_MAIL_FROM).',
  })
  setAgencyMailFrom(@Arg('input') input: SetAgencyMailFromInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => setAgencyMailFrom(em, ctx, input));
  }
}

@Resolver(() => User)
export class UserAgencyResolver {
  @FieldResolver(() => Agency)
  agency(@Root() user: User): Promise<Agency> {
    return loadRef(user.agency);
  }
}
