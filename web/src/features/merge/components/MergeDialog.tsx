import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormDialog } from '../../../components/ui/FormDialog';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import { evictAfterMerge } from '../cache';
import { MergeChoices, type MergeFieldRow, type MergeRecord } from './MergeChoices';
import { MergePreview, type MergePreviewProps } from './MergePreview';
import { type SeenVersion, useFirstSeen, type useMergeState } from './useMergeState';

interface MergeUserError {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** What both preview queries answer: the records, what the merge moves, why it would be refused. */
export interface MergePreviewData<R extends SeenVersion> {
  keep: R | null;
  merged: readonly R[];
  moves: MergePreviewProps['moves'];
  conflicts?: MergePreviewProps['conflicts'];
  userErrors: readonly MergeUserError[];
}

/** Where a successful merge leads: the records the cache forgets and the page opened. */
export interface MergeOutcome {
  evict: Parameters<typeof evictAfterMerge>[1];
  open: string;
}

/** The previewed records in the order of `ids` (all of them or fewer while loading); remembers their first versions. */
export function usePreviewRecords<R extends SeenVersion>(
  ids: readonly string[],
  preview: MergePreviewData<R> | undefined,
  state: ReturnType<typeof useMergeState>,
): R[] {
  const byId = new Map(
    (preview ? [preview.keep, ...preview.merged] : []).flatMap((record) => (record ? [[record.id, record]] : [])),
  );
  const records = ids.flatMap((id) => byId.get(id) ?? []);
  useFirstSeen(records, ids.length, state.seen, state.setSeen);
  return records;
}

/** Each record's value of one field, by record id (a MergeFieldRow's values). */
export function valuesOf<R extends { id: string }>(records: readonly R[], pick: (record: R) => string | null) {
  return Object.fromEntries(records.map((record) => [record.id, pick(record)]));
}

export interface MergeDialogProps<R extends SeenVersion, P extends { userErrors: readonly MergeUserError[] }> {
  ids: readonly string[];
  title: string;
  state: ReturnType<typeof useMergeState>;
  preview: MergePreviewData<R> | undefined;
  /** The preview query is loading (a newer preview is on its way) or failed. */
  loading: boolean;
  error: unknown;
  /** Fetches the preview again. */
  refetch: () => Promise<MergePreviewData<R> | undefined>;
  /** The records shown side by side (all of `ids` once loaded) and their fields. */
  records: readonly MergeRecord[];
  rows: readonly MergeFieldRow[];
  /** What the kept record gains from the others, already labelled. */
  united: string | null;
  /** Runs the merge with the versions first seen; the payload, or nothing when the server said nothing. */
  merge: (seen: SeenVersion[] | undefined) => Promise<P | null | undefined>;
  merging: boolean;
  /** Where a merge without user errors leads (null: nowhere). */
  outcome: (payload: P) => MergeOutcome | null;
  onClose: () => void;
}

/**
 * Review and merge records: the records side by side, the one kept and each field's value
 * chosen, the server's preview refreshed on every change, then the merge. A record changed since
 * it was first shown makes the merge a CONFLICT, which offers to reload. On success the cache
 * forgets what the merge changed and the outcome's page opens.
 */
export function MergeDialog<R extends SeenVersion, P extends { userErrors: readonly MergeUserError[] }>({
  ids,
  title,
  state,
  preview,
  loading,
  error,
  refetch,
  records,
  rows,
  united,
  merge,
  merging,
  outcome,
  onClose,
}: MergeDialogProps<R, P>) {
  const { t } = useTranslation('merge');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [errors, setErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);

  async function reload() {
    setReloading(true);
    try {
      const fresh = await refetch();
      const current = fresh ? [fresh.keep, ...fresh.merged].filter((record) => record != null) : [];
      state.setSeen(current.map(({ id, updatedAt }) => ({ id, updatedAt })));
      setErrors([]);
      setStale(false);
    } catch {
      setErrors([t('dialog.loadError')]);
    } finally {
      setReloading(false);
    }
  }

  async function submit() {
    setErrors([]);
    setStale(false);
    try {
      const payload = await merge(state.seen ?? undefined);
      if (!payload) {
        setErrors([t('dialog.failed')]);
        return;
      }
      if (payload.userErrors.length > 0) {
        setErrors(payload.userErrors.map((userError) => userError.message));
        setStale(payload.userErrors.some((e) => e.code === 'CONFLICT' && (e.field ?? []).includes('seen')));
        return;
      }
      const next = outcome(payload);
      if (next) {
        evictAfterMerge(client.cache, next.evict);
        void navigate(next.open);
      }
    } catch {
      setErrors([t('dialog.failed')]);
    }
  }

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      className="merge-dialog"
      onSubmit={submit}
      submitLabel={t('dialog.merge')}
      saving={merging}
      formErrors={errors}
      formErrorsExtra={
        stale ? (
          <>
            <p>{t('dialog.stale')}</p>
            <Button variant="secondary" size="small" loading={reloading} onClick={() => void reload()}>
              {t('dialog.reload')}
            </Button>
          </>
        ) : null
      }
      intro={<p className="merge-dialog__intro">{t('dialog.intro')}</p>}
    >
      {error && !preview ? (
        <QueryError refetch={refetch}>{t('dialog.loadError')}</QueryError>
      ) : !preview ? (
        <Spinner label={t('dialog.loading')} />
      ) : (
        <>
          {records.length === ids.length && (
            <MergeChoices
              records={records}
              keepId={state.keepId}
              onKeep={state.setKeepId}
              rows={rows}
              choices={state.choices}
              onChoose={state.choose}
              disabled={merging}
            />
          )}
          <MergePreview
            moves={preview.moves}
            conflicts={preview.conflicts}
            refusals={preview.userErrors.map((userError) => userError.message)}
            united={united}
            updating={loading}
          />
        </>
      )}
    </FormDialog>
  );
}
