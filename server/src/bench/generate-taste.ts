/**
 * The tastes the bench's generator gives counterparts (generate.ts), as SQL expressions over company
 * numbers, so that meeting suggestions have history to learn from (issue 17's evaluation).
 */

/** 0 … n-1 from a number, evenly spread (PostgreSQL's integer hash). */
export const spread = (n: string, seed: number, size: number | string) =>
  `(abs(hashint4((${n})::int + ${seed})::bigint) % (${size}))::int`;

/**
 * What each counterpart wants, so that history teaches something (issue 17's evaluation): the
 * counterparts of company numbers 4t+1…4t+3 form group t, in country COUNTRIES[t % 10] and band
 * j = t / 10. A counterpart declares one sector, j % S; it also favours a second one it does not
 * declare, (j + 2 + g % 4) % S, which only past meetings reveal; one in five is unreliable (misses
 * meetings). An exporter (company number 4(e+1)) declares sector e % S. A meeting goes well when the
 * counterpart favours the exporter's sector (8 in 10; else 1 in 10), and agendas are drawn partly by
 * declared sectors (4 in 10), partly by what worked before (3 in 10, a counterpart favouring the
 * exporter's sector without declaring it), the rest at random in the host country. In the first two
 * ways, the lower a counterpart's band among those of its sector, the more often it is drawn: the
 * regulars of B2B meetings, whom only history tells apart.
 */
export function taste(sectors: number, others: number) {
  /** Counterpart groups of a batch (three counterparts each). */
  const groups = Math.floor(others / 3);
  const S = sectors;
  return {
    exporterSector: (g: string) => `((${g}) / 4 - 1) % ${S}`,
    declared: (g: string) => `((${g}) / 40) % ${S}`,
    favoured: (g: string) => `((${g}) / 40 + 2 + (${g}) % 4) % ${S}`,
    unreliable: (g: string) => `hashint4((${g})::int) % 5 = 0`,
    /**
     * The company number of a counterpart in country index `k` (an SQL expression) for an exporter
     * of sector `se`, drawn by `seed`: of its declared sector (4 in 10), of a sector it favours
     * without declaring it (3 in 10), the regulars far more often (the cube of an even draw picks
     * the band); or any in the country.
     */
    counterpart: (k: string, se: string, seed: string) => `(select 4 * (10 * j + k) + 1 + r from (
      select k, r, bands,
        case when bands >= ${S} and mode < 7
          then rho + ${S} * floor((bands / ${S}) * power(${spread(seed, 3, 1000)} / 1000.0, 3))::int
          else ${spread(seed, 5, 'bands')} end as j
      from (
        select k, r, mode, bands,
          case when mode < 4 then (${se}) else ((((${se}) - 3 - r) % ${S}) + ${S}) % ${S} end as rho
        from (select (${k}) as k, ${spread(seed, 1, 3)} as r, ${spread(seed, 2, 10)} as mode,
          (${groups} - 1 - (${k})) / 10 + 1 as bands) c0
      ) c1
    ) c2)`,
  };
}
