import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { classNames } from '../../../components/ui/classNames';

export interface MergeRecord {
  id: string;
  title: string;
  /** A line under the title: where the record is, when it was created. */
  subtitle?: string;
}

export interface MergeFieldRow {
  key: string;
  label: string;
  /** The value each record has, by record id; null when empty. */
  values: Record<string, string | null>;
}

export interface MergeChoicesProps {
  records: readonly MergeRecord[];
  keepId: string;
  onKeep: (id: string) => void;
  rows: readonly MergeFieldRow[];
  /** The record whose value each field keeps, by field key (the kept record's when absent). */
  choices: Readonly<Record<string, string | undefined>>;
  onChoose: (field: string, recordId: string) => void;
  disabled?: boolean;
}

/**
 * The records side by side: a radio per record chooses the one kept, then a radio group per
 * field chooses whose value the kept record takes. Fields whose values differ stand out.
 */
export function MergeChoices({ records, keepId, onKeep, rows, choices, onChoose, disabled }: MergeChoicesProps) {
  const { t } = useTranslation('merge');
  const id = useId();
  const columns = { gridTemplateColumns: `minmax(7rem, 9rem) repeat(${records.length}, minmax(0, 1fr))` };

  return (
    <div className="merge-choices">
      <div
        role="radiogroup"
        aria-labelledby={`${id}-keep`}
        className="merge-choices__row merge-choices__head"
        style={columns}
      >
        <span id={`${id}-keep`} className="merge-choices__label">
          {t('dialog.keepLegend')}
        </span>
        {records.map((record) => {
          const kept = record.id === keepId;
          return (
            <label
              key={record.id}
              className={classNames('merge-choices__record', kept && 'merge-choices__record--kept')}
            >
              <span className="merge-choices__option">
                <input
                  type="radio"
                  name={`${id}-keep`}
                  checked={kept}
                  disabled={disabled}
                  onChange={() => onKeep(record.id)}
                  aria-label={t('dialog.keep', { name: record.title })}
                />
                <strong className="merge-choices__title">{record.title}</strong>
              </span>
              {record.subtitle && <span className="merge-choices__subtitle">{record.subtitle}</span>}
              <Badge tone={kept ? 'success' : 'neutral'}>{kept ? t('dialog.kept') : t('dialog.archived')}</Badge>
            </label>
          );
        })}
      </div>
      <p className="merge-choices__caption">{t('dialog.fieldsLegend')}</p>
      {rows.map((row) => {
        const chosen = choices[row.key] ?? keepId;
        const distinct = new Set(records.map((record) => row.values[record.id] ?? '')).size > 1;
        return (
          <div
            key={row.key}
            role="radiogroup"
            aria-labelledby={`${id}-${row.key}`}
            className={classNames('merge-choices__row', distinct && 'merge-choices__row--differs')}
            style={columns}
          >
            <span id={`${id}-${row.key}`} className="merge-choices__label">
              {row.label}
            </span>
            {records.map((record) => {
              const value = row.values[record.id];
              return (
                <label key={record.id} className="merge-choices__option merge-choices__value">
                  <input
                    type="radio"
                    name={`${id}-${row.key}`}
                    checked={chosen === record.id}
                    disabled={disabled}
                    onChange={() => onChoose(row.key, record.id)}
                  />
                  <span className={classNames(!value && 'merge-choices__empty')}>{value || t('dialog.empty')}</span>
                </label>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
