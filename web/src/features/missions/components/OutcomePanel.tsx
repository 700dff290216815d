import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { type Column, DataTable } from '../../../components/ui/DataTable';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import { graphql } from '../../../gql';
import type {
  OutcomePanel_CohortFragment as CohortRow,
  OutcomePanel_ExporterFragment as ExporterRow,
} from '../../../gql/graphql';
import { useUrlParam } from '../../../lib/hooks/useUrlSearch';
import { participantStatusTone } from '../../../lib/status/tones';
import { MissionOutcomeQuery } from '../graphql/outcome';
import { useMissionFormat } from '../hooks/useMissionFormat';
import { OutcomeConfirmation } from './OutcomeConfirmation';
import { OutcomeKpi as Kpi } from './OutcomeKpi';

/** @public A document graphql-codegen reads; MissionOutcomeQuery spreads it unmasked (a cohort has no id). */
export const OutcomePanelCohortFragment = graphql(`
  fragment OutcomePanel_cohort on MissionCohort {
    months
    until
    elapsed
    dealsWon
    dealsWithoutRate
    valueWon {
      amount
      currency
    }
  }
`);

/** @public A document graphql-codegen reads; MissionOutcomeQuery spreads it unmasked (a row has no id). */
export const OutcomePanelExporterFragment = graphql(`
  fragment OutcomePanel_exporter on MissionExporterOutcome {
    exporter {
      id
      name
    }
    participantStatus
    meetingsHeld
    leads
    won
    valueWon {
      amount
      currency
    }
    valueOpen {
      amount
      currency
    }
    wonConfirmed
    confirmedValueWon {
      amount
      currency
    }
    confirmationRatePercent
  }
`);

/**
 * The mission's report, with a switch (kept in the URL as `confirmed=1`) that counts only the won
 * deals their exporters confirmed, at the figures they confirmed.
 */
export function OutcomePanel({ missionId }: { missionId: string }) {
  const { t } = useTranslation('missions');
  const [confirmedParam, setConfirmedParam] = useUrlParam('confirmed');
  const confirmedOnly = confirmedParam === '1';
  const hintId = useId();

  return (
    <div className="outcome">
      <div className="outcome-toolbar">
        <label className="missions-checkbox">
          <input
            type="checkbox"
            checked={confirmedOnly}
            onChange={(event) => setConfirmedParam(event.target.checked ? '1' : '')}
            aria-describedby={hintId}
          />
          <span className="missions-checkbox__text">
            <strong>{t('outcome.confirmedOnly')}</strong>
            <span id={hintId} className="missions-muted outcome-toolbar__hint">
              {t('outcome.confirmedOnlyHint')}
            </span>
          </span>
        </label>
      </div>
      <OutcomeReport missionId={missionId} confirmedOnly={confirmedOnly} />
    </div>
  );
}

