import { createServiceLogger, type Logger } from '@fleet/service-kit';
import type { AppConfig } from '../config/app-config.js';

export type { Logger };

/** Injection token of the root pino logger; classes take a child of it. */
export const LOGGER = Symbol('LOGGER');

export function createRootLogger(log: AppConfig['log']): Logger {
  return createServiceLogger({ name: 'api', level: log.level, pretty: log.pretty });
}
