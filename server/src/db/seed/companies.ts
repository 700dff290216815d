import { Company } from '../../modules/company/company.entity.js';
import { CompanyKind } from '../../modules/company/company.enums.js';
import { Contact } from '../../modules/contact/contact.entity.js';
import type { Locale } from '../../modules/user/user.enums.js';
import { transliterate } from '../../shared/fold.js';
import { normalizeName } from '../../shared/normalize.js';
import { ILLUSTRATIVE_COMPANIES, JOB_TITLES } from './illustrative-companies.js';
import { scenario } from './scenario.js';
import { type AgencyKey, ILLUSTRATION_NOTE, type SeededAgency, type SeedWorld, sectorOf } from './seed-context.js';

interface CompanySpec {
  name: string;
  kind: CompanyKind;
  country: string;
  city?: string | null;
  sectors?: string[];
  brands?: string[];
  notes?: string | null;
  managed?: boolean;
}

/** Facts of the articles that name a person or an earlier history. */
const FACT_CONTACTS: Record<string, { fullName: string; jobTitle: string; languages: string[] }[]> = {
  "Conseil d'affaires maroco-russe": [
    { fullName: 'Hassan Sentissi El Idrissi', jobTitle: 'Président', languages: ['fr', 'ar'] },
  ],
};
const FACT_NOTES: Record<string, string> = {
  'Diagnostika-M': 'Уже участвовала в онлайн-миссиях в Марокко.',
};

/** The scenario's notes on organisations (English there), in each agency's language. */
const ORGANISATION_NOTES: Record<string, Readonly<Record<Locale, string>>> = {
  "Conseil d'affaires maroco-russe": {
    en: 'Chaired by Hassan Sentissi El Idrissi.',
    fr: 'Présidé par Hassan Sentissi El Idrissi.',
    ru: 'Председатель — Хассан Сентисси эль-Идрисси.',
  },
};

const MOROCCAN_FIRST = [
  'Karim',
  'Salma',
  'Youssef',
  'Nadia',
  'Omar',
  'Leïla',
  'Mehdi',
  'Hind',
  'Rachid',
  'Imane',
  'Hamza',
  'Sara',
  'Adil',
  'Ghita',
];
const MOROCCAN_LAST = [
  'Alaoui',
  'Bennani',
  'El Amrani',
  'Chraïbi',
  'Tazi',
  'Berrada',
  'Fassi-Fihri',
  'Lahlou',
  'Benkirane',
  'Sqalli',
  'Idrissi',
  'Kettani',
  'Ouazzani',
  'Bensouda',
  'Lazrak',
];
/** [first name, feminine?] */
const RUSSIAN_FIRST: [string, boolean][] = [
  ['Алексей', false],
  ['Ольга', true],
  ['Дмитрий', false],
  ['Екатерина', true],
  ['Сергей', false],
  ['Наталья', true],
  ['Андрей', false],
  ['Татьяна', true],
  ['Игорь', false],
  ['Юлия', true],
  ['Павел', false],
];
const RUSSIAN_LAST = [
  'Смирнов',
  'Орлов',
  'Лебедев',
  'Николаев',
  'Павлов',
  'Козлов',
  'Белов',
  'Васильев',
  'Фёдоров',
  'Ершов',
  'Соловьёв',
  'Зайцев',
  'Громов',
];

/** Lower-case ASCII of a Latin or Cyrillic name, for e-mail addresses. */
function ascii(value: string): string {
  return transliterate(normalizeName(value));
}

const STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'au', 'of', 'the', 'td']);

/** A made-up domain (.example is reserved): the acronym in brackets, or the first two words. */
function domainOf(company: string): string {
  const acronym = /\(([A-Z]{2,})\)/.exec(company)?.[1];
  const words = ascii(company)
    .split(' ')
    .filter((word) => word && !STOPWORDS.has(word));
  return `${acronym ? acronym.toLowerCase() : words.slice(0, 2).join('-')}.example`;
}

/** The k-th generated person of a pool: first and last names of coprime pool sizes never repeat a pair. */
function person(russian: boolean, k: number): string {
  if (!russian) return `${MOROCCAN_FIRST[k % MOROCCAN_FIRST.length]} ${MOROCCAN_LAST[k % MOROCCAN_LAST.length]}`;
  const [first, feminine] = RUSSIAN_FIRST[k % RUSSIAN_FIRST.length];
  const last = RUSSIAN_LAST[k % RUSSIAN_LAST.length];
  return `${first} ${feminine ? `${last}а` : last}`;
}

