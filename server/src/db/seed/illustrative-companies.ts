import { CompanyKind } from '../../modules/company/company.enums.js';
import type { AgencyKey } from './seed-context.js';

/**
 * Companies the press articles do not name but the screens need: the rest of the delegations
 * and the Moroccan (or Russian) counterparts met in B2B meetings. Invented names, marked as
 * illustration in their notes.
 */
export interface IllustrativeCompany {
  agency: AgencyKey;
  name: string;
  kind: CompanyKind;
  country: string;
  city: string;
  sectors?: string[];
}

const { EXPORTER, DISTRIBUTOR, RETAILER, BUYER } = CompanyKind;

const mosprom = (
  name: string,
  kind: CompanyKind,
  city: string,
  sectors?: string[],
  country = kind === EXPORTER ? 'RU' : 'MA',
): IllustrativeCompany => ({
  agency: 'mosprom',
  name,
  kind,
  country,
  city,
  sectors,
});

export const ILLUSTRATIVE_COMPANIES: IllustrativeCompany[] = [
  // The three other exporters of the Casablanca 2025 delegation (six in all).
  mosprom('Medsistemy-M', EXPORTER, 'Moscow', ['MEDICAL_EQUIPMENT']),
  mosprom('FarmaLine Moscou', EXPORTER, 'Moscow', ['PHARMACEUTICALS']),
  mosprom('Prototip 3D', EXPORTER, 'Moscow', ['3D_PRINTING']),
  // The seven equipment makers of the 2023 buyers' programme.
  mosprom('ЛазерМарк', EXPORTER, 'Москва', ['LASER_EQUIPMENT']),
  mosprom('Гравировальные системы', EXPORTER, 'Москва', ['LASER_EQUIPMENT']),
  mosprom('Volumetrix 3D', EXPORTER, 'Moscow', ['3D_PRINTING']),
  mosprom('Аддитивные технологии Москвы', EXPORTER, 'Москва', ['3D_PRINTING']),
  mosprom('Perimetr Security Systems', EXPORTER, 'Moscow', ['SECURITY_EQUIPMENT']),
  mosprom('ТрансБезопасность', EXPORTER, 'Москва', ['SECURITY_EQUIPMENT']),
  mosprom('Skanservis Tech', EXPORTER, 'Moscow', ['SECURITY_EQUIPMENT']),
  // Moroccan counterparts met in Casablanca, September 2025.
  mosprom('Anfa Tech Distribution', DISTRIBUTOR, 'Casablanca', ['DISPLAYS_INTERACTIVE_EQUIPMENT']),
  mosprom('Atlas Smart Solutions', DISTRIBUTOR, 'Casablanca', ['DISPLAYS_INTERACTIVE_EQUIPMENT', '3D_PRINTING']),
  mosprom('Médi-Équip Maroc', DISTRIBUTOR, 'Casablanca', ['MEDICAL_EQUIPMENT']),
  mosprom('Clinique Équipements Services', DISTRIBUTOR, 'Rabat', ['MEDICAL_EQUIPMENT']),
  mosprom('PharmaDis Maroc', DISTRIBUTOR, 'Casablanca', ['PHARMACEUTICALS']),
  mosprom('Atlas Santé Distribution', DISTRIBUTOR, 'Marrakech', ['PHARMACEUTICALS']),
  mosprom('Proto3D Maroc', DISTRIBUTOR, 'Casablanca', ['3D_PRINTING']),
  mosprom('Green Mobility Maroc', DISTRIBUTOR, 'Casablanca', ['EV_CHARGING']),
  mosprom('Sahara Énergie Services', DISTRIBUTOR, 'Marrakech', ['EV_CHARGING', 'RENEWABLE_ENERGY']),
  mosprom('Océan Gourmet Distribution', DISTRIBUTOR, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Casa Frais Import', DISTRIBUTOR, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Délices du Nord Distribution', DISTRIBUTOR, 'Tanger', ['FOOD_FISH_CONSERVES']),
  mosprom('Maghreb Premium Foods', DISTRIBUTOR, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Rabat Fine Foods Import', DISTRIBUTOR, 'Rabat', ['FOOD_FISH_CONSERVES']),
  mosprom('Souss Agro Trading', DISTRIBUTOR, 'Agadir', ['FOOD_FISH_CONSERVES']),
  mosprom('Fès Épicerie Fine', DISTRIBUTOR, 'Fès', ['FOOD_FISH_CONSERVES']),
  mosprom('Supermarchés Anoual', RETAILER, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Hyper Medina Market', RETAILER, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Marché Atlantique', RETAILER, 'Rabat', ['FOOD_FISH_CONSERVES']),
  mosprom('Primeurs & Saveurs', RETAILER, 'Marrakech', ['FOOD_FISH_CONSERVES']),
  mosprom('Épiceries Al Wafa', RETAILER, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  // Moroccan buyers of the 2023 programme.
  mosprom('Atlas Industrie Équipements', BUYER, 'Casablanca', ['LASER_EQUIPMENT', '3D_PRINTING']),
  mosprom('Maroc Signalétique et Marquage', BUYER, 'Casablanca', ['LASER_EQUIPMENT']),
  mosprom('Sécurité Plus Maroc', DISTRIBUTOR, 'Rabat', ['SECURITY_EQUIPMENT']),
  mosprom('Plasturgie du Souss', BUYER, 'Agadir', ['PLASTICS_POLYMERS']),
  mosprom('Tanger Logistique Portuaire Services', BUYER, 'Tanger', ['SECURITY_EQUIPMENT']),
  // Moroccan food distributors and retailers nobody from Mosprom has met yet: who the meeting
  // suggestions put first for Fish World (docs/matchmaking.md).
  mosprom('Dakhla Marée Distribution', DISTRIBUTOR, 'Dakhla', ['FOOD_FISH_CONSERVES']),
  mosprom('Supérettes Zitoune', RETAILER, 'Casablanca', ['FOOD_FISH_CONSERVES']),
  mosprom('Meknès Gourmet Import', DISTRIBUTOR, 'Meknès', ['FOOD_FISH_CONSERVES']),
  // The Russian Export Center's delegation in Rabat, 2018.
  {
    agency: 'rec',
    name: 'SolarGrid Rus',
    kind: EXPORTER,
    country: 'RU',
    city: 'Moscow',
    sectors: ['RENEWABLE_ENERGY'],
  },
  { agency: 'rec', name: 'ВетроСила', kind: EXPORTER, country: 'RU', city: 'Москва', sectors: ['RENEWABLE_ENERGY'] },
  {
    agency: 'rec',
    name: 'Polimer Eksport',
    kind: EXPORTER,
    country: 'RU',
    city: 'Kazan',
    sectors: ['PLASTICS_POLYMERS'],
  },
  // ASMEX's Moroccan exporters and Russian counterparts of the business council's forums.
  {
    agency: 'asmex',
    name: 'Conserveries Atlantique Sud',
    kind: EXPORTER,
    country: 'MA',
    city: 'Agadir',
    sectors: ['FOOD_FISH_CONSERVES'],
  },
  {
    agency: 'asmex',
    name: 'Polymères du Maroc Industrie',
    kind: EXPORTER,
    country: 'MA',
    city: 'Casablanca',
    sectors: ['PLASTICS_POLYMERS'],
  },
  {
    agency: 'asmex',
    name: 'Soleil Atlas Énergie',
    kind: EXPORTER,
    country: 'MA',
    city: 'Ouarzazate',
    sectors: ['RENEWABLE_ENERGY'],
  },
  {
    agency: 'asmex',
    name: 'Pharma Atlas Export',
    kind: EXPORTER,
    country: 'MA',
    city: 'Casablanca',
    sectors: ['PHARMACEUTICALS'],
  },
  {
    agency: 'asmex',
    name: 'ТД «Морской берег»',
    kind: BUYER,
    country: 'RU',
    city: 'Москва',
    sectors: ['FOOD_FISH_CONSERVES'],
  },
  {
    agency: 'asmex',
    name: 'Polimer Treid Moskva',
    kind: DISTRIBUTOR,
    country: 'RU',
    city: 'Moscow',
    sectors: ['PLASTICS_POLYMERS'],
  },
];

export const JOB_TITLES: Record<CompanyKind, [string, string]> = {
  [CompanyKind.EXPORTER]: ['Директор по экспорту', 'Менеджер по работе с зарубежными партнёрами'],
  [CompanyKind.BUYER]: ['Directeur des achats', 'Responsable technique'],
  [CompanyKind.DISTRIBUTOR]: ['Directeur commercial', 'Responsable achats import'],
  [CompanyKind.RETAILER]: ['Acheteur épicerie fine et produits de la mer', 'Directeur des achats'],
  [CompanyKind.INSTITUTION]: ['Chargé des relations internationales', 'Directrice de la coopération'],
  [CompanyKind.PARTNER]: ['Chargé de mission', 'Conseiller économique'],
};
