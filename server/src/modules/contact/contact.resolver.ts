import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { Company } from '../company/company.entity.js';
import { Role } from '../user/user.enums.js';
import { Contact } from './contact.entity.js';
import {
  ContactFilter,
  ContactOrder,
  ContactOrderField,
  CreateContactInput,
  CreateContactPayload,
  UpdateContactInput,
  UpdateContactPayload,
} from './contact.inputs.js';
import { contactWhere, createContact, updateContact } from './contact.service.js';

const ContactConnection = ConnectionType(Contact);

@Resolver(() => Contact)
export class ContactResolver {
  @Authorized()
  @Query(() => ContactConnection, { description: 'People at the agency’s companies.' })
  contacts(
    @Args() page: PageArgs,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Arg('orderBy', () => ContactOrder, { nullable: true }) orderBy: ContactOrder | null,
    @Ctx() { em, language }: Context,
  ) {
    return paginate(
      em,
      Contact,
      contactWhere(filter, language),
      orderBy ?? { field: ContactOrderField.FULL_NAME, direction: OrderDirection.ASC },
      page,
    );
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
