import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/useFormat';

type Change = { before?: unknown; after?: unknown };

function isChange(value: unknown): value is Change {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => key === 'before' || key === 'after')
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(value: unknown, formatInstant: (value: string) => string): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return INSTANT.test(value) ? formatInstant(value) : value;
  return JSON.stringify(value, null, 2);
}

/** An audit event's `changes`: a before → after table when it has that shape, else its JSON. */
export function AuditChanges({ changes, summary }: { changes: Record<string, unknown>; summary: string }) {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormat();
  const formatInstant = (value: string) => formatDate(value, { dateStyle: 'medium', timeStyle: 'medium' });
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="admin-muted">{t('audit.noChanges')}</span>;
  const tabular = entries.every(([, value]) => isChange(value));
  return (
    <details className="audit-details">
      <summary>{summary}</summary>
      {tabular ? (
        <table className="audit-changes">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([field, value]) => {
              const change = value as Change;
              return (
                <tr key={field}>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  <td className="audit-changes__before">
                    <span className="audit-changes__value">{show(change.before, formatInstant)}</span>
                  </td>
                  <td className="audit-changes__after">
                    <span className="audit-changes__value">{show(change.after, formatInstant)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <pre className="audit-json">{JSON.stringify(changes, null, 2)}</pre>
      )}
    </details>
  );
}
