import type { ReactNode } from 'react';

/** One figure of a mission's outcome: a label, the value, and a line that explains it. */
export function OutcomeKpi({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="outcome-kpi">
      <dt className="outcome-kpi__label">{label}</dt>
      <dd className="outcome-kpi__value">{value}</dd>
      {hint && <dd className="outcome-kpi__hint">{hint}</dd>}
    </div>
  );
}
