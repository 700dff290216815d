import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { DealConflictQuery, MoveDealMutation } from '../graphql/board';
import type { MovableDeal, StageRef } from '../types';

export interface PendingMove {
  deal: MovableDeal;
  toStage: StageRef;
}

export interface MoveNotice {
  tone: 'error' | 'success';
  title?: string;
  message: string;
  /** A deal just won: the notice offers to ask its exporter to confirm it. */
  won?: { dealId: string; title: string };
}

export interface UseDealMovesOptions {
  /** Reloads the board (and whatever else shows deals) from the server. */
  refresh: () => Promise<unknown>;
}

/**
 * Moves deals optimistically: the card shows in its new column at once (a pending move), the
 * board refreshes from the server when it answers, and a refusal puts the card back. A CONFLICT
 * (someone moved or edited the deal since it was read) is explained with who did what.
 */
export function useDealMoves({ refresh }: UseDealMovesOptions) {
  const { t } = useTranslation('pipeline');
  const client = useApolloClient();
  const [moveDeal] = useMutation(MoveDealMutation);
  const [pending, setPending] = useState<Record<string, PendingMove>>({});
  const [notice, setNotice] = useState<MoveNotice | null>(null);

  const settle = useCallback((dealId: string) => {
    setPending((current) => {
      const { [dealId]: _, ...rest } = current;
      return rest;
    });
  }, []);

  const explainConflict = useCallback(
    async (deal: MovableDeal): Promise<MoveNotice> => {
      const title = t('conflict.title');
      try {
        const { data } = await client.query({
          query: DealConflictQuery,
          variables: { id: deal.id, stageChanges: MAX_PAGE_SIZE },
          fetchPolicy: 'network-only',
        });
        const current = data?.deal;
        if (!current) return { tone: 'error', title, message: t('conflict.gone', { title: deal.title }) };
        if (current.stage.id !== deal.stageId) {
          const moves = current.stageHistory.nodes.filter((change) => change.toStage.id === current.stage.id);
          const last = moves[moves.length - 1];
          const who = last?.changedBy?.fullName ?? t('conflict.someone');
          return {
            tone: 'error',
            title,
            message: t('conflict.moved', { who, title: current.title, stage: current.stage.name }),
          };
        }
        return { tone: 'error', title, message: t('conflict.edited', { title: current.title }) };
      } catch {
        return { tone: 'error', title, message: t('conflict.edited', { title: deal.title }) };
      }
    },
    [client, t],
  );

  const move = useCallback(
    async (deal: MovableDeal, toStage: StageRef, lostReason?: string) => {
      setNotice(null);
      setPending((current) => ({ ...current, [deal.id]: { deal, toStage } }));
      try {
        const { data } = await moveDeal({
          variables: { input: { dealId: deal.id, toStageId: toStage.id, version: deal.version, lostReason } },
        });
        const errors = data?.moveDeal.userErrors ?? [];
        if (data?.moveDeal.deal && errors.length === 0) {
          await refresh().catch(() => {});
          settle(deal.id);
          setNotice({
            tone: 'success',
            message: t('move.done', { title: deal.title, stage: toStage.name }),
            won: toStage.category === 'WON' ? { dealId: deal.id, title: deal.title } : undefined,
          });
          return true;
        }
        // Refused: the card goes back where it was before anything else happens.
        settle(deal.id);
        const conflict = errors.find((error) => error.code === 'CONFLICT');
        if (conflict) {
          setNotice(await explainConflict(deal));
        } else {
          setNotice({
            tone: 'error',
            title: t('move.failed', { title: deal.title }),
            message: errors.map((error) => error.message).join(' ') || t('move.failedGeneric'),
          });
        }
        await refresh().catch(() => {});
        return false;
      } catch {
        settle(deal.id);
        setNotice({ tone: 'error', title: t('move.failed', { title: deal.title }), message: t('move.failedGeneric') });
        return false;
      }
    },
    [moveDeal, refresh, settle, explainConflict, t],
  );

  return { pending, move, notice, dismissNotice: useCallback(() => setNotice(null), []) };
}