function OutcomeReport({ missionId, confirmedOnly }: { missionId: string; confirmedOnly: boolean }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const { data, loading, error, refetch } = useQuery(MissionOutcomeQuery, { variables: { missionId, confirmedOnly } });

  if (loading && !data) return <Spinner label={t('outcome.loading')} />;
  if (error && !data) {
    return <QueryError refetch={refetch} />;
  }
  const o = data?.missionOutcome;
  if (!o) return <EmptyState title={t('mission.notFound')} />;

  const money = (m: { amount: string; currency: string } | null | undefined) =>
    m ? fmt.formatMoney(m.amount, m.currency) : tc('common.unknown');
  // KPI cards show compact figures ("RUB 34.3M") with the exact amount underneath.
  const compact = (m: { amount: string; currency: string } | null | undefined) =>
    m ? fmt.formatMoneyCompact(m.amount, m.currency) : tc('common.unknown');
  const percent = (value: number | null) =>
    value === null
      ? tc('common.unknown')
      : fmt.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  const count = (status: string) => o.meetingsByStatus.find((s) => s.status === status)?.count ?? 0;
  const won = o.dealsByCategory.find((c) => c.category === 'WON')?.deals ?? 0;

  const exporterColumns: Column<ExporterRow>[] = [
    {
      key: 'exporter',
      header: t('outcome.exporter'),
      render: (e) => <Link to={`/companies/${e.exporter.id}`}>{e.exporter.name}</Link>,
    },
    {
      key: 'status',
      header: t('delegation.status'),
      secondary: true,
      render: (e) =>
        e.participantStatus ? (
          <Badge tone={participantStatusTone[e.participantStatus]}>
            {t(`participantStatus.${e.participantStatus}`)}
          </Badge>
        ) : (
          <span className="missions-muted">{t('outcome.notParticipant')}</span>
        ),
    },
    { key: 'held', header: t('outcome.meetingsHeld'), align: 'end', render: (e) => fmt.formatNumber(e.meetingsHeld) },
    { key: 'leads', header: t('outcome.leads'), align: 'end', render: (e) => fmt.formatNumber(e.leads) },
    { key: 'won', header: t('outcome.won'), align: 'end', render: (e) => fmt.formatNumber(e.won) },
    { key: 'valueWon', header: t('outcome.valueWon'), align: 'end', render: (e) => money(e.valueWon) },
    {
      key: 'confirmedValue',
      header: t('outcome.confirmedValue'),
      align: 'end',
      render: (e) => money(e.confirmedValueWon),
    },
    {
      key: 'confirmationRate',
      header: t('outcome.confirmationRate'),
      align: 'end',
      render: (e) =>
        e.confirmationRatePercent === null ? (
          <span className="missions-muted">{tc('common.unknown')}</span>
        ) : (
          <span className="missions-nowrap">
            {t('outcome.exporterRate', {
              confirmed: e.wonConfirmed,
              won: e.won,
              percent: percent(e.confirmationRatePercent),
            })}
          </span>
        ),
    },
    {
      key: 'valueOpen',
      header: t('outcome.valueOpen'),
      align: 'end',
      secondary: true,
      render: (e) => money(e.valueOpen),
    },
  ];

  const cohortColumns: Column<CohortRow>[] = [
    { key: 'months', header: t('outcome.cohort'), render: (c) => t('outcome.months', { count: c.months }) },
    { key: 'until', header: t('outcome.until'), render: (c) => fmt.formatDay(c.until) },
    { key: 'dealsWon', header: t('outcome.won'), align: 'end', render: (c) => fmt.formatNumber(c.dealsWon) },
    { key: 'valueWon', header: t('outcome.valueWon'), align: 'end', render: (c) => money(c.valueWon) },
    {
      key: 'state',
      header: t('outcome.state'),
      render: (c) =>
        c.elapsed ? (
          <Badge tone="success">{t('outcome.final')}</Badge>
        ) : (
          <Badge tone="info">{t('outcome.running')}</Badge>
        ),
    },
  ];

  // Said on every panel whose figures the switch changes, so a copied table keeps its meaning.
  const confirmedBadge = o.confirmedOnly ? <Badge tone="success">{t('outcome.confirmedFigures')}</Badge> : undefined;

  return (
    <>
      <Panel title={t('outcome.title')} actions={confirmedBadge}>
        {o.confirmedOnly && <p className="outcome-confirmed-note">{t('outcome.confirmedNote')}</p>}
        <dl className="outcome-kpis">
          <Kpi label={t('outcome.delegation')} value={fmt.formatNumber(o.delegationSize)} />
          <Kpi
            label={t('outcome.meetingsHeld')}
            value={fmt.formatNumber(o.meetingsHeld)}
            hint={t('outcome.noShowHint', { count: count('NO_SHOW'), planned: count('PLANNED') })}
          />
          <Kpi label={t('outcome.counterpartsMet')} value={fmt.formatNumber(o.counterpartsMet)} />
          <Kpi
            label={t('outcome.leads')}
            value={fmt.formatNumber(o.leads)}
            hint={t('outcome.meetingToLead', { value: percent(o.conversion.meetingToLeadPercent) })}
          />
          <Kpi
            label={t('outcome.dealsWon')}
            value={fmt.formatNumber(won)}
            hint={t('outcome.leadToWon', { value: percent(o.conversion.leadToWonPercent) })}
          />
          <Kpi
            label={o.confirmedOnly ? t('outcome.valueWonConfirmed') : t('outcome.valueWon')}
            value={compact(o.valueWon)}
            hint={money(o.valueWon)}
          />
          <Kpi label={t('outcome.valueOpen')} value={compact(o.valueOpen)} hint={money(o.valueOpen)} />
          <Kpi
            label={t('outcome.roi')}
            value={o.roi !== null ? `× ${fmt.formatNumber(o.roi, { maximumFractionDigits: 2 })}` : tc('common.unknown')}
            hint={
              o.roiUnavailableReason
                ? t(`outcome.roiReason.${o.roiUnavailableReason}`)
                : t('outcome.budgetHint', { budget: money(o.budgetInBaseCurrency) })
            }
          />
        </dl>
        {(o.dealsWithoutRate > 0 || o.currenciesWithoutRate.length > 0) && (
          <p className="missions-muted">
            {t('outcome.missingRates', { count: o.dealsWithoutRate, currencies: o.currenciesWithoutRate.join(', ') })}
          </p>
        )}
        {o.medianDaysToSignature !== null && (
          <p className="missions-muted">
            {t('outcome.medianDays', { days: fmt.formatNumber(o.medianDaysToSignature, { maximumFractionDigits: 0 }) })}
          </p>
        )}
      </Panel>
      <OutcomeConfirmation figures={o.confirmation} />
      <Panel title={t('outcome.cohortsTitle')} actions={confirmedBadge}>
        <DataTable
          caption={t('outcome.cohortsTitle')}
          columns={cohortColumns}
          rows={o.cohorts}
          rowKey={(c) => String(c.months)}
          empty={<EmptyState title={t('outcome.noCohorts')} />}
        />
      </Panel>
      <Panel title={t('outcome.byExporter')} actions={confirmedBadge}>
        <DataTable
          caption={t('outcome.byExporter')}
          columns={exporterColumns}
          rows={o.exporters}
          rowKey={(e) => e.exporter.id}
          empty={<EmptyState title={t('outcome.noExporters')} />}
        />
      </Panel>
    </>
  );
}
