import { useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DealChangedSubscription } from '../graphql/live';

/** How long the note of a colleague's change stays. */
const NOTE_MS = 8_000;

export interface LiveChange {
  dealId: string;
  version: number;
  byName: string;
}

/**
 * The board follows what colleagues do (issue 15): each change of a deal of the pipeline, made by
 * someone else, reloads the board and says who did what; the last change of each deal is kept so
 * that an open drawer can tell its reader the deal changed. The viewer's own changes are already
 * on screen (the move hooks refresh).
 */
export function useLiveBoard({
  pipelineId,
  viewerId,
  refresh,
}: {
  pipelineId: string;
  viewerId: string;
  refresh: () => Promise<void>;
}) {
  const { t } = useTranslation('pipeline');
  const [note, setNote] = useState<string | null>(null);
  const [changes, setChanges] = useState<Record<string, LiveChange>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useSubscription(DealChangedSubscription, {
    variables: { pipelineId },
    onData: ({ data }) => {
      const event = data.data?.dealChanged;
      if (!event || event.by?.id === viewerId) return;
      const byName = event.by?.fullName ?? t('live.someone');
      setChanges((current) => ({
        ...current,
        [event.dealId]: { dealId: event.dealId, version: event.version, byName },
      }));
      setNote(t(`live.${event.change}`, { name: byName }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setNote(null), NOTE_MS);
      void refresh();
    },
  });

  const dismiss = useCallback(() => setNote(null), []);
  return { note, dismiss, changes };
}
