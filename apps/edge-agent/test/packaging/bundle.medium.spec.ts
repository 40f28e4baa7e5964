// The gateway bundle, built for this machine's arch, unpacked outside the repo (no
// node_modules to fall back on) and run: --help, then a start on a temp spool and SIGTERM; its
// signed release installed by its own update.js (issue 11).
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type RunningProcess, startProcess, stopProcess, waitFor } from '@fleet/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleResult, buildBundle } from '../../packaging/build-bundle.js';

/** A development signing pair in `work` (signing.key, signing.pub), as make-signing-key.ts writes it. */
function writeSigningPair(work: string): void {
  const keys = generateKeyPairSync('ed25519');
  writeFileSync(join(work, 'signing.key'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(work, 'signing.pub'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
}

/** The unpacked bundle's own update.js installing `bundle` into `prefix`, verified with signing.pub. */
function runUpdateJs(dir: string, work: string, bundle: BundleResult, manifest: string, prefix: string) {
  return spawnSync(
    process.execPath,
    [
      join(dir, 'update.js'),
      ...['--manifest', manifest, '--signature', `${bundle.release.manifest}.sig`],
      ...['--bundle', bundle.tarball, '--public-key', join(work, 'signing.pub'), '--prefix', prefix],
    ],
    { cwd: work, encoding: 'utf8' },
  );
}

/** A tampered manifest is refused (exit 3, nothing installed); the signed one installs and switches current. */
function expectSignedUpdate(dir: string, work: string, bundle: BundleResult): void {
  const prefix = join(work, 'opt');
  const update = (manifest: string) => runUpdateJs(dir, work, bundle, manifest, prefix);
  const tampered = join(work, 'tampered.release.json');
  // A newer version claimed for the same bundle: the signature must not cover it.
  writeFileSync(tampered, readFileSync(bundle.release.manifest, 'utf8').replace('"0.1.0"', '"0.1.1"'));
  const refused = update(tampered);
  expect(refused.status, refused.stderr).toBe(3);
  expect(refused.stdout).toContain('bad-signature');
  expect(existsSync(join(prefix, 'current'))).toBe(false);

  const installed = update(bundle.release.manifest);
  expect(installed.status, installed.stderr).toBe(0);
  expect(readlinkSync(join(prefix, 'current'))).toBe(join(prefix, 'releases', '0.1.0'));
  expect(existsSync(join(prefix, 'current', 'agent.js'))).toBe(true);
}

describe('gateway bundle (host arch)', () => {
  const work = mkdtempSync(join(tmpdir(), 'agent-bundle-'));
  const unpacked = join(work, 'unpacked');
  let bundle: BundleResult;
  let dir: string;
  let agent: RunningProcess | undefined;

  beforeAll(async () => {
    const hostArch = arch();
    if (hostArch !== 'x64' && hostArch !== 'arm64') {
      throw new Error(`bundles target x64 and arm64, this machine is ${hostArch}`);
    }
    writeSigningPair(work);
    bundle = await buildBundle(hostArch, join(work, 'out'), join(work, 'signing.key'));
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', bundle.tarball, '-C', unpacked]);
    dir = join(unpacked, bundle.dir.split('/').at(-1) ?? '');
  }, 120_000);

  afterAll(async () => {
    await stopProcess(agent);
    rmSync(work, { recursive: true, force: true });
  });

  it('carries every native addon for this arch and checksums that verify', () => {
    expect(bundle.manifest.native.map((n) => [n.name, n.status])).toEqual([
      ['aws-crt', 'bundled'],
      ['@serialport/bindings-cpp', 'bundled'],
      ['better-sqlite3', 'bundled'],
    ]);
    expect(Object.keys(bundle.manifest.files)).toContain('agent.js');
    execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: dir });
    expect(readFileSync(join(dir, 'VERSION'), 'utf8')).toMatch(
      /^fleet-edge-agent 0\.1\.0 .* linux-(x64|arm64)\n/,
    );
  });

  it('prints its help from the unpacked bundle', () => {
    const help = execFileSync(process.execPath, [join(dir, 'agent.js'), '--help'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(help).toContain('--spool <path>');
    expect(help).toContain('--gateway-id <id>');
  });

  it('opens its spool with the bundled addons and exits 0 on SIGTERM', async () => {
    const spool = join(work, 'spool.db');
    const deadPort = await freePort();
    agent = startProcess('bundled agent', process.execPath, [
      join(dir, 'agent.js'),
      '--gateway-id',
      'gw-bundle-1',
      '--slcan',
      `tcp://127.0.0.1:${deadPort}`,
      '--nats-url',
      `nats://127.0.0.1:${deadPort}`,
      '--spool',
      spool,
      '--status-port',
      '0',
    ]);
    const pid = agent.child.pid ?? 0;
    await waitFor(
      'the agent to start',
      () => agent?.output().includes('edge agent started'),
      30_000,
      () => String(agent?.output()),
    );
    expect(existsSync(spool)).toBe(true);
    // The addons are the bundle's own, not some node_modules elsewhere on the machine.
    const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
    expect(maps).toContain(join(dir, 'native/better_sqlite3.node'));
    // On the NATS uplink aws-crt is never loaded (memory goal); the IoT Core path imports it.
    expect(maps).not.toContain('aws-crt');
    const exited = once(agent.child, 'exit');
    agent.child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });

  it('installs its signed release with its own update.js and refuses a tampered manifest (exit 3)', () => {
    expectSignedUpdate(dir, work, bundle);
  });
});
