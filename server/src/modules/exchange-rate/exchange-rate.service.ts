import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { Agency } from '../agency/agency.entity.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { plainDecimal } from './conversion.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import type { SetExchangeRateInput } from './exchange-rate.inputs.js';

const AUDITED = ['currency', 'validOn', 'rate'] as const;

function audited(rate: ExchangeRate) {
  const values = snapshot(rate, AUDITED);
  return { ...values, rate: plainDecimal(rate.rate) };
}

/** Sets the rate of a currency from a day on: creates it, or replaces the rate of that day. */
export async function setExchangeRate(
  em: EntityManager,
  ctx: Context,
  input: SetExchangeRateInput,
): Promise<ExchangeRate> {
  const agency = await em.findOneOrFail(Agency, ctx.viewer!.agencyId);
  if (input.currency === agency.baseCurrency) {
    refuse(UserErrorCode.INVALID, msg('baseCurrencyRate', { currency: input.currency }), ['input', 'currency']);
  }
  const rate = new Decimal(input.rate).toFixed();
  const existing = await em.findOne(ExchangeRate, { currency: input.currency, validOn: input.validOn });
  if (existing) {
    const before = audited(existing);
    existing.rate = rate;
    recordAudit(em, ctx, {
      action: 'setExchangeRate',
      entity: 'ExchangeRate',
      entityId: existing.id,
      before,
      after: audited(existing),
    });
    return existing;
  }
  const created = em.create(ExchangeRate, {
    agency: ctx.viewer!.agencyId,
    currency: input.currency,
    validOn: input.validOn,
    rate,
  });
  recordAudit(em, ctx, {
    action: 'setExchangeRate',
    entity: 'ExchangeRate',
    entityId: created.id,
    after: audited(created),
  });
  return created;
}
