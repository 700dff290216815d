import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/ui/IconButton';

/** A colleague's change, said quietly above the board (and to screen readers). */
export function LiveNote({ note, onDismiss }: { note: string | null; onDismiss: () => void }) {
  const { t } = useTranslation('pipeline');
  return (
    <div role="status" className="live-note-region">
      {note && (
        <div className="live-note">
          <p className="live-note__message">{note}</p>
          <IconButton className="live-note__dismiss" label={t('notice.dismiss')} onClick={onDismiss} />
        </div>
      )}
    </div>
  );
}
