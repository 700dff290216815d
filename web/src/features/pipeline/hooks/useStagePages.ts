import type { FragmentType } from '@apollo/client';
import { useApolloClient, useFragment } from '@apollo/client/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DealFilter } from '../../../gql/graphql';
import { STAGE_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import type { ColumnNode } from '../boardColumns';
import { BoardExtraDealFragment, PipelineStageDealsQuery } from '../graphql/board';

type ExtraRef = FragmentType<typeof BoardExtraDealFragment> & { id: string };

/** The pages a column loaded with "Show more", beyond the board's own first page. */
interface StagePages {
  /** The deals, in the server's order; their data is read live from the cache. */
  refs: ExtraRef[];
  endCursor: string | null;
  loading: boolean;
  failed: boolean;
}

/** A column's extra deals as the board shows them, with the state of its "Show more". */
export interface StageExtra {
  nodes: ColumnNode[];
  loading: boolean;
  failed: boolean;
}

const NONE: Record<string, StagePages> = {};

export interface UseStagePagesOptions {
  /** The board's filters: each page is the stage's deals matching them. */
  filter: DealFilter | undefined;
}

/**
 * "Show more" for the columns of the board: the next pages of a stage's deals, through the root
 * `deals` list (the stage and the board's filters, oldest first like the board's columns), from
 * the cursor where the column stopped. Kept per stage for the current filters only; `reset`
 * drops them (after the board reloads, as the first pages may have shifted).
 */
export function useStagePages({ filter }: UseStagePagesOptions) {
  const client = useApolloClient();
  const filterKey = JSON.stringify(filter ?? null);
  const [state, setState] = useState<{ key: string; stages: Record<string, StagePages> }>({
    key: filterKey,
    stages: NONE,
  });
  // An answer applies only to the filters and the generation (resets) it was asked for.
  const latestKey = useRef(filterKey);
  latestKey.current = filterKey;
  const generation = useRef(0);

  const stages = state.key === filterKey ? state.stages : NONE;

  const refs = useMemo(() => Object.values(stages).flatMap((stage) => stage.refs), [stages]);
  const live = useFragment({ fragment: BoardExtraDealFragment, fragmentName: 'BoardExtraDeal_deal', from: refs });

  const extra = useMemo(() => {
    const byId = new Map<string, ColumnNode>();
    // A deal no longer complete in the cache (evicted) is left out rather than shown half.
    for (const node of live.data ?? []) {
      if (node?.id && typeof node.title === 'string' && typeof node.version === 'number') {
        byId.set(node.id, node as ColumnNode);
      }
    }
    const result: Record<string, StageExtra> = {};
    for (const [stageId, stage] of Object.entries(stages)) {
      result[stageId] = {
        nodes: stage.refs.map((ref) => byId.get(ref.id)).filter((node): node is ColumnNode => node !== undefined),
        loading: stage.loading,
        failed: stage.failed,
      };
    }
    return result;
  }, [live.data, stages]);

  const stagesRef = useRef(stages);
  stagesRef.current = stages;

  /** Loads the next page of a stage after `boardEndCursor` (or its last extra page); resolves to the first new deal's id. */
  const showMore = useCallback(
    async (stageId: string, boardEndCursor: string | null): Promise<string | undefined> => {
      const current = stagesRef.current[stageId];
      if (current?.loading) return undefined;
      const key = filterKey;
      const asked = generation.current;
      const isCurrent = () => latestKey.current === key && generation.current === asked;
      const update = (change: (pages: StagePages) => StagePages) =>
        setState((previous) => {
          if (!isCurrent()) return previous;
          const base = previous.key === key ? previous.stages : NONE;
          const pages = base[stageId] ?? { refs: [], endCursor: null, loading: false, failed: false };
          return { key, stages: { ...base, [stageId]: change(pages) } };
        });

      update((pages) => ({ ...pages, loading: true, failed: false }));
      try {
        const { data } = await client.query({
          query: PipelineStageDealsQuery,
          variables: {
            filter: { ...filter, stageIds: [stageId] },
            first: STAGE_PAGE_SIZE,
            after: current?.endCursor ?? boardEndCursor,
          },
          fetchPolicy: 'network-only',
        });
        if (!data) throw new Error('No data');
        const page = data.deals;
        const known = new Set(current?.refs.map((ref) => ref.id));
        const added = page.nodes.filter((node) => !known.has(node.id)) as ExtraRef[];
        update((pages) => ({
          refs: [...pages.refs, ...added],
          endCursor: page.pageInfo.endCursor ?? pages.endCursor,
          loading: false,
          failed: false,
        }));
        return isCurrent() ? added[0]?.id : undefined;
      } catch {
        update((pages) => ({ ...pages, loading: false, failed: true }));
        return undefined;
      }
    },
    [client, filter, filterKey],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    setState({ key: latestKey.current, stages: NONE });
  }, []);

  return { extra, showMore, reset };
}
