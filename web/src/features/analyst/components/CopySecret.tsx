import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';

/**
 * A secret shown once, read-only, with a Copy button. Without clipboard access (plain http,
 * old browser) the text is selected instead, ready for Ctrl+C.
 */
export function CopySecret({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useTranslation('analyst');
  const { t: tc } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
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
      ref.current?.focus();
      ref.current?.select();
      setState('selected');
    }
  }

  const control = multiline ? (
    <textarea
      ref={ref}
      id={id}
      readOnly
      rows={5}
      className="ui-field__input analyst-copy__input analyst-copy__input--code"
      value={value}
      onFocus={(event) => event.currentTarget.select()}
    />
  ) : (
    <input
      ref={ref}
      id={id}
      readOnly
      className="ui-field__input analyst-copy__input"
      value={value}
      onFocus={(event) => event.currentTarget.select()}
    />
  );

  return (
    <div className="analyst-copy">
      <label className="analyst-copy__label" htmlFor={id}>
        {label}
      </label>
      <div className={multiline ? 'analyst-copy__stack' : 'analyst-copy__row'}>
        {control}
        <Button
          variant="secondary"
          size={multiline ? 'small' : 'medium'}
          onClick={() => void copy()}
          aria-label={`${tc('common.copy')}: ${label}`}
        >
          {state === 'copied' ? tc('common.copied') : tc('common.copy')}
        </Button>
      </div>
      <p className="analyst-copy__status" aria-live="polite">
        {state === 'copied' ? t('copy.copied') : state === 'selected' ? t('copy.selected') : ''}
      </p>
    </div>
  );
}
