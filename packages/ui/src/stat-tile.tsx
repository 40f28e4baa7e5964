import type { ReactNode } from 'react';

export interface StatTileProps {
  label: ReactNode;
  /** The formatted value, e.g. `formatVoltageDv(2469)`. */
  value: ReactNode;
  /** Secondary line under the value (direction, cell number, spread). */
  hint?: ReactNode;
  /** Put on the value element so browser tests can read exactly the number shown. */
  testId?: string;
}

/** One labelled measurement. */
export function StatTile({ label, value, hint, testId }: StatTileProps) {
  return (
    <div className="fleet-stat">
      <div className="fleet-stat__label">{label}</div>
      <div className="fleet-stat__value" data-testid={testId}>
        {value}
      </div>
      {hint !== undefined ? <div className="fleet-stat__hint">{hint}</div> : null}
    </div>
  );
}
