import { useFragment, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/export/ExportMenu';
import { Badge } from '../../../components/ui/Badge';
import { ConnectionPager } from '../../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import { graphql } from '../../../gql';
import type { DealOrderField, MissionDealsPanel_DealFragment as Row } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useListPage } from '../../../lib/pagination/useListPage';
import { confirmationStatusTone, stageCategoryTone } from '../../../lib/status/tones';
import { MissionDealsQuery } from '../graphql/deals';
import { useMissionFormat } from '../hooks/useMissionFormat';

export const MissionDealsPanelFragment = graphql(`
  fragment MissionDealsPanel_deal on Deal {
    ...DealSummary_deal @unmask
    ...DealValue_deal @unmask
    stage {
      id
      name
      category
    }
    confirmationStatus
    confirmedValue {
      amount
      currency
    }
  }
`);

export function DealsPanel({ missionId }: { missionId: string }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const { t: tp } = useTranslation('pipeline');
  const fmt = useMissionFormat();
  const [sort, setSort] = useState<SortState<DealOrderField>>({ field: 'CREATED_AT', direction: 'DESC' });
  const filter = { sourceMissionIds: [missionId] };
  const page = useListPage([filter, sort]);
  const { data, previousData, loading, error, refetch } = useQuery(MissionDealsQuery, {
    variables: { filter, orderBy: sort, ...page.variables },
  });
  const shown = data ?? previousData;
  const { data: rowData } = useFragment({
    fragment: MissionDealsPanelFragment,
    fragmentName: 'MissionDealsPanel_deal',
    from: [...(shown?.deals.nodes ?? [])],
  });
  const rows = fragmentRows<Row>(rowData);

  const columns: Column<Row, DealOrderField>[] = [
    {
      key: 'title',
      header: t('deals.deal'),
      sortField: 'TITLE',
      render: (d) => (
        <div className="missions-cell-main">
          <Link to={`/pipeline?deal=${d.id}`} className="missions-link-strong">
            {d.title}
          </Link>
          <span className="missions-muted">
            {d.exporter.name}
            {d.buyer && ` → ${d.buyer.name}`}
          </span>
        </div>
      ),
    },
    {
      key: 'stage',
      header: t('deals.stage'),
      render: (d) => (
        <span className="missions-stage">
          <Badge tone={stageCategoryTone[d.stage.category]}>{t(`stageCategory.${d.stage.category}`)}</Badge>
          <span>{d.stage.name}</span>
        </span>
      ),
    },
    {
      key: 'amount',
      header: t('deals.amountBase'),
      sortField: 'AMOUNT',
      align: 'end',
      render: (d) =>
        d.amountInBaseCurrency ? (
          <span className="missions-nowrap">
            {fmt.formatMoney(d.amountInBaseCurrency.amount, d.amountInBaseCurrency.currency)}
          </span>
        ) : d.exchangeRateMissing && d.amount ? (
          <span className="missions-muted" title={t('deals.noRate')}>
            {fmt.formatMoney(d.amount.amount, d.amount.currency)} *
          </span>
        ) : (
          <span className="missions-muted">{tc('common.unknown')}</span>
        ),
    },
    {
      key: 'confirmation',
      header: t('deals.confirmation'),
      render: (d) => {
        const status = d.confirmationStatus;
        if (!status) {
          return d.stage.category === 'WON' ? <span className="missions-muted">{t('deals.notAsked')}</span> : null;
        }
        const confirmed = status === 'CONFIRMED' || status === 'CORRECTED';
        return (
          <div className="missions-cell-main">
            <span>
              <Badge tone={confirmationStatusTone[status]}>{tp(`confirmation.status.${status}`)}</Badge>
            </span>
            {confirmed && d.confirmedValue && (
              <span className="missions-muted missions-nowrap">
                {t('deals.confirmedValue', {
                  value: fmt.formatMoney(d.confirmedValue.amount, d.confirmedValue.currency),
                })}
              </span>
            )}
          </div>
        );
      },
    },
    {
      key: 'original',
      header: t('deals.amount'),
      align: 'end',
      secondary: true,
      render: (d) => (d.amount ? fmt.formatMoney(d.amount.amount, d.amount.currency) : tc('common.unknown')),
    },
    { key: 'owner', header: t('deals.owner'), secondary: true, render: (d) => d.owner.fullName },
  ];

  return (
    <Panel
      title={t('deals.title')}
      actions={<ExportMenu list="deals" filter={{ sourceMissionIds: [missionId] }} orderBy={sort} />}
    >
      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !shown ? (
        <Spinner label={t('deals.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('deals.title')}
            columns={columns}
            rows={rows}
            rowKey={(d) => d.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={<EmptyState title={t('deals.emptyTitle')}>{t('deals.emptyText')}</EmptyState>}
          />
          <ConnectionPager
            connection={shown.deals}
            page={page}
            summary={t('deals.count', { count: shown.deals.totalCount })}
          />
        </>
      )}
    </Panel>
  );
}
