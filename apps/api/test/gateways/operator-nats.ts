import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type RunningProcess, startProcess, stopProcess, waitFor } from '@fleet/test-kit';
import { createAccount, createOperator, encodeOperator, type KeyPair } from '@nats-io/jwt';
import { natsAccountJwt } from '../../src/gateways/nats-account-jwt.js';

/**
 * A private nats-server in operator (JWT) mode, as production runs NATS: an operator, one account
 * with a signing key, MEMORY resolver preloaded with the account JWT. Every key is made here.
 * `pushRevocations` restarts the server with a new account JWT listing the revoked user keys
 * (a MEMORY resolver takes its accounts from the config only; production pushes instead).
 */
export interface OperatorNats {
  url: string;
  account: KeyPair;
  signingKey: KeyPair;
  pushRevocations(revoked: { userPublicKey: string; revokedAt: Date }[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startOperatorNats(): Promise<OperatorNats> {
  const operator = createOperator();
  const account = createAccount();
  const signingKey = createAccount();
  const operatorJwt = await encodeOperator('fleet-test-operator', operator);
  const dir = await mkdtemp(join(tmpdir(), 'gateway-nats-'));
  const port = await freePort();
  const configFile = join(dir, 'nats.conf');
  const accountJwt = (revoked: { userPublicKey: string; revokedAt: Date }[]) =>
    natsAccountJwt({
      name: 'FLEET',
      account,
      operatorSeed: new TextDecoder().decode(operator.getSeed()),
      signingKeys: [signingKey.getPublicKey()],
      revoked,
    });
  const writeConfig = async (jwt: string) =>
    writeFile(
      configFile,
      [
        `listen: "127.0.0.1:${port}"`,
        `operator: "${operatorJwt}"`,
        'resolver: MEMORY',
        `resolver_preload: { ${account.getPublicKey()}: "${jwt}" }`,
      ].join('\n'),
    );
  await writeConfig(await accountJwt([]));
  let server = await startReady(configFile);
  return {
    url: `nats://127.0.0.1:${port}`,
    account,
    signingKey,
    pushRevocations: async (revoked) => {
      await writeConfig(await accountJwt(revoked));
      await stopProcess(server);
      server = await startReady(configFile);
    },
    stop: async () => {
      await stopProcess(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts nats-server and resolves once it logs that it accepts clients (no connect probe: every
 * client needs creds); rejects at once if it exits first.
 */
async function startReady(configFile: string): Promise<RunningProcess> {
  const server = startProcess('nats-server', 'nats-server', ['-c', configFile]);
  const exited = server.exited.then((code) => {
    throw new Error(`nats-server exited (${code}): ${server.output().slice(-2000)}`);
  });
  await Promise.race([
    waitFor('nats-server to accept clients', () => server.output().includes('Server is ready'), 20_000),
    exited,
  ]);
  // `exited` rejects again when the server is stopped later, as it should: nothing to report.
  exited.catch(() => undefined);
  return server;
}
