import { type Logger, pino } from 'pino';
import type { AppConfig } from '../config/app-config.js';

export type { Logger };

/** Injection token of the root pino logger; classes take a child of it. */
export const LOGGER = Symbol('LOGGER');

/**
 * JSON logs in production, pino-pretty when asked for (STYLE.md §14). Credentials are redacted
 * by path in case a request or config object is ever logged whole.
 */
export function createRootLogger(log: AppConfig['log']): Logger {
  return pino({
    name: 'api',
    level: log.level,
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret', '*.token'],
    ...(log.pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  });
}
