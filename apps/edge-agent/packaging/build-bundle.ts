// Builds the gateway bundle: the agent's JS in one file (esbuild), the native addons for the
// target arch, the service files, a VERSION/manifest with the SHA-256 of every file, as a
// tarball in dist-bundle/. Usage: npm run bundle -w @fleet/edge-agent -- --arch x64|arm64
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch as hostArch, platform } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { releaseManifestFor, signReleaseManifest } from '../src/update/release-manifest.js';
import { NATIVE_MODULES, type NativeModule, type TargetArch } from './native-modules.js';

const appDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(appDir, '../..');
const nodeModules = join(repoRoot, 'node_modules');

export interface BundleResult {
  tarball: string;
  /** The release manifest (`<tarball>.release.json`) and its signature (`.sig`, when signed). */
  release: { manifest: string; signature: string | null };
  dir: string;
  manifest: BundleManifest;
}

export interface BundleManifest {
  name: string;
  version: string;
  commit: string;
  arch: TargetArch;
  node: { major: number; modulesAbi: string };
  native: { name: string; version: string; status: 'bundled' | 'build-on-target' }[];
  files: Record<string, string>;
}

/** Patches each native loader to look in the bundle's native/ dir; fails if a patch no longer applies. */
function nativeLoaderPlugin(modules: readonly NativeModule[]): Plugin {
  return {
    name: 'native-loaders',
    setup(b) {
      for (const m of modules) {
        const suffix = `node_modules/${m.patch.file}`;
        b.onLoad({ filter: new RegExp(`${escapeRegExp(suffix)}$`) }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (text.split(m.patch.find).length !== 2) {
            throw new Error(
              `${m.name}: loader patch does not apply to ${args.path}; check native-modules.ts`,
            );
          }
          return { contents: text.replace(m.patch.find, m.patch.replace), loader: 'js' };
        });
      }
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// pino runs transports (pino-pretty on a terminal) in worker threads loaded from files; a
// bundle must ship them as files and tell pino where (the documented __bundlerPathsOverrides).
const PINO_WORKERS = {
  'pino-worker': 'pino/lib/worker.js',
  'thread-stream-worker': 'thread-stream/lib/worker.js',
  'pino-pretty': 'pino-pretty/index.js',
} as const;

const BANNER = `globalThis.__bundlerPathsOverrides = {${Object.keys(PINO_WORKERS)
  .map((k) => `'${k}': require('node:path').join(__dirname, '${k}.js')`)
  .join(', ')}};`;

async function bundleJs(outDir: string): Promise<void> {
  const entryPoints: Record<string, string> = {
    agent: join(appDir, 'src/main.ts'),
    // The gateway's own updater: `node update.js --manifest … --bundle …` (README, Updates).
    update: join(appDir, 'src/update/update-main.ts'),
  };
  for (const [name, path] of Object.entries(PINO_WORKERS)) {
    entryPoints[name] = join(nodeModules, path);
  }
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['@fleet/source'],
    banner: { js: BANNER },
    legalComments: 'none',
    logLevel: 'error',
    plugins: [nativeLoaderPlugin(NATIVE_MODULES)],
  });
}

function copyNative(outDir: string, arch: TargetArch): BundleManifest['native'] {
  const result: BundleManifest['native'] = [];
  for (const m of NATIVE_MODULES) {
    const installed = JSON.parse(readFileSync(join(nodeModules, m.name, 'package.json'), 'utf8')) as {
      version: string;
    };
    if (installed.version !== m.version) {
      throw new Error(`${m.name}: installed ${installed.version}, native-modules.ts expects ${m.version}`);
    }
    if (m.source === 'build-host-only' && arch !== hostArch()) {
      result.push({ name: m.name, version: m.version, status: 'build-on-target' });
      continue;
    }
    for (const f of m.files(arch)) {
      const to = join(outDir, 'native', f.to);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(nodeModules, f.from), to);
      assertElfMachine(to, arch);
    }
    result.push({ name: m.name, version: m.version, status: 'bundled' });
  }
  return result;
}

// ELF e_machine (offset 18, little-endian): a wrong-arch binary fails here, not on the gateway.
const ELF_MACHINE: Record<TargetArch, number> = { x64: 0x3e, arm64: 0xb7 };

function assertElfMachine(path: string, arch: TargetArch): void {
  const head = readFileSync(path).subarray(0, 20);
  if (head.readUInt32BE(0) !== 0x7f454c46 || head.readUInt16LE(18) !== ELF_MACHINE[arch]) {
    throw new Error(`${path} is not a linux-${arch} ELF binary`);
  }
}

