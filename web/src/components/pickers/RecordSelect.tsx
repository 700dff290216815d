import { SelectField, type SelectFieldProps } from '../ui/SelectField';

export interface RecordOption {
  id: string;
  label: string;
}

export interface RecordSelectProps extends Omit<SelectFieldProps, 'options' | 'value' | 'onChange'> {
  /** The chosen record's id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
}

/**
 * A select over records a query loaded: disabled until they arrive, and offering the record's
 * current choice even when the list lacks it (deactivated, older than the list goes).
 */
export function RecordSelect({
  records,
  loading,
  current,
  currentFirst = false,
  value,
  onChange,
  disabled,
  ...rest
}: RecordSelectProps & {
  /** Undefined while the query has no data yet. */
  records: readonly RecordOption[] | undefined;
  loading: boolean;
  current?: RecordOption | null;
  /** Put a missing current record at the top rather than the bottom. */
  currentFirst?: boolean;
}) {
  const options = (records ?? []).map((record) => ({ value: record.id, label: record.label }));
  if (current && !options.some((option) => option.value === current.id)) {
    const option = { value: current.id, label: current.label };
    if (currentFirst) options.unshift(option);
    else options.push(option);
  }
  return (
    <SelectField
      {...rest}
      value={value}
      options={options}
      disabled={disabled || (loading && !records)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
