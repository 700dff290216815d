import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Contact } from '../contact/contact.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { User } from '../user/user.entity.js';

/** At most this many records merge into one at a time. */
export const MAX_MERGED = 10;

@InputType({ description: 'What the reviewer saw of a record: the merge is refused (CONFLICT) if it changed since.' })
export class SeenVersionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'The record’s updatedAt as read.' })
  updatedAt!: Date;
}

@InputType({
  description:
    'For each field, the id of the record (kept or merged) whose value the kept company takes; omitted: the kept one’s. Brands and sectors are united.',
})
export class MergeCompanyFieldsInput {
  @Field(() => ID, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true }) kind?: string | null;
  @Field(() => ID, { nullable: true }) country?: string | null;
  @Field(() => ID, { nullable: true }) city?: string | null;
  @Field(() => ID, { nullable: true }) website?: string | null;
  @Field(() => ID, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true }) accountManager?: string | null;
}
export const COMPANY_MERGE_FIELDS = ['name', 'kind', 'country', 'city', 'website', 'notes', 'accountManager'] as const;

@InputType({
  description: 'For each field, the id of the contact whose value the kept contact takes. Languages are united.',
})
export class MergeContactFieldsInput {
  @Field(() => ID, { nullable: true }) fullName?: string | null;
  @Field(() => ID, { nullable: true }) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) email?: string | null;
  @Field(() => ID, { nullable: true }) phone?: string | null;
}
export const CONTACT_MERGE_FIELDS = ['fullName', 'jobTitle', 'email', 'phone'] as const;

@InputType()
abstract class MergeInput {
  @Field(() => ID, { description: 'The record that stays.' })
  @IsUUID()
  keepId!: string;

  @Field(() => [ID], { description: `The records merged into it, then archived (at most ${MAX_MERGED}).` })
  @IsArray()
  @ArrayMaxSize(MAX_MERGED)
  mergeIds!: string[];

  @Field(() => [SeenVersionInput], {
    nullable: true,
    description: 'The versions the reviewer saw; a record changed since is a CONFLICT.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MERGED + 1)
  seen?: SeenVersionInput[] | null;
}

@InputType()
export class MergeCompaniesInput extends MergeInput {
  @Field(() => MergeCompanyFieldsInput, { nullable: true })
  fields?: MergeCompanyFieldsInput | null;
}

@InputType()
export class MergeContactsInput extends MergeInput {
  @Field(() => MergeContactFieldsInput, { nullable: true })
  fields?: MergeContactFieldsInput | null;
}

export enum MergeRelation {
  CONTACTS = 'CONTACTS',
  INTERACTIONS_AS_EXPORTER = 'INTERACTIONS_AS_EXPORTER',
  INTERACTIONS_AS_COUNTERPART = 'INTERACTIONS_AS_COUNTERPART',
  DEALS_AS_EXPORTER = 'DEALS_AS_EXPORTER',
  DEALS_AS_BUYER = 'DEALS_AS_BUYER',
  PARTICIPATIONS = 'PARTICIPATIONS',
  PARTNERSHIPS = 'PARTNERSHIPS',
  TASKS = 'TASKS',
  SECTORS = 'SECTORS',
  INTERACTIONS = 'INTERACTIONS',
}
registerEnumType(MergeRelation, {
  name: 'MergeRelation',
  description:
    'What moves to the kept record. INTERACTIONS: the meetings a merged contact attended. SECTORS: sectors the kept company gains.',
});

export enum MergeConflictKind {
  SAME_MISSION = 'SAME_MISSION',
  SAME_EMAIL = 'SAME_EMAIL',
}
registerEnumType(MergeConflictKind, {
  name: 'MergeConflictKind',
  description:
    'SAME_MISSION: the companies are in one mission’s delegation: one participation stays (the kept company’s, else the most advanced), with the most advanced status. SAME_EMAIL: contacts with one e-mail become one contact (the kept company’s, else the oldest).',
});

@ObjectType({ description: 'How many records of a relation move to the kept record.' })
export class MergeMove {
  @Field(() => MergeRelation) relation!: MergeRelation;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Two records that become one when merged, and how.' })
export class MergeConflict {
  @Field(() => MergeConflictKind) kind!: MergeConflictKind;
  @Field({ description: 'The mission’s name, or the e-mail.' }) label!: string;
  @Field(() => Int, { description: 'How many records become one.' }) count!: number;
  @Field(() => ParticipantStatus, { nullable: true, description: 'SAME_MISSION: the status kept.' })
  keptStatus?: ParticipantStatus | null;
  @Field(() => String, { nullable: true, description: 'SAME_EMAIL: the name of the contact kept.' })
  keptName?: string | null;
}

@ObjectType({ description: 'The values the kept company will have.' })
export class MergedCompanyValues {
  @Field() name!: string;
  @Field(() => CompanyKind) kind!: CompanyKind;
  @Field() country!: string;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [String]) brands!: string[];
  @Field(() => User, { nullable: true }) accountManager?: User | null;
}

@ObjectType({ description: 'What mergeCompanies would do with this input; nothing is written.' })
export class MergeCompaniesPreview {
  @Field(() => Company, { nullable: true }) keep?: Company | null;
  @Field(() => [Company]) merged!: Company[];
  @Field(() => MergedCompanyValues, { nullable: true }) result?: MergedCompanyValues | null;
  @Field(() => [MergeMove]) moves!: MergeMove[];
  @Field(() => [MergeConflict]) conflicts!: MergeConflict[];
  @Field(() => [UserError], { description: 'Why mergeCompanies would refuse; empty when it would merge.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The values the kept contact will have.' })
export class MergedContactValues {
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String]) languages!: string[];
}

@ObjectType({ description: 'What mergeContacts would do with this input; nothing is written.' })
export class MergeContactsPreview {
  @Field(() => Contact, { nullable: true }) keep?: Contact | null;
  @Field(() => [Contact]) merged!: Contact[];
  @Field(() => MergedContactValues, { nullable: true }) result?: MergedContactValues | null;
  @Field(() => [MergeMove]) moves!: MergeMove[];
  @Field(() => [UserError]) userErrors!: UserError[];
}
