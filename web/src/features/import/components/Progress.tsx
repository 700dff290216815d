/**
 * A progress bar: determinate with a fraction (the upload), indeterminate without one (checking
 * and applying run on the server in one request: their end is known, not their middle).
 */
export function Progress({ label, fraction }: { label: string; fraction?: number }) {
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div className="import-progress">
      <span className="import-progress__label">
        {label}
        {percent !== undefined && ` ${percent} %`}
      </span>
      <progress className="import-progress__bar" aria-label={label} max={100} value={percent} />
    </div>
  );
}
