import { useTranslation } from 'react-i18next';
import type { ListPage, PageInfoLike } from '../../lib/pagination/useListPage';
import { Pager } from './Pager';

export interface ConnectionPagerProps {
  /** The page of a root connection: its pageInfo and totalCount. */
  connection: { pageInfo: PageInfoLike; totalCount: number };
  /** The list's useListPage(). */
  page: Pick<ListPage, 'hasPrevious' | 'hasNext' | 'previous' | 'next'>;
  /** "12 companies", already translated and pluralised. */
  summary: string;
  /** Render nothing when the connection is empty (the list shows its EmptyState instead). */
  hideWhenEmpty?: boolean;
}

/** The Pager of a keyset-paginated connection, wired to useListPage. */
export function ConnectionPager({ connection, page, summary, hideWhenEmpty = false }: ConnectionPagerProps) {
  const { t } = useTranslation();
  if (hideWhenEmpty && connection.totalCount === 0) return null;
  const { pageInfo } = connection;
  return (
    <Pager
      summary={summary}
      hasPrevious={page.hasPrevious(pageInfo)}
      hasNext={page.hasNext(pageInfo)}
      onPrevious={() => page.previous(pageInfo)}
      onNext={() => page.next(pageInfo)}
      labels={{ previous: t('common.previous'), next: t('common.next'), navigation: t('common.pagination') }}
    />
  );
}
