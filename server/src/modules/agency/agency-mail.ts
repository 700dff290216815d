import type { EntityManager } from '@mikro-orm/postgresql';
import { MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { UserError, UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Agency } from './agency.entity.js';

@InputType()
export class SetAgencyMailFromInput {
  @Field(() => String, {
    nullable: true,
    description: 'An address, or a name and an address: "Mosprom <crm@mosprom.ru>". Null: the server’s own sender.',
  })
  @MaxLength(254)
  mailFrom?: string | null;
}

@ObjectType()
export class SetAgencyMailFromPayload {
  @Field(() => Agency, { nullable: true })
  agency?: Agency;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** `crm@mosprom.ru`, or `Mosprom <crm@mosprom.ru>` (no line breaks, one address). */
const SENDER = /^(?:[^<>@\r\n"]{1,200} <([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>|([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+))$/;

/** Sets the sender of the agency's mail (invitations, confirmation requests); audited. */
export async function setAgencyMailFrom(
  em: EntityManager,
  ctx: Context,
  input: SetAgencyMailFromInput,
): Promise<{ agency: Agency }> {
  const mailFrom = input.mailFrom?.trim() || null;
  if (mailFrom && !SENDER.test(mailFrom)) refuse(UserErrorCode.INVALID, msg('mailFromInvalid'), ['input', 'mailFrom']);
  const agency = await em.findOneOrFail(Agency, ctx.viewer!.agencyId);
  const before = { mailFrom: agency.mailFrom ?? null };
  agency.mailFrom = mailFrom;
  recordAudit(em, ctx, {
    action: 'setAgencyMailFrom',
    entity: 'Agency',
    entityId: agency.id,
    before,
    after: { mailFrom },
  });
  return { agency };
}
