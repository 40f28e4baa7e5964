import { type Logger, pino } from 'pino';
import { logContextMixin } from './log-context.js';

export type { Logger };

export interface ServiceLogOptions {
  /** Service name on every line (`ingest`, `api`, …). */
  name: string;
  level: string;
  /** Human-readable lines via pino-pretty (development only); JSON otherwise. */
  pretty: boolean;
}

/**
 * Paths never written to a log, in case a request or config object is logged whole
 * (secrets never in logs). Ids are logged, payloads and credentials are not (STYLE.md §14).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.passwordHash',
  '*.secret',
  '*.token',
  '*.authSecret',
];

/** The root logger of a service; classes take a child of it. */
export function createServiceLogger({ name, level, pretty }: ServiceLogOptions): Logger {
  return pino({
    name,
    level,
    redact: REDACTED_PATHS,
    // Request and message ids of the work in hand (withLogContext) on every line.
    mixin: logContextMixin,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  });
}
