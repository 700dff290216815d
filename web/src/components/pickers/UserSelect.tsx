import { useQuery } from '@apollo/client/react';
import { SelectField, type SelectFieldProps } from '../ui/SelectField';
import { UserSelectQuery } from './graphql';

export interface UserSelectProps extends Omit<SelectFieldProps, 'options' | 'value' | 'onChange'> {
  /** The chosen user's id, or '' for none. */
  value: string;
  onChange: (userId: string) => void;
}

/** A select of the agency's active users (owners, account managers, assignees), by name. */
export function UserSelect({ value, onChange, disabled, ...rest }: UserSelectProps) {
  const { data, loading } = useQuery(UserSelectQuery);
  const options = (data?.users.nodes ?? []).map((user) => ({ value: user.id, label: user.fullName }));
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
