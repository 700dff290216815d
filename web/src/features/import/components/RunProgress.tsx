import { useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/useFormat';
import { ImportProgressQuery } from '../graphql/progress';
import { Progress } from './Progress';

/** How often the wizard asks how far the server has got. */
export const PROGRESS_POLL_MS = 300;

/**
 * The bar shown while the server checks or applies a file: it polls importProgress and shows the
 * phase and "done / total"; indeterminate (with `label`) until the first answer, when the answer is
 * null (another server process runs the import) or when the poll fails.
 */
export function RunProgress({ fileId, label }: { fileId: string; label: string }) {
  const { t } = useTranslation('import');
  const { formatNumber } = useFormat();
  const { data } = useQuery(ImportProgressQuery, {
    variables: { fileId },
    pollInterval: PROGRESS_POLL_MS,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  /** A DONE read before any running phase is the previous run's (kept a minute by the server): not this one. */
  const running = useRef(false);
  const progress = data?.importProgress;
  if (progress && progress.phase !== 'DONE') running.current = true;
  if (!progress || (progress.phase === 'DONE' && !running.current)) return <Progress label={label} />;

  const phase = t(`progress.${progress.phase}`);
  if (progress.total <= 0) return <Progress label={phase} />;
  const unit = progress.phase === 'WRITING' ? 'records' : 'rows';
  const detail = t(`progress.${unit}`, { done: formatNumber(progress.done), total: formatNumber(progress.total) });
  return <Progress label={phase} fraction={progress.done / progress.total} detail={detail} />;
}
