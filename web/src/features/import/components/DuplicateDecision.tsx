import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { DuplicateDecision_RowFragment, ImportDecisionAction } from '../../../gql/graphql';

/** @public A document graphql-codegen reads; PreviewStep_row spreads it unmasked (an import row has no id). */
export const DuplicateDecisionRowFragment = graphql(`
  fragment DuplicateDecision_row on ImportRow {
    row
    name
    candidates {
      id
      row
      name
      country
      city
      website
      email
      similarity
    }
  }
`);

export interface Decision {
  action: ImportDecisionAction;
  targetId?: string | null;
}

export interface DuplicateDecisionProps {
  row: DuplicateDecision_RowFragment;
  /** The row's cells by header, to show what the file says next to the records it resembles. */
  details: string;
  decision: Decision | undefined;
  onDecide: (decision: Decision) => void;
}

/** A possible duplicate: the row, the records it resembles, and the choice (link, create anyway, skip). */
export function DuplicateDecision({ row, details, decision, onDecide }: DuplicateDecisionProps) {
  const { t } = useTranslation('import');
  const name = `decision-${row.row}`;
  const value = decision ? `${decision.action}:${decision.targetId ?? ''}` : '';
  const percent = (similarity: number) => Math.round(similarity * 100);

  return (
    <fieldset className="import-duplicate">
      <legend>{t('preview.decisionFor', { row: row.row, name: row.name })}</legend>
      <p className="import-muted">
        {t('preview.fileRow', { row: row.row })}: {details}
      </p>
      <ul className="import-duplicate__options">
        {row.candidates.map((candidate) =>
          candidate.id ? (
            <li key={candidate.id}>
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={value === `LINK:${candidate.id}`}
                  onChange={() => onDecide({ action: 'LINK', targetId: candidate.id })}
                />{' '}
                {t('preview.linkTo', { name: candidate.name })}
                <span className="import-muted">
                  {' '}
                  — {t('preview.inCrm')}:{' '}
                  {[candidate.city, candidate.country, candidate.website, candidate.email].filter(Boolean).join(', ')}
                  {' · '}
                  {t('preview.similarity', { percent: percent(candidate.similarity) })}
                </span>
              </label>
            </li>
          ) : (
            <li key={`row-${candidate.row}`} className="import-muted">
              {t('preview.fromFile', { row: candidate.row })}: {candidate.name}
              {' · '}
              {t('preview.similarity', { percent: percent(candidate.similarity) })}
            </li>
          ),
        )}
        <li>
          <label>
            <input
              type="radio"
              name={name}
              checked={value === 'CREATE:'}
              onChange={() => onDecide({ action: 'CREATE' })}
            />{' '}
            {t('preview.createAnyway')}
          </label>
        </li>
        <li>
          <label>
            <input type="radio" name={name} checked={value === 'SKIP:'} onChange={() => onDecide({ action: 'SKIP' })} />{' '}
            {t('preview.skip')}
          </label>
        </li>
      </ul>
    </fieldset>
  );
}
