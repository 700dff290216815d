import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsUrl, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';
import { HasLetterOrDigit, IsCountryCode } from '../../shared/validators.js';
import { CompanyKind } from './company.enums.js';

const WEBSITE = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };
/** An empty website clears it; anything else must be a URL. */
const givenWebsite = (_: object, value: unknown) => value != null && value !== '';

/**
 * The optional fields of a company, with the same rules whether it is created or updated (on
 * update an omitted field stays, null clears it, a list replaces the whole list). Not a type of
 * the schema on its own: its fields appear in the inputs that extend it.
 */
@InputType()
abstract class CompanyDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'http:// or https:// URL.' })
  @ValidateIf(givenWebsite)
  @MaxLength(500)
  @IsUrl(WEBSITE)
  website?: string | null;

  @Field(() => [String], { nullable: true, description: 'Brand names; an update replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsNotEmpty({ each: true })
  @MaxLength(120, { each: true })
  brands?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  notes?: string | null;

  @Field(() => [ID], { nullable: true, description: "The company's fields of activity; an update replaces the list." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  sectorIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The user who follows the company.' })
  @IsOptional()
  @IsUUID('all')
  accountManagerId?: string | null;
}

@InputType()
export class CreateCompanyInput extends CompanyDetailsInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(300)
  @HasLetterOrDigit()
  name!: string;

  @Field(() => CompanyKind)
  kind!: CompanyKind;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, in capitals: "MA".' })
  @IsCountryCode()
  country!: string;
}

@InputType({ description: 'Omitted fields are left as they are; null clears an optional field.' })
export class UpdateCompanyInput extends CompanyDetailsInput {
  @Field(() => ID)
  @IsUUID('all')
  companyId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  @HasLetterOrDigit()
  name?: string | null;

  @Field(() => CompanyKind, { nullable: true })
  kind?: CompanyKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, in capitals.' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;
}

@InputType({ description: 'Companies matching all the given conditions; an empty list does not filter.' })
export class CompanyFilter {
  @Field(() => [CompanyKind], { nullable: true })
  kinds?: CompanyKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  countries?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Companies active in any of these sectors.' })
  sectorIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  accountManagerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, ignoring case and accents: "societe" finds "Société".',
  })
  nameContains?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the search box finds (see Query.search): name in any script, brand, city or website, typos forgiven: "фиш" finds "Fish World". Blank does not filter.',
  })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: companies in at least one deal, as exporter or buyer; false: in none.',
  })
  hasDeals?: boolean | null;
}

export enum CompanyOrderField {
  NAME = 'normalizedName',
  CREATED_AT = 'createdAt',
}
registerEnumType(CompanyOrderField, {
  name: 'CompanyOrderField',
  valuesConfig: {
    NAME: {
      description:
        'By name as people read it: case and accents ignored (Latin before Cyrillic), the same on every database.',
    },
  },
});

@InputType()
export class CompanyOrder {
  @Field(() => CompanyOrderField)
  field!: CompanyOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
