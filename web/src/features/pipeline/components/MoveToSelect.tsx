import { useTranslation } from 'react-i18next';
import type { StageRef } from '../types';

export interface MoveToSelectProps {
  dealTitle: string;
  currentStageId: string;
  stages: readonly StageRef[];
  onMove: (stage: StageRef) => void;
  disabled?: boolean;
}

/** The non-drag way to move a deal: a compact select of the other stages. */
export function MoveToSelect({ dealTitle, currentStageId, stages, onMove, disabled }: MoveToSelectProps) {
  const { t } = useTranslation('pipeline');
  return (
    <select
      className="move-to"
      aria-label={t('move.label', { title: dealTitle })}
      value=""
      disabled={disabled}
      onChange={(event) => {
        const stage = stages.find((candidate) => candidate.id === event.target.value);
        if (stage) onMove(stage);
      }}
    >
      <option value="" disabled>
        {t('move.placeholder')}
      </option>
      {stages
        .filter((stage) => stage.id !== currentStageId)
        .map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
    </select>
  );
}
