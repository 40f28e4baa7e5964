import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  testId?: string;
}

export function Badge({ tone = 'neutral', children, testId }: BadgeProps) {
  return (
    <span className={`fleet-badge fleet-badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

/** Tone per basic operating state of 0x4250 (protocol reference §1.4.5, table A). */
const stateTones: Record<string, BadgeTone> = {
  charge: 'success',
  discharge: 'info',
  idle: 'neutral',
  sleep: 'neutral',
  reserved: 'warning',
};

export interface StateBadgeProps {
  /** The pack state as sent (`charge`, `discharge`, `idle`, `sleep`, `reserved`), or null when unknown. */
  state: string | null | undefined;
  testId?: string;
}

/** A badge for a pack's operating state; unknown or absent states render neutrally, never hidden. */
export function StateBadge({ state, testId }: StateBadgeProps) {
  const label = state ?? 'unknown';
  return (
    <span
      className={`fleet-badge fleet-badge--${stateTones[label] ?? 'neutral'} fleet-badge--state`}
      data-testid={testId}
    >
      {label}
    </span>
  );
}
