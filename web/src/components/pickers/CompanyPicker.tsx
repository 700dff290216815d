import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyKind } from '../../gql/graphql';
import { classNames } from '../ui/classNames';
import { Field } from '../ui/Field';
import { CompanyPickerSearchQuery } from './graphql';
import './pickers.css';
import { useDebouncedValue } from '../../lib/hooks/useDebouncedValue';
import { PICKER_SUGGESTIONS } from '../../lib/pagination/useListPage';

export interface CompanyOption {
  id: string;
  name: string;
}

export interface CompanyPickerProps {
  label: string;
  value: CompanyOption | null;
  onChange: (company: CompanyOption | null) => void;
  /** Offer only these kinds (EXPORTER for a delegation, BUYER for a counterpart...). */
  kinds?: readonly CompanyKind[];
  error?: string | null;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  className?: string;
}

/**
 * A company combobox (ARIA 1.2 pattern): type a name in any script, a brand, a city or a website
 * (the server's search: case, accents and typos forgiven, "фиш" offers Fish World), pick with the
 * arrows and Enter or the pointer. Searching starts at the first letter.
 */
export function CompanyPicker({
  label,
  value,
  onChange,
  kinds,
  error,
  hint,
  required,
  disabled,
  id,
  className,
}: CompanyPickerProps) {
  const { t } = useTranslation();
  const listboxId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim(), 200);

  // A value set from outside (a prefilled form) shows its name.
  useEffect(() => {
    if (value) setText(value.name);
  }, [value]);

  const { data, loading } = useQuery(CompanyPickerSearchQuery, {
    variables: {
      filter: { search: search || undefined, kinds: kinds ? [...kinds] : undefined },
      first: PICKER_SUGGESTIONS,
    },
    skip: !open || disabled,
  });
  const options = data?.companies.nodes ?? [];

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open) {
      if (options.length > 0) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === 'Escape' && open) {
      // Closes the list without closing a surrounding dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = open && options[active] ? `${listboxId}-${options[active].id}` : undefined;
  return (
    <Field label={label} error={error} hint={hint} id={id} className={classNames('picker', className)}>
      {(control) => (
        <div className="picker__box">
          <input
            {...control}
            type="text"
            role="combobox"
            className="ui-field__input"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-activedescendant={activeId}
            required={required}
            disabled={disabled}
            value={text}
            placeholder={t('pickers.typeToSearch')}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
              setOpen(true);
              if (value) onChange(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              if (!value) setText('');
              else setText(value.name);
            }}
            onKeyDown={onKeyDown}
          />
          {open && (
            <div id={listboxId} role="listbox" aria-label={label} className="picker__list">
              {options.map((option, index) => (
                <div
                  key={option.id}
                  id={`${listboxId}-${option.id}`}
                  role="option"
                  // Focus stays in the input (aria-activedescendant); options are reachable by the arrows.
                  tabIndex={-1}
                  aria-selected={index === active}
                  className={classNames('picker__option', index === active && 'picker__option--active')}
                  // mousedown, not click: it must win over the input's blur.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(index);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="picker__name">{option.name}</span>
                  <span className="picker__meta">
                    {t(`pickers.kinds.${option.kind}`)} · {option.city ? `${option.city}, ` : ''}
                    {option.country}
                  </span>
                </div>
              ))}
              {!loading && options.length === 0 && <div className="picker__empty">{t('pickers.noMatch')}</div>}
              {loading && options.length === 0 && <div className="picker__empty">{t('app.loading')}</div>}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
