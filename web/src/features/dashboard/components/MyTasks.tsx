import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { classNames } from '../../../components/ui/classNames';
import { CheckIcon } from '../../../components/ui/icons';
import { graphql } from '../../../gql';
import { parseIsoDay } from '../../../lib/dates/local';
import { useFormat } from '../../../lib/i18n/useFormat';
import { CompleteTaskMutation } from '../../../lib/tasks/completeTask';

export const TaskItemFragment = graphql(`
  fragment TaskItem_task on Task {
    id
    title
    dueOn
    done
    company {
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

interface TaskItemProps {
  task: FragmentType<typeof TaskItemFragment>;
  today: string;
  /** Whether the viewer may complete tasks (editors only). */
  editable: boolean;
  onCompleted: (title: string) => void;
  onFailed: (message: string) => void;
}

function TaskItem({ task, today, editable, onCompleted, onFailed }: TaskItemProps) {
  const { t } = useTranslation('dashboard');
  const { formatDate } = useFormat();
  const { data, complete } = useFragment({ fragment: TaskItemFragment, from: task });
  const [completeTask, { loading }] = useMutation(CompleteTaskMutation);
  if (!complete || data.done) return null;
  const taskId = data.id;
  const title = data.title;

  const overdue = data.dueOn !== null && data.dueOn < today;
  const dueToday = data.dueOn === today;
  const target = data.company
    ? { to: `/companies/${data.company.id}`, label: data.company.name }
    : data.mission
      ? { to: `/missions/${data.mission.id}`, label: data.mission.name }
      : data.deal
        ? { to: `/pipeline?deal=${data.deal.id}`, label: data.deal.title }
        : null;

  async function onComplete() {
    try {
      const { data: result } = await completeTask({
        variables: { input: { taskId } },
        update(cache, { data: payload }) {
          const done = payload?.completeTask.task;
          if (!done?.done) return;
          // The task leaves every cached list of open tasks at once.
          cache.modify({
            fields: {
              tasks(existing, { readField }) {
                const connection = existing as { nodes?: readonly unknown[]; totalCount?: number };
                if (!connection.nodes) return existing;
                const nodes = connection.nodes.filter((ref) => readField('id', ref as never) !== done.id);
                if (nodes.length === connection.nodes.length) return existing;
                return { ...connection, nodes, totalCount: Math.max(0, (connection.totalCount ?? 1) - 1) };
              },
            },
          });
        },
      });
      const errors = result?.completeTask.userErrors ?? [];
      if (errors.length > 0) onFailed(errors.map((e) => e.message).join(' '));
      else onCompleted(title);
    } catch {
      onFailed(t('tasks.completeFailed'));
    }
  }

  return (
    <li className={classNames('dash-task', overdue && 'dash-task--overdue')}>
      {editable && (
        <button
          type="button"
          className="dash-task__check"
          aria-label={t('tasks.complete', { title: data.title })}
          title={t('tasks.completeShort')}
          disabled={loading}
          aria-busy={loading || undefined}
          onClick={() => void onComplete()}
        >
          <CheckIcon />
        </button>
      )}
      <div className="dash-task__body">
        <p className="dash-task__title">{data.title}</p>
        {target && (
          <Link className="dash-task__link" to={target.to}>
            {target.label}
          </Link>
        )}
      </div>
      <div className="dash-task__due">
        {data.dueOn ? (
          <>
            {overdue && <Badge tone="danger">{t('tasks.overdue')}</Badge>}
            {dueToday && <Badge tone="warning">{t('tasks.today')}</Badge>}
            <time dateTime={data.dueOn} className="dash-task__date">
              {formatDate(parseIsoDay(data.dueOn), { day: 'numeric', month: 'short' })}
            </time>
          </>
        ) : (
          <span className="dash-task__date">{t('tasks.noDueDate')}</span>
        )}
      </div>
    </li>
  );
}

export interface MyTasksProps {
  tasks: readonly ({ id: string } & FragmentType<typeof TaskItemFragment>)[];
  totalCount: number;
  today: string;
  editable: boolean;
}

export function MyTasks({ tasks, totalCount, today, editable }: MyTasksProps) {
  const { t } = useTranslation('dashboard');
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <>
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      {failure && (
        <p className="dash-inline-error" role="alert">
          {failure}
        </p>
      )}
      <ul className="dash-tasks">
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            today={today}
            editable={editable}
            onCompleted={(title) => {
              setFailure(null);
              setAnnouncement(t('tasks.completed', { title }));
            }}
            onFailed={setFailure}
          />
        ))}
      </ul>
      {totalCount > tasks.length && (
        <p className="dash-more">{t('tasks.more', { count: totalCount - tasks.length })}</p>
      )}
    </>
  );
}
