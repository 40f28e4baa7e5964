import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON logs; human-readable only when a person is watching a terminal. */
export function createLogger(level: string, gatewayId: string): Logger {
  return pino({
    name: 'edge-agent',
    level,
    base: { gatewayId },
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { destination: 1 } } } : {}),
  });
}
