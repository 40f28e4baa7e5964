// Puts a verified bundle into <prefix>/releases/<version>/ and switches <prefix>/current to it
// with one rename (a symlink swap: readers see the old or the new release, never a half). The
// release before stays on disk and <prefix>/previous points at it, for a rollback.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** The version of the release `current` points at (its bundle manifest.json), or null. */
export function installedVersion(prefix: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(prefix, 'current', 'manifest.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    return null;
  }
}

function swapLink(prefix: string, name: string, target: string): void {
  const tmp = join(prefix, `${name}.tmp`);
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, join(prefix, name));
}

function currentTarget(prefix: string): string | null {
  try {
    return resolve(prefix, readlinkSync(join(prefix, 'current')));
  } catch {
    return null;
  }
}

/**
 * Unpacks the tarball (one top directory, as build-bundle.ts makes it) into the versioned dir,
 * then switches `current`. Returns the release dir and the one `previous` now points at.
 */
export function installRelease(
  prefix: string,
  version: string,
  tarball: Uint8Array,
): { releaseDir: string; previousDir: string | null } {
  const releases = join(prefix, 'releases');
  mkdirSync(releases, { recursive: true });
  const releaseDir = join(releases, version);
  const staging = `${releaseDir}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const tarFile = join(releases, `${version}.tar.gz`);
  writeFileSync(tarFile, tarball);
  try {
    execFileSync('tar', ['-xzf', tarFile, '-C', staging, '--strip-components=1', '--no-same-owner']);
  } finally {
    rmSync(tarFile, { force: true });
  }
  if (!existsSync(join(staging, 'agent.js'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error('the bundle has no agent.js: not an edge-agent bundle');
  }
  const before = currentTarget(prefix);
  // A forced reinstall of the running version: the old dir goes only after the link left it.
  const replacing = before === releaseDir;
  if (replacing) {
    swapLink(prefix, 'current', staging);
  }
  rmSync(releaseDir, { recursive: true, force: true });
  renameSync(staging, releaseDir);
  swapLink(prefix, 'current', releaseDir);
  const previousDir = before !== null && !replacing ? before : null;
  if (previousDir !== null) {
    swapLink(prefix, 'previous', previousDir);
  }
  return { releaseDir, previousDir };
}
