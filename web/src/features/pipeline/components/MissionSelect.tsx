import { useQuery } from '@apollo/client/react';
import { SelectField, type SelectFieldProps } from '../../../components/ui/SelectField';
import { PipelineMissionOptionsQuery } from '../graphql/board';

export interface MissionSelectProps extends Omit<SelectFieldProps, 'options' | 'value' | 'onChange'> {
  value: string;
  onChange: (missionId: string) => void;
  /** A mission already chosen that the list may not hold (older than the last 100). */
  current?: { id: string; name: string } | null;
}

/** A select of the agency's missions, latest first. */
export function MissionSelect({ value, onChange, current, disabled, ...rest }: MissionSelectProps) {
  const { data, loading } = useQuery(PipelineMissionOptionsQuery);
  const missions = data?.missions.nodes ?? [];
  const options = missions.map((mission) => ({ value: mission.id, label: mission.name }));
  if (current && !missions.some((mission) => mission.id === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <SelectField
      {...rest}
      value={value}
      options={options}
      disabled={disabled || (loading && !data)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
