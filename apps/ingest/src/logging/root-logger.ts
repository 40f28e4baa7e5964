import { type Logger, pino } from 'pino';
import type { IngestConfig } from '../config/ingest-config.js';

export type { Logger };

/** Injection token of the root pino logger; classes take a child of it. */
export const LOGGER = Symbol('LOGGER');

/** JSON logs in production, pino-pretty when asked for (STYLE.md §14). */
export function createRootLogger(log: IngestConfig['log']): Logger {
  return pino({
    name: 'ingest',
    level: log.level,
    ...(log.pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  });
}
