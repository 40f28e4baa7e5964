import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  let child = await spawnReady(configFile);
  return {
    url: `nats://127.0.0.1:${port}`,
    account,
    signingKey,
    pushRevocations: async (revoked) => {
      await writeConfig(await accountJwt(revoked));
      await stopChild(child);
      child = await spawnReady(configFile);
    },
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts nats-server and resolves once it logs that it accepts clients (no probe: every client needs creds). */
function spawnReady(configFile: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('nats-server', ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server is ready')) {
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited (${code}): ${log.slice(-2000)}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