function copyServiceFiles(outDir: string): void {
  copyFileSync(join(appDir, 'packaging/install.sh'), join(outDir, 'install.sh'));
  chmodSync(join(outDir, 'install.sh'), 0o755);
  copyFileSync(
    join(repoRoot, 'infra/systemd/fleet-edge-agent.service'),
    join(outDir, 'fleet-edge-agent.service'),
  );
  copyFileSync(join(repoRoot, 'infra/edge-agent/agent.env.example'), join(outDir, 'agent.env.example'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

function writeManifest(outDir: string, arch: TargetArch, native: BundleManifest['native']): BundleManifest {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { version: string };
  const files: Record<string, string> = {};
  for (const f of listFiles(outDir)) {
    files[f] = sha256(join(outDir, f));
  }
  const manifest: BundleManifest = {
    name: 'fleet-edge-agent',
    version: pkg.version,
    commit: gitCommit(),
    arch,
    node: { major: Number(process.versions.node.split('.')[0]), modulesAbi: process.versions.modules },
    native,
    files,
  };
  // sha256sum -c format, so the gateway can verify with coreutils alone.
  const sums = Object.entries(files).map(([f, h]) => `${h}  ${f}\n`);
  writeFileSync(join(outDir, 'SHA256SUMS'), sums.join(''));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const lines = [
    `fleet-edge-agent ${manifest.version} (${manifest.commit}) linux-${arch}`,
    `node ${manifest.node.major}.x (ABI ${manifest.node.modulesAbi})`,
    ...native.map((n) => `${n.name} ${n.version} ${n.status}`),
  ];
  writeFileSync(join(outDir, 'VERSION'), `${lines.join('\n')}\n`);
  return manifest;
}

export async function buildBundle(
  arch: TargetArch,
  outRoot = join(appDir, 'dist-bundle'),
  signingKeyFile?: string,
): Promise<BundleResult> {
  if (platform() !== 'linux') {
    throw new Error('bundles are built on Linux (the native addons are the Linux glibc builds)');
  }
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { version: string };
  const name = `fleet-edge-agent-${pkg.version}-linux-${arch}`;
  const dir = join(outRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await bundleJs(dir);
  const native = copyNative(dir, arch);
  copyServiceFiles(dir);
  const manifest = writeManifest(dir, arch, native);
  const tarball = join(outRoot, `${name}.tar.gz`);
  execFileSync('tar', [
    '--sort=name',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '-czf',
    tarball,
    '-C',
    outRoot,
    relative(outRoot, dir),
  ]);
  return { tarball, dir, manifest, release: writeRelease(tarball, manifest.version, arch, signingKeyFile) };
}

/**
 * The signed release manifest beside the tarball, signed with the Ed25519 private key in
 * `signingKeyFile` (never in git; packaging/make-signing-key.ts makes a development pair).
 * Without one the release is written unsigned, and gateways refuse it.
 */
function writeRelease(
  tarball: string,
  version: string,
  arch: TargetArch,
  signingKeyFile: string | undefined,
): BundleResult['release'] {
  const bytes = readFileSync(tarball);
  const manifestBytes = releaseManifestFor(
    { name: basename(tarball), bytes },
    { version, arch, builtAt: new Date() },
  );
  const manifest = tarball.replace(/\.tar\.gz$/, '.release.json');
  writeFileSync(manifest, manifestBytes);
  rmSync(`${manifest}.sig`, { force: true });
  if (signingKeyFile === undefined || signingKeyFile === '') {
    return { manifest, signature: null };
  }
  writeFileSync(`${manifest}.sig`, signReleaseManifest(manifestBytes, readFileSync(signingKeyFile, 'utf8')));
  return { manifest, signature: `${manifest}.sig` };
}

function parseArch(argv: readonly string[]): TargetArch {
  const i = argv.indexOf('--arch');
  const value = i >= 0 ? argv[i + 1] : hostArch();
  if (value !== 'x64' && value !== 'arm64') {
    throw new Error(`--arch must be x64 or arm64, got ${String(value)}`);
  }
  return value;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const target = parseArch(process.argv.slice(2));
  // biome-ignore lint/style/noProcessEnv: the build script's one secret input, a path and never the key
  buildBundle(target, undefined, process.env.AGENT_SIGNING_KEY_FILE).then(
    (r) => {
      const todo = r.manifest.native.filter((n) => n.status === 'build-on-target').map((n) => n.name);
      process.stdout.write(`${r.tarball}\n${r.release.manifest}\n`);
      process.stdout.write(
        r.release.signature ? `${r.release.signature}\n` : 'unsigned: set AGENT_SIGNING_KEY_FILE to sign\n',
      );
      if (todo.length > 0) {
        process.stdout.write(`built on the gateway by install.sh: ${todo.join(', ')}\n`);
      }
    },
    (error: Error) => {
      process.stderr.write(`bundle failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
