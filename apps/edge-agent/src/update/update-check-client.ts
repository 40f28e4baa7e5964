// The gateway's question to the cloud (issue 11): is an agent update offered to me? Signed with
// the gateway's own NATS user key (the one it enrolled with), as the API's
// GET /api/gateways/{id}/update requires: the gateway has no user session.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateCheckMessage } from '@fleet/telemetry';
import { fromSeed, type KeyPair } from '@nats-io/nkeys';
import { ENROLMENT_FILE, type Enrolment } from '../claim/enrolment-client.js';
import { SEED_FILE } from '../claim/gateway-identity.js';

export interface UpdateOffer {
  version: string;
  manifestUrl: string;
  bundleUrl: string;
  rolloutId: string;
  stage: number;
}

/** The enrolled gateway's id and key from the data dir; never makes a key (that is enrolment's job). */
export function loadGatewayKey(dataDir: string): { gatewayId: string; key: KeyPair } {
  const enrolment = JSON.parse(readFileSync(join(dataDir, ENROLMENT_FILE), 'utf8')) as Enrolment;
  const seed = readFileSync(join(dataDir, SEED_FILE), 'utf8').trim();
  return { gatewayId: enrolment.gatewayId, key: fromSeed(new TextEncoder().encode(seed)) };
}

export function updateCheckUrl(apiUrl: string, gatewayId: string, key: KeyPair, now: Date): string {
  const publicKey = key.getPublicKey();
  const signedAt = now.toISOString();
  const proof = Buffer.from(
    key.sign(new TextEncoder().encode(updateCheckMessage(gatewayId, publicKey, signedAt))),
  );
  const query = new URLSearchParams({ publicKey, signedAt, proof: proof.toString('base64url') });
  return `${apiUrl.replace(/\/$/, '')}/api/gateways/${encodeURIComponent(gatewayId)}/update?${query}`;
}

/** The offer, or null when no open rollout stage holds this gateway's site. Throws on a refusal. */
export async function askForUpdate(
  apiUrl: string,
  gatewayId: string,
  key: KeyPair,
  now = new Date(),
): Promise<UpdateOffer | null> {
  const response = await fetch(updateCheckUrl(apiUrl, gatewayId, key, now), {
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => ({}))) as { update?: UpdateOffer | null; message?: string };
  if (!response.ok) {
    throw new Error(`update check refused (${response.status}): ${body.message ?? 'no message'}`);
  }
  return body.update ?? null;
}
