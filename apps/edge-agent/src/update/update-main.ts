// `node update.js --manifest <url|file> --bundle <url|file>` (issue 11): installs a signed agent
// release on a gateway; `node update.js --api-url <url>` first asks the cloud which release its
// rollout offers this gateway (none: exit 0). Exit codes: 0 installed, already installed or
// nothing offered; 2 usage; 3 refused (bad signature, wrong hash, wrong arch, downgrade); 1
// anything else (download, disk, the cloud refusing the question).
import { readFileSync } from 'node:fs';
import { arch } from 'node:os';
import { Command, Option } from 'commander';
import { installedVersion, installRelease } from './install-release.js';
import { verifyRelease } from './release-manifest.js';
import { askForUpdate, loadGatewayKey } from './update-check-client.js';

export const EXIT_REFUSED = 3;

export interface UpdateOptions {
  manifest: string;
  bundle: string;
  signature?: string;
  publicKey: string;
  prefix: string;
  force: boolean;
}

async function load(source: string): Promise<Buffer> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(300_000) });
    if (!res.ok) {
      throw new Error(`GET ${source}: HTTP ${res.status}`);
    }
    return Buffer.from(await res.arrayBuffer());
  }
  return readFileSync(source);
}

/** Runs one update; returns the exit code and writes one line saying what happened. */
export async function runUpdate(
  opts: UpdateOptions,
  out: (line: string) => void,
  hostArch: string = arch(),
): Promise<number> {
  const [manifestBytes, signature, bundleBytes] = await Promise.all([
    load(opts.manifest),
    load(opts.signature ?? `${opts.manifest}.sig`),
    load(opts.bundle),
  ]);
  const current = installedVersion(opts.prefix);
  const result = verifyRelease({
    manifestBytes,
    signature: signature.toString('utf8'),
    publicKeyPem: readFileSync(opts.publicKey, 'utf8'),
    bundleBytes,
    arch: hostArch,
    installedVersion: current,
    force: opts.force,
  });
  if (!result.ok) {
    out(`update refused (${result.reason}): ${result.message}`);
    return result.reason === 'same-version' ? 0 : EXIT_REFUSED;
  }
  const { releaseDir, previousDir } = installRelease(opts.prefix, result.manifest.version, bundleBytes);
  out(
    `installed ${result.manifest.version} in ${releaseDir}${previousDir ? ` (previous: ${previousDir})` : ''}; restart the agent: systemctl restart fleet-edge-agent`,
  );
  return 0;
}

interface CliOptions extends Partial<Pick<UpdateOptions, 'manifest' | 'bundle'>> {
  apiUrl?: string;
  dataDir: string;
}

/** --api-url: the offered release, or null; else --manifest and --bundle as given. */
async function chooseRelease(
  opts: CliOptions,
  out: (line: string) => void,
): Promise<{ manifest: string; bundle: string } | null> {
  if (opts.apiUrl === undefined) {
    if (opts.manifest === undefined || opts.bundle === undefined) {
      throw new UsageError('give --manifest and --bundle, or --api-url to ask the cloud');
    }
    return { manifest: opts.manifest, bundle: opts.bundle };
  }
  const { gatewayId, key } = loadGatewayKey(opts.dataDir);
  const offer = await askForUpdate(opts.apiUrl, gatewayId, key);
  if (offer === null) {
    out(`no update offered to ${gatewayId}`);
    return null;
  }
  out(`offered ${offer.version} (rollout ${offer.rolloutId}, stage ${offer.stage})`);
  return { manifest: offer.manifestUrl, bundle: offer.bundleUrl };
}

class UsageError extends Error {}

function main(argv: string[]): void {
  const program = new Command('update')
    .description('Verify a signed agent release and install it beside the running one')
    .option('--manifest <url|file>', 'the release manifest (…release.json)')
    .option('--bundle <url|file>', 'the bundle tarball the manifest names')
    .option('--api-url <url>', 'ask the cloud which release its rollout offers this gateway')
    .option(
      '--data-dir <dir>',
      'the enrolled gateway’s key and enrolment.json (with --api-url)',
      '/var/lib/fleet-agent',
    )
    .option('--signature <url|file>', 'the manifest signature (default: <manifest>.sig)')
    .addOption(
      new Option('--public-key <file>', 'Ed25519 public key (PEM) releases are signed for')
        .env('AGENT_UPDATE_PUBLIC_KEY')
        .default('/etc/fleet-agent/update-signing.pub'),
    )
    .option('--prefix <dir>', 'install root with releases/ and current', '/opt/fleet-agent')
    .option('--force', 'install an older or the same version (rollback)', false)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  program.parse(argv);
  const opts = program.opts<UpdateOptions & CliOptions>();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  chooseRelease(opts, out)
    .then((release) => (release === null ? 0 : runUpdate({ ...opts, ...release }, out)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`update failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(error instanceof UsageError ? 2 : 1);
      },
    );
}

// Run as a program (dist, the bundle's update.js, tsx), not when a test imports it.
if (/(^|[\\/])update(-main)?\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main(process.argv);
}
