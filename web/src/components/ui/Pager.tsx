import { Button } from './Button';
import './ui.css';

export interface PagerProps {
  /** "12 companies", already translated and pluralised. */
  summary: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  labels: { previous: string; next: string; navigation: string };
}

/** Previous / next for keyset-paginated lists, with the total count. */
export function Pager({ summary, hasPrevious, hasNext, onPrevious, onNext, labels }: PagerProps) {
  return (
    <nav className="ui-pager" aria-label={labels.navigation}>
      <span className="ui-pager__summary" aria-live="polite">
        {summary}
      </span>
      <Button variant="secondary" size="small" disabled={!hasPrevious} onClick={onPrevious}>
        {labels.previous}
      </Button>
      <Button variant="secondary" size="small" disabled={!hasNext} onClick={onNext}>
        {labels.next}
      </Button>
    </nav>
  );
}
