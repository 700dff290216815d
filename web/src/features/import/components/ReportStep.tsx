import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type { ImportKind, PreviewStep_CountsFragment, ReportStep_BatchFragment } from '../../../gql/graphql';
import { forgetImported } from '../forgetImported';
import { UndoImportMutation } from '../graphql/import';
import { rejectedRowsUrl } from '../upload';

/**
 * @public A document graphql-codegen reads; ApplyImportMutation selects it unmasked: the batch is
 * kept in state, as the cache forgets what the import touched right after applying it.
 */
export const ReportStepBatchFragment = graphql(`
  fragment ReportStep_batch on ImportBatch {
    id
    fileName
  }
`);

export interface ReportStepProps {
  batch: ReportStep_BatchFragment;
  counts: PreviewStep_CountsFragment;
  kind: ImportKind;
  fileId: string;
  missionId: string | null;
  mapping: (string | null)[];
  onAnother: () => void;
}

const COUNTS = ['total', 'create', 'update', 'link', 'unchanged', 'skip', 'error'] as const;

/** Step 4: what the import did, where to see it, the rejected rows, and Undo. */
export function ReportStep({ batch, counts, kind, fileId, missionId, mapping, onAnother }: ReportStepProps) {
  const { t, i18n } = useTranslation('import');
  const [undo, undoing] = useMutation(UndoImportMutation);
  const client = useApolloClient();
  const [undone, setUndone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target =
    kind === 'DELEGATION' && missionId ? `/missions/${missionId}` : kind === 'CONTACTS' ? '/contacts' : '/companies';

  async function runUndo() {
    setError(null);
    try {
      const result = await undo({ variables: { batchId: batch.id } });
      const errors = result.data?.undoImport.userErrors ?? [];
      if (errors.length > 0) setError(errors.map((e) => e.message).join(' '));
      else {
        forgetImported(client.cache, missionId);
        setUndone(true);
      }
    } catch {
      setError(t('error'));
    }
  }

  return (
    <Panel title={t('report.title')}>
      <p role="status">{undone ? t('report.undone') : t('report.done', { file: batch.fileName })}</p>
      <dl className="import-counts">
        {COUNTS.map((key) => (
          <div key={key} className={`import-counts__item import-counts__item--${key}`}>
            <dt>{t(`counts.${key}`)}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
      {counts.error > 0 && (
        <p className="import-download">
          {t('preview.download')} :{' '}
          <a href={rejectedRowsUrl(fileId, 'csv', { kind, missionId, mapping, language: i18n.language })} download>
            {t('preview.downloadCsv')}
          </a>{' '}
          ·{' '}
          <a href={rejectedRowsUrl(fileId, 'xlsx', { kind, missionId, mapping, language: i18n.language })} download>
            {t('preview.downloadXlsx')}
          </a>
        </p>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="import-buttons">
        <Link to={target} className="ui-button ui-button--secondary ui-button--medium">
          {t(`report.open.${kind}`)}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          {t('report.another')}
        </Button>
        {!undone && (
          <Button variant="danger" onClick={() => void runUndo()} loading={undoing.loading}>
            {t('report.undo')}
          </Button>
        )}
      </div>
    </Panel>
  );
}
