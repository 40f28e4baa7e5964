import { createServiceLogger, type Logger } from '@fleet/service-kit';
import type { IngestConfig } from '../config/ingest-config.js';

export type { Logger };

/** Injection token of the root pino logger; classes take a child of it. */
export const LOGGER = Symbol('LOGGER');

export function createRootLogger(log: IngestConfig['log']): Logger {
  return createServiceLogger({ name: 'ingest', level: log.level, pretty: log.pretty });
}
