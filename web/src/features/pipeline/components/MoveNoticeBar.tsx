import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { IconButton } from '../../../components/ui/IconButton';
import type { MoveNotice } from '../hooks/useDealMoves';

export interface MoveNoticeBarProps {
  notice: MoveNotice | null;
  onDismiss: () => void;
  /** Opens a deal just won, to ask its exporter to confirm it; absent for readers who cannot ask. */
  onAskConfirmation?: (dealId: string) => void;
}

/**
 * What happened to the last move: refused moves as an alert, successful ones as a quiet status;
 * a deal just won, with an offer to ask its exporter to confirm it (funders trust confirmed value).
 */
export function MoveNoticeBar({ notice, onDismiss, onAskConfirmation }: MoveNoticeBarProps) {
  const { t } = useTranslation('pipeline');
  const won = notice?.tone === 'success' ? notice.won : undefined;
  return (
    <>
      <div role="status" className="ui-visually-hidden">
        {notice?.tone === 'success' ? notice.message : ''}
      </div>
      {notice?.tone === 'error' && (
        <div role="alert" className={classNames('move-notice', `move-notice--${notice.tone}`)}>
          <div className="move-notice__body">
            {notice.title && <p className="move-notice__title">{notice.title}</p>}
            <p className="move-notice__message">{notice.message}</p>
          </div>
          <IconButton className="move-notice__dismiss" label={t('notice.dismiss')} onClick={onDismiss} />
        </div>
      )}
      {won && onAskConfirmation && (
        <section className="move-notice move-notice--won" aria-label={t('wonNotice.label')}>
          <div className="move-notice__body">
            <p className="move-notice__title">{t('wonNotice.title', { title: won.title })}</p>
            <p className="move-notice__message">{t('wonNotice.message')}</p>
          </div>
          <Button size="small" variant="secondary" onClick={() => onAskConfirmation(won.dealId)}>
            {t('wonNotice.ask')}
          </Button>
          <IconButton className="move-notice__dismiss" label={t('notice.dismiss')} onClick={onDismiss} />
        </section>
      )}
    </>
  );
}
