import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseManifestFor, signReleaseManifest } from './release-manifest.js';
import { EXIT_REFUSED, runUpdate } from './update-main.js';

let root: string;
let publicKey: string;
let privateKey: string;

/** A bundle tarball like build-bundle.ts makes (one top dir) plus its signed manifest, as files. */
function release(version: string): { manifest: string; bundle: string } {
  const src = join(root, `src-${version}`, `fleet-edge-agent-${version}-linux-x64`);
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'agent.js'), `// agent ${version}\n`);
  writeFileSync(join(src, 'manifest.json'), JSON.stringify({ version }));
  const bundle = join(root, `fleet-edge-agent-${version}-linux-x64.tar.gz`);
  execFileSync('tar', ['-czf', bundle, '-C', join(src, '..'), `fleet-edge-agent-${version}-linux-x64`]);
  const bytes = readFileSync(bundle);
  const manifestBytes = releaseManifestFor(
    { name: 'b.tar.gz', bytes },
    { version, arch: 'x64', builtAt: new Date() },
  );
  const manifest = bundle.replace('.tar.gz', '.release.json');
  writeFileSync(manifest, manifestBytes);
  writeFileSync(`${manifest}.sig`, signReleaseManifest(manifestBytes, readFileSync(privateKey, 'utf8')));
  return { manifest, bundle };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'agent-update-'));
  const pair = generateKeyPairSync('ed25519');
  privateKey = join(root, 'update-signing.key');
  publicKey = join(root, 'update-signing.pub');
  writeFileSync(privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('runUpdate', () => {
  it('installs into a versioned dir, switches current, keeps the previous; refuses a downgrade and a swapped bundle', async () => {
    const prefix = join(root, 'opt');
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    const opts = (r: { manifest: string; bundle: string }) => ({ ...r, publicKey, prefix, force: false });
    const v1 = release('0.1.0');
    const v2 = release('0.2.0');

    expect(await runUpdate(opts(v1), out, 'x64')).toBe(0);
    expect(await runUpdate(opts(v2), out, 'x64')).toBe(0);
    expect(readlinkSync(join(prefix, 'current'))).toBe(join(prefix, 'releases', '0.2.0'));
    expect(readlinkSync(join(prefix, 'previous'))).toBe(join(prefix, 'releases', '0.1.0'));
    expect(readFileSync(join(prefix, 'current', 'agent.js'), 'utf8')).toBe('// agent 0.2.0\n');
    expect(readFileSync(join(prefix, 'releases', '0.1.0', 'agent.js'), 'utf8')).toBe('// agent 0.1.0\n');

    expect(await runUpdate(opts(v1), out, 'x64')).toBe(EXIT_REFUSED);
    expect(lines.at(-1)).toContain('downgrade');
    expect(await runUpdate(opts({ manifest: v2.manifest, bundle: v1.bundle }), out, 'x64')).toBe(
      EXIT_REFUSED,
    );
    expect(lines.at(-1)).toContain('wrong-hash');
    expect(readlinkSync(join(prefix, 'current'))).toBe(join(prefix, 'releases', '0.2.0'));

    // Rollback is a forced install of the older release.
    expect(await runUpdate({ ...opts(v1), force: true }, out, 'x64')).toBe(0);
    expect(readFileSync(join(prefix, 'current', 'agent.js'), 'utf8')).toBe('// agent 0.1.0\n');
    expect(readlinkSync(join(prefix, 'previous'))).toBe(join(prefix, 'releases', '0.2.0'));
  });
});
