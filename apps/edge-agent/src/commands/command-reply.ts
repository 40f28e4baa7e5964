// Replies to cloud commands. Every reply names the gateway and carries a `sig` field: an
// HMAC-SHA256 over the reply without `sig` (canonical JSON, keys sorted) with the gateway's
// command key when one is configured, else null — so the cloud can start verifying as soon as
// keys are provisioned, without a contract change.
import { createHmac } from 'node:crypto';

/** Closed set of command error codes. */
export type CommandErrorCode =
  /** No such verb. */
  | 'unknown-verb'
  /** The request body is not a JSON object. */
  | 'bad-request'
  /** plan.set: the plan is invalid; `field` names the offending field. */
  | 'invalid-plan'
  /** The snapshot could not be taken (no cell source, string unknown, read failed). */
  | 'unavailable';

export interface CommandReply {
  gatewayId: string;
  verb: string;
  ok: boolean;
  result?: unknown;
  error?: { code: CommandErrorCode; message: string; field?: string };
  at: string;
  sig: { alg: 'hmac-sha256'; value: string } | null;
}

export type UnsignedReply = Omit<CommandReply, 'sig'>;

export function signReply(reply: UnsignedReply, key: string | undefined): CommandReply {
  if (key === undefined || key === '') {
    return { ...reply, sig: null };
  }
  const value = createHmac('sha256', key).update(canonicalJson(reply)).digest('hex');
  return { ...reply, sig: { alg: 'hmac-sha256', value } };
}

/** True when `reply.sig` is the HMAC of the rest of the reply under `key` (the cloud's check). */
export function verifyReply(reply: CommandReply, key: string): boolean {
  const { sig, ...rest } = reply;
  return sig !== null && signReply(rest, key).sig?.value === sig.value;
}

/** JSON with object keys sorted at every level, so both sides hash the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
