/** How much data the bench generates: one batch's rows, and BENCH_SCALE read into them. */

/** Rows of one batch; S = `unit(1)`, BENCH_SCALE multiplies it. */
export interface BatchShape {
  companies: number;
  contactsPerCompany: number;
  missions: number;
  participantsPerMission: number;
  interactions: number;
  deals: number;
  tasks: number;
}

export function batchShape(scale: number): BatchShape {
  return {
    companies: 1_000 * scale,
    contactsPerCompany: 2,
    missions: Math.max(1, 20 * scale),
    participantsPerMission: 12,
    interactions: 10_000 * scale,
    deals: 1_000 * scale,
    tasks: 1_000 * scale,
  };
}

/**
 * BENCH_SCALE: a multiple of S (an integer, default 1), or `large`: S = 10,000 companies,
 * 100,000 interactions and 20,000 deals, so that its 10×S is issue 14's size (100,000 companies,
 * 200,000 contacts, 1,000,000 interactions, 200,000 deals).
 */
export function benchScale(value: string | undefined): { label: string; shape: BatchShape } {
  if (value === 'large') return { label: 'large', shape: { ...batchShape(10), deals: 20_000 } };
  const scale = value === undefined || value === '' ? 1 : Number(value);
  if (!Number.isInteger(scale) || scale < 1) {
    throw new Error(`BENCH_SCALE must be an integer ≥ 1 or "large", got "${value}"`);
  }
  return { label: String(scale), shape: batchShape(scale) };
}
