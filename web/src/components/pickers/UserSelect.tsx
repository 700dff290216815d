import { useQuery } from '@apollo/client/react';
import { SelectField, type SelectFieldProps } from '../ui/SelectField';
import { UserSelectQuery } from './graphql';

export interface UserSelectProps extends Omit<SelectFieldProps, 'options' | 'value' | 'onChange'> {
  /** The chosen user's id, or '' for none. */
  value: string;
  onChange: (userId: string) => void;
  /** The record's current user, offered even when deactivated (absent from the active list). */
  current?: { id: string; fullName: string } | null;
}

/** A select of the agency's active users (owners, account managers, assignees), by name. */
export function UserSelect({ value, onChange, current, disabled, ...rest }: UserSelectProps) {
  const { data, loading } = useQuery(UserSelectQuery);
  const options = (data?.users.nodes ?? []).map((user) => ({ value: user.id, label: user.fullName }));
  if (current && !options.some((option) => option.value === current.id)) {
    options.push({ value: current.id, label: current.fullName });
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
