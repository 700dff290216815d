import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Contact } from './contact.entity.js';

@ObjectType()
export class CreateContactPayload {
  @Field(() => Contact, { nullable: true })
  contact?: Contact;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateContactPayload extends CreateContactPayload {}
