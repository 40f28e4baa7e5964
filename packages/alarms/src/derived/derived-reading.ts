/**
 * What a derived-alarm condition measured: `value` is judged against the rule's thresholds by the
 * evaluator (an Observation `{ kind: 'value', value }`); null = cannot be judged now, with the
 * reason named (bad input is never thrown).
 */
export interface DerivedReading {
  value: number | null;
  reason?: string;
}

export function unjudged(reason: string): { value: null; reason: string } {
  return { value: null, reason };
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
