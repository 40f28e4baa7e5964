import type { AlarmSeverity } from '@fleet/telemetry';

export type FleetOverviewSort = 'name' | 'severity';

/**
 * Where a fleet overview page ended. By name: the last (name, id). By severity: first the strings
 * with an open alarm (phase 'alarmed', ordered by severity, name, id), then the rest by name
 * (phase 'rest'), so `severity` is set in the first phase only.
 */
export interface FleetOverviewCursor {
  sort: FleetOverviewSort;
  phase: 'alarmed' | 'rest';
  severity?: AlarmSeverity;
  name: string;
  id: string;
}

/** A cursor the overview did not hand out (or for the other sort): the API answers 400. */
export class InvalidFleetCursorError extends Error {
  override readonly name = 'InvalidFleetCursorError';
}

const SEVERITIES: readonly string[] = ['critical', 'major', 'warning', 'info'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of a JSON array. */
export function encodeFleetCursor(c: FleetOverviewCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.phase, c.severity ?? null, c.name, c.id])).toString(
    'base64url',
  );
}

export function decodeFleetCursor(text: string, sort: FleetOverviewSort): FleetOverviewCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidFleetCursorError('cursor is not one this overview handed out');
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) {
    throw new InvalidFleetCursorError('cursor is not one this overview handed out');
  }
  const [s, phase, severity, name, id] = parsed as unknown[];
  if (s !== sort) {
    throw new InvalidFleetCursorError(`cursor belongs to sort=${String(s)}, not sort=${sort}`);
  }
  const phaseOk = phase === 'rest' || (phase === 'alarmed' && sort === 'severity');
  const severityOk =
    phase === 'alarmed' ? typeof severity === 'string' && SEVERITIES.includes(severity) : severity === null;
  if (!phaseOk || !severityOk || typeof name !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidFleetCursorError('cursor is not one this overview handed out');
  }
  return {
    sort,
    phase,
    ...(phase === 'alarmed' ? { severity: severity as AlarmSeverity } : {}),
    name,
    id,
  };
}
