import { useQuery } from '@apollo/client/react';
import { RecordSelect, type RecordSelectProps } from '../../../components/pickers/RecordSelect';
import { MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { PipelineMissionOptionsQuery } from '../graphql/board';

export interface MissionSelectProps extends RecordSelectProps {
  /** A mission already chosen that the list may not hold (older than the last 100). */
  current?: { id: string; name: string } | null;
}

/** A select of the agency's missions, latest first. */
export function MissionSelect({ current, ...rest }: MissionSelectProps) {
  const { data, loading } = useQuery(PipelineMissionOptionsQuery, { variables: { first: MAX_PAGE_SIZE } });
  return (
    <RecordSelect
      {...rest}
      records={data?.missions.nodes.map((mission) => ({ id: mission.id, label: mission.name }))}
      loading={loading}
      current={current ? { id: current.id, label: current.name } : null}
      currentFirst
    />
  );
}
