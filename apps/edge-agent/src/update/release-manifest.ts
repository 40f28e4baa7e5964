// The signed release manifest (issue 11, agent updates): what the bundle build signs and what a
// gateway checks before it installs a bundle. The signature covers the manifest's exact bytes,
// and the manifest pins the bundle's SHA-256 and size, so one signature vouches for the tarball.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';

/** x.y.z only: versions are compared numerically to refuse downgrades. */
export const RELEASE_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const releaseManifestSchema = z.object({
  format: z.literal('fleet-agent-release/1'),
  name: z.literal('fleet-edge-agent'),
  version: z.string().regex(RELEASE_VERSION, 'must be x.y.z'),
  arch: z.enum(['x64', 'arm64']),
  bundle: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  size: z.number().int().nonnegative(),
  builtAt: z.iso.datetime(),
});

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest bytes to publish (and sign) for a bundle tarball. */
export function releaseManifestFor(
  bundle: { name: string; bytes: Uint8Array },
  release: { version: string; arch: 'x64' | 'arm64'; builtAt: Date },
): Buffer {
  const manifest: ReleaseManifest = {
    format: 'fleet-agent-release/1',
    name: 'fleet-edge-agent',
    version: release.version,
    arch: release.arch,
    bundle: bundle.name,
    sha256: sha256Hex(bundle.bytes),
    size: bundle.bytes.length,
    builtAt: release.builtAt.toISOString(),
  };
  return Buffer.from(`${JSON.stringify(releaseManifestSchema.parse(manifest), null, 2)}\n`);
}

/** Ed25519 detached signature of the manifest bytes, base64 (the `.sig` file's content). */
export function signReleaseManifest(manifestBytes: Uint8Array, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the signing key is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519`);
  }
  return `${sign(null, manifestBytes, key).toString('base64')}\n`;
}

export type VerifyFailure =
  | 'bad-key'
  | 'bad-signature'
  | 'bad-manifest'
  | 'wrong-hash'
  | 'wrong-arch'
  | 'downgrade'
  | 'same-version';

export type VerifyResult =
  | { ok: true; manifest: ReleaseManifest }
  | { ok: false; reason: VerifyFailure; message: string };

export interface VerifyInput {
  manifestBytes: Uint8Array;
  /** The `.sig` file's text (base64, whitespace ignored). */
  signature: string;
  publicKeyPem: string;
  bundleBytes: Uint8Array;
  arch: string;
  /** The running release's version; null on a gateway without one. */
  installedVersion: string | null;
  /** Install an older (or the same) version anyway: a deliberate rollback. */
  force: boolean;
}

/**
 * Checks, in this order, so nothing unsigned is ever parsed as trusted: the signature over the
 * manifest bytes, the manifest's shape, the bundle's size and SHA-256, the arch, the version.
 */
export function verifyRelease(input: VerifyInput): VerifyResult {
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(input.publicKeyPem);
  } catch (error) {
    return { ok: false, reason: 'bad-key', message: `the update public key does not load: ${String(error)}` };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return { ok: false, reason: 'bad-key', message: 'the update public key is not an ed25519 key' };
  }
  const signature = Buffer.from(input.signature.replace(/\s+/g, ''), 'base64');
  if (signature.length !== 64 || !verify(null, input.manifestBytes, key, signature)) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: 'the manifest signature does not verify with the update public key',
    };
  }
  let manifest: ReleaseManifest;
  try {
    const parsed = releaseManifestSchema.safeParse(
      JSON.parse(Buffer.from(input.manifestBytes).toString('utf8')),
    );
    if (!parsed.success) {
      return {
        ok: false,
        reason: 'bad-manifest',
        message: `the signed manifest is malformed: ${parsed.error.message}`,
      };
    }
    manifest = parsed.data;
  } catch {
    return { ok: false, reason: 'bad-manifest', message: 'the signed manifest is not JSON' };
  }
  const hash = sha256Hex(input.bundleBytes);
  if (input.bundleBytes.length !== manifest.size || hash !== manifest.sha256) {
    return {
      ok: false,
      reason: 'wrong-hash',
      message: `the bundle does not match the manifest (sha256 ${hash}, ${input.bundleBytes.length} bytes; manifest ${manifest.sha256}, ${manifest.size} bytes)`,
    };
  }
  if (manifest.arch !== input.arch) {
    return {
      ok: false,
      reason: 'wrong-arch',
      message: `a ${manifest.arch} release, this gateway runs ${input.arch}`,
    };
  }
  if (input.installedVersion !== null && !input.force) {
    const order = compareVersions(manifest.version, input.installedVersion);
    if (order < 0) {
      return {
        ok: false,
        reason: 'downgrade',
        message: `${manifest.version} is older than the installed ${input.installedVersion} (pass --force to roll back)`,
      };
    }
    if (order === 0) {
      return { ok: false, reason: 'same-version', message: `${manifest.version} is already installed` };
    }
  }
  return { ok: true, manifest };
}

/** Numeric x.y.z order; a version that is not x.y.z sorts before every valid one. */
export function compareVersions(a: string, b: string): number {
  const pa = RELEASE_VERSION.exec(a);
  const pb = RELEASE_VERSION.exec(b);
  if (!pa || !pb) {
    return pa ? 1 : pb ? -1 : 0;
  }
  for (let i = 1; i <= 3; i += 1) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) {
      return Math.sign(d);
    }
  }
  return 0;
}
