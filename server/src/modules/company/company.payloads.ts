import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Company } from './company.entity.js';

@ObjectType()
export class CreateCompanyPayload {
  @Field(() => Company, { nullable: true })
  company?: Company;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateCompanyPayload extends CreateCompanyPayload {}
