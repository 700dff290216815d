import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ExportMenu } from '../../components/export/ExportMenu';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { Spinner } from '../../components/ui/Spinner';
import type { DealFilter } from '../../gql/graphql';
import { useFormat } from '../../lib/i18n/useFormat';
import { addDecimal } from '../../lib/money/decimal';
import { canEdit, isAdmin } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { buildColumns } from './boardColumns';
import { Board } from './components/Board';
import { BoardFilters, type BoardFilterValues } from './components/BoardFilters';
import { DealDrawer } from './components/DealDrawer';
import { LiveNote } from './components/LiveNote';
import { LostReasonDialog } from './components/LostReasonDialog';
import { MoveNoticeBar } from './components/MoveNoticeBar';
import { NewDealDialog } from './components/NewDealDialog';
import { PipelineBoardQuery, PipelineSwitcherQuery } from './graphql/board';
import { useDealMoves } from './hooks/useDealMoves';
import { useLiveBoard } from './hooks/useLiveBoard';
import { useStagePages } from './hooks/useStagePages';
import type { MovableDeal, StageRef } from './types';
import './pipeline.css';
import { QueryError } from '../../components/ui/QueryError';
import { PIPELINE_CHOICES, STAGE_PAGE_SIZE } from '../../lib/pagination/useListPage';

