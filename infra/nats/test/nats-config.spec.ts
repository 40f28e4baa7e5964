import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAccount,
  createOperator,
  createUser,
  encodeAccount,
  encodeOperator,
  encodeUser,
  fmtCreds,
} from '@nats-io/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const CONFIGS = { cluster: join(here, '../cluster/nats.conf'), leaf: join(here, '../leaf/leaf.conf') };
const text = (file: string) => readFileSync(file, 'utf8');
const natsServer = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(
  existsSync,
);

let dir = '';
let env: NodeJS.ProcessEnv = {};

/**
 * The shipped config with its mount points (/etc/nats, /data) moved into a temp dir, next to a
 * throwaway operator, accounts, leaf credentials and a self-signed certificate: what `nats-server -t`
 * needs to check the file as the servers will read it.
 */
function staged(name: keyof typeof CONFIGS): string {
  const file = join(dir, 'etc', `${name}.conf`);
  writeFileSync(
    file,
    text(CONFIGS[name]).replaceAll('/etc/nats/', `${dir}/etc/`).replaceAll('/data/', `${dir}/data/`),
  );
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nats-config-'));
  mkdirSync(join(dir, 'etc/auth'), { recursive: true });
  mkdirSync(join(dir, 'etc/tls'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const operator = createOperator();
  const system = createAccount();
  const fleet = createAccount();
  const signer = { signer: operator };
  const systemJwt = await encodeAccount('SYS', system, {}, signer);
  // JetStream is off for an account whose JWT sets no JetStream limits.
  const fleetJwt = await encodeAccount(
    'FLEET',
    fleet,
    { limits: { disk_storage: -1, mem_storage: -1 } },
    signer,
  );
  writeFileSync(
    join(dir, 'etc/auth/operator.conf'),
    [
      `operator: ${await encodeOperator('fleet', operator, { system_account: system.getPublicKey() })}`,
      `system_account: ${system.getPublicKey()}`,
      `resolver_preload: {\n  ${system.getPublicKey()}: ${systemJwt}\n  ${fleet.getPublicKey()}: ${fleetJwt}\n}`,
    ].join('\n'),
  );
  for (const [file, account] of [
    ['leaf-fleet.creds', fleet],
    ['leaf-system.creds', system],
  ] as const) {
    const user = createUser();
    const jwt = await encodeUser(file, user, account);
    writeFileSync(join(dir, 'etc/auth', file), fmtCreds(jwt, user));
  }
  const tls = join(dir, 'etc/tls');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=nats',
      '-keyout',
      join(tls, 'tls.key'),
      '-out',
      join(tls, 'tls.crt'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(tls, 'ca.crt'), readFileSync(join(tls, 'tls.crt')));
  env = {
    PATH: process.env.PATH,
    NATS_SERVER_NAME: 'nats-0',
    NATS_ROUTE_PASSWORD: 'route-secret',
    NATS_FLEET_ACCOUNT: fleet.getPublicKey(),
    NATS_SYSTEM_ACCOUNT: system.getPublicKey(),
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NATS configs', () => {
  it.each(['cluster', 'leaf'] as const)('the %s config passes nats-server -t', (name) => {
    expect(natsServer, 'nats-server binary (apt-get install nats-server)').toBeDefined();
    const res = spawnSync(natsServer!, ['-t', '-c', staged(name)], { env, encoding: 'utf8' });
    expect(`${res.stdout}${res.stderr}`).toMatch(/configuration file .* is valid/);
    expect(res.status).toBe(0);
  });

  it('is refused by nats-server -t when the route password is not in the environment', () => {
    const res = spawnSync(natsServer!, ['-t', '-c', staged('cluster')], {
      env: { ...env, NATS_ROUTE_PASSWORD: undefined },
      encoding: 'utf8',
    });
    expect(res.status).not.toBe(0);
    expect(`${res.stdout}${res.stderr}`).toContain('NATS_ROUTE_PASSWORD');
  });

  it('clusters three nodes with JetStream, a full resolver, and TLS on every listener', () => {
    const conf = text(CONFIGS.cluster);
    expect(conf.match(/nats-route:\/\/[^\s]+@nats-\d\.nats:6222/g)).toHaveLength(3);
    expect(conf).toMatch(/jetstream \{[^}]*store_dir: \/data\/jetstream/);
    expect(conf).toMatch(/resolver \{\s*type: full/);
    // client, cluster and leafnode listeners each carry a tls block
    expect(conf.match(/\btls \{/g)).toHaveLength(3);
    // no plain secret in the file: the route password comes from the environment
    expect(conf).not.toMatch(/password: (?!\$)/);
  });

  it('keeps the leaf free of JetStream and lets it check gateway JWTs against the same operator', () => {
    const conf = text(CONFIGS.leaf);
    expect(conf).not.toMatch(/^jetstream/m);
    expect(conf).toMatch(/resolver \{\s*type: cache/);
    expect(conf).toContain('include ./auth/operator.conf');
    expect(conf.match(/credentials: \/etc\/nats\/auth\/[a-z-]+\.creds/g)).toHaveLength(2);
  });
});
