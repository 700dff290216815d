import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_SIZE } from '../../lib/pagination/useListPage';
import { UserSelectQuery } from './graphql';
import { RecordSelect, type RecordSelectProps } from './RecordSelect';

export interface UserSelectProps extends RecordSelectProps {
  /** The record's current user, offered even when deactivated (absent from the active list). */
  current?: { id: string; fullName: string } | null;
  /** Also offer invited and deactivated users (filters on past activity, such as the audit log's actor). */
  includeInactive?: boolean;
}

/** A select of the agency's users (active ones unless asked otherwise) (owners, account managers, assignees), by name. */
export function UserSelect({ current, includeInactive = false, ...rest }: UserSelectProps) {
  const { t } = useTranslation();
  // `active: null` is no condition: every user the viewer may see (inactive ones for admins).
  const { data, loading } = useQuery(UserSelectQuery, {
    variables: { active: includeInactive ? null : true, first: MAX_PAGE_SIZE },
  });
  return (
    <RecordSelect
      {...rest}
      records={data?.users.nodes.map((user) => ({
        id: user.id,
        label: user.active ? user.fullName : t('pickers.inactiveUser', { name: user.fullName }),
      }))}
      loading={loading}
      current={current ? { id: current.id, label: current.fullName } : null}
    />
  );
}
