import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { MissionOrderField, MissionsTable_MissionFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { missionStatusTone } from '../../../lib/status/tones';
import { useMissionFormat } from '../hooks/useMissionFormat';

export const MissionsTableFragment = graphql(`
  fragment MissionsTable_mission on Mission {
    ...MissionFacts_mission @unmask
    lead {
      id
      fullName
    }
    participants(first: 1) {
      totalCount
    }
  }
`);

export interface MissionsTableProps {
  missions: readonly FragmentType<typeof MissionsTableFragment>[];
  sort: SortState<MissionOrderField>;
  onSortChange: (sort: SortState<MissionOrderField>) => void;
  busy?: boolean;
  empty: ReactNode;
}

/** The missions of one page: name and kind, status, place, dates, delegation size and lead. */
export function MissionsTable({ missions, sort, onSortChange, busy, empty }: MissionsTableProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const { data } = useFragment({
    fragment: MissionsTableFragment,
    fragmentName: 'MissionsTable_mission',
    from: [...missions],
  });
  const rows = fragmentRows<MissionsTable_MissionFragment>(data);

  const columns: Column<MissionsTable_MissionFragment, MissionOrderField>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      sortField: 'NAME',
      render: (m) => (
        <div className="missions-cell-main">
          <Link to={`/missions/${m.id}`} className="missions-link-strong">
            {m.name}
          </Link>
          <span className="missions-muted">{t(`kind.${m.kind}`)}</span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('columns.status'),
      render: (m) => <Badge tone={missionStatusTone[m.status]}>{t(`status.${m.status}`)}</Badge>,
    },
    {
      key: 'place',
      header: t('columns.place'),
      render: (m) => [m.city, fmt.countryName(m.hostCountry)].filter(Boolean).join(', '),
    },
    {
      key: 'dates',
      header: t('columns.dates'),
      sortField: 'STARTS_ON',
      render: (m) =>
        m.startsOn ? (
          <span>
            {fmt.formatDateRange(m.startsOn, m.endsOn)}
            {m.datesApproximate && <span className="missions-muted"> ({t('mission.approximate')})</span>}
          </span>
        ) : (
          <span className="missions-muted">{t('mission.noDates')}</span>
        ),
    },
    {
      key: 'delegation',
      header: t('columns.delegation'),
      align: 'end',
      secondary: true,
      render: (m) => fmt.formatNumber(m.participants.totalCount),
    },
    {
      key: 'lead',
      header: t('columns.lead'),
      secondary: true,
      render: (m) => m.lead?.fullName ?? <span className="missions-muted">{tc('common.unknown')}</span>,
    },
  ];

  return (
    <DataTable
      caption={t('list.caption')}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.id}
      sort={sort}
      onSortChange={onSortChange}
      busy={busy}
      empty={empty}
    />
  );
}
