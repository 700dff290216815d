import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { validateInput } from '../../shared/validation.js';
import { Role } from '../user/user.enums.js';
import {
  DuplicateCandidate,
  DuplicateKind,
  duplicateCandidates,
  MAX_CANDIDATES_PAGE,
} from './duplicate-candidates.service.js';
import {
  MergeCompaniesInput,
  MergeCompaniesPreview,
  MergeContactsInput,
  MergeContactsPreview,
} from './merge.inputs.js';
import { MergeCompaniesPayload, MergeContactsPayload } from './merge.payloads.js';
import { mergeCompanies, planCompanyMerge } from './merge-companies.service.js';
import { mergeContacts, planContactMerge } from './merge-contacts.service.js';

const DuplicateCandidateConnection = ConnectionType(DuplicateCandidate);

@ArgsType()
class DuplicateCandidatesArgs {
  @Field(() => DuplicateKind, { defaultValue: DuplicateKind.COMPANY })
  kind!: DuplicateKind;

  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_CANDIDATES_PAGE} (default 20).` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

const REVIEWERS = [Role.ADMIN, Role.ACCOUNT_MANAGER];

@Resolver()
export class MergeResolver {
  @Authorized(...REVIEWERS)
  @Query(() => DuplicateCandidateConnection, {
    description: 'Pairs of live companies (or contacts) that look like one record, the likeliest first.',
  })
  duplicateCandidates(@Args() args: DuplicateCandidatesArgs, @Ctx() ctx: Context) {
    return duplicateCandidates(ctx.em, ctx.viewer!.agencyId, args.kind, args);
  }

  @Authorized(...REVIEWERS)
  @Query(() => MergeCompaniesPreview, { description: 'What mergeCompanies would move and refuse; writes nothing.' })
  async mergeCompaniesPreview(@Arg('input') input: MergeCompaniesInput, @Ctx() ctx: Context) {
    const errors = await validateInput(input);
    if (errors.length > 0) return { merged: [], moves: [], conflicts: [], userErrors: errors };
    return (await planCompanyMerge(ctx.em, input, { lock: false })).preview;
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => MergeCompaniesPayload, {
    description:
      'Moves everything of the merged companies to the kept one, in one transaction, and archives them (mergedInto).',
  })
  mergeCompanies(@Arg('input') input: MergeCompaniesInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ company: await mergeCompanies(em, ctx, input) }));
  }

  @Authorized(...REVIEWERS)
  @Query(() => MergeContactsPreview, { description: 'What mergeContacts would move and refuse; writes nothing.' })
  async mergeContactsPreview(@Arg('input') input: MergeContactsInput, @Ctx() ctx: Context) {
    const errors = await validateInput(input);
    if (errors.length > 0) return { merged: [], moves: [], userErrors: errors };
    return (await planContactMerge(ctx.em, input, { lock: false })).preview;
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => MergeContactsPayload, {
    description: 'Moves the merged contacts’ meetings to the kept contact and archives them (mergedInto).',
  })
  mergeContacts(@Arg('input') input: MergeContactsInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ contact: await mergeContacts(em, ctx, input) }));
  }
}
