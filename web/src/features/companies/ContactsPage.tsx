import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../components/export/ExportMenu';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import type { SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { Spinner } from '../../components/ui/Spinner';
import type { ContactFilter, ContactOrderField } from '../../gql/graphql';
import { useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useListPage } from '../../lib/pagination/useListPage';
import { ContactFormDialog } from './components/ContactFormDialog';
import { ContactsTable } from './components/ContactsTable';
import { SearchBox } from './components/SearchBox';
import { ContactsPageQuery } from './graphql/contacts';
import { useCanEdit } from './hooks/useCanEdit';
import './companies.css';
import { QueryError } from '../../components/ui/QueryError';

const SORT_FIELDS: Record<string, ContactOrderField> = { name: 'FULL_NAME', created: 'CREATED_AT' };
const DEFAULT_SORT: SortState<ContactOrderField> = { field: 'FULL_NAME', direction: 'ASC' };

export function ContactsPage() {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const editable = useCanEdit();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const search = useUrlSearch();
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);
  const filter: ContactFilter = { search: search.search || undefined };
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(ContactsPageQuery, {
    variables: { filter, orderBy: { field: sort.field, direction: sort.direction }, ...page.variables },
  });
  const connection = (data ?? previousData)?.contacts;
  const editingRef = editingId ? (connection?.nodes.find((node) => node.id === editingId) ?? null) : null;

  const newButton = editable ? <Button onClick={() => setCreating(true)}>{t('contactList.new')}</Button> : null;

  return (
    <div className="companies">
      <PageHeader
        title={t('contactList.title')}
        subtitle={t('contactList.subtitle')}
        actions={
          <>
            <ExportMenu list="contacts" filter={filter} orderBy={{ field: sort.field, direction: sort.direction }} />
            {editable && (
              <Link to="/import?kind=CONTACTS" className="ui-button ui-button--secondary ui-button--medium">
                {t('list.import')}
              </Link>
            )}
            {newButton}
          </>
        }
      />

      <FilterBar
        label={t('contactList.filters')}
        className="companies__toolbar"
        search={
          <SearchBox
            label={t('contactList.searchLabel')}
            placeholder={t('contactList.searchPlaceholder')}
            value={search.text}
            onChange={search.setText}
            clearLabel={t('list.clearSearch')}
          />
        }
      />

      {error && !connection ? (
        <QueryError refetch={refetch} />
      ) : !connection ? (
        <div className="companies__loading">
          <Spinner size="large" label={t('contactList.loading')} />
        </div>
      ) : (
        <>
          {error && <ErrorMessage>{tc('errors.generic')}</ErrorMessage>}
          <ContactsTable
            contacts={connection.nodes}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            onEdit={editable ? setEditingId : undefined}
            empty={
              filter.search ? (
                <EmptyState
                  title={t('contactList.noMatchTitle')}
                  clear={{ label: t('list.clearSearch'), onClear: search.clear }}
                >
                  {t('contactList.noMatchText')}
                </EmptyState>
              ) : (
                <EmptyState title={t('contactList.emptyTitle')} action={newButton}>
                  {t('contactList.emptyText')}
                </EmptyState>
              )
            }
          />
          <ConnectionPager
            connection={connection}
            page={page}
            summary={t('contactList.count', { count: connection.totalCount })}
            hideWhenEmpty
          />
        </>
      )}

      <ContactFormDialog open={creating} onClose={() => setCreating(false)} />
      <ContactFormDialog open={Boolean(editingRef)} onClose={() => setEditingId(null)} contact={editingRef} />
    </div>
  );
}
