import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { TextField } from '../../../components/ui/TextField';
import type { StageCategory, StagesEditor_PipelineFragment } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { StagesEditorFragment, UpdatePipelineStagesMutation } from '../graphql/pipelines';

const CATEGORIES: readonly StageCategory[] = ['OPEN', 'WON', 'LOST'];

interface DraftStage {
  key: string;
  id: string | null;
  name: string;
  category: StageCategory;
  probability: string;
  retired: boolean;
}

function toDraft(pipeline: StagesEditor_PipelineFragment): DraftStage[] {
  return [...pipeline.stages]
    .sort((a, b) => a.position - b.position)
    .map((stage) => ({
      key: stage.id,
      id: stage.id,
      name: stage.name,
      category: stage.category,
      probability: String(stage.probability),
      retired: stage.retired,
    }));
}

export function StagesEditor({ pipeline }: { pipeline: FragmentType<typeof StagesEditorFragment> }) {
  const { data, complete } = useFragment({ fragment: StagesEditorFragment, from: pipeline });
  const [saved, setSaved] = useState(false);
  if (!complete) return null;
  // Saved data (new ids, positions) starts a fresh draft.
  return <Editor key={JSON.stringify(data)} pipeline={data} saved={saved} onSavedChange={setSaved} />;
}

let newKeys = 0;

interface EditorProps {
  pipeline: StagesEditor_PipelineFragment;
  /** Kept by the parent: a successful save re-creates the editor from the saved data. */
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}

