import { useTranslation } from 'react-i18next';
import { classNames } from '../../../components/ui/classNames';
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
          <button type="button" className="move-notice__dismiss" aria-label={t('notice.dismiss')} onClick={onDismiss}>
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="m5.3 4.2 4.7 4.7 4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7z"
              />
            </svg>
          </button>
        </div>
      )}
    </>
  );
}
