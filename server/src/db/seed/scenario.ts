import data from './scenario.json' with { type: 'json' };

/**
 * The facts of the demo (public press articles, 2018-2025), as the product team wrote them.
 * Everything the seed adds around them (meetings, contacts, amounts) is generated illustration.
 */
export interface Scenario {
  agencies: {
    key: string;
    name: string;
    shortName: string;
    kind: string;
    country: string;
    baseCurrency: string;
    note?: string;
  }[];
  organisations: { name: string; kind: string; country: string; city?: string; note?: string }[];
  exporters: { name: string; brands?: string[]; country: string; city?: string; sectors: string[] }[];
  sectors: { code: string; fr: string; en: string; ru: string }[];
  missions: {
    key: string;
    organizer: string;
    name: string;
    kind: string;
    hostCountry: string;
    city?: string;
    startsOn?: string;
    endsOn?: string;
    startsOnIsApproximate?: boolean;
    partners?: string[];
    exporterCount?: number;
    operatorCount?: number;
    visitingCompanyCount?: number;
    durationDays?: number;
    facts?: string[];
  }[];
}

export const scenario: Scenario = data;
