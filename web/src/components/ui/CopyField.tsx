import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import './ui.css';

export interface CopyFieldProps {
  label: string;
  value: string;
  /** A block of text (a curl command) in a textarea, rather than a one-line value. */
  multiline?: boolean;
  /** What the live region says once copied (translated); "Copied to the clipboard." by default. */
  copiedMessage?: string;
  /** Name the button after the field ("Copy: API token") where several copy fields share a screen. */
  labelButton?: boolean;
}

/**
 * A read-only value (a one-time link, a secret shown once) with a Copy button. Without clipboard
 * access (plain http, old browser) the text is selected instead, ready for Ctrl+C.
 */
export function CopyField({ label, value, multiline = false, copiedMessage, labelButton = false }: CopyFieldProps) {
  const { t } = useTranslation();
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
      className="ui-field__input ui-copy__input ui-copy__input--code"
      value={value}
      onFocus={(event) => event.currentTarget.select()}
    />
  ) : (
    <input
      ref={ref}
      id={id}
      readOnly
      className="ui-field__input ui-copy__input"
      value={value}
      onFocus={(event) => event.currentTarget.select()}
    />
  );

  return (
    <div className="ui-copy">
      <label className="ui-copy__label" htmlFor={id}>
        {label}
      </label>
      <div className={multiline ? 'ui-copy__stack' : 'ui-copy__row'}>
        {control}
        <Button
          variant="secondary"
          size={multiline ? 'small' : 'medium'}
          onClick={() => void copy()}
          aria-label={labelButton ? `${t('common.copy')}: ${label}` : undefined}
        >
          {state === 'copied' ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
      <p className="ui-copy__status" aria-live="polite">
        {state === 'copied'
          ? (copiedMessage ?? t('common.copiedToClipboard'))
          : state === 'selected'
            ? t('common.copySelected')
            : ''}
      </p>
    </div>
  );
}
