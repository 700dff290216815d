import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { FilterBar } from '../../../components/ui/FilterBar';
import { PipelineCompanyNameQuery } from '../graphql/board';
import { MissionSelect } from './MissionSelect';

export interface BoardFilterValues {
  owner: string;
  mission: string;
  exporter: string;
}

export interface BoardFiltersProps {
  values: BoardFilterValues;
  onChange: (values: Partial<BoardFilterValues>) => void;
}

/** Owner, mission and exporter: kept in the URL, applied by the server to every column. */
export function BoardFilters({ values, onChange }: BoardFiltersProps) {
  const { t } = useTranslation('pipeline');
  // The URL holds the exporter's id only: its name comes from the server.
  const { data } = useQuery(PipelineCompanyNameQuery, {
    variables: { id: values.exporter },
    skip: !values.exporter,
  });
  const exporter = values.exporter && data?.company ? { id: data.company.id, name: data.company.name } : null;
  // Clearing remounts the picker, so its text empties too.
  const [pickerKey, setPickerKey] = useState(0);
  const active = Boolean(values.owner || values.mission || values.exporter);

  return (
    <FilterBar
      label={t('filters.legend')}
      variant="plain"
      className="board-filters"
      clear={
        active
          ? {
              label: t('filters.clear'),
              onClear: () => {
                setPickerKey((key) => key + 1);
                onChange({ owner: '', mission: '', exporter: '' });
              },
            }
          : null
      }
    >
      <UserSelect
        label={t('filters.owner')}
        placeholder={t('filters.allOwners')}
        value={values.owner}
        onChange={(owner) => onChange({ owner })}
      />
      <MissionSelect
        label={t('filters.mission')}
        placeholder={t('filters.allMissions')}
        value={values.mission}
        onChange={(mission) => onChange({ mission })}
      />
      <CompanyPicker
        key={pickerKey}
        label={t('filters.exporter')}
        kinds={['EXPORTER']}
        value={exporter}
        onChange={(company) => onChange({ exporter: company?.id ?? '' })}
      />
    </FilterBar>
  );
}
