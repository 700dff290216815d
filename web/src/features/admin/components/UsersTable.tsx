import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { Role, UserOrderField, UsersTable_UserFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { userStatusTone } from '../../../lib/status/tones';
import { initials } from '../../../lib/text/initials';
import { ROLES } from './roles';

export const UsersTableFragment = graphql(`
  fragment UsersTable_user on User {
    id
    fullName
    email
    role
    status
    active
    lastLoginAt
    deactivatedAt
    createdAt
  }
`);

export type UserRow = UsersTable_UserFragment;

export interface UsersTableProps {
  users: readonly FragmentType<typeof UsersTableFragment>[];
  /** The signed-in admin, who cannot deactivate themselves. */
  viewerId: string | undefined;
  sort: SortState<UserOrderField>;
  onSortChange: (sort: SortState<UserOrderField>) => void;
  /** The row whose role change is being saved, and the row with another action under way. */
  pendingRole: string | null;
  busyRow: string | null;
  onChangeRole: (user: UserRow, role: Role) => void;
  onReactivate: (user: UserRow) => void;
  onResetLink: (user: UserRow) => void;
  onDeactivate: (user: UserRow) => void;
  busy?: boolean;
  empty: ReactNode;
}

export function UsersTable({ users, viewerId, pendingRole, busyRow, ...props }: UsersTableProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatDate } = useFormat();
  const { data } = useFragment({ fragment: UsersTableFragment, from: [...users] });
  const rows = fragmentRows<UserRow>(data);

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
          onChange={(event) => props.onChangeRole(user, event.target.value as Role)}
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
              onClick={() => props.onReactivate(user)}
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
                onClick={() => props.onResetLink(user)}
              >
                {user.status === 'INVITED' ? t('users.newInvitation') : t('users.resetLink')}
              </Button>
              {user.id !== viewerId && (
                <Button
                  size="small"
                  variant="ghost"
                  className="admin-danger-text"
                  aria-label={t('users.deactivateUser', { name: user.fullName })}
                  onClick={() => props.onDeactivate(user)}
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

  return (
    <DataTable
      caption={t('users.title')}
      columns={columns}
      rows={rows}
      rowKey={(user) => user.id}
      sort={props.sort}
      onSortChange={props.onSortChange}
      busy={props.busy}
      empty={props.empty}
    />
  );
}