class ContactFactory {
  private readonly next = { ru: 0, ma: 0 };

  constructor(
    private readonly seeded: SeededAgency,
    private readonly em: SeedWorld['em'],
  ) {}

  add(company: Company, index: number): void {
    const facts = FACT_CONTACTS[company.name];
    const contacts = facts
      ? facts.map((fact) => this.create(company, { ...fact, email: null, phone: null }))
      : this.generated(company, index);
    this.seeded.contacts.set(company, contacts);
  }

  private generated(company: Company, index: number): Contact[] {
    const count =
      company.kind === CompanyKind.EXPORTER
        ? 2
        : [CompanyKind.INSTITUTION, CompanyKind.PARTNER].includes(company.kind)
          ? 1
          : 1 + (index % 2);
    const russianHouse = company.country === 'RU' || company.name.includes('Fédération de Russie');
    return Array.from({ length: count }, (_, i) => {
      // Some Moroccan distributors have a Russian-speaking buyer: Cyrillic names beside Latin ones.
      const russian = russianHouse || (i === 1 && index % 3 === 0);
      const k = russian ? this.next.ru++ : this.next.ma++;
      const fullName = person(russian, k);
      const [first, ...last] = ascii(fullName).split(' ');
      const email = `${first[0]}.${last.join('')}@${domainOf(company.name)}`;
      const withPhone = ![CompanyKind.INSTITUTION, CompanyKind.PARTNER].includes(company.kind);
      const phone = !withPhone
        ? null
        : company.country === 'RU'
          ? `+7 495 000-${String(index).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`
          : `+212 522-000-${String(index * 10 + i).padStart(3, '0')}`;
      const languages = russian
        ? company.country === 'RU'
          ? ['ru', k % 2 === 0 ? 'en' : 'fr']
          : ['ru', 'fr']
        : k % 3 === 0
          ? ['fr', 'ar', 'en']
          : ['fr', 'ar'];
      return this.create(company, { fullName, jobTitle: JOB_TITLES[company.kind][i % 2], email, phone, languages });
    });
  }

  private create(
    company: Company,
    data: { fullName: string; jobTitle: string; email: string | null; phone: string | null; languages: string[] },
  ): Contact {
    return this.em.create(Contact, {
      agency: this.seeded.agency,
      company,
      normalizedName: normalizeName(data.fullName),
      ...data,
    });
  }
}

function specsFor(key: AgencyKey, locale: Locale): CompanySpec[] {
  const organisations: CompanySpec[] = scenario.organisations.map((org) => ({
    name: org.name,
    kind: org.kind as CompanyKind,
    country: org.country,
    city: org.city,
    notes: ORGANISATION_NOTES[org.name]?.[locale] ?? org.note,
  }));
  // The four Moscow exporters of the articles are Mosprom's.
  const exporters: CompanySpec[] =
    key === 'mosprom'
      ? scenario.exporters.map((exp) => ({
          name: exp.name,
          kind: CompanyKind.EXPORTER,
          country: exp.country,
          city: exp.city,
          sectors: exp.sectors,
          brands: exp.brands,
          notes: FACT_NOTES[exp.name],
          managed: true,
        }))
      : [];
  const illustrative: CompanySpec[] = ILLUSTRATIVE_COMPANIES.filter((company) => company.agency === key).map(
    (company) => ({
      ...company,
      notes: ILLUSTRATION_NOTE[locale],
      managed: company.kind === CompanyKind.EXPORTER,
    }),
  );
  return [...organisations, ...exporters, ...illustrative];
}

/** Organisations (in every agency), exporters and counterparts, and the people at them. */
export function seedCompanies(world: SeedWorld): void {
  const { em } = world;
  for (const seeded of world.agencies.values()) {
    const contacts = new ContactFactory(seeded, em);
    specsFor(seeded.key, seeded.locale).forEach((spec, index) => {
      const company = em.create(Company, {
        agency: seeded.agency,
        name: spec.name,
        normalizedName: normalizeName(spec.name),
        kind: spec.kind,
        country: spec.country,
        city: spec.city ?? null,
        brands: spec.brands ?? [],
        notes: spec.notes ?? null,
        sectors: (spec.sectors ?? []).map((code) => sectorOf(seeded, code)),
        accountManager: spec.managed ? seeded.manager : null,
      });
      seeded.companies.set(spec.name, company);
      contacts.add(company, index);
    });
  }
}
