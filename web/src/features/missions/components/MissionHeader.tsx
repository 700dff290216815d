import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { PageHeader } from '../../../components/ui/PageHeader';
import { graphql } from '../../../gql';
import { missionStatusTone } from '../../../lib/status/tones';
import { useMissionFormat } from '../hooks/useMissionFormat';

export const MissionHeaderFragment = graphql(`
  fragment MissionHeader_mission on Mission {
    ...MissionFacts_mission @unmask
    timeZone
    description
    lead {
      id
      fullName
    }
    budget {
      amount
      currency
    }
    organizer {
      id
      shortName
    }
    partners {
      id
      name
    }
  }
`);

export function MissionHeader({
  mission,
  actions,
}: {
  mission: FragmentType<typeof MissionHeaderFragment>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const { data: m, complete } = useFragment({
    fragment: MissionHeaderFragment,
    fragmentName: 'MissionHeader_mission',
    from: mission,
  });
  if (!complete) return null;

  const place = [m.city, fmt.countryName(m.hostCountry)].filter(Boolean).join(', ');
  return (
    <div className="mission-header">
      <PageHeader
        eyebrow={<Link to="/missions">← {t('list.title')}</Link>}
        title={
          <span className="mission-header__title">
            {m.name} <Badge tone={missionStatusTone[m.status]}>{t(`status.${m.status}`)}</Badge>
          </span>
        }
        subtitle={
          <>
            {t(`kind.${m.kind}`)} · {place}
            {' · '}
            {m.startsOn ? fmt.formatDateRange(m.startsOn, m.endsOn) : t('mission.noDates')}
            {m.datesApproximate && ` (${t('mission.approximate')})`}
          </>
        }
        actions={actions}
      />
      <dl className="mission-facts">
        <div>
          <dt>{t('mission.timeZone')}</dt>
          <dd>{m.timeZone}</dd>
        </div>
        <div>
          <dt>{t('mission.lead')}</dt>
          <dd>{m.lead?.fullName ?? tc('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('mission.budget')}</dt>
          <dd>{m.budget ? fmt.formatMoney(m.budget.amount, m.budget.currency) : tc('common.unknown')}</dd>
        </div>
        {m.organizer && (
          <div>
            <dt>{t('mission.organizer')}</dt>
            <dd>{m.organizer.shortName}</dd>
          </div>
        )}
        {m.partners.length > 0 && (
          <div>
            <dt>{t('mission.partners')}</dt>
            <dd>
              {m.partners.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link to={`/companies/${p.id}`}>{p.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {m.description && <MissionDescription text={m.description} />}
    </div>
  );
}

/** Long descriptions start folded to three lines, so the tabs stay in view. */
function MissionDescription({ text }: { text: string }) {
  const { t } = useTranslation('missions');
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = text.length > 280;
  return (
    <div className="mission-header__about">
      <p id={id} className={long && !open ? 'mission-header__description is-folded' : 'mission-header__description'}>
        {text}
      </p>
      {long && (
        <button
          type="button"
          className="mission-header__more"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('mission.showLess') : t('mission.showMore')}
        </button>
      )}
    </div>
  );
}
