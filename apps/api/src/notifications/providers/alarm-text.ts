import type { AlarmEvent } from '@fleet/telemetry';

/** One-line summary used by every channel: `[CRITICAL] Cell over-voltage — fired (×3)`. */
export function alarmHeadline(event: AlarmEvent): string {
  const count = event.count > 1 ? ` (×${event.count})` : '';
  return `[${event.severity.toUpperCase()}] ${event.title} — ${event.transition}${count}`;
}

/** Catalogue text carried in the event detail by the evaluator, when it has it. */
export interface CatalogueText {
  meaning: string | null;
  causes: string[];
  firstSteps: string[];
}

export function catalogueText(event: AlarmEvent): CatalogueText {
  const d = event.detail;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    meaning: typeof d.meaning === 'string' ? d.meaning : null,
    causes: list(d.causes ?? d.likelyCauses),
    firstSteps: list(d.firstSteps),
  };
}

export const SEVERITY_COLOUR: Record<AlarmEvent['severity'], string> = {
  critical: 'B00020',
  major: 'E65100',
  warning: 'F9A825',
  info: '1565C0',
};
