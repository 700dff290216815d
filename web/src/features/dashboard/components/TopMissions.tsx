import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/i18n/useFormat';
import { toNumber } from '../../../lib/money/decimal';

export interface MissionValue {
  id: string;
  name: string;
  value: string;
  dealsWon: number;
}

/** Missions ranked by the value their leads won; each bar is relative to the first. */
export function TopMissions({ missions, currency }: { missions: readonly MissionValue[]; currency: string }) {
  const { t } = useTranslation('dashboard');
  const { formatMoneyWhole } = useFormat();
  const max = Math.max(...missions.map((mission) => toNumber(mission.value)), 1);

  return (
    <ol className="dash-ranking">
      {missions.map((mission, index) => (
        <li key={mission.id} className="dash-ranking__item">
          <span className="dash-ranking__rank" aria-hidden="true">
            {index + 1}
          </span>
          <div className="dash-ranking__body">
            <div className="dash-ranking__line">
              <Link to={`/missions/${mission.id}`} className="dash-ranking__name">
                {mission.name}
              </Link>
              <span className="dash-ranking__value">{formatMoneyWhole(mission.value, currency)}</span>
            </div>
            <div className="dash-ranking__bar" aria-hidden="true">
              <span style={{ width: `${Math.max(2, (toNumber(mission.value) / max) * 100)}%` }} />
            </div>
            <p className="dash-ranking__meta">{t('missions.dealsWon', { count: mission.dealsWon })}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
