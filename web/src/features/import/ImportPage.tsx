import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageHeader } from '../../components/ui/PageHeader';
import { Panel } from '../../components/ui/Panel';
import type { ImportKind, PreviewStep_CountsFragment, ReportStep_BatchFragment } from '../../gql/graphql';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { MappingStep } from './components/MappingStep';
import { PreviewStep } from './components/PreviewStep';
import { Progress } from './components/Progress';
import { ReportStep } from './components/ReportStep';
import { UploadStep } from './components/UploadStep';
import { ImportFileQuery } from './graphql/import';
import './import.css';

const KINDS: ImportKind[] = ['COMPANIES', 'CONTACTS', 'DELEGATION'];
type Step = 'upload' | 'map' | 'preview' | 'report';
const STEPS: Step[] = ['upload', 'map', 'preview', 'report'];

/**
 * The import wizard: /import?kind=COMPANIES|CONTACTS|DELEGATION[&missionId=]. Upload a file, map
 * its columns, check what would happen (nothing written), decide on look-alikes, apply, undo.
 */
export function ImportPage() {
  const { t } = useTranslation('import');
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const kind: ImportKind = KINDS.includes(params.get('kind') as ImportKind)
    ? (params.get('kind') as ImportKind)
    : 'COMPANIES';
  const missionId = kind === 'DELEGATION' ? params.get('missionId') : null;
  const [step, setStep] = useState<Step>('upload');
  const [fileId, setFileId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<(string | null)[] | null>(null);
  const [applied, setApplied] = useState<{
    batch: ReportStep_BatchFragment;
    counts: PreviewStep_CountsFragment;
  } | null>(null);
  const file = useQuery(ImportFileQuery, {
    variables: { id: fileId ?? '', kind },
    skip: !fileId,
    fetchPolicy: 'network-only',
  });
  const info = file.data?.importFile ?? null;
  const columns = mapping ?? info?.columns.map((column) => column.field ?? null) ?? [];
  const back =
    kind === 'DELEGATION' && missionId ? `/missions/${missionId}` : kind === 'CONTACTS' ? '/contacts' : '/companies';

  function restart() {
    setFileId(null);
    setMapping(null);
    setApplied(null);
    setStep('upload');
  }

  let body: React.ReactNode;
  if (!canEdit(viewer?.role)) {
    body = <ErrorMessage>{t('error')}</ErrorMessage>;
  } else if (step === 'upload') {
    body = (
      <UploadStep
        onUploaded={(uploaded) => {
          setFileId(uploaded.fileId);
          setMapping(null);
          setStep('map');
        }}
      />
    );
  } else if (!info) {
    body = file.error ? <ErrorMessage>{t('error')}</ErrorMessage> : <Progress label={t('checking')} />;
  } else if (step === 'map') {
    body = (
      <MappingStep
        file={info}
        mapping={columns}
        onChange={setMapping}
        onCheck={() => setStep('preview')}
        onAnotherFile={restart}
      />
    );
  } else if (step === 'preview' && fileId) {
    body = (
      <PreviewStep
        fileId={fileId}
        kind={kind}
        missionId={missionId}
        mapping={columns}
        headers={info.columns.map((column) => column.header)}
        onRemap={() => setStep('map')}
        onApplied={(batch, counts) => {
          setApplied({ batch, counts });
          setStep('report');
        }}
      />
    );
  } else if (applied && fileId) {
    body = (
      <ReportStep
        batch={applied.batch}
        counts={applied.counts}
        kind={kind}
        fileId={fileId}
        missionId={missionId}
        mapping={columns}
        onAnother={restart}
      />
    );
  }

  return (
    <div className="import">
      <PageHeader
        eyebrow={<Link to={back}>{t('back')}</Link>}
        title={`${t('title')} — ${t(`kinds.${kind}`)}`}
        subtitle={t(`subtitle.${kind}`)}
      />
      <ol className="import-steps" aria-label={t('steps.label')}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            className={`import-steps__step${name === step ? ' import-steps__step--current' : ''}${
              STEPS.indexOf(step) > index ? ' import-steps__step--done' : ''
            }`}
            aria-current={name === step ? 'step' : undefined}
          >
            {index + 1}. {t(`steps.${name}`)}
          </li>
        ))}
      </ol>
      {step === 'upload' || step === 'map' ? <Panel title={t(`steps.${step}`)}>{body}</Panel> : body}
    </div>
  );
}
