import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/ui/Spinner';
import { useSectorName } from '../../../lib/i18n/useSectorName';
import { MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { CompanySectorsQuery } from '../graphql/companies';

export interface SectorCheckboxesProps {
  legend: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
}

/** The agency's sectors as a group of checkboxes: a company works in several. */
export function SectorCheckboxes({ legend, value, onChange, error }: SectorCheckboxesProps) {
  const { t } = useTranslation('companies');
  const errorId = useId();
  const sectorName = useSectorName();
  const { data, loading, error: loadError } = useQuery(CompanySectorsQuery, { variables: { first: MAX_PAGE_SIZE } });
  const sectors = data?.sectors.nodes ?? [];

  return (
    <fieldset
      className="company-form__sectors"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="ui-field__label">{legend}</legend>
      {loading && !data ? (
        <Spinner size="small" label={t('form.sectorsLoading')} />
      ) : loadError ? (
        <p className="companies__muted">{t('form.sectorsError')}</p>
      ) : sectors.length === 0 ? (
        <p className="companies__muted">{t('form.noSectors')}</p>
      ) : (
        <div className="company-form__sector-grid">
          {sectors.map((sector) => (
            <label key={sector.id} className="company-form__check">
              <input
                type="checkbox"
                checked={value.includes(sector.id)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...value, sector.id] : value.filter((id) => id !== sector.id))
                }
              />
              <span>{sectorName(sector)}</span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
