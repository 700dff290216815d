import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classNames } from '../../../components/ui/classNames';
import { Spinner } from '../../../components/ui/Spinner';
import { useFormat } from '../../../lib/i18n/useFormat';

export interface KpiFigures {
  currency: string;
  /** The value won counts only the deals their exporters confirmed, at the confirmed figures. */
  confirmedOnly: boolean;
  /** Of the window's won deals (as recorded), those their exporters confirmed. */
  confirmation: { percent: number | null; confirmed: number; wonDeals: number };
  /** The half-year in progress, up to today. */
  halfYear: { label: string; value: string; dealsWon: number; growthPercent: number | null; previous: string | null };
  open: { value: string; deals: number; currenciesWithoutRate: readonly string[] };
}

export type WinRate =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; percent: number | null; won: number; deals: number };

function Kpi({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'up' | 'down';
}) {
  return (
    <div className={classNames('dash-kpi', tone && `dash-kpi--${tone}`)}>
      <dt className="dash-kpi__label">{label}</dt>
      <dd className="dash-kpi__value">{value}</dd>
      {detail && <dd className="dash-kpi__detail">{detail}</dd>}
    </div>
  );
}

export interface KpiCardsProps {
  figures: KpiFigures;
  winRate: WinRate;
  /** The window's first day, as shown ("1 May 2025"). */
  since: string;
}

export function KpiCards({ figures, winRate, since }: KpiCardsProps) {
  const { t } = useTranslation('dashboard');
  const { formatNumber, formatMoneyWhole: formatMoney } = useFormat();
  const { halfYear, open, currency, confirmation } = figures;
  const growth = halfYear.growthPercent;
  const percent = (value: number) => `${formatNumber(value, { maximumFractionDigits: 1 })} %`;

  return (
    <dl className="dash-kpis">
      <Kpi
        label={
          figures.confirmedOnly
            ? t('kpi.wonThisHalfConfirmed', { period: halfYear.label })
            : t('kpi.wonThisHalf', { period: halfYear.label })
        }
        value={formatMoney(halfYear.value, currency)}
        detail={t('kpi.dealsWon', { count: halfYear.dealsWon })}
      />
      <Kpi
        label={t('kpi.confirmationRate')}
        value={confirmation.percent === null ? '—' : percent(confirmation.percent)}
        detail={
          confirmation.wonDeals === 0
            ? t('kpi.noWonDeals', { date: since })
            : t('kpi.confirmationRateDetail', {
                confirmed: confirmation.confirmed,
                count: confirmation.wonDeals,
                date: since,
              })
        }
      />
      <Kpi
        label={t('kpi.growth')}
        value={growth === null ? '—' : `${growth > 0 ? '+' : ''}${percent(growth)}`}
        tone={growth === null || growth === 0 ? undefined : growth > 0 ? 'up' : 'down'}
        detail={
          growth === null
            ? t('kpi.noGrowth')
            : t('kpi.yearEarlier', { value: formatMoney(halfYear.previous ?? '0', currency) })
        }
      />
      <Kpi
        label={t('kpi.openPipeline')}
        value={formatMoney(open.value, currency)}
        detail={
          open.currenciesWithoutRate.length > 0
            ? t('kpi.withoutRate', { currencies: open.currenciesWithoutRate.join(', ') })
            : t('kpi.openDeals', { count: open.deals })
        }
      />
      <Kpi
        label={t('kpi.winRate')}
        value={
          winRate.state === 'loading' ? (
            <Spinner size="small" label={t('loading')} />
          ) : winRate.state === 'ready' && winRate.percent !== null ? (
            percent(winRate.percent)
          ) : (
            '—'
          )
        }
        detail={
          winRate.state === 'ready' ? t('kpi.winRateDetail', { won: winRate.won, count: winRate.deals }) : undefined
        }
      />
    </dl>
  );
}
