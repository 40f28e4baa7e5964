import { readFileSync } from 'node:fs';
import { type ConnectionOptions, credsAuthenticator } from '@nats-io/transport-node';

/**
 * Connection options for NATS_CREDS (a user .creds file, as a NATS in operator mode requires,
 * infra/nats): read at connect, so a missing or unreadable file fails that connect loudly.
 * Without a path: no authentication (a NATS without accounts).
 */
export function natsAuth(credsPath: string | undefined): Pick<ConnectionOptions, 'authenticator'> {
  return credsPath ? { authenticator: credsAuthenticator(readFileSync(credsPath)) } : {};
}
