import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON logs; human-readable only when a person is watching a terminal. */
export function createLogger(level: string): Logger {
  return pino({
    name: 'simulator',
    level,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { destination: 1 } } } : {}),
  });
}
