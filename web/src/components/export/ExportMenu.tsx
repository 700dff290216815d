import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/useLanguage';
import { Button } from '../ui/Button';
import { type ExportList, type ExportQuery, exportUrl } from './exportUrl';
import './export.css';

export interface ExportMenuProps extends ExportQuery {
  list: ExportList;
}

/**
 * "Export" with its two downloads, CSV (for Excel) and Excel: the list as the page shows it
 * (same filter and order), the whole of it, not only the page on screen. Plain links: the
 * browser downloads with the session cookie, and the server streams the file.
 */
export function ExportMenu({ list, ...query }: ExportMenuProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="export-menu" ref={root}>
      <Button variant="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('export.button')}
      </Button>
      {open && (
        <ul className="export-menu__list" id={id}>
          <li>
            <a href={exportUrl(list, 'csv', query, language)} download onClick={() => setOpen(false)}>
              {t('export.csv')}
            </a>
          </li>
          <li>
            <a href={exportUrl(list, 'xlsx', query, language)} download onClick={() => setOpen(false)}>
              {t('export.xlsx')}
            </a>
          </li>
        </ul>
      )}
    </div>
  );
}
