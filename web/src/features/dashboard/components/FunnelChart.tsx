import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/i18n/useFormat';
import { CHART_COLORS } from './chartColors';

export interface FunnelStep {
  id: string;
  name: string;
  won: boolean;
  reached: number;
  current: number;
  conversionToNextPercent: number | null;
}

export interface FunnelChartProps {
  steps: readonly FunnelStep[];
  /** The pipeline's name, for the caption. */
  pipelineName: string;
}

/** Deals that reached each stage of the path, as horizontal bars narrowing to the WON stage. */
export function FunnelChart({ steps, pipelineName }: FunnelChartProps) {
  const { t } = useTranslation('dashboard');
  const { formatNumber } = useFormat();
  const percent = (value: number | null) =>
    value === null ? '—' : `${formatNumber(value, { maximumFractionDigits: 1 })} %`;
  const data = steps.map((step) => ({ name: step.name, reached: step.reached, won: step.won }));

  return (
    <figure className="dash-chart">
      <div className="dash-chart__canvas" aria-hidden="true">
        <BarChart
          responsive
          layout="vertical"
          style={{ width: '100%', height: Math.max(160, steps.length * 36 + 16) }}
          data={data}
          margin={{ top: 4, right: 40, bottom: 4, left: 0 }}
          barCategoryGap={6}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            tickLine={false}
            axisLine={false}
            fontSize={12}
            stroke={CHART_COLORS.text}
          />
          <Bar dataKey="reached" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.name} fill={entry.won ? CHART_COLORS.won : CHART_COLORS.primary} />
            ))}
            <LabelList dataKey="reached" position="right" fontSize={12} fill={CHART_COLORS.text} />
          </Bar>
        </BarChart>
      </div>
      <div className="ui-visually-hidden">
        <table>
          <caption>{t('funnel.caption', { pipeline: pipelineName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funnel.stage')}</th>
              <th scope="col">{t('funnel.reached')}</th>
              <th scope="col">{t('funnel.current')}</th>
              <th scope="col">{t('funnel.toNext')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.id}>
                <th scope="row">{step.name}</th>
                <td>{step.reached}</td>
                <td>{step.current}</td>
                <td>{percent(step.conversionToNextPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
