import { ArgsType, createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';

export const DEFAULT_SEARCH_SIZE = 20;
export const MAX_SEARCH_SIZE = 50;
export const MAX_QUERY_LENGTH = 200;

export enum SearchKind {
  COMPANY = 'COMPANY',
  CONTACT = 'CONTACT',
  MISSION = 'MISSION',
  DEAL = 'DEAL',
}
registerEnumType(SearchKind, { name: 'SearchKind', description: 'The kinds of records the search finds.' });

export enum SearchField {
  NAME = 'NAME',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  WEBSITE = 'WEBSITE',
  BRAND = 'BRAND',
  CITY = 'CITY',
  TITLE = 'TITLE',
}
registerEnumType(SearchField, {
  name: 'SearchField',
  description: 'The field of a record that matched: its name (a deal: TITLE), or another field it is found by.',
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A record found by the search.',
  types: () => [Company, Contact, Mission, Deal] as const,
  resolveType: (value) => {
    if (value instanceof Company) return Company;
    if (value instanceof Contact) return Contact;
    if (value instanceof Mission) return Mission;
    if (value instanceof Deal) return Deal;
    return undefined;
  },
});

@ObjectType({ description: 'A stretch of a text, in UTF-16 code units (JavaScript string positions).' })
export class TextRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  length!: number;
}

@ObjectType({ description: 'One record found by the search, with why it matched.' })
export class SearchHit {
  @Field(() => SearchKind)
  kind!: SearchKind;

  @Field(() => Float, {
    description:
      'Relevance: 4 and more the exact name, 3 the start of the name, 2 every word found, 1 a resemblance (typos); the fraction orders hits of a tier by similarity.',
  })
  score!: number;

  @Field(() => SearchField)
  matchedField!: SearchField;

  @Field({ description: 'The text of the matched field, as stored.' })
  snippet!: string;

  @Field(() => [TextRange], { description: 'The parts of the snippet that match the query (to highlight).' })
  highlights!: TextRange[];

  @Field(() => SearchResult)
  node!: Company | Contact | Mission | Deal;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `What to look for (1 to ${MAX_QUERY_LENGTH} characters): names in any script, e-mail, phone, website, brand, city; case, accents and small typos ignored.`,
  })
  query!: string;

  @Field(() => [SearchKind], { nullable: true, description: 'Only these kinds; all when omitted or empty.' })
  kinds?: SearchKind[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page size, at most ${MAX_SEARCH_SIZE} (default ${DEFAULT_SEARCH_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last hit already seen.' })
  after?: string | null;
}
