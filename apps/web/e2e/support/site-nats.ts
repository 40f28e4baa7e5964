import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, httpOk, type RunningProcess, startProcess, waitFor } from '@fleet/test-kit';
import { createAccount, createOperator, encodeOperator } from '@nats-io/jwt';
// The account JWT as the product's account publisher builds it (signing key, JetStream limits).
import { natsAccountJwt } from '../../../api/src/gateways/nats-account-jwt.js';

/**
 * A site NATS server as gateways meet it in production (infra/nats/leaf): operator (JWT) mode,
 * so only a user JWT signed by the FLEET account's signing key connects, with that user's
 * permissions; attached as a leaf node to the hub where ingest and the API run. The hub itself
 * stays open (the services cannot present credentials yet: infra/nats/README.md, "Accounts").
 * Every key is made here; the API gets the signing key to issue gateway JWTs on claim.
 */
export interface SiteNats {
  /** Where gateways connect. */
  url: string;
  /** NATS_ACCOUNT_* for the API. */
  apiEnv: { NATS_ACCOUNT_SIGNING_SEED: string; NATS_ACCOUNT_PUBLIC_KEY: string };
  /** Connections this server closed, by client name, with the server's own reason. */
  closedConnections(): Promise<{ name: string; reason: string }[]>;
  /** Open client connections by name (the leaf link to the hub is not a client). */
  openConnections(): Promise<string[]>;
  process: RunningProcess;
  stop(): Promise<void>;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export async function startSiteNats(hubLeafUrl: string): Promise<SiteNats> {
  const operator = createOperator();
  const account = createAccount();
  const signingKey = createAccount();
  const accountJwt = await natsAccountJwt({
    name: 'FLEET',
    account,
    operatorSeed: text(operator.getSeed()),
    signingKeys: [signingKey.getPublicKey()],
    revoked: [],
  });
  const dir = await mkdtemp(join(tmpdir(), 'site-nats-'));
  const [port, http] = [await freePort(), await freePort()];
  const config = join(dir, 'site.conf');
  await writeFile(
    config,
    [
      `listen: "127.0.0.1:${port}"`,
      `http: "127.0.0.1:${http}"`,
      `operator: "${await encodeOperator('fleet-e2e-operator', operator)}"`,
      'resolver: MEMORY',
      `resolver_preload: { ${account.getPublicKey()}: "${accountJwt}" }`,
      // The FLEET account's traffic goes to the hub's (open) global account, as a site's leaf does.
      `leafnodes { remotes: [ { url: "${hubLeafUrl}", account: "${account.getPublicKey()}" } ] }`,
    ].join('\n'),
  );
  const child = startProcess('site-nats', 'nats-server', ['-c', config], { cwd: dir });
  const monitor = `http://127.0.0.1:${http}`;
  const stop = async () => {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
  };
  const connz = async (state: 'open' | 'closed') => {
    const res = await fetch(`${monitor}/connz?state=${state}&limit=1024`);
    return (
      ((await res.json()) as { connections: { name?: string; reason?: string }[] | null }).connections ?? []
    );
  };
  try {
    await waitFor(
      'the site nats-server',
      () => httpOk(`${monitor}/healthz`),
      20_000,
      () => child.output(),
    );
    // Publishing before the leaf link is up would go nowhere.
    await waitFor(
      'the site server attached to the hub',
      async () => ((await (await fetch(`${monitor}/leafz`)).json()) as { leafnodes: number }).leafnodes === 1,
      20_000,
      () => child.output(),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    apiEnv: {
      NATS_ACCOUNT_SIGNING_SEED: text(signingKey.getSeed()),
      NATS_ACCOUNT_PUBLIC_KEY: account.getPublicKey(),
    },
    closedConnections: async () =>
      (await connz('closed')).map((c) => ({ name: c.name ?? '', reason: c.reason ?? '' })),
    openConnections: async () => (await connz('open')).map((c) => c.name ?? ''),
    process: child,
    stop,
  };
}
