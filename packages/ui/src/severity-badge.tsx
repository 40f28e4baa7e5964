import type { BadgeTone } from './badge.js';

export type Severity = 'critical' | 'major' | 'warning' | 'info';

const tones: Record<Severity, BadgeTone> = {
  critical: 'danger',
  major: 'danger',
  warning: 'warning',
  info: 'info',
};

/** Tone of an alarm severity; critical and major share red, critical is filled. */
export function severityTone(severity: Severity): BadgeTone {
  return tones[severity];
}

export interface SeverityBadgeProps {
  severity: Severity;
  /** The severity in the reader's language; the colour never carries the meaning alone. */
  label: string;
  testId?: string;
}

export function SeverityBadge({ severity, label, testId }: SeverityBadgeProps) {
  const solid = severity === 'critical' ? ' fleet-badge--solid' : '';
  return (
    <span
      className={`fleet-badge fleet-badge--${tones[severity]}${solid}`}
      data-severity={severity}
      data-testid={testId}
    >
      {label}
    </span>
  );
}
