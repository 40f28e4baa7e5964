// Polls the cloud's enrolment endpoint until an installer claimed this gateway's code, then keeps
// the user JWT it receives beside the seed as a `.creds` file the agent connects with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrolmentProofMessage } from '@fleet/telemetry';
import type { GatewayIdentity } from './gateway-identity.js';

export type PollAnswer =
  | { status: 'unclaimed' }
  | { status: 'claimed'; gatewayId: string; jwt: string; inboxPrefix: string };

export interface Enrolment {
  gatewayId: string;
  inboxPrefix: string;
  credsFile: string;
}

export const CREDS_FILE = 'gateway.creds';
export const ENROLMENT_FILE = 'enrolment.json';

/** The signed poll body: only the holder of the seed can make it, only for its own code. */
export function pollBody(identity: GatewayIdentity, now: Date) {
  const signedAt = now.toISOString();
  const message = enrolmentProofMessage(identity.claimCode, identity.publicKey, signedAt);
  const proof = Buffer.from(identity.key.sign(new TextEncoder().encode(message))).toString('base64url');
  return { claimCode: identity.claimCode, publicKey: identity.publicKey, signedAt, proof };
}

/** The API refused a poll: `status` 403 is a revoked key; 429 says when to ask again. */
export class PollRefusedError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds from Retry-After (rate limited), else undefined. */
    readonly retryAfterS?: number,
  ) {
    super(`enrolment poll refused (${status}): ${message}`);
    this.name = 'PollRefusedError';
  }
}

/** One poll. Throws PollRefusedError on a refusal (revoked key, bad clock, rate limit, no signing key). */
export async function pollOnce(
  apiUrl: string,
  identity: GatewayIdentity,
  now = new Date(),
): Promise<PollAnswer> {
  const response = await fetch(`${apiUrl.replace(/\/$/, '')}/api/enrolment/poll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(pollBody(identity, now)),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => ({}))) as PollAnswer & { message?: string };
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new PollRefusedError(
      response.status,
      body.message ?? 'no message',
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body;
}

/** The `.creds` format nats.js and the nats CLI read: the JWT, then the seed it belongs to. */
export function credsFileText(jwt: string, seed: string): string {
  return [
    '-----BEGIN NATS USER JWT-----',
    jwt,
    '------END NATS USER JWT------',
    '',
    '************************* IMPORTANT *************************',
    'NKEY Seed printed below can be used to sign and prove identity.',
    'NKEYs are sensitive and should be treated as secrets.',
    '',
    '-----BEGIN USER NKEY SEED-----',
    seed,
    '------END USER NKEY SEED------',
    '',
    '*************************************************************',
    '',
  ].join('\n');
}

/** Writes the creds (0600) and what the agent needs to run as the claimed gateway. */
export function saveEnrolment(
  dataDir: string,
  identity: GatewayIdentity,
  answer: Extract<PollAnswer, { status: 'claimed' }>,
): Enrolment {
  const credsFile = join(dataDir, CREDS_FILE);
  writeFileSync(credsFile, credsFileText(answer.jwt, identity.seed), { mode: 0o600 });
  const enrolment = { gatewayId: answer.gatewayId, inboxPrefix: answer.inboxPrefix, credsFile };
  writeFileSync(join(dataDir, ENROLMENT_FILE), `${JSON.stringify(enrolment, null, 2)}\n`);
  return enrolment;
}
