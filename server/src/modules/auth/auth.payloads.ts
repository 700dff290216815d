import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { User } from '../user/user.entity.js';

@ObjectType()
export class LoginPayload {
  @Field(() => User, { nullable: true, description: 'The signed-in user; null when sign-in failed.' })
  viewer?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class LogoutPayload {
  @Field(() => Boolean)
  ok!: boolean;
}
