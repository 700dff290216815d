import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../components/ui/DataTable';
import { Dialog } from '../../components/ui/Dialog';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { Spinner } from '../../components/ui/Spinner';
import { TextField } from '../../components/ui/TextField';
import type { AdminUsersQuery as AdminUsersQueryType, Role, UserOrderField } from '../../gql/graphql';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { userStatusTone } from '../../lib/status/tones';
import { initials } from '../../lib/text/initials';
import { ConfirmDialog } from './components/ConfirmDialog';
import { InviteUserDialog } from './components/InviteUserDialog';
import { OneTimeLinkView } from './components/OneTimeLinkView';
import { ROLES } from './components/roles';
import {
  AdminUsersQuery,
  DeactivateUserMutation,
  ReactivateUserMutation,
  ResetPasswordLinkMutation,
  SetUserRoleMutation,
} from './graphql/users';
import './admin.css';
import { QueryError } from '../../components/ui/QueryError';
import { useDebouncedValue } from '../../lib/hooks/useDebouncedValue';

type UserRow = AdminUsersQueryType['users']['nodes'][number];
type StatusFilter = 'all' | 'active' | 'inactive';

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatDate, formatNumber } = useFormat();

  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [role, setRole] = useState<Role | ''>('');
  const [sort, setSort] = useState<SortState<UserOrderField>>({ field: 'FULL_NAME', direction: 'ASC' });
  const query = useDebouncedValue(search.trim());

  const filter = {
    nameOrEmailContains: query || undefined,
    active: status === 'all' ? undefined : status === 'active',
    roles: role ? [role] : undefined,
  };
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(AdminUsersQuery, {
    variables: {
      filter,
      orderBy: sort,
      ...page.variables,
    },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;

  const [inviting, setInviting] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [pendingRole, setPendingRole] = useState<string | null>(null);
  const [toDeactivate, setToDeactivate] = useState<UserRow | null>(null);
  const [deactivateError, setDeactivateError] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<{ user: UserRow; link: { path: string; expiresAt: string } } | null>(null);

  const [setUserRole] = useMutation(SetUserRoleMutation);
  const [deactivateUser, { loading: deactivating }] = useMutation(DeactivateUserMutation);
  const [reactivateUser] = useMutation(ReactivateUserMutation);
  const [resetPasswordLink] = useMutation(ResetPasswordLinkMutation);
  const [busyRow, setBusyRow] = useState<string | null>(null);

  async function changeRole(user: UserRow, next: Role) {
    setBanner(null);
    setPendingRole(user.id);
    try {
      const { data: result } = await setUserRole({ variables: { input: { userId: user.id, role: next } } });
      const errors = result?.setUserRole.userErrors ?? [];
      if (errors.length > 0)
        setBanner(t('users.roleRefused', { name: user.fullName, message: errors.map((e) => e.message).join(' ') }));
    } catch {
      setBanner(tc('errors.generic'));
    } finally {
      setPendingRole(null);
    }
  }

  async function deactivate() {
    if (!toDeactivate) return;
    setDeactivateError(null);
    try {
      const { data: result } = await deactivateUser({ variables: { input: { userId: toDeactivate.id } } });
      const errors = result?.deactivateUser.userErrors ?? [];
      if (errors.length > 0) {
        setDeactivateError(errors.map((e) => e.message).join(' '));
        return;
      }
      setToDeactivate(null);
      if (status === 'active') void refetch().catch(() => {});
    } catch {
      setDeactivateError(tc('errors.generic'));
    }
  }

  async function reactivate(user: UserRow) {
    setBanner(null);
    setBusyRow(user.id);
    try {
      const { data: result } = await reactivateUser({ variables: { input: { userId: user.id } } });
      const errors = result?.reactivateUser.userErrors ?? [];
      if (errors.length > 0) setBanner(errors.map((e) => e.message).join(' '));
      else if (status === 'inactive') void refetch().catch(() => {});
    } catch {
      setBanner(tc('errors.generic'));
    } finally {
      setBusyRow(null);
    }
  }

  async function makeResetLink(user: UserRow) {
    setBanner(null);
    setBusyRow(user.id);
    try {
      const { data: result } = await resetPasswordLink({ variables: { input: { userId: user.id } } });
      const payload = result?.resetPasswordLink;
      if (payload && payload.userErrors.length > 0) setBanner(payload.userErrors.map((e) => e.message).join(' '));
      else if (payload?.link) setResetFor({ user, link: payload.link });
      else setBanner(tc('errors.generic'));
    } catch {
      setBanner(tc('errors.generic'));
    } finally {
      setBusyRow(null);
    }
  }

  const viewerId = shown?.viewer?.id;
  const columns: Column<UserRow, UserOrderField>[] = [
    {
      key: 'name',
      header: t('users.columns.name'),
      sortField: 'FULL_NAME',
      render: (user) => (
        <span className="admin-user">
          <span className="admin-user__avatar" aria-hidden="true">
            {initials(user.fullName)}
          </span>
          <span className="admin-user__name">
            {user.fullName}
            {user.id === viewerId && <span className="admin-user__you"> {t('users.you')}</span>}
            <span className="admin-user__email" aria-hidden="true">
              {user.email}
            </span>
          </span>
        </span>
      ),
    },
    {
      key: 'email',
      header: t('users.columns.email'),
      sortField: 'EMAIL',
      secondary: true,
      render: (user) => <span className="admin-muted">{user.email}</span>,
    },
    {
      key: 'role',
      header: t('users.columns.role'),
      render: (user) => (
        <select
          className="ui-field__input admin-inline-select"
          aria-label={t('users.roleOf', { name: user.fullName })}
          value={user.role}
          disabled={pendingRole === user.id || user.status === 'DEACTIVATED'}
          onChange={(event) => void changeRole(user, event.target.value as Role)}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {tc(`roles.${value}`)}
            </option>
          ))}
        </select>
      ),
    },
    {
      key: 'status',
      header: t('users.columns.status'),
      render: (user) => <Badge tone={userStatusTone[user.status]}>{t(`users.status.${user.status}`)}</Badge>,
    },
    {
      key: 'lastLogin',
      header: t('users.columns.lastLogin'),
      secondary: true,
      render: (user) =>
        user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt}>
            {formatDate(user.lastLoginAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        ) : (
          <span className="admin-muted">{t('users.never')}</span>
        ),
    },
    {
      key: 'actions',
      header: tc('common.actions'),
      align: 'end',
      render: (user) => (
        <span className="admin-row-actions">
          {user.status === 'DEACTIVATED' ? (
            <Button
              size="small"
              variant="secondary"
              loading={busyRow === user.id}
              aria-label={t('users.reactivateUser', { name: user.fullName })}
              onClick={() => void reactivate(user)}
            >
              {t('users.reactivate')}
            </Button>
          ) : (
            <>
              <Button
                size="small"
                variant="ghost"
                loading={busyRow === user.id}
                aria-label={
                  user.status === 'INVITED'
                    ? t('users.newInvitationFor', { name: user.fullName })
                    : t('users.resetLinkFor', { name: user.fullName })
                }
                onClick={() => void makeResetLink(user)}
              >
                {user.status === 'INVITED' ? t('users.newInvitation') : t('users.resetLink')}
              </Button>
              {user.id !== viewerId && (
                <Button
                  size="small"
                  variant="ghost"
                  className="admin-danger-text"
                  aria-label={t('users.deactivateUser', { name: user.fullName })}
                  onClick={() => {
                    setDeactivateError(null);
                    setToDeactivate(user);
                  }}
                >
                  {t('users.deactivate')}
                </Button>
              )}
            </>
          )}
        </span>
      ),
    },
  ];

  const filtered = Boolean(query || role || status !== 'all');
  const connection = shown?.users;

  return (
    <div className="admin-page">
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={<Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>}
      />

      <FilterBar
        label={t('users.filters')}
        search={
          <TextField
            label={tc('common.search')}
            type="search"
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        }
      >
        <SelectField
          label={t('users.statusFilter')}
          value={status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
          options={[
            { value: 'all', label: t('users.statusFilters.all') },
            { value: 'active', label: t('users.statusFilters.active') },
            { value: 'inactive', label: t('users.statusFilters.inactive') },
          ]}
        />
        <SelectField
          label={t('users.roleFilter')}
          value={role}
          placeholder={tc('common.all')}
          onChange={(event) => setRole(event.target.value as Role | '')}
          options={ROLES.map((value) => ({ value, label: tc(`roles.${value}`) }))}
        />
      </FilterBar>

      {banner && (
        <div className="admin-banner">
          <ErrorMessage title={t('users.refusedTitle')}>{banner}</ErrorMessage>
          <Button size="small" variant="ghost" onClick={() => setBanner(null)}>
            {t('dismiss')}
          </Button>
        </div>
      )}

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !connection ? (
        <Spinner size="large" label={t('users.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('users.title')}
            columns={columns}
            rows={connection.nodes}
            rowKey={(user) => user.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              filtered ? (
                <EmptyState title={t('users.emptyFiltered')}>{t('users.emptyFilteredHint')}</EmptyState>
              ) : (
                <EmptyState
                  title={t('users.empty')}
                  action={<Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>}
                />
              )
            }
          />
          <ConnectionPager
            connection={connection}
            page={page}
            summary={t('users.count', { count: connection.totalCount, formatted: formatNumber(connection.totalCount) })}
            hideWhenEmpty
          />
        </>
      )}

      <InviteUserDialog open={inviting} onClose={() => setInviting(false)} />

      <ConfirmDialog
        open={toDeactivate !== null}
        title={t('users.deactivateTitle', { name: toDeactivate?.fullName ?? '' })}
        confirmLabel={t('users.deactivate')}
        onConfirm={() => void deactivate()}
        onClose={() => setToDeactivate(null)}
        loading={deactivating}
        error={deactivateError}
      >
        <p>{t('users.deactivateText')}</p>
      </ConfirmDialog>

      <Dialog
        open={resetFor !== null}
        title={
          resetFor?.user.status === 'INVITED'
            ? t('link.invitationTitle', { name: resetFor.user.fullName })
            : t('link.resetTitle', { name: resetFor?.user.fullName ?? '' })
        }
        onClose={() => setResetFor(null)}
        closeLabel={tc('common.close')}
        footer={<Button onClick={() => setResetFor(null)}>{t('invite.done')}</Button>}
      >
        {resetFor && (
          <OneTimeLinkView
            link={resetFor.link}
            fullName={resetFor.user.fullName}
            kind={resetFor.user.status === 'INVITED' ? 'invitation' : 'reset'}
          />
        )}
      </Dialog>
    </div>
  );
}
