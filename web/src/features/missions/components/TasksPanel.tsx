import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConnectionPager } from '../../../components/ui/ConnectionPager';
import { classNames } from '../../../components/ui/classNames';
import { EmptyState } from '../../../components/ui/EmptyState';
import { FormDialog } from '../../../components/ui/FormDialog';
import { Panel } from '../../../components/ui/Panel';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { graphql } from '../../../gql';
import { today } from '../../../lib/dates/local';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { useListPage } from '../../../lib/pagination/useListPage';
import { CompleteTaskMutation } from '../../../lib/tasks/completeTask';
import { CreateMissionTaskMutation, MissionTasksQuery } from '../graphql/tasks';
import { useMissionFormat } from '../hooks/useMissionFormat';

export const MissionTaskItemFragment = graphql(`
  fragment MissionTaskItem_task on Task {
    id
    title
    dueOn
    done
    doneAt
    notes
    assignee {
      id
      fullName
    }
  }
`);

export function TasksPanel({ missionId, editable }: { missionId: string; editable: boolean }) {
  const { t } = useTranslation('missions');
  const [showDone, setShowDone] = useState(false);
  const [creating, setCreating] = useState(false);
  const filter = { missionIds: [missionId], ...(showDone ? {} : { done: false }) };
  const page = useListPage(filter);
  const { data, previousData, loading, error, refetch } = useQuery(MissionTasksQuery, {
    variables: { filter, ...page.variables },
  });
  const shown = data ?? previousData;

  return (
    <Panel
      title={t('tasks.title')}
      actions={editable && <Button onClick={() => setCreating(true)}>{t('tasks.new')}</Button>}
    >
      <label className="missions-checkbox">
        <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
        {t('tasks.showDone')}
      </label>
      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !shown ? (
        <Spinner label={t('tasks.loading')} />
      ) : shown.tasks.nodes.length === 0 ? (
        <EmptyState
          title={showDone ? t('tasks.emptyAll') : t('tasks.emptyOpen')}
          action={
            editable && (
              <Button variant="secondary" onClick={() => setCreating(true)}>
                {t('tasks.new')}
              </Button>
            )
          }
        >
          {t('tasks.emptyText')}
        </EmptyState>
      ) : (
        <>
          <ul className={classNames('missions-tasks', loading && 'missions-tasks--busy')} aria-label={t('tasks.title')}>
            {shown.tasks.nodes.map((task) => (
              <TaskItem key={task.id} task={task} editable={editable} />
            ))}
          </ul>
          <ConnectionPager
            connection={shown.tasks}
            page={page}
            summary={t('tasks.count', { count: shown.tasks.totalCount })}
          />
        </>
      )}
      {creating && <CreateTaskDialog missionId={missionId} onClose={() => setCreating(false)} />}
    </Panel>
  );
}

function TaskItem({ task: ref, editable }: { task: FragmentType<typeof MissionTaskItemFragment>; editable: boolean }) {
  const { data: task, complete: loaded } = useFragment({ fragment: MissionTaskItemFragment, from: ref });
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [complete, { loading }] = useMutation(CompleteTaskMutation);
  const [error, setError] = useState<string | null>(null);
  if (!loaded) return null;
  const taskId = task.id;
  const overdue = !task.done && task.dueOn !== null && task.dueOn < today();

  async function done() {
    setError(null);
    try {
      const result = await complete({
        variables: { input: { taskId } },
        refetchQueries: ['MissionTasks'],
      });
      const errors = result.data?.completeTask.userErrors ?? [];
      if (errors.length > 0) setError(errors.map((e) => e.message).join(' '));
    } catch {
      setError(tc('errors.generic'));
    }
  }

  return (
    <li className={classNames('missions-task', task.done && 'missions-task--done')}>
      <div className="missions-task__main">
        <span className="missions-task__title">{task.title}</span>
        <span className="missions-muted">
          {task.dueOn ? t('tasks.due', { date: fmt.formatDay(task.dueOn) }) : ''}
          {' · '}
          {task.assignee.fullName}
        </span>
        {task.notes && <span className="missions-task__notes">{task.notes}</span>}
        {error && (
          <span role="alert" className="ui-field__error">
            {error}
          </span>
        )}
      </div>
      <div className="missions-task__side">
        {task.done ? (
          <Badge tone="success">{t('tasks.done')}</Badge>
        ) : overdue ? (
          <Badge tone="danger">{t('tasks.overdue')}</Badge>
        ) : null}
        {editable && !task.done && (
          <Button
            size="small"
            variant="secondary"
            loading={loading}
            aria-label={t('tasks.completeTask', { title: task.title })}
            onClick={() => void done()}
          >
            {t('tasks.complete')}
          </Button>
        )}
      </div>
    </li>
  );
}

function CreateTaskDialog({ missionId, onClose }: { missionId: string; onClose: () => void }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(today());
  const [assigneeId, setAssigneeId] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, formErrors, saving, submit: send } = useMutationForm(['title', 'dueOn', 'assigneeId', 'notes']);
  const [create] = useMutation(CreateMissionTaskMutation);

  function submit() {
    return send(
      async () => {
        const result = await create({
          variables: {
            input: {
              missionId,
              title: title.trim(),
              dueOn,
              assigneeId: assigneeId || null,
              notes: notes.trim() || null,
            },
          },
          refetchQueries: ['MissionTasks'],
        });
        return result.data?.createTask;
      },
      {
        check: {
          title: title.trim() ? undefined : tc('common.required'),
          dueOn: dueOn ? undefined : tc('common.required'),
        },
        onSuccess: onClose,
      },
    );
  }

  return (
    <FormDialog
      onClose={onClose}
      title={t('tasks.newTitle')}
      onSubmit={submit}
      submitLabel={tc('common.create')}
      saving={saving}
      formErrors={formErrors}
      formClassName="missions-form"
    >
      <TextField
        label={t('tasks.taskTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
        required
      />
      <div className="missions-form__row">
        <TextField
          type="date"
          label={t('tasks.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={errors.dueOn}
          required
        />
        <UserSelect
          label={t('tasks.assignee')}
          value={assigneeId}
          onChange={setAssigneeId}
          placeholder={t('tasks.assigneeMe')}
          error={errors.assigneeId}
        />
      </div>
      <TextAreaField label={t('tasks.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
    </FormDialog>
  );
}
