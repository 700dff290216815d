/**
 * A progress bar: determinate with a fraction (the upload; checking and applying once the server
 * reports how far it got), indeterminate without one. `detail` says it in words ("1 500 / 5 000 rows").
 */
export function Progress({ label, fraction, detail }: { label: string; fraction?: number; detail?: string }) {
  const percent = fraction === undefined ? undefined : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div className="import-progress">
      <span className="import-progress__label">
        {label}
        {detail && ` — ${detail}`}
        {percent !== undefined && ` (${percent} %)`}
      </span>
      <progress
        className="import-progress__bar"
        aria-label={label}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
        aria-valuetext={percent === undefined ? undefined : (detail ?? `${percent} %`)}
        max={100}
        value={percent}
      />
    </div>
  );
}
