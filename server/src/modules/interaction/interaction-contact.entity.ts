import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Contact } from '../contact/contact.entity.js';
import { Interaction } from './interaction.entity.js';

/** The contacts of an interaction (pivot of `Interaction.contacts`), declared to index its contact column. */
@Entity({ tableName: 'interaction_contact' })
@Index({ properties: ['contact'] })
export class InteractionContact {
  @ManyToOne(() => Interaction, { primary: true, deleteRule: 'cascade' })
  interaction!: Rel<Interaction>;

  @ManyToOne(() => Contact, { primary: true, deleteRule: 'cascade' })
  contact!: Rel<Contact>;
}
