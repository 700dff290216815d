import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type { MissionsPanel_MissionFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { missionStatusTone } from '../../../lib/status/tones';
import { useCountries } from '../hooks/useCountries';

export const MissionsPanelFragment = graphql(`
  fragment MissionsPanel_mission on Mission {
    id
    name
    status
    hostCountry
    city
    startsOn
    endsOn
  }
`);

export function MissionsPanel({
  missions,
  total,
}: {
  missions: readonly FragmentType<typeof MissionsPanelFragment>[];
  total: number;
}) {
  const { t } = useTranslation('companies');
  const { formatDate } = useFormat();
  const { countryName } = useCountries();
  const { data } = useFragment({ fragment: MissionsPanelFragment, from: [...missions] });
  const rows = fragmentRows<MissionsPanel_MissionFragment>(data);
  // Calendar days: read in UTC so they never shift by a day.
  const day = (value: string) => formatDate(value, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <Panel
      title={
        <>
          {t('missions.title')} <span className="companies__count">{total}</span>
        </>
      }
    >
      {rows.length === 0 ? (
        <EmptyState title={t('missions.emptyTitle')}>{t('missions.emptyText')}</EmptyState>
      ) : (
        <ul className="side-list">
          {rows.map((mission) => (
            <li key={mission.id} className="side-list__item">
              <div className="side-list__main">
                <Link className="side-list__title" to={`/missions/${mission.id}`}>
                  {mission.name}
                </Link>
                <span className="side-list__meta">
                  {[mission.city, countryName(mission.hostCountry)].filter(Boolean).join(', ')}
                  {mission.startsOn &&
                    ` · ${day(mission.startsOn)}${mission.endsOn && mission.endsOn !== mission.startsOn ? ` – ${day(mission.endsOn)}` : ''}`}
                </span>
              </div>
              <div className="side-list__aside">
                <Badge tone={missionStatusTone[mission.status]}>{t(`missionStatuses.${mission.status}`)}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
