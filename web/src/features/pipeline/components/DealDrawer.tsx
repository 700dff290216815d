import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { QueryError } from '../../../components/ui/QueryError';
import { SelectField } from '../../../components/ui/SelectField';
import { Spinner } from '../../../components/ui/Spinner';
import { useFormat } from '../../../lib/i18n/useFormat';
import { DEAL_MEETINGS, MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { stageCategoryTone } from '../../../lib/status/tones';
import { DealDrawerQuery } from '../graphql/deal';
import type { LiveChange } from '../hooks/useLiveBoard';
import type { MovableDeal, StageRef } from '../types';
import { DAY } from './DealCard';
import { DealConfirmationSection } from './DealConfirmationSection';
import { DealEditForm } from './DealEditForm';
import { DealMeetings } from './DealMeetings';
import { RequestConfirmationDialog } from './RequestConfirmationDialog';
import { StageHistory } from './StageHistory';

export interface DealDrawerProps {
  dealId: string | null;
  editable: boolean;
  /** A move of this deal is on its way to the server. */
  moving: boolean;
  onClose: () => void;
  onMove: (deal: MovableDeal, toStage: StageRef) => void;
  /** The last change a colleague made to this deal (the live board's, useLiveBoard), if any. */
  colleagueChange?: LiveChange;
}

/** A deal beside the board: its summary, stage, edit form, exporter's confirmation, meetings and stage history. */
export function DealDrawer({ dealId, editable, moving, onClose, onMove, colleagueChange }: DealDrawerProps) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const { formatMoney, formatDate } = useFormat();
  const [editing, setEditing] = useState(false);
  // Restarts the edit form from the server's values (after a CONFLICT).
  const [formKey, setFormKey] = useState(0);
  // The dialog asking the exporter to confirm the won deal (`again`: a request was made before).
  const [asking, setAsking] = useState<{ again: boolean } | null>(null);
  const { data, loading, error, refetch } = useQuery(DealDrawerQuery, {
    variables: { id: dealId ?? '', stageChanges: MAX_PAGE_SIZE, meetings: DEAL_MEETINGS },
    skip: !dealId,
  });
  const deal = data?.deal ?? null;

  // A move or an edit changes the version: reload the history that goes with it.
  const seenVersion = useRef<number | null>(null);
  useEffect(() => {
    if (!deal) return;
    if (seenVersion.current !== null && seenVersion.current !== deal.version) void refetch().catch(() => {});
    seenVersion.current = deal.version;
  }, [deal, refetch]);
  useEffect(() => {
    if (!dealId) setEditing(false);
    setAsking(null);
    seenVersion.current = null;
  }, [dealId]);

  // A colleague's change made while the drawer is open is said at its top (the deal reloads with the board).
  const [changeAtOpen, setChangeAtOpen] = useState<LiveChange | undefined>(colleagueChange);
  // biome-ignore lint/correctness/useExhaustiveDependencies: taken again when another deal opens, not on each change
  useEffect(() => setChangeAtOpen(colleagueChange), [dealId]);
  const changedMeanwhile = colleagueChange && colleagueChange !== changeAtOpen ? colleagueChange : undefined;

  const title = deal?.title ?? t('drawer.loadingTitle');

  return (
    <>
      <Dialog open={dealId !== null} variant="drawer" title={title} onClose={onClose} closeLabel={tc('common.close')}>
        {loading && !deal ? (
          <Spinner label={tc('app.loading')} />
        ) : error && !deal ? (
          <QueryError refetch={refetch} />
        ) : !deal ? (
          <EmptyState title={t('drawer.notFound')} />
        ) : (
          <div className="deal-drawer">
            {changedMeanwhile && (
              <div role="status" className="live-note live-note--drawer">
                <p className="live-note__message">
                  {t(editing ? 'live.drawerEditing' : 'live.drawer', { name: changedMeanwhile.byName })}
                </p>
                <Button size="small" variant="secondary" onClick={() => setChangeAtOpen(changedMeanwhile)}>
                  {t('live.understood')}
                </Button>
              </div>
            )}
            <div className="deal-drawer__summary">
              <div className="deal-drawer__badges">
                <Badge tone={stageCategoryTone[deal.stage.category]}>{deal.stage.name}</Badge>
                <span className="deal-drawer__pipeline">{deal.pipeline.name}</span>
              </div>
              <p className="deal-drawer__amount">
                {deal.amount ? formatMoney(deal.amount.amount, deal.amount.currency) : t('card.noAmount')}
                {deal.amount &&
                  deal.amountInBaseCurrency &&
                  deal.amountInBaseCurrency.currency !== deal.amount.currency && (
                    <span className="deal-drawer__converted">
                      ≈ {formatMoney(deal.amountInBaseCurrency.amount, deal.amountInBaseCurrency.currency)}
                    </span>
                  )}
                {deal.exchangeRateMissing && (
                  <Badge tone="warning">{t('card.rateMissing', { currency: deal.amount?.currency ?? '' })}</Badge>
                )}
              </p>
              <p className="deal-drawer__parties">
                <Link to={`/companies/${deal.exporter.id}`}>{deal.exporter.name}</Link>
                <span aria-hidden="true"> → </span>
                <span className="ui-visually-hidden"> {t('card.to')} </span>
                {deal.buyer ? (
                  <Link to={`/companies/${deal.buyer.id}`}>{deal.buyer.name}</Link>
                ) : (
                  <span>{t('card.noBuyer')}</span>
                )}
              </p>
              <dl className="deal-drawer__facts">
                <div>
                  <dt>{t('form.owner')}</dt>
                  <dd>{deal.owner.fullName}</dd>
                </div>
                <div>
                  <dt>{t('form.expectedClose')}</dt>
                  <dd>{deal.expectedCloseOn ? formatDate(deal.expectedCloseOn, DAY) : tc('common.unknown')}</dd>
                </div>
                {deal.closedOn && (
                  <div>
                    <dt>{t('drawer.closedOn')}</dt>
                    <dd>{formatDate(deal.closedOn, DAY)}</dd>
                  </div>
                )}
                {deal.lostReason && (
                  <div className="deal-drawer__wide">
                    <dt>{t('lost.reason')}</dt>
                    <dd>{deal.lostReason}</dd>
                  </div>
                )}
              </dl>
              {editable && (
                <div className="deal-drawer__actions">
                  <SelectField
                    label={t('drawer.stage')}
                    className="deal-drawer__stage"
                    value={deal.stage.id}
                    disabled={moving}
                    hint={moving ? t('drawer.moving') : undefined}
                    options={deal.pipeline.stages.map((stage) => ({ value: stage.id, label: stage.name }))}
                    onChange={(event) => {
                      const stage = deal.pipeline.stages.find((candidate) => candidate.id === event.target.value);
                      if (!stage || stage.id === deal.stage.id) return;
                      onMove(
                        {
                          id: deal.id,
                          title: deal.title,
                          version: deal.version,
                          stageId: deal.stage.id,
                          amountInBaseCurrency: deal.amountInBaseCurrency,
                        },
                        stage,
                      );
                    }}
                  />
                  {!editing && (
                    <Button variant="secondary" onClick={() => setEditing(true)}>
                      {t('drawer.edit')}
                    </Button>
                  )}
                </div>
              )}
            </div>

            {editing && (
              <section className="drawer-section" aria-label={t('drawer.editTitle')}>
                <DealEditForm
                  key={formKey}
                  deal={deal}
                  onDone={() => setEditing(false)}
                  onCancel={() => setEditing(false)}
                  onReload={() =>
                    void refetch()
                      .then(() => setFormKey((key) => key + 1))
                      .catch(() => {})
                  }
                />
              </section>
            )}

            <DealConfirmationSection deal={deal} editable={editable} onAsk={(again) => setAsking({ again })} />

            <section className="drawer-section" aria-labelledby="deal-drawer-meetings">
              <h3 id="deal-drawer-meetings" className="drawer-section__title">
                {t('drawer.meetings')}
              </h3>
              <DealMeetings deal={deal} />
            </section>

            <section className="drawer-section" aria-labelledby="deal-drawer-history">
              <h3 id="deal-drawer-history" className="drawer-section__title">
                {t('drawer.history')}
              </h3>
              <StageHistory deal={deal} />
            </section>
          </div>
        )}
      </Dialog>
      {/* Beside the drawer, not in it: a dialog's Escape and backdrop clicks stay its own. */}
      {deal && asking && (
        <RequestConfirmationDialog
          dealId={deal.id}
          exporter={deal.exporter}
          again={asking.again}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
