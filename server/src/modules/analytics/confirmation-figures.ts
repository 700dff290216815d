import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Money } from '../../shared/money.js';
import { type Sql, sql, trusted } from '../../shared/sql.js';
import { rateSql } from '../exchange-rate/conversion.js';
import { analyticsQuery, percentSql } from './analytics-sql.js';
import { agencyCte, baseMoney, DEAL_RATE, DEAL_VALUE } from './deal-value.js';

/**
 * Exporters' confirmations in reports (issue 16). A won deal is *confirmed* when the latest answer
 * of its exporter (modules/confirmation) is CONFIRMED or CORRECTED; its confirmed value is the
 * answer's amount, in the answer's currency, at the rate of the answer's signature day.
 */

/** The latest answered confirmation's figures of deal `d` (`cf.status`, `cf.amount`, `cf.currency`, `cf.closed_on`, …). */
export function latestAnswer(agencyId: string): Sql {
  return sql`select c.status, c.confirmed_amount as amount, c.confirmed_currency as currency,
      c.confirmed_closed_on as closed_on, c.additionality, c.help_rating
    from deal_confirmation c
    where c.agency_id = ${agencyId} and c.deal_id = d.id and c.status in ('CONFIRMED', 'CORRECTED', 'DISPUTED')
    order by c.answered_at desc, c.id desc limit 1`;
}

/** `confirmed_value`: a deal's confirmed value in the base currency, over `d`, `a` and `cf` (latestAnswer); null unless confirmed. */
export const CONFIRMED_VALUE = trusted(`case when cf.status in ('CONFIRMED', 'CORRECTED') and cf.amount is not null
    then round(cf.amount * (${rateSql('cf.currency', 'coalesce(cf.closed_on, d.closed_on)', 'a.base_currency')}), 2) end
    as confirmed_value`);

/**
 * The deals an analytics statement reads as `d`: every deal, or with `confirmedOnly` the won deals
 * their exporters confirmed, each with the confirmed amount, currency and signature day in place of
 * the recorded ones (the same columns: `jsonb_populate_record` over the deal's own row).
 */
export function dealSource(agencyId: string, confirmedOnly: boolean): Sql {
  if (!confirmedOnly) return trusted('deal');
  return sql`(select (jsonb_populate_record(d, jsonb_build_object(
        'amount', cf.amount, 'currency', cf.currency, 'closed_on', cf.closed_on))).*
      from deal d
      join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId} and s.category = 'WON'
      cross join lateral (${latestAnswer(agencyId)}) cf
      where d.agency_id = ${agencyId} and cf.status in ('CONFIRMED', 'CORRECTED'))`;
}

@ObjectType({ description: 'How many of the won deals their exporters confirmed, and how.' })
export class AdditionalitySplit {
  @Field(() => Int, { description: 'Answered: it would have happened anyway.' })
  yes!: number;

  @Field(() => Int, { description: 'Answered: later or smaller.' })
  laterOrSmaller!: number;

  @Field(() => Int, { description: 'Answered: it would not have happened.' })
  no!: number;
}

@ObjectType({
  description:
    'The exporters’ confirmations of the won deals a report counts (the latest answer of each deal): funder-grade value beside recorded value.',
})
export class ConfirmationFigures {
  @Field(() => Int, { description: 'Won deals counted.' })
  wonDeals!: number;

  @Field(() => Int, { description: 'Of them, those whose exporter was ever asked.' })
  asked!: number;

  @Field(() => Int, { description: 'Of them, those confirmed (latest answer CONFIRMED or CORRECTED).' })
  confirmed!: number;

  @Field(() => Int, { description: 'Of the confirmed, those the exporter corrected.' })
  corrected!: number;

  @Field(() => Int, { description: 'Those whose latest answer is DISPUTED.' })
  disputed!: number;

  @Field(() => Int, { description: 'Those with a request waiting for an answer.' })
  awaiting!: number;

