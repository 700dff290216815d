import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';

export interface CopyFieldProps {
  label: string;
  value: string;
}

/**
 * A read-only value (a one-time link) with a Copy button. Without clipboard access
 * (plain http, old browser) the text is selected instead, ready for Ctrl+C.
 */
export function CopyField({ label, value }: CopyFieldProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setState('selected');
    }
  }

  return (
    <div className="admin-copy">
      <label className="admin-copy__label" htmlFor={id}>
        {label}
      </label>
      <div className="admin-copy__row">
        <input
          ref={inputRef}
          id={id}
          className="ui-field__input admin-copy__input"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {state === 'copied' ? tc('common.copied') : tc('common.copy')}
        </Button>
      </div>
      <p className="admin-copy__status" aria-live="polite">
        {state === 'copied' ? t('copy.copied') : state === 'selected' ? t('copy.selected') : ''}
      </p>
    </div>
  );
}