function Editor({ pipeline, saved, onSavedChange: setSaved }: EditorProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const initial = useRef(toDraft(pipeline));
  const [stages, setStages] = useState<DraftStage[]>(initial.current);
  const [name, setName] = useState(pipeline.name);
  const [isDefault, setIsDefault] = useState(pipeline.isDefault);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);
  const [focusNew, setFocusNew] = useState<string | null>(null);
  const [update] = useMutation(UpdatePipelineStagesMutation);
  const form = useMutationForm([
    'name',
    ...stages.flatMap((_, i) => [`stages.${i}.name`, `stages.${i}.probability`, `stages.${i}.category`]),
  ]);
  const { errors: fieldErrors, formErrors, saving: loading } = form;

  const dirty =
    name !== pipeline.name ||
    isDefault !== pipeline.isDefault ||
    JSON.stringify(stages) !== JSON.stringify(initial.current);

  // Keyboard users keep their place: after a move, focus follows the stage that moved.
  useEffect(() => {
    if (!focusAfterMove || !listRef.current) return;
    const row = listRef.current.querySelector<HTMLElement>(`[data-stage="${focusAfterMove.key}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.direction}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
    button?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  useEffect(() => {
    if (!focusNew || !listRef.current) return;
    listRef.current.querySelector<HTMLInputElement>(`[data-stage="${focusNew}"] input[type="text"]`)?.focus();
    setFocusNew(null);
  }, [focusNew]);

  function patch(key: string, change: Partial<DraftStage>) {
    setSaved(false);
    setStages((current) => current.map((stage) => (stage.key === key ? { ...stage, ...change } : stage)));
  }

  function move(index: number, direction: 'up' | 'down') {
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= stages.length) return;
    const next = [...stages];
    const [stage] = next.splice(index, 1);
    next.splice(target, 0, stage);
    setStages(next);
    setSaved(false);
    setFocusAfterMove({ key: stage.key, direction });
  }

  function remove(key: string) {
    setSaved(false);
    setStages((current) => current.filter((stage) => stage.key !== key));
  }

  function add() {
    newKeys += 1;
    const key = `new-${newKeys}`;
    // A new step goes before the closing (WON/LOST) stages, where the work happens.
    const closing = stages.findIndex((stage) => stage.category !== 'OPEN');
    const at = closing === -1 ? stages.length : closing;
    const next = [...stages];
    next.splice(at, 0, { key, id: null, name: '', category: 'OPEN', probability: '50', retired: false });
    setStages(next);
    setSaved(false);
    setFocusNew(key);
  }

  function discard() {
    setStages(initial.current);
    setName(pipeline.name);
    setIsDefault(pipeline.isDefault);
    form.reset();
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = tc('common.required');
    stages.forEach((stage, index) => {
      if (!stage.name.trim()) local[`stages.${index}.name`] = tc('common.required');
      const probability = Number(stage.probability);
      if (stage.probability.trim() === '' || !Number.isInteger(probability) || probability < 0 || probability > 100)
        local[`stages.${index}.probability`] = t('pipelines.probabilityRange');
    });
    await form.submit(
      async () => {
        const { data } = await update({
          variables: {
            input: {
              pipelineId: pipeline.id,
              name: name.trim() !== pipeline.name ? name.trim() : undefined,
              isDefault: isDefault !== pipeline.isDefault ? isDefault : undefined,
              stages: stages.map((stage) => ({
                id: stage.id ?? undefined,
                name: stage.name.trim(),
                category: stage.category,
                probability: Number(stage.probability),
                retired: stage.retired,
              })),
            },
          },
          // Another pipeline may have stopped being the default.
          refetchQueries: isDefault !== pipeline.isDefault ? ['AdminPipelines'] : undefined,
        });
        return data?.updatePipelineStages;
      },
      { check: local, onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form
      className="ui-stack ui-stack--tight stages"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-labelledby={headingId}
    >
      <header className="stages__header">
        <h2 id={headingId} className="stages__title">
          {pipeline.name}
        </h2>
        {pipeline.isDefault && <Badge tone="info">{t('pipelines.default')}</Badge>}
        <span className="admin-muted">
          {t('pipelines.stageCount', { count: pipeline.stages.filter((stage) => !stage.retired).length })}
        </span>
      </header>
      <div className="stages__settings">
        <TextField
          label={t('pipelines.name')}
          value={name}
          onChange={(event) => {
            setSaved(false);
            setName(event.target.value);
          }}
          error={fieldErrors.name}
          className="stages__name"
        />
        <label className="admin-check">
          <input
            type="checkbox"
            checked={isDefault}
            disabled={pipeline.isDefault}
            onChange={(event) => {
              setSaved(false);
              setIsDefault(event.target.checked);
            }}
          />
          {t('pipelines.isDefault')}
        </label>
      </div>

      {formErrors.length > 0 && <ErrorMessage title={t('pipelines.refused')}>{formErrors.join(' ')}</ErrorMessage>}

      <div className="stages__head" aria-hidden="true">
        <span>#</span>
        <span>{t('pipelines.stage')}</span>
        <span>{t('pipelines.category')}</span>
        <span>{t('pipelines.probability')}</span>
        <span>{t('pipelines.retired')}</span>
        <span />
      </div>
      <ol ref={listRef} className="stages__list" aria-label={t('pipelines.stagesOf', { name: pipeline.name })}>
        {stages.map((stage, index) => {
          const label = stage.name.trim() || t('pipelines.newStage');
          const nameError = fieldErrors[`stages.${index}.name`];
          const probabilityError = fieldErrors[`stages.${index}.probability`];
          const categoryError = fieldErrors[`stages.${index}.category`];
          const errorId = `${headingId}-stage-${stage.key}-error`;
          const hasError = Boolean(nameError || probabilityError || categoryError);
          return (
            <li
              key={stage.key}
              data-stage={stage.key}
              className={`stages__row${stage.retired ? ' stages__row--retired' : ''}${hasError ? ' stages__row--invalid' : ''}`}
            >
              <span className="stages__position" aria-hidden="true">
                {index + 1}
              </span>
              <input
                type="text"
                className="ui-field__input"
                aria-label={t('pipelines.stageName', { position: index + 1 })}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={hasError ? errorId : undefined}
                value={stage.name}
                onChange={(event) => patch(stage.key, { name: event.target.value })}
              />
              <select
                className="ui-field__input"
                aria-label={t('pipelines.categoryOf', { name: label })}
                aria-invalid={categoryError ? true : undefined}
                value={stage.category}
                onChange={(event) => patch(stage.key, { category: event.target.value as StageCategory })}
              >
                {CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`pipelines.categories.${category}`)}
                  </option>
                ))}
              </select>
              <span className="stages__probability">
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  inputMode="numeric"
                  className="ui-field__input"
                  aria-label={t('pipelines.probabilityOf', { name: label })}
                  aria-invalid={probabilityError ? true : undefined}
                  aria-describedby={hasError ? errorId : undefined}
                  value={stage.probability}
                  onChange={(event) => patch(stage.key, { probability: event.target.value })}
                />
                <span aria-hidden="true">%</span>
              </span>
              <span className="stages__retired">
                <input
                  type="checkbox"
                  aria-label={t('pipelines.retireStage', { name: label })}
                  checked={stage.retired}
                  onChange={(event) => patch(stage.key, { retired: event.target.checked })}
                />
                {stage.id === null && <Badge tone="info">{t('pipelines.new')}</Badge>}
              </span>
              <span className="stages__tools">
                <button
                  type="button"
                  className="stages__icon"
                  data-move="up"
                  aria-label={t('pipelines.moveUp', { name: label })}
                  disabled={index === 0}
                  onClick={() => move(index, 'up')}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="stages__icon"
                  data-move="down"
                  aria-label={t('pipelines.moveDown', { name: label })}
                  disabled={index === stages.length - 1}
                  onClick={() => move(index, 'down')}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="stages__icon stages__icon--danger"
                  aria-label={t('pipelines.removeStage', { name: label })}
                  onClick={() => remove(stage.key)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
              {hasError && (
                <p id={errorId} className="stages__error">
                  {[nameError, categoryError, probabilityError].filter(Boolean).join(' ')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="stages__hint">{t('pipelines.removeHint')}</p>
      <div className="stages__footer">
        <Button variant="secondary" size="small" onClick={add}>
          {t('pipelines.addStage')}
        </Button>
        <span className="stages__status" aria-live="polite">
          {saved && !dirty ? t('pipelines.saved') : dirty ? t('pipelines.unsaved') : ''}
        </span>
        <Button variant="ghost" disabled={!dirty || loading} onClick={discard}>
          {t('pipelines.discard')}
        </Button>
        <Button type="submit" disabled={!dirty} loading={loading}>
          {t('pipelines.save')}
        </Button>
      </div>
    </form>
  );
}
