import { randomBytes } from 'node:crypto';
import { type Context, ROOT_CONTEXT, type TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The W3C header that carries a trace across NATS (and HTTP). */
export const TRACEPARENT = 'traceparent';

const propagator = new W3CTraceContextPropagator();

/** Reads headers through a `get(name)` function (NATS `MsgHdrs`, a Map, a plain object). */
const getter: TextMapGetter<(name: string) => string | undefined> = {
  get: (carrier, key) => carrier(key),
  keys: () => [TRACEPARENT, 'tracestate'],
};

/**
 * The context a message's sender put in its headers (`traceparent`, `tracestate`), as the parent
 * of the receiver's spans; ROOT_CONTEXT when there is none or it is malformed (a new trace starts).
 * Uses the propagator directly rather than the global one, so it works with tracing off too.
 */
export function extractTraceContext(get: (name: string) => string | undefined): Context {
  return propagator.extract(ROOT_CONTEXT, get, getter);
}

/**
 * A fresh sampled `traceparent` for a message that starts a trace (the edge agent's publish):
 * the agent runs no tracing SDK, it only hands the cloud a trace id to continue.
 */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
