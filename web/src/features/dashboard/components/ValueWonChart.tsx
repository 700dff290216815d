import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/i18n/useFormat';
import { toNumber } from '../../../lib/money/decimal';
import { CHART_COLORS } from './chartColors';
import { splitHalfYear } from './halfYear';

export interface HalfYearPoint {
  label: string;
  value: string;
  previous: string | null;
  dealsWon: number;
  growthPercent: number | null;
  /** The half-year in progress: counted up to today. */
  inProgress: boolean;
}

export interface ValueWonChartProps {
  points: readonly HalfYearPoint[];
  currency: string;
}

/** Value won per half-year, next to the same dates a year earlier; a hidden table says the same. */
export function ValueWonChart({ points, currency }: ValueWonChartProps) {
  const { t } = useTranslation('dashboard');
  const { formatMoney, formatNumber } = useFormat();
  const name = (label: string, inProgress: boolean) => {
    const text = t('halfYear', splitHalfYear(label));
    return inProgress ? t('chart.toDate', { period: text }) : text;
  };
  const data = points.map((point) => ({
    name: t('halfYear', splitHalfYear(point.label)),
    value: toNumber(point.value),
    previous: point.previous === null ? 0 : toNumber(point.previous),
  }));
  const inProgress = points.find((point) => point.inProgress);
  const growth = (value: number | null) =>
    value === null
      ? t('kpi.noGrowth')
      : `${value > 0 ? '+' : ''}${formatNumber(value, { maximumFractionDigits: 1 })} %`;

  return (
    <figure className="dash-chart">
      <div className="dash-chart__canvas" aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height: 240 }}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="name"
            tickLine={false}
            axisLine={false}
            fontSize={12}
            interval={0}
            stroke={CHART_COLORS.text}
          />
          <YAxis
            tickLine={false}
            axisLine={false}
            fontSize={12}
            stroke={CHART_COLORS.text}
            width={68}
            tickFormatter={(value: number) => formatNumber(value, { notation: 'compact', maximumFractionDigits: 1 })}
          />
          <Tooltip cursor={{ fill: CHART_COLORS.hover }} formatter={(value) => formatMoney(String(value), currency)} />
          <Legend
            iconType="circle"
            iconSize={8}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span style={{ color: CHART_COLORS.text }}>{value}</span>}
          />
          <Bar
            dataKey="previous"
            name={t('chart.yearEarlier')}
            fill={CHART_COLORS.muted}
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="value"
            name={t('chart.valueWon')}
            fill={CHART_COLORS.primary}
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </div>
      {inProgress && (
        <p className="dash-chart__note">
          {t('chart.toDateNote', { period: t('halfYear', splitHalfYear(inProgress.label)) })}
        </p>
      )}
      <div className="ui-visually-hidden">
        <table>
          <caption>{t('chart.valueWonCaption', { currency })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.period')}</th>
              <th scope="col">{t('chart.valueWon')}</th>
              <th scope="col">{t('chart.dealsWon')}</th>
              <th scope="col">{t('chart.yearEarlier')}</th>
              <th scope="col">{t('chart.growth')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{name(point.label, point.inProgress)}</th>
                <td>{formatMoney(point.value, currency)}</td>
                <td>{point.dealsWon}</td>
                <td>{point.previous === null ? '—' : formatMoney(point.previous, currency)}</td>
                <td>{growth(point.growthPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
