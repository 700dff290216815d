import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';

@ObjectType()
export class MergeCompaniesPayload {
  @Field(() => Company, { nullable: true, description: 'The kept company.' })
  company?: Company;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class MergeContactsPayload {
  @Field(() => Contact, { nullable: true, description: 'The kept contact.' })
  contact?: Contact;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
