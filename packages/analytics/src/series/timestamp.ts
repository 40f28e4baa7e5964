/**
 * A point in time as callers hold it: epoch milliseconds (rollups, the database driver) or ISO 8601
 * text with a zone (`Z` or `±hh:mm`), as telemetry's `ts` travels on the wire.
 */
export type Timestamp = number | string;

// Text without a zone would be read as the machine's local time by Date.parse, so the same input
// would mean different instants on different servers: refused instead.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch milliseconds of `ts`, or `null` when it is not a usable timestamp. */
export function toEpochMs(ts: unknown): number | null {
  if (typeof ts === 'number') {
    return Number.isFinite(ts) ? ts : null;
  }
  if (typeof ts === 'string' && ISO_WITH_ZONE.test(ts)) {
    const ms = Date.parse(ts);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
