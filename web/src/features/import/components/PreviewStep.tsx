import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { type Column, DataTable } from '../../../components/ui/DataTable';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type {
  ImportDecisionAction,
  ImportKind,
  ImportRowAction,
  PreviewStep_CountsFragment,
  PreviewStep_RowFragment,
  ReportStep_BatchFragment,
} from '../../../gql/graphql';
import { IMPORT_DUPLICATES_SHOWN, IMPORT_PREVIEW_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { importRowActionTone } from '../../../lib/status/tones';
import { forgetImported } from '../forgetImported';
import { ApplyImportMutation, PreviewImportQuery } from '../graphql/import';
import { rejectedRowsUrl } from '../upload';
import { type Decision, DuplicateDecision } from './DuplicateDecision';
import { RunProgress } from './RunProgress';

const ACTIONS: ImportRowAction[] = ['CREATE', 'UPDATE', 'LINK', 'UNCHANGED', 'SKIP', 'ERROR', 'POSSIBLE_DUPLICATE'];
const COUNTS = ['total', 'create', 'update', 'link', 'unchanged', 'skip', 'error', 'possibleDuplicate'] as const;

/** @public A document graphql-codegen reads; the preview and the applied import select it unmasked. */
export const PreviewStepCountsFragment = graphql(`
  fragment PreviewStep_counts on ImportCounts {
    total
    create
    update
    link
    unchanged
    skip
    error
    possibleDuplicate
  }
`);

/** @public A document graphql-codegen reads; PreviewImportQuery selects it unmasked (an import row has no id). */
export const PreviewStepRowFragment = graphql(`
  fragment PreviewStep_row on ImportRow {
    row
    action
    name
    target {
      id
      name
    }
    reasons
    changes
    decision
    errors {
      column
      header
      field
      message
    }
    ...DuplicateDecision_row @unmask
  }
`);

export interface PreviewStepProps {
  fileId: string;
  kind: ImportKind;
  missionId: string | null;
  mapping: (string | null)[];
  headers: string[];
  onRemap: () => void;
  onApplied: (batch: ReportStep_BatchFragment, counts: PreviewStep_CountsFragment) => void;
}

/** Step 3: what the import would do (nothing written), decisions on look-alikes, then apply. */
export function PreviewStep({ fileId, kind, missionId, mapping, headers, onRemap, onApplied }: PreviewStepProps) {
  const { t, i18n } = useTranslation('import');
  const [filter, setFilter] = useState<ImportRowAction | ''>('');
  const [offset, setOffset] = useState(0);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [applyError, setApplyError] = useState<string | null>(null);
  /** What the look-alikes without a decision of their own become (CREATE or SKIP), if the user chose. */
  const [undecided, setUndecided] = useState<ImportDecisionAction | null>(null);
  const input = { fileId, kind, missionId, mapping, decisions: [] };
  const { data, previousData, loading, error, refetch } = useQuery(PreviewImportQuery, {
    variables: {
      input,
      actions: filter ? [filter] : null,
      first: IMPORT_PREVIEW_PAGE_SIZE,
      offset,
      duplicates: IMPORT_DUPLICATES_SHOWN,
    },
    fetchPolicy: 'network-only',
  });
  const [apply, applying] = useMutation(ApplyImportMutation);
  const client = useApolloClient();
  const shown = data ?? previousData;
  const payload = shown?.previewImport;
  const preview = payload?.preview;

  if (error && !shown) {
    return (
      <ErrorMessage retry={{ label: t('preview.summary'), onRetry: () => void refetch() }}>{t('error')}</ErrorMessage>
    );
  }
  if (!payload) return <RunProgress fileId={fileId} label={t('checking')} />;
  if (!preview) return <ErrorMessage>{payload.userErrors.map((e) => e.message).join(' ')}</ErrorMessage>;

  const duplicates = preview.duplicates.nodes;
  const total = preview.counts.possibleDuplicate;
  const decided = undecided ? total : duplicates.filter((row) => decisions.has(row.row)).length;
  const accepted = preview.counts.create + preview.counts.update + preview.counts.link + total;
  const ready = preview.issues.length === 0 && decided === total && accepted > 0;

  async function run() {
    setApplyError(null);
    try {
      const result = await apply({
        variables: {
          input: {
            ...input,
            decisions: [...decisions].map(([row, decision]) => ({ row, ...decision })),
            undecided,
          },
        },
      });
      const outcome = result.data?.applyImport;
      if (outcome?.batch && outcome.preview) {
        forgetImported(client.cache, missionId);
        onApplied(outcome.batch, outcome.preview.counts);
      } else setApplyError(outcome?.userErrors.map((e) => e.message).join(' ') || t('error'));
    } catch {
      setApplyError(t('error'));
    }
  }

  const columns: Column<PreviewStep_RowFragment>[] = [
    { key: 'row', header: t('preview.row'), align: 'end', render: (row) => row.row },
    {
      key: 'action',
      header: t('preview.action'),
      render: (row) => <Badge tone={importRowActionTone[row.action]}>{t(`actions.${row.action}`)}</Badge>,
    },
    { key: 'name', header: t('preview.name'), render: (row) => row.name || '—' },
    {
      key: 'why',
      header: t('preview.details'),
      render: (row) => (
        <ul className="import-reasons">
          {row.errors.map((e) => (
            <li key={`${e.column}-${e.message}`} className="import-error">
              {e.header ? `${e.header} : ` : ''}
              {e.message}
            </li>
          ))}
          {row.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ),
    },
  ];
  const shownRows = preview.rows.totalCount;
  const url = (format: 'csv' | 'xlsx') =>
    rejectedRowsUrl(fileId, format, { kind, missionId, mapping, language: i18n.language });

  return (
    <div className="import-preview">
      {loading && <RunProgress fileId={fileId} label={t('checking')} />}
      <Panel title={t('preview.summary')}>
        <p className="import-muted">{t('preview.nothingWritten')}</p>
        <dl className="import-counts">
          {COUNTS.map((key) => (
            <div key={key} className={`import-counts__item import-counts__item--${key}`}>
              <dt>{t(`counts.${key}`)}</dt>
              <dd>{preview.counts[key]}</dd>
            </div>
          ))}
        </dl>
        {preview.issues.map((issue) => (
          <ErrorMessage key={issue.message}>{issue.message}</ErrorMessage>
        ))}
        {preview.counts.error > 0 && (
          <p className="import-download">
            {t('preview.download')} :{' '}
            <a href={url('csv')} download>
              {t('preview.downloadCsv')}
            </a>{' '}
            ·{' '}
            <a href={url('xlsx')} download>
              {t('preview.downloadXlsx')}
            </a>
          </p>
        )}
      </Panel>

      {duplicates.length > 0 && (
        <Panel
          title={t('preview.duplicatesTitle', { count: total })}
          actions={<span className="import-muted">{t('preview.decided', { decided, total })}</span>}
        >
          <p className="import-muted">{t('preview.duplicatesHelp')}</p>
          <div className="import-buttons import-buttons--start">
            <Button variant="secondary" size="small" onClick={() => setUndecided('CREATE')}>
              {t('preview.restCreate')}
            </Button>
            <Button variant="secondary" size="small" onClick={() => setUndecided('SKIP')}>
              {t('preview.restSkip')}
            </Button>
            {undecided && (
              <Button variant="ghost" size="small" onClick={() => setUndecided(null)}>
                {t('preview.restClear')}
              </Button>
            )}
          </div>
          {undecided && (
            <p role="status">{t(undecided === 'CREATE' ? 'preview.restCreated' : 'preview.restSkipped')}</p>
          )}
          {total > duplicates.length && (
            <p className="import-muted">{t('preview.firstShown', { shown: duplicates.length, total })}</p>
          )}
          {duplicates.map((row) => (
            <DuplicateDecision
              key={row.row}
              row={row}
              details={headers
                .map((header, index) => (row.values?.[index] ? `${header}: ${row.values[index]}` : ''))
                .filter(Boolean)
                .join(' · ')}
              decision={decisions.get(row.row)}
              onDecide={(decision) => setDecisions((current) => new Map(current).set(row.row, decision))}
            />
          ))}
        </Panel>
      )}

      <Panel
        title={t('preview.rowsTitle')}
        actions={
          <label className="import-filter">
            {t('preview.filter')}{' '}
            <select
              className="ui-field__input ui-field__select"
              value={filter}
              onChange={(event) => {
                setFilter(event.target.value as ImportRowAction | '');
                setOffset(0);
              }}
            >
              <option value="">{t('preview.all')}</option>
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`actions.${action}`)}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <DataTable
          caption={t('preview.rowsCaption')}
          columns={columns}
          rows={preview.rows.nodes}
          rowKey={(row) => String(row.row)}
          busy={loading}
        />
        {shownRows > IMPORT_PREVIEW_PAGE_SIZE && (
          <div className="import-buttons">
            <span className="import-muted">
              {t('preview.range', {
                from: offset + 1,
                to: Math.min(offset + IMPORT_PREVIEW_PAGE_SIZE, shownRows),
                total: shownRows,
              })}
            </span>
            <Button
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - IMPORT_PREVIEW_PAGE_SIZE))}
            >
              {t('preview.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={offset + IMPORT_PREVIEW_PAGE_SIZE >= shownRows}
              onClick={() => setOffset(offset + IMPORT_PREVIEW_PAGE_SIZE)}
            >
              {t('preview.more')}
            </Button>
          </div>
        )}
      </Panel>

      {applying.loading && <RunProgress fileId={fileId} label={t('applying')} />}
      {applyError && <ErrorMessage>{applyError}</ErrorMessage>}
      {!ready && total > decided && <p className="import-warning">{t('preview.needDecisions')}</p>}
      <div className="import-buttons">
        <Button variant="secondary" onClick={onRemap} disabled={applying.loading}>
          {t('preview.remap')}
        </Button>
        <Button onClick={() => void run()} disabled={!ready} loading={applying.loading}>
          {t('preview.apply')}
        </Button>
      </div>
    </div>
  );
}
