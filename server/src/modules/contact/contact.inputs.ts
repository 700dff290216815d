import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';
import { HasLetterOrDigit, IsPhone } from '../../shared/validators.js';

/** An empty e-mail or phone clears it; anything else must have the right form. */
const given = (_: object, value: unknown) => value != null && value !== '';

/**
 * The optional fields of a contact, with the same rules whether it is created or updated (on
 * update an omitted field stays, null or "" clears it). Not a type of the schema on its own.
 */
@InputType()
abstract class ContactDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @MaxLength(254)
  @IsEmail({})
  email?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @MaxLength(40)
  @IsPhone()
  phone?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 639-1 codes: "fr", "ar", "ru"; an update replaces the list.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true })
  languages?: string[] | null;
}

@InputType()
export class CreateContactInput extends ContactDetailsInput {
  @Field(() => ID, { description: 'The company the person works at.' })
  @IsUUID('all')
  companyId!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  @HasLetterOrDigit()
  fullName!: string;
}

@InputType({ description: 'Omitted fields are left as they are; null clears an optional field.' })
export class UpdateContactInput extends ContactDetailsInput {
  @Field(() => ID)
  @IsUUID('all')
  contactId!: string;

  @Field(() => ID, { nullable: true, description: 'Moves the person to another company.' })
  @IsOptional()
  @IsUUID('all')
  companyId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  @HasLetterOrDigit()
  fullName?: string | null;
}

@InputType({ description: 'Contacts matching all the given conditions; an empty list does not filter.' })
export class ContactFilter {
  @Field(() => [ID], { nullable: true })
  companyIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the full name, ignoring case and accents.',
  })
  nameContains?: string | null;

  @Field(() => String, { nullable: true, description: 'The e-mail address, ignoring case.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the search box finds (see Query.search): name in any script, e-mail, phone digits, typos forgiven. Blank does not filter.',
  })
  search?: string | null;
}

export enum ContactOrderField {
  FULL_NAME = 'normalizedName',
  CREATED_AT = 'createdAt',
}
registerEnumType(ContactOrderField, {
  name: 'ContactOrderField',
  valuesConfig: {
    FULL_NAME: {
      description:
        'By name as people read it: case and accents ignored (Latin before Cyrillic), the same on every database.',
    },
  },
});

@InputType()
export class ContactOrder {
  @Field(() => ContactOrderField)
  field!: ContactOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
