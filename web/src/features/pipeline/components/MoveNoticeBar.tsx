import { useTranslation } from 'react-i18next';
import { classNames } from '../../../components/ui/classNames';
import { IconButton } from '../../../components/ui/IconButton';
import type { MoveNotice } from '../hooks/useDealMoves';

/** What happened to the last move: refused moves as an alert, successful ones as a quiet status. */
export function MoveNoticeBar({ notice, onDismiss }: { notice: MoveNotice | null; onDismiss: () => void }) {
  const { t } = useTranslation('pipeline');
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
    </>
  );
}
