import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../shared/mutation.js';
import { ApiToken } from './api-token.entity.js';
import { CreateApiTokenInput, RevokeApiTokenInput } from './api-token.inputs.js';
import { CreateApiTokenPayload, RevokeApiTokenPayload } from './api-token.payloads.js';
import { createApiToken, revokeApiToken } from './api-token.service.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Authorized()
  @Query(() => [ApiToken], { description: "The viewer's API tokens, newest first (never their secrets)." })
  apiTokens(@Ctx() { em, viewer }: Context): Promise<ApiToken[]> {
    return em.find(ApiToken, { user: viewer!.userId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  @Authorized()
  @Mutation(() => CreateApiTokenPayload, { description: 'Creates a personal API token; its secret is returned once.' })
  createApiToken(@Arg('input') input: CreateApiTokenInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => createApiToken(em, ctx, input));
  }

  @Authorized()
  @Mutation(() => RevokeApiTokenPayload, { description: 'Revokes one of your tokens: it stops working at once.' })
  revokeApiToken(@Arg('input') input: RevokeApiTokenInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ apiToken: await revokeApiToken(em, ctx, input) }));
  }
}
