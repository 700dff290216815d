import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { graphql } from '../../../gql';

export const MappingStepFragment = graphql(`
  fragment MappingStep_file on ImportFileInfo {
    id
    fileName
    format
    encoding
    separator
    sheet
    rowCount
    columns {
      index
      header
      field
      samples
    }
    fields {
      field
      label
      required
    }
  }
`);

export interface MappingStepProps {
  file: FragmentType<typeof MappingStepFragment>;
  mapping: (string | null)[];
  onChange: (mapping: (string | null)[]) => void;
  onCheck: () => void;
  onAnotherFile: () => void;
}

/** Step 2: a field (or nothing) per column of the file, proposed by the server, editable. */
export function MappingStep({ file: ref, mapping, onChange, onCheck, onAnotherFile }: MappingStepProps) {
  const { t } = useTranslation('import');
  const { data: file, complete } = useFragment({ fragment: MappingStepFragment, from: ref });
  if (!complete) return null;
  const missing = file.fields.filter((field) => field.required && !mapping.includes(field.field));

  function choose(index: number, value: string) {
    const next = [...mapping];
    const field = value === '' ? null : value;
    // A field fills one column: choosing it here frees it elsewhere.
    if (field) for (let i = 0; i < next.length; i++) if (next[i] === field) next[i] = null;
    next[index] = field;
    onChange(next);
  }

  return (
    <div className="import-map">
      <p className="import-muted">
        {t('map.file', { name: file.fileName, count: file.rowCount, format: file.format })}
        {file.encoding ? ` · ${file.encoding}` : ''}
        {file.separator ? ` · « ${file.separator === '\t' ? 'tab' : file.separator} »` : ''}
        {file.sheet ? ` · ${file.sheet}` : ''}
      </p>
      <table className="import-table">
        <caption className="import-sr-only">{t('map.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.column')}</th>
            <th scope="col">{t('map.samples')}</th>
            <th scope="col">{t('map.field')}</th>
          </tr>
        </thead>
        <tbody>
          {file.columns.map((column) => (
            <tr key={column.index}>
              <th scope="row">{column.header || `#${column.index + 1}`}</th>
              <td className="import-muted">{column.samples.filter(Boolean).join(' · ')}</td>
              <td>
                <select
                  className="ui-field__input ui-field__select"
                  aria-label={t('map.fieldOf', { header: column.header || `#${column.index + 1}` })}
                  value={mapping[column.index] ?? ''}
                  onChange={(event) => choose(column.index, event.target.value)}
                >
                  <option value="">{t('map.ignore')}</option>
                  {file.fields.map((field) => (
                    <option key={field.field} value={field.field}>
                      {field.required ? t('map.required', { label: field.label }) : field.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p role="status" className="import-warning">
          {t('map.missing', { fields: missing.map((field) => field.label).join(', ') })}
        </p>
      )}
      <div className="import-buttons">
        <Button variant="secondary" onClick={onAnotherFile}>
          {t('map.another')}
        </Button>
        <Button onClick={onCheck} disabled={missing.length > 0}>
          {t('map.check')}
        </Button>
      </div>
    </div>
  );
}
