/**
 * The weights of meeting suggestions, all in one place (docs/matchmaking.md). Every part of a
 * score is one of these times a count or a fit; the evaluation (`pnpm crm evaluate-suggestions`)
 * decides changes to them: change a weight only with a better precision@5 and recall@10 there.
 */
export const WEIGHTS = {
  /** Per sector the counterpart shares with the exporter (at most MAX_SHARED_SECTORS count). */
  sharedSector: 3,
  /** Times the kind's fit (KIND_FIT, 0 to 1). */
  kindFit: 2,
  /** Per positive meeting the counterpart held with exporters of the exporter's sectors (at most MAX_HISTORY). */
  positiveMeeting: 2,
  /** Per deal the counterpart won with exporters of the exporter's sectors (at most MAX_HISTORY). */
  wonDeal: 2.5,
  /** Per no-show of the counterpart (at most MAX_HISTORY), subtracted. */
  noShow: 0.5,
  /** Met by this exporter in the last 12 months without an open deal: subtracted. */
  metRecently: 2,
  /** An open deal between them: a meeting to move it on. */
  openDeal: 1.5,
  /** A partner of the mission (a chamber, a representation): it is there to meet. */
  missionPartner: 1,
  /** Per meeting the counterpart already has in this mission (at most MAX_LOAD), subtracted. */
  busy: 0.5,
  /** Per dismissal of the counterpart for exporters of the exporter's sectors (at most MAX_HISTORY), subtracted. */
  dismissed: 1,
} as const;

export type Weights = Record<keyof typeof WEIGHTS, number>;

/** The sector-only baseline the evaluation compares with: shared sectors alone. */
export const SECTOR_ONLY: Weights = Object.fromEntries(
  Object.keys(WEIGHTS).map((key) => [key, key === 'sharedSector' ? WEIGHTS.sharedSector : 0]),
) as Weights;

export const MAX_SHARED_SECTORS = 2;
export const MAX_HISTORY = 4;
export const MAX_LOAD = 6;

/**
 * How well a kind of counterpart fits an exporter, 0 to 1: buyers always; distributors and
 * retailers for consumer goods (food, cosmetics); institutions for exporters who sell to them
 * (sectors institutions buy, or an institution met positively or won before).
 */
export const KIND_FIT: Record<
  'BUYER' | 'DISTRIBUTOR' | 'RETAILER' | 'INSTITUTION' | 'PARTNER',
  { consumer: number; other: number }
> = {
  BUYER: { consumer: 1, other: 1 },
  DISTRIBUTOR: { consumer: 1, other: 0.7 },
  RETAILER: { consumer: 1, other: 0.1 },
  INSTITUTION: { consumer: 0.1, other: 0.3 },
  PARTNER: { consumer: 0.3, other: 0.3 },
};
/** An institution's fit for an exporter who sells to institutions. */
export const INSTITUTION_FIT_WHEN_SOLD_TO = 1;

/** Sectors of consumer goods (by code prefix) and sectors institutions buy. */
export const CONSUMER_SECTOR_PREFIXES = ['FOOD', 'COSMETIC', 'BEVERAGE', 'APPAREL', 'AGRI'];
export const INSTITUTIONAL_SECTORS = [
  'MEDICAL_EQUIPMENT',
  'PHARMACEUTICALS',
  'SECURITY_EQUIPMENT',
  'RENEWABLE_ENERGY',
  'EV_CHARGING',
  'DISPLAYS_INTERACTIVE_EQUIPMENT',
];
