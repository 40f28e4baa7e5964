import { z } from 'zod';
import { GATEWAY_ID_PATTERN } from './ids.js';

/**
 * The wire form of a gateway heartbeat (`bms.v1.hb.<gatewayId>`, edge agent's buildHeartbeat).
 * Tolerant on purpose: only what the server reads is checked, unknown fields are dropped, so an
 * agent that reports more (a newer spool's stats, more counters) is still accepted.
 */
export const heartbeatSchema = z.object({
  schema: z.literal('bms.hb/1'),
  gatewayId: z.string().regex(GATEWAY_ID_PATTERN),
  agentVersion: z.string().max(100),
  sentAt: z.iso.datetime({ offset: true }),
  spool: z.object({ depth: z.number().int().nonnegative() }),
  bus: z.record(z.string(), z.unknown()).optional(),
});

export type HeartbeatMessage = z.infer<typeof heartbeatSchema>;

export type HeartbeatRejectCode = 'not-json' | 'schema' | 'gateway-mismatch';

export type ParseHeartbeatResult =
  | { ok: true; heartbeat: HeartbeatMessage }
  | { ok: false; code: HeartbeatRejectCode; reason: string };

/** Never throws; the payload must name the subject's gateway when one is given. */
export function parseHeartbeat(bytes: Uint8Array, subjectGatewayId?: string): ParseHeartbeatResult {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, code: 'not-json', reason: `payload is not JSON: ${(error as Error).message}` };
  }
  const parsed = heartbeatSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, code: 'schema', reason: `heartbeat invalid: ${first.join('; ')}` };
  }
  if (subjectGatewayId !== undefined && parsed.data.gatewayId !== subjectGatewayId) {
    return { ok: false, code: 'gateway-mismatch', reason: 'payload gatewayId differs from the subject' };
  }
  return { ok: true, heartbeat: parsed.data };
}
