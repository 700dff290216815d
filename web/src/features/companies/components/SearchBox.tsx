import { useId } from 'react';
import { IconButton } from '../../../components/ui/IconButton';

export interface SearchBoxProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  clearLabel: string;
}

/** A search field with a magnifier and a clear button; the label stays visible. */
export function SearchBox({ label, placeholder, value, onChange, clearLabel }: SearchBoxProps) {
  const id = useId();
  return (
    <div className="search-box ui-field">
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="search-box__control">
        <svg className="search-box__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4-1.3 1.3-4-4A6.5 6.5 0 1 1 8.5 2Zm0 1.8a4.7 4.7 0 1 0 0 9.4 4.7 4.7 0 0 0 0-9.4Z"
          />
        </svg>
        <input
          id={id}
          type="search"
          className="ui-field__input search-box__input"
          placeholder={placeholder}
          value={value}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
        {value && <IconButton className="search-box__clear" label={clearLabel} onClick={() => onChange('')} />}
      </div>
    </div>
  );
}
