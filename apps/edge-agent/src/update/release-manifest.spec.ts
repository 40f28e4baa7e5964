import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  releaseManifestFor,
  signReleaseManifest,
  verifyRelease,
} from './release-manifest.js';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const release = pair();
const bundleBytes = Buffer.from('a tarball, as far as the manifest cares');
const manifestBytes = releaseManifestFor(
  { name: 'fleet-edge-agent-0.2.0-linux-x64.tar.gz', bytes: bundleBytes },
  { version: '0.2.0', arch: 'x64', builtAt: new Date('2027-01-17T00:00:00Z') },
);
const signature = signReleaseManifest(manifestBytes, release.priv);
const base = {
  manifestBytes,
  signature,
  publicKeyPem: release.pub,
  bundleBytes,
  arch: 'x64',
  installedVersion: '0.1.0',
  force: false,
};

describe('verifyRelease', () => {
  it('accepts a signed manifest whose bundle matches, newer than the installed one', () => {
    const result = verifyRelease(base);
    expect(result.ok && result.manifest.version).toBe('0.2.0');
    expect(verifyRelease({ ...base, installedVersion: null }).ok).toBe(true);
  });

  it('refuses a tampered manifest: one changed byte breaks the signature', () => {
    const tampered = Buffer.from(manifestBytes.toString().replace('"0.2.0"', '"9.2.0"'));
    expect(verifyRelease({ ...base, manifestBytes: tampered })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a signature by another key and a key that is not ed25519', () => {
    expect(verifyRelease({ ...base, publicKeyPem: pair().pub })).toMatchObject({ reason: 'bad-signature' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(verifyRelease({ ...base, publicKeyPem: rsa.toString() })).toMatchObject({ reason: 'bad-key' });
    expect(verifyRelease({ ...base, signature: 'not base64 at all' })).toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('refuses a bundle whose sha256 or size differs from the signed manifest', () => {
    const swapped = Buffer.from('a tarball, as far as the manifest cared');
    const result = verifyRelease({ ...base, bundleBytes: swapped });
    expect(result).toMatchObject({ ok: false, reason: 'wrong-hash' });
    expect(!result.ok && result.message).toContain('sha256');
  });

  it('refuses a release for another arch', () => {
    expect(verifyRelease({ ...base, arch: 'arm64' })).toMatchObject({ reason: 'wrong-arch' });
  });

  it('refuses a downgrade unless forced, and reports the same version as installed', () => {
    expect(verifyRelease({ ...base, installedVersion: '0.10.0' })).toMatchObject({ reason: 'downgrade' });
    expect(verifyRelease({ ...base, installedVersion: '0.10.0', force: true }).ok).toBe(true);
    expect(verifyRelease({ ...base, installedVersion: '0.2.0' })).toMatchObject({ reason: 'same-version' });
  });

  it('orders versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('garbage', '0.0.1')).toBe(-1);
  });
});
