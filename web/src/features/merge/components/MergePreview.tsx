import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { graphql } from '../../../gql';
import type { MergePreview_ConflictFragment, MergePreview_MoveFragment } from '../../../gql/graphql';

/** @public A document graphql-codegen reads; both preview queries select it unmasked (a move has no id). */
export const MergePreviewMoveFragment = graphql(`
  fragment MergePreview_move on MergeMove {
    relation
    count
  }
`);

/** @public A document graphql-codegen reads; the companies' preview selects it unmasked (no id either). */
export const MergePreviewConflictFragment = graphql(`
  fragment MergePreview_conflict on MergeConflict {
    kind
    label
    count
    keptStatus
    keptName
  }
`);

export interface MergePreviewProps {
  moves: readonly MergePreview_MoveFragment[];
  conflicts?: readonly MergePreview_ConflictFragment[];
  /** Why the merge would be refused, as the server says. */
  refusals: readonly string[];
  /** What the kept record gains from the others (brands, languages), already labelled. */
  united?: string | null;
  /** A newer preview is on its way. */
  updating: boolean;
}

/** What the merge would do: counts per relation moved, records that become one, refusals. */
export function MergePreview({ moves, conflicts = [], refusals, united, updating }: MergePreviewProps) {
  const { t } = useTranslation('merge');
  const titleId = useId();
  const moved = moves.filter((move) => move.count > 0);
  return (
    <section className="merge-preview" aria-labelledby={titleId} aria-busy={updating}>
      <h3 id={titleId} className="merge-preview__title">
        {t('dialog.preview')}
        {updating && <span className="merge-preview__updating"> · {t('dialog.previewLoading')}</span>}
      </h3>
      {refusals.length > 0 && <ErrorMessage title={t('dialog.refused')}>{refusals.join(' ')}</ErrorMessage>}
      <h4 className="merge-preview__subtitle">{t('dialog.moves')}</h4>
      {moved.length > 0 ? (
        <dl className="merge-preview__moves">
          {moved.map((move) => (
            <div key={move.relation} className="merge-preview__move">
              <dt>{t(`relations.${move.relation}`)}</dt>
              <dd>{move.count}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="merge-preview__none">{t('dialog.noMoves')}</p>
      )}
      {united && <p className="merge-preview__united">{united}</p>}
      {conflicts.length > 0 && (
        <>
          <h4 className="merge-preview__subtitle">{t('dialog.conflicts')}</h4>
          <ul className="merge-preview__conflicts">
            {conflicts.map((conflict) => (
              <li key={`${conflict.kind}-${conflict.label}`}>
                {conflict.kind === 'SAME_MISSION'
                  ? t('conflicts.SAME_MISSION', {
                      label: conflict.label,
                      count: conflict.count,
                      status: conflict.keptStatus ? t(`statuses.${conflict.keptStatus}`) : '—',
                    })
                  : t('conflicts.SAME_EMAIL', {
                      label: conflict.label,
                      count: conflict.count,
                      name: conflict.keptName ?? '—',
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
