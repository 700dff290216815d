import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { type ComponentProps, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { graphql } from '../../../gql';
import type { Timeline_DealFragment, Timeline_InteractionFragment, Timeline_TaskFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { TIMELINE_STAGE_CHANGES } from '../../../lib/pagination/useListPage';
import { meetingStatusTone, outcomeTone, stageCategoryTone } from '../../../lib/status/tones';
import { TimelineIcon } from './TimelineIcon';
import { buildTimeline, type TimelineFilter, type TimelineItem } from './timeline';

export const TimelineInteractionFragment = graphql(`
  fragment Timeline_interaction on Interaction {
    id
    kind
    subject
    occurredAt
    status
    outcome
    author {
      id
      fullName
    }
    exporter {
      id
      name
    }
    counterpart {
      id
      name
    }
    mission {
      id
      name
    }
    deal {
      id
      title
    }
  }
`);

export const TimelineDealFragment = graphql(`
  fragment Timeline_deal on Deal {
    id
    title
    stageHistory(first: $stageChanges) {
      nodes {
        ...StageChange_change @unmask
      }
    }
  }
`);

export const TimelineTaskFragment = graphql(`
  fragment Timeline_task on Task {
    id
    title
    dueOn
    done
    doneAt
    createdAt
    assignee {
      id
      fullName
    }
  }
`);

/** Items shown at first, and added by each "show more". */
const PAGE = 20;

type Item = TimelineItem<
  Timeline_InteractionFragment,
  Timeline_DealFragment,
  Timeline_DealFragment['stageHistory']['nodes'][number],
  Timeline_TaskFragment
>;

export interface CompanyTimelineProps {
  companyId: string;
  interactions: readonly FragmentType<typeof TimelineInteractionFragment>[];
  deals: readonly FragmentType<typeof TimelineDealFragment>[];
  tasks: readonly FragmentType<typeof TimelineTaskFragment>[];
  canEdit: boolean;
}

export function CompanyTimeline({ companyId, interactions, deals, tasks, canEdit }: CompanyTimelineProps) {
  const { t } = useTranslation('companies');
  const { formatDate } = useFormat();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [limit, setLimit] = useState(PAGE);
  const interactionData = useFragment({ fragment: TimelineInteractionFragment, from: [...interactions] }).data;
  const dealData = useFragment({
    fragment: TimelineDealFragment,
    fragmentName: 'Timeline_deal',
    from: [...deals],
    variables: { stageChanges: TIMELINE_STAGE_CHANGES },
  }).data;
  const taskData = useFragment({ fragment: TimelineTaskFragment, from: [...tasks] }).data;

  const items = useMemo(
    () =>
      buildTimeline(
        fragmentRows<Timeline_InteractionFragment>(interactionData),
        fragmentRows<Timeline_DealFragment>(dealData),
        fragmentRows<Timeline_TaskFragment>(taskData),
      ) as Item[],
    [interactionData, dealData, taskData],
  );
  const counts = {
    all: items.length,
    interaction: items.filter((item) => item.type === 'interaction').length,
    stage: items.filter((item) => item.type === 'stage').length,
    task: items.filter((item) => item.type === 'task').length,
  };
  const matching = filter === 'all' ? items : items.filter((item) => item.type === filter);
  const shown = matching.slice(0, limit);
  const hidden = matching.length - shown.length;

  // Grouped by month, most recent first.
  const groups: { label: string; items: Item[] }[] = [];
  for (const item of shown) {
    const label = formatDate(item.at, { month: 'long', year: 'numeric' });
    const last = groups.at(-1);
    if (last && last.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }

  const filters: TimelineFilter[] = ['all', 'interaction', 'stage', 'task'];

  return (
    <div className="timeline">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
      <div className="timeline__filters" role="group" aria-label={t('timeline.filterLabel')}>
        {filters.map((value) => (
          <button
            key={value}
            type="button"
            className="timeline__chip"
            aria-pressed={filter === value}
            onClick={() => {
              setFilter(value);
              setLimit(PAGE);
            }}
          >
            {t(`timeline.filters.${value}`)}
            <span className="timeline__chip-count">{counts[value]}</span>
          </button>
        ))}
      </div>

      {shown.length === 0 ? (
        <EmptyState title={t('timeline.emptyTitle')}>{t('timeline.emptyText')}</EmptyState>
      ) : (
        groups.map((group) => (
          <section key={group.label} className="timeline__group" aria-label={group.label}>
            <h3 className="timeline__month">{group.label}</h3>
            <ol className="timeline__list">
              {group.items.map((item) => (
                <TimelineEntry key={item.key} item={item} companyId={companyId} canEdit={canEdit} />
              ))}
            </ol>
          </section>
        ))
      )}
      {hidden > 0 && (
        <div className="timeline__more">
          <Button variant="secondary" size="small" onClick={() => setLimit((current) => current + PAGE)}>
            {t('timeline.showMore', { count: Math.min(hidden, PAGE) })}
          </Button>
        </div>
      )}
    </div>
  );
}

function TimelineEntry({ item, companyId, canEdit }: { item: Item; companyId: string; canEdit: boolean }) {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const { formatDate } = useFormat();

  if (item.type === 'interaction') {
    const interaction = item.interaction;
    const other = interaction.exporter.id === companyId ? interaction.counterpart : interaction.exporter;
    const heldMeeting = interaction.kind === 'MEETING' && interaction.status === 'HELD';
    return (
      <TimelineFrame
        modifier={interaction.kind.toLowerCase()}
        icon={interaction.kind}
        title={interaction.subject}
        at={interaction.occurredAt}
      >
        <div className="timeline__badges">
          <Badge>{t(`interactionKinds.${interaction.kind}`)}</Badge>
          {interaction.status && (
            <Badge tone={meetingStatusTone[interaction.status]}>{t(`meetingStatuses.${interaction.status}`)}</Badge>
          )}
          {interaction.outcome && (
            <Badge tone={outcomeTone[interaction.outcome]}>{t(`outcomes.${interaction.outcome}`)}</Badge>
          )}
        </div>
        <p className="timeline__meta">
          {t('timeline.by', { name: interaction.author.fullName })}
          {other && (
            <>
              {' · '}
              {t('timeline.with')} <Link to={`/companies/${other.id}`}>{other.name}</Link>
            </>
          )}
        </p>
        {(interaction.mission || interaction.deal || (heldMeeting && canEdit)) && (
          <p className="timeline__links">
            {interaction.mission && (
              <Link to={`/missions/${interaction.mission.id}`}>
                {t('timeline.mission', { name: interaction.mission.name })}
              </Link>
            )}
            {interaction.deal ? (
              <Link to={`/pipeline?deal=${interaction.deal.id}`}>
                {t('timeline.deal', { title: interaction.deal.title })}
              </Link>
            ) : (
              heldMeeting &&
              canEdit && (
                <Link className="timeline__action" to={`/pipeline?fromInteraction=${interaction.id}`}>
                  {t('timeline.createDeal')}
                </Link>
              )
            )}
          </p>
        )}
      </TimelineFrame>
    );
  }

  if (item.type === 'stage') {
    const { deal, change } = item;
    return (
      <TimelineFrame
        modifier="stage"
        icon="STAGE"
        title={<Link to={`/pipeline?deal=${deal.id}`}>{deal.title}</Link>}
        at={change.changedAt}
      >
        <p className="timeline__summary">
          {change.fromStage ? (
            <>
              {t('timeline.movedFrom', { stage: change.fromStage.name })}{' '}
              <Badge tone={stageCategoryTone[change.toStage.category]}>{change.toStage.name}</Badge>
            </>
          ) : (
            <>
              {t('timeline.createdIn')}{' '}
              <Badge tone={stageCategoryTone[change.toStage.category]}>{change.toStage.name}</Badge>
            </>
          )}
        </p>
        <p className="timeline__meta">
          {change.changedBy ? t('timeline.by', { name: change.changedBy.fullName }) : tc('common.unknown')}
        </p>
      </TimelineFrame>
    );
  }

  const task = item.task;
  return (
    <TimelineFrame modifier="task" icon={task.done ? 'TASK_DONE' : 'TASK'} title={task.title} at={item.at}>
      <div className="timeline__badges">
        <Badge tone={task.done ? 'success' : 'warning'}>
          {task.done ? t('timeline.taskDone') : t('timeline.taskOpen')}
        </Badge>
        {task.dueOn && (
          <span className="timeline__meta">
            {t('timeline.due', { date: formatDate(task.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
          </span>
        )}
      </div>
      <p className="timeline__meta">{t('timeline.assignee', { name: task.assignee.fullName })}</p>
    </TimelineFrame>
  );
}

/** One entry of the timeline: its icon, title and time, then what the entry says. */
function TimelineFrame({
  modifier,
  icon,
  title,
  at,
  children,
}: {
  modifier: string;
  icon: ComponentProps<typeof TimelineIcon>['kind'];
  title: ReactNode;
  at: string;
  children: ReactNode;
}) {
  const { formatDate } = useFormat();
  return (
    <li className={`timeline__item timeline__item--${modifier}`}>
      <span className="timeline__icon">
        <TimelineIcon kind={icon} />
      </span>
      <div className="timeline__body">
        <div className="timeline__head">
          <p className="timeline__title">{title}</p>
          <time className="timeline__time" dateTime={at}>
            {formatDate(at, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </div>
        {children}
      </div>
    </li>
  );
}
