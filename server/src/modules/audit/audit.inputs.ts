import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true, description: 'Who made the change.' })
  actorIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Entity names, e.g. ["User", "Company"].' })
  entities?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The record changed.' })
  entityId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Mutation names, e.g. ["setUserRole"].' })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'From this instant, included.' })
  atFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until this instant, excluded.' })
  atTo?: Date | null;
}

export enum AuditEventOrderField {
  AT = 'at',
}
registerEnumType(AuditEventOrderField, { name: 'AuditEventOrderField' });

@InputType()
export class AuditEventOrder {
  @Field(() => AuditEventOrderField)
  field!: AuditEventOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;
}
