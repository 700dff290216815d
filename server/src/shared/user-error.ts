import { Ctx, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { type Message, render } from './messages/index.js';

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

  /** What went wrong, as a message of the catalog (shared/messages): `message` renders it. */
  text!: Message;

  /** The text in the request's language (Accept-Language: fr, en or ru; English by default). */
  @Field(() => String)
  message(@Ctx() ctx?: Context): string {
    return render(this.text, ctx?.language);
  }

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => ID, {
    nullable: true,
    description: 'For DUPLICATE: the record that already exists; for CONFLICT: the record it clashes with.',
  })
  existingId?: string | null;
}

export function userError(code: UserErrorCode, text: Message, field?: string[], existingId?: string): UserError {
  return Object.assign(new UserError(), { code, text, field: field ?? null, existingId: existingId ?? null });
}
