import { useQuery } from '@apollo/client/react';
import { UserSelectQuery } from './graphql';
import { RecordSelect, type RecordSelectProps } from './RecordSelect';

export interface UserSelectProps extends RecordSelectProps {
  /** The record's current user, offered even when deactivated (absent from the active list). */
  current?: { id: string; fullName: string } | null;
}

/** A select of the agency's active users (owners, account managers, assignees), by name. */
export function UserSelect({ current, ...rest }: UserSelectProps) {
  const { data, loading } = useQuery(UserSelectQuery);
  return (
    <RecordSelect
      {...rest}
      records={data?.users.nodes.map((user) => ({ id: user.id, label: user.fullName }))}
      loading={loading}
      current={current ? { id: current.id, label: current.fullName } : null}
    />
  );
}
