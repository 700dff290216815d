import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { readPage, readRecord } from '../../read-model/compiled-page.js';
import { companiesRequest, companyRequest } from '../../read-model/root-reads.js';
import { ConnectionType, OrderDirection, PageArgs } from '../../shared/connection.js';
import { inByteOrder } from '../../shared/in-byte-order.js';
import { loadOptionalRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { Contact } from '../contact/contact.entity.js';
import { liveRecord } from '../merge/merge-records.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Company } from './company.entity.js';
import { CompanyFilter, CompanyOrder, CreateCompanyInput, UpdateCompanyInput } from './company.inputs.js';
import { CreateCompanyPayload, UpdateCompanyPayload } from './company.payloads.js';
import { createCompany, updateCompany } from './company.service.js';

const CompanyConnection = ConnectionType(Company);
const ContactConnection = ConnectionType(Contact);

@Resolver(() => Company)
export class CompanyResolver {
  @Authorized()
  @Query(() => CompanyConnection, { description: "The agency's exporters and counterparts." })
  companies(
    @Args() page: PageArgs,
    @Arg('filter', () => CompanyFilter, { nullable: true }) filter: CompanyFilter | null,
    @Arg('orderBy', () => CompanyOrder, { nullable: true }) orderBy: CompanyOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, companiesRequest(ctx, { ...page, filter, orderBy }));
  }

  @Authorized()
  @Query(() => Company, {
    nullable: true,
    description: 'A company of the agency; null when there is none. A merged one too: see mergedInto.',
  })
  async company(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Company | null> {
    return readRecord(ctx, info, companyRequest(id));
  }

  @FieldResolver(() => Company, {
    nullable: true,
    description: 'For a merged (archived) company: the live company it became, following merges of merges.',
  })
  mergedInto(@Root() company: Company, @Ctx() ctx: Context): Promise<Company | null> | null {
    return company.mergedInto ? liveRecord<Company>(ctx.em, Company, ctx.viewer!.agencyId, company.id) : null;
  }

  @FieldResolver(() => [Sector], { description: 'By code.' })
  async sectors(@Root() company: Company): Promise<Sector[]> {
    // Batched across the companies of a request by MikroORM's collection dataloader; by code (as
    // bytes: the compiled reads sort them `collate "C"`, read-model/read-types.ts).
    const sectors = (await company.sectors.load({ dataloader: true })).getItems();
    return sectors.sort(inByteOrder<Sector>('code'));
  }

  @FieldResolver(() => User, { nullable: true })
  accountManager(@Root() company: Company): Promise<User | null> {
    return loadOptionalRef(company.accountManager);
  }

  @FieldResolver(() => ContactConnection, { description: 'People at the company, by name.' })
  contacts(@Root() company: Company, @Args() page: NestedPageArgs, @Ctx() ctx: Context) {
    return nestedPage(ctx, {
      entity: Contact,
      parent: 'company',
      parentId: company.id,
      order: { field: 'normalizedName', direction: OrderDirection.ASC },
      ...page,
    });
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => CreateCompanyPayload)
  createCompany(@Arg('input') input: CreateCompanyInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ company: await createCompany(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => UpdateCompanyPayload)
  updateCompany(@Arg('input') input: UpdateCompanyInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ company: await updateCompany(em, ctx, input) }));
  }
}