/** The board of a pipeline (`/pipeline/:pipelineId`, or the agency's default one at `/pipeline`). */
export function PipelinePage() {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const { pipelineId: routePipelineId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { viewer } = useViewer();
  const editable = canEdit(viewer?.role);

  const switcher = useQuery(PipelineSwitcherQuery, { variables: { pipelines: PIPELINE_CHOICES } });
  const pipelines = switcher.data?.pipelines.nodes ?? [];
  const pipelineId = routePipelineId ?? (pipelines.find((pipeline) => pipeline.isDefault) ?? pipelines[0])?.id ?? null;
  const baseCurrency = switcher.data?.agency.baseCurrency ?? 'EUR';

  if (switcher.loading && !switcher.data) return <Spinner size="large" label={tc('app.loading')} />;
  if (switcher.error && !switcher.data) {
    return <QueryError refetch={switcher.refetch} />;
  }
  if (!pipelineId) {
    return (
      <div className="ui-stack pipeline-page">
        <PageHeader title={t('title')} />
        <EmptyState
          title={t('empty.noPipeline')}
          action={
            isAdmin(viewer?.role) ? (
              <Link className="ui-button ui-button--primary ui-button--medium" to="/admin/pipelines">
                {t('empty.createPipeline')}
              </Link>
            ) : undefined
          }
        >
          {t('empty.noPipelineHelp')}
        </EmptyState>
      </div>
    );
  }

  return (
    <PipelineBoardScreen
      key={pipelineId}
      pipelineId={pipelineId}
      pipelines={pipelines}
      baseCurrency={baseCurrency}
      editable={editable}
      viewerId={viewer?.id ?? ''}
      params={params}
      setParams={setParams}
      onSwitch={(id) => navigate({ pathname: `/pipeline/${id}`, search: params.toString() })}
    />
  );
}

interface ScreenProps {
  pipelineId: string;
  pipelines: readonly { id: string; name: string; isDefault: boolean }[];
  baseCurrency: string;
  editable: boolean;
  viewerId: string;
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
  onSwitch: (pipelineId: string) => void;
}

function PipelineBoardScreen({
  pipelineId,
  pipelines,
  baseCurrency,
  editable,
  viewerId,
  params,
  setParams,
  onSwitch,
}: ScreenProps) {
  const { t } = useTranslation('pipeline');
  const { formatMoneyWhole: formatMoney } = useFormat();

  const filters: BoardFilterValues = {
    owner: params.get('owner') ?? '',
    mission: params.get('mission') ?? '',
    exporter: params.get('exporter') ?? '',
  };
  const filter = useMemo<DealFilter | undefined>(() => {
    const value: DealFilter = {};
    if (filters.owner) value.ownerIds = [filters.owner];
    if (filters.mission) value.sourceMissionIds = [filters.mission];
    if (filters.exporter) value.exporterIds = [filters.exporter];
    return Object.keys(value).length > 0 ? value : undefined;
  }, [filters.owner, filters.mission, filters.exporter]);

  const board = useQuery(PipelineBoardQuery, {
    variables: { pipelineId, filter, stagePageSize: STAGE_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const refetchBoard = board.refetch;
  const more = useStagePages({ filter });
  const resetMore = more.reset;
  // The board's first pages may shift when it reloads: the pages "Show more" added go with them.
  const refresh = useCallback(async () => {
    await refetchBoard();
    resetMore();
  }, [refetchBoard, resetMore]);
  const moves = useDealMoves({ refresh });
  // Colleagues' changes, as they happen (issue 15).
  const live = useLiveBoard({ pipelineId, viewerId, refresh });
  const [lostRequest, setLostRequest] = useState<{ deal: MovableDeal; toStage: StageRef } | null>(null);
  const [creating, setCreating] = useState(false);

  const pipeline = board.data?.pipeline;
  const columns = useMemo(
    () => buildColumns(pipeline?.stages ?? [], moves.pending, more.extra),
    [pipeline, moves.pending, more.extra],
  );
  const showMoreDeals = more.showMore;
  const onShowMore = useCallback(
    (stageId: string) => {
      const stage = pipeline?.stages.find((candidate) => candidate.id === stageId);
      return showMoreDeals(stageId, stage?.deals.pageInfo.endCursor ?? null);
    },
    [pipeline, showMoreDeals],
  );
  const stages = useMemo(() => columns.map((column) => column.stage), [columns]);

  const openDealId = params.get('deal');
  const fromInteractionId = params.get('fromInteraction');
  const newDealOpen = editable && (creating || fromInteractionId !== null);

  function updateParams(change: Record<string, string | null>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: !('deal' in change) },
    );
  }

  function requestMove(deal: MovableDeal, toStage: StageRef) {
    if (toStage.category === 'LOST') setLostRequest({ deal, toStage });
    else void moves.move(deal, toStage);
  }

  const openDeals = columns.filter((column) => column.stage.category === 'OPEN');
  const openCount = openDeals.reduce((sum, column) => sum + column.count, 0);
  const openTotal = openDeals.reduce(
    (sum, column) => (column.total.currency === baseCurrency ? (addDecimal(sum, column.total.amount) ?? sum) : sum),
    '0',
  );

  return (
    <div className="ui-stack pipeline-page">
      <PageHeader
        title={t('title')}
        subtitle={
          pipeline ? t('subtitle', { count: openCount, total: formatMoney(openTotal, baseCurrency) }) : undefined
        }
        actions={
          <>
            <ExportMenu list="deals" filter={{ ...filter, pipelineIds: [pipelineId] }} />
            {editable && (
              <Button onClick={() => setCreating(true)} disabled={!pipeline}>
                {t('create.open')}
              </Button>
            )}
          </>
        }
      />

      <div className="pipeline-toolbar">
        <SelectField
          label={t('switcher.label')}
          className="pipeline-toolbar__switcher"
          value={pipelineId}
          options={pipelines.map((candidate) => ({
            value: candidate.id,
            label: candidate.isDefault ? t('switcher.default', { name: candidate.name }) : candidate.name,
          }))}
          onChange={(event) => onSwitch(event.target.value)}
        />
        <BoardFilters values={filters} onChange={(change) => updateParams(change)} />
      </div>

      {!editable && <p className="pipeline-readonly">{t('readOnly')}</p>}
      <MoveNoticeBar
        notice={moves.notice}
        onDismiss={moves.dismissNotice}
        onAskConfirmation={
          editable
            ? (dealId) => {
                moves.dismissNotice();
                updateParams({ deal: dealId });
              }
            : undefined
        }
      />
      <LiveNote note={live.note} onDismiss={live.dismiss} />

      {board.loading && !board.data ? (
        <Spinner size="large" label={t('board.loading')} />
      ) : board.error && !board.data ? (
        <QueryError refetch={refresh} />
      ) : !pipeline ? (
        <EmptyState
          title={t('empty.notFound')}
          action={
            <Link className="ui-button ui-button--secondary ui-button--medium" to="/pipeline">
              {t('empty.backToDefault')}
            </Link>
          }
        />
      ) : columns.length === 0 ? (
        <EmptyState title={t('empty.noStages')}>{t('empty.noStagesHelp')}</EmptyState>
      ) : (
        <>
          {filter && columns.every((column) => column.count === 0) && (
            <p className="pipeline-filtered-empty" role="status">
              {t('empty.noMatch')}
            </p>
          )}
          <Board
            columns={columns}
            editable={editable}
            onOpen={(dealId) => updateParams({ deal: dealId })}
            onMove={requestMove}
            onShowMore={onShowMore}
          />
        </>
      )}

      <LostReasonDialog
        request={lostRequest ? { dealTitle: lostRequest.deal.title, stageName: lostRequest.toStage.name } : null}
        onCancel={() => setLostRequest(null)}
        onConfirm={(reason) => {
          if (lostRequest) void moves.move(lostRequest.deal, lostRequest.toStage, reason);
          setLostRequest(null);
        }}
      />

      <DealDrawer
        dealId={openDealId}
        editable={editable}
        moving={openDealId !== null && moves.pending[openDealId] !== undefined}
        onClose={() => updateParams({ deal: null })}
        onMove={requestMove}
        colleagueChange={openDealId ? live.changes[openDealId] : undefined}
      />

      {pipeline && (
        <NewDealDialog
          open={newDealOpen}
          pipelineId={pipeline.id}
          stages={stages}
          baseCurrency={baseCurrency}
          viewerId={viewerId}
          fromInteractionId={fromInteractionId}
          onClose={() => {
            setCreating(false);
            updateParams({ fromInteraction: null });
          }}
          onCreated={(dealId) => {
            setCreating(false);
            updateParams({ fromInteraction: null, deal: dealId });
          }}
        />
      )}
    </div>
  );
}