  @Field(() => Float, { nullable: true, description: 'confirmed / wonDeals in percent; null without won deals.' })
  confirmationRatePercent!: number | null;

  @Field(() => Money, { description: 'The won deals’ value as recorded (rate of each closedOn).' })
  recordedValue!: Money;

  @Field(() => Money, {
    description: 'The confirmed deals’ value as their exporters confirmed it (rate of the confirmed day).',
  })
  confirmedValue!: Money;

  @Field(() => AdditionalitySplit, { description: 'Would the deals have happened without the agency? As answered.' })
  additionality!: AdditionalitySplit;

  @Field(() => Float, { nullable: true, description: 'Mean of the answers to “how much did the help matter” (1-5).' })
  averageHelpRating!: number | null;
}

interface Row {
  base: string;
  won: number;
  asked: number;
  confirmed: number;
  corrected: number;
  disputed: number;
  awaiting: number;
  rate: number | null;
  recorded: string;
  confirmed_value: string;
  yes: number;
  later: number;
  no: number;
  help: number | null;
}

/** The confirmation figures of the won deals `scope` selects (SQL over `d`, e.g. `d.source_mission_id = …`): one statement. */
export async function confirmationFigures(ctx: Context, agencyId: string, scope: Sql): Promise<ConfirmationFigures> {
  const [row] = await analyticsQuery<Row>(
    ctx.em,
    sql`with ${agencyCte(agencyId)},
      w as (
        select d.id, ${DEAL_VALUE}, cf.status as answer, cf.additionality, cf.help_rating, ${CONFIRMED_VALUE},
          (select c.status from deal_confirmation c where c.agency_id = ${agencyId} and c.deal_id = d.id
            order by c.created_at desc, c.id desc limit 1) as latest
        from deal d
        join pipeline_stage s on s.id = d.stage_id and s.agency_id = ${agencyId} and s.category = 'WON'
        cross join a
        ${DEAL_RATE}
        left join lateral (${latestAnswer(agencyId)}) cf on true
        where d.agency_id = ${agencyId} and ${scope}
      ),
      t as (
        select count(*)::int as won,
          count(*) filter (where w.latest is not null)::int as asked,
          count(*) filter (where w.answer in ('CONFIRMED', 'CORRECTED'))::int as confirmed,
          count(*) filter (where w.answer = 'CORRECTED')::int as corrected,
          count(*) filter (where w.answer = 'DISPUTED')::int as disputed,
          count(*) filter (where w.latest = 'REQUESTED')::int as awaiting,
          coalesce(sum(w.value), 0) as recorded,
          coalesce(sum(w.confirmed_value), 0) as confirmed_value,
          count(*) filter (where w.answer is not null and w.additionality = 'YES')::int as yes,
          count(*) filter (where w.answer is not null and w.additionality = 'LATER_OR_SMALLER')::int as later,
          count(*) filter (where w.answer is not null and w.additionality = 'NO')::int as no,
          round(avg(w.help_rating) filter (where w.answer is not null), 2)::float8 as help
        from w
      )
      select a.base_currency as base, t.won, t.asked, t.confirmed, t.corrected, t.disputed, t.awaiting,
        ${percentSql('t.confirmed', 't.won')} as rate, t.recorded::text as recorded,
        t.confirmed_value::text as confirmed_value, t.yes, t.later, t.no, t.help
      from a cross join t`,
  );
  const base = row.base.trim();
  return Object.assign(new ConfirmationFigures(), {
    wonDeals: row.won,
    asked: row.asked,
    confirmed: row.confirmed,
    corrected: row.corrected,
    disputed: row.disputed,
    awaiting: row.awaiting,
    confirmationRatePercent: row.rate,
    recordedValue: baseMoney(row.recorded, base),
    confirmedValue: baseMoney(row.confirmed_value, base),
    additionality: Object.assign(new AdditionalitySplit(), { yes: row.yes, laterOrSmaller: row.later, no: row.no }),
    averageHelpRating: row.help,
  });
}
