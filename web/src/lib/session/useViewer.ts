import { useQuery } from '@apollo/client/react';
import { ViewerQuery } from './viewer';

export function useViewer() {
  const { data, loading, error, refetch } = useQuery(ViewerQuery);
  return { viewer: data?.viewer ?? null, loading: loading && !data, error, refetch };
}
