import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ConnectionList } from '../../components/ui/ConnectionList';
import type { SortState } from '../../components/ui/DataTable';
import { Dialog } from '../../components/ui/Dialog';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { TextField } from '../../components/ui/TextField';
import type { OneTimeLinkView_LinkFragment, Role, UserOrderField } from '../../gql/graphql';
import { useUrlParam, useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { ConfirmDialog } from './components/ConfirmDialog';
import { InviteUserDialog } from './components/InviteUserDialog';
import { OneTimeLinkView } from './components/OneTimeLinkView';
import { ROLES } from './components/roles';
import { type UserRow, UsersTable } from './components/UsersTable';
import {
  AdminUsersQuery,
  DeactivateUserMutation,
  ReactivateUserMutation,
  ResetPasswordLinkMutation,
  SetUserRoleMutation,
} from './graphql/users';
import './admin.css';

type StatusFilter = 'all' | 'active' | 'inactive';

const SORT_FIELDS: Record<string, UserOrderField> = { name: 'FULL_NAME', email: 'EMAIL' };
const DEFAULT_SORT: SortState<UserOrderField> = { field: 'FULL_NAME', direction: 'ASC' };

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatNumber } = useFormat();

  const search = useUrlSearch();
  const [statusParam, setStatus] = useUrlParam('status');
  const [roleParam, setRole] = useUrlParam('role');
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);
  const query = search.search;
  const status: StatusFilter = statusParam === 'active' || statusParam === 'inactive' ? statusParam : 'all';
  const role = ROLES.find((value) => value === roleParam) ?? '';

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
  const [resetFor, setResetFor] = useState<{ user: UserRow; link: OneTimeLinkView_LinkFragment } | null>(null);

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
  const filtered = Boolean(query || role || status !== 'all');
  const connection = shown?.users;

  return (
    <div className="ui-stack admin-page">
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
            value={search.text}
            onChange={(event) => search.setText(event.target.value)}
          />
        }
      >
        <SelectField
          label={t('users.statusFilter')}
          value={status}
          onChange={(event) => setStatus(event.target.value === 'all' ? '' : event.target.value)}
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
          onChange={(event) => setRole(event.target.value)}
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

      <ConnectionList
        connection={connection}
        error={error}
        refetch={refetch}
        loadingLabel={t('users.loading')}
        page={page}
        summary={(count) => t('users.count', { count, formatted: formatNumber(count) })}
      >
        {(users) => (
          <UsersTable
            users={users.nodes}
            viewerId={viewerId}
            sort={sort}
            onSortChange={setSort}
            pendingRole={pendingRole}
            busyRow={busyRow}
            onChangeRole={(user, next) => void changeRole(user, next)}
            onReactivate={(user) => void reactivate(user)}
            onResetLink={(user) => void makeResetLink(user)}
            onDeactivate={(user) => {
              setDeactivateError(null);
              setToDeactivate(user);
            }}
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
        )}
      </ConnectionList>

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
