import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page. */
export function usePageTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
