import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { readPage } from '../../read-model/compiled-page.js';
import { contactsRequest } from '../../read-model/root-reads.js';
import { ConnectionType, PageArgs } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { Company } from '../company/company.entity.js';
import { liveRecord, WITH_MERGED } from '../merge/merge-records.js';
import { Role } from '../user/user.enums.js';
import { Contact } from './contact.entity.js';
import { ContactFilter, ContactOrder, CreateContactInput, UpdateContactInput } from './contact.inputs.js';
import { CreateContactPayload, UpdateContactPayload } from './contact.payloads.js';
import { createContact, updateContact } from './contact.service.js';

const ContactConnection = ConnectionType(Contact);

@Resolver(() => Contact)
export class ContactResolver {
  @Authorized()
  @Query(() => ContactConnection, { description: 'People at the agency’s companies.' })
  contacts(
    @Args() page: PageArgs,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Arg('orderBy', () => ContactOrder, { nullable: true }) orderBy: ContactOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, contactsRequest(ctx, { ...page, filter, orderBy }));
  }

  @Authorized()
  @Query(() => Contact, {
    nullable: true,
    description: 'A contact of the agency; null when there is none. A merged one too: see mergedInto.',
  })
  contact(@Arg('id', () => ID) id: string, @Ctx() { em }: Context): Promise<Contact | null> | null {
    return isUuid(id) ? em.findOne(Contact, id, WITH_MERGED) : null;
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'For a merged (archived) contact: the live contact it became, following merges of merges.',
  })
  mergedInto(@Root() contact: Contact, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return contact.mergedInto ? liveRecord<Contact>(ctx.em, Contact, ctx.viewer!.agencyId, contact.id) : null;
  }

  @FieldResolver(() => Company)
  company(@Root() contact: Contact): Promise<Company> {
    return loadRef(contact.company);
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => CreateContactPayload)
  createContact(@Arg('input') input: CreateContactInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ contact: await createContact(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => UpdateContactPayload)
  updateContact(@Arg('input') input: UpdateContactInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ contact: await updateContact(em, ctx, input) }));
  }
}
