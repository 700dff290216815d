import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { Dialog } from '../../../components/ui/Dialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Pager } from '../../../components/ui/Pager';
import { Panel } from '../../../components/ui/Panel';
import { Spinner } from '../../../components/ui/Spinner';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import type { MissionTasksQuery as Q } from '../../../gql/graphql';
import { splitUserErrors } from '../../../lib/forms/userErrors';
import { useCursorPage } from '../../../lib/pagination/useCursorPage';
import { CompleteMissionTaskMutation, CreateMissionTaskMutation, MissionTasksQuery } from '../graphql/mission';
import { today } from '../hooks/time';
import { useMissionFormat } from '../hooks/useMissionFormat';

type Task = Q['tasks']['nodes'][number];

export function TasksPanel({ missionId, editable }: { missionId: string; editable: boolean }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const [showDone, setShowDone] = useState(false);
  const [creating, setCreating] = useState(false);
  const page = useCursorPage(25);
  const { reset } = page;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is the trigger
  useEffect(() => reset(), [showDone, reset]);
  const { data, previousData, loading, error, refetch } = useQuery(MissionTasksQuery, {
    variables: { filter: { missionIds: [missionId], ...(showDone ? {} : { done: false }) }, ...page.variables },
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
        <ErrorMessage retry={{ label: tc('errors.retry'), onRetry: () => void refetch().catch(() => {}) }}>
          {tc('errors.generic')}
        </ErrorMessage>
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
          <Pager
            summary={t('tasks.count', { count: shown.tasks.totalCount })}
            hasPrevious={page.hasPrevious(shown.tasks.pageInfo)}
            hasNext={page.hasNext(shown.tasks.pageInfo)}
            onPrevious={() => page.previous(shown.tasks.pageInfo)}
            onNext={() => page.next(shown.tasks.pageInfo)}
            labels={{ previous: tc('common.previous'), next: tc('common.next'), navigation: tc('common.pagination') }}
          />
        </>
      )}
      {creating && <CreateTaskDialog missionId={missionId} onClose={() => setCreating(false)} />}
    </Panel>
  );
}

function TaskItem({ task, editable }: { task: Task; editable: boolean }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [complete, { loading }] = useMutation(CompleteMissionTaskMutation);
  const [error, setError] = useState<string | null>(null);
  const overdue = !task.done && task.dueOn !== null && task.dueOn < today();

  async function done() {
    setError(null);
    try {
      const result = await complete({
        variables: { input: { taskId: task.id } },
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [create, { loading }] = useMutation(CreateMissionTaskMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = tc('common.required');
    if (!dueOn) local.dueOn = tc('common.required');
    setErrors(local);
    setFormErrors([]);
    if (Object.keys(local).length > 0) return;
    try {
      const result = await create({
        variables: {
          input: { missionId, title: title.trim(), dueOn, assigneeId: assigneeId || null, notes: notes.trim() || null },
        },
        refetchQueries: ['MissionTasks'],
      });
      const payload = result.data?.createTask;
      if (payload && payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['title', 'dueOn', 'assigneeId', 'notes']);
        setErrors(split.fields);
        setFormErrors(split.form);
        return;
      }
      onClose();
    } catch {
      setFormErrors([tc('errors.generic')]);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('tasks.newTitle')}
      closeLabel={tc('common.close')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" form="mission-task-form" loading={loading}>
            {tc('common.create')}
          </Button>
        </>
      }
    >
      <form id="mission-task-form" className="missions-form" onSubmit={submit} noValidate>
        {formErrors.length > 0 && <ErrorMessage>{formErrors.join(' ')}</ErrorMessage>}
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
      </form>
    </Dialog>
  );
}
