import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type { DealsPanel_DealFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { stageCategoryTone } from '../../../lib/status/tones';

export const DealsPanelFragment = graphql(`
  fragment DealsPanel_deal on Deal {
    ...DealSummary_deal @unmask
    stage {
      id
      name
      category
    }
  }
`);

export function DealsPanel({
  companyId,
  deals,
  total,
}: {
  companyId: string;
  deals: readonly FragmentType<typeof DealsPanelFragment>[];
  total: number;
}) {
  const { t } = useTranslation('companies');
  const { formatMoney } = useFormat();
  const { data } = useFragment({ fragment: DealsPanelFragment, fragmentName: 'DealsPanel_deal', from: [...deals] });
  const seen = new Set<string>();
  const rows = fragmentRows<DealsPanel_DealFragment>(data).filter((deal) => {
    if (seen.has(deal.id)) return false;
    seen.add(deal.id);
    return true;
  });

  return (
    <Panel
      title={
        <>
          {t('deals.title')} <span className="companies__count">{total}</span>
        </>
      }
    >
      {rows.length === 0 ? (
        <EmptyState title={t('deals.emptyTitle')}>{t('deals.emptyText')}</EmptyState>
      ) : (
        <ul className="side-list">
          {rows.map((deal) => {
            const other = deal.exporter.id === companyId ? deal.buyer : deal.exporter;
            return (
              <li key={deal.id} className="side-list__item">
                <div className="side-list__main">
                  <Link className="side-list__title" to={`/pipeline?deal=${deal.id}`}>
                    {deal.title}
                  </Link>
                  <span className="side-list__meta">
                    {deal.exporter.id === companyId ? t('deals.asExporter') : t('deals.asBuyer')}
                    {other && ` · ${other.name}`}
                  </span>
                </div>
                <div className="side-list__aside">
                  <Badge tone={stageCategoryTone[deal.stage.category]}>{deal.stage.name}</Badge>
                  {deal.amount && (
                    <span className="side-list__amount">{formatMoney(deal.amount.amount, deal.amount.currency)}</span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
