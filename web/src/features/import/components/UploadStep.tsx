import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { type UploadedFile, uploadImportFile } from '../upload';
import { Progress } from './Progress';

export interface UploadStepProps {
  onUploaded: (file: UploadedFile) => void;
}

/** Step 1: a file input and a drop zone; the upload's progress as it goes. */
export function UploadStep({ onUploaded }: UploadStepProps) {
  const { t, i18n } = useTranslation('import');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(file: File | undefined) {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      onUploaded(await uploadImportFile(file, i18n.language, setProgress, t('upload.failed')));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setProgress(null);
    }
  }

  function drop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  }

  return (
    <div className="import-upload">
      <label
        className={`import-drop${dragging ? ' import-drop--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <span>{t('upload.drop')}</span>
        <input
          type="file"
          aria-label={t('upload.label')}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={progress !== null}
          onChange={(event) => void send(event.target.files?.[0])}
        />
        <span className="import-muted">{t('upload.hint')}</span>
      </label>
      {progress !== null && <Progress label={t('upload.progress')} fraction={progress} />}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
