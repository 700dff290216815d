import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  DUPLICATE = 'DUPLICATE',
  FORBIDDEN = 'FORBIDDEN',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input. Nothing was written.',
});

@ObjectType({ description: 'A problem with the input of a mutation; nothing was written.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "email"].' })
  field?: string[] | null;

  @Field()
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => ID, {
    nullable: true,
    description: 'For DUPLICATE: the record that already exists; for CONFLICT: the record it clashes with.',
  })
  existingId?: string | null;
}

export function userError(code: UserErrorCode, message: string, field?: string[], existingId?: string): UserError {
  return Object.assign(new UserError(), { code, message, field: field ?? null, existingId: existingId ?? null });
}
