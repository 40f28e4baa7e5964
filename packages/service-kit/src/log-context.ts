import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/**
 * Ids of the unit of work in hand (an HTTP request, a NATS message), put on every log line
 * written while it runs, by any logger of the service: services take the root logger by
 * injection and do not know the request or message they serve.
 */
const store = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `fn` with `bindings` (e.g. `{ requestId }`, `{ natsMsgId }`) added to every log line. */
export function withLogContext<T>(bindings: Record<string, unknown>, fn: () => T): T {
  return store.run({ ...store.getStore(), ...bindings }, fn);
}

/**
 * pino `mixin`: the current context, minus keys the line or the logger already carries (a
 * child logger bound to the same request id must not print it twice).
 */
export function logContextMixin(
  mergeObject: object,
  _level: number,
  logger?: Logger,
): Record<string, unknown> {
  const context = store.getStore();
  if (!context) {
    return {};
  }
  const bound = logger?.bindings() ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined && !(key in bound) && !(key in mergeObject)) {
      result[key] = value;
    }
  }
  return result;
}
