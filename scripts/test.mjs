#!/usr/bin/env node
// `npm test`: everything CI checks, in the order that fails fastest.
// install → build → lint → typecheck → TimescaleDB up → small → medium (PostgreSQL + TimescaleDB) → e2e.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tiers = ['small', 'medium', 'e2e'];
const USAGE = `Usage: npm test -- [--only <lint|typecheck|small|medium|e2e>] [--skip-install]`;

let args;
try {
  args = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      'skip-install': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
  for (const o of args.only ?? []) {
    if (!['lint', 'typecheck', ...tiers].includes(o)) {
      throw new Error(`--only takes lint, typecheck, small, medium or e2e, not "${o}"`);
    }
  }
} catch (error) {
  process.stderr.write(`npm test: ${error.message}\n${USAGE}\n`);
  process.exit(2);
}
const wanted = (what) => !args.only || args.only.includes(what);

function section(title) {
  process.stdout.write(`\n\u2501\u2501 ${title} ${'\u2501'.repeat(Math.max(3, 70 - title.length))}\n`);
}

function run(what, command, argv, env = process.env) {
  const t = Date.now();
  const res = spawnSync(command, argv, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (res.status !== 0) {
    process.stderr.write(`\n\u2716 ${what} failed after ${seconds} s\n`);
    process.exit(res.status ?? 1);
  }
  process.stdout.write(`\u2714 ${what} (${seconds} s)\n`);
}

function portAnswers(port) {
  return new Promise((done) => {
    const s = createConnection({ host: '127.0.0.1', port });
    const finish = (answer) => {
      s.destroy();
      done(answer);
    };
    s.setTimeout(800, () => finish(false));
    s.once('connect', () => finish(true));
    s.once('error', () => finish(false));
  });
}

const marker = join(root, 'node_modules/.package-lock.json');
if (
  !args['skip-install'] &&
  (!existsSync(marker) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs)
) {
  section('install');
  run('npm install', 'npm', [
    existsSync(join(root, 'node_modules')) ? 'install' : 'ci',
    '--no-audit',
    '--no-fund',
  ]);
}
section('build');
run('build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
if (wanted('lint')) {
  section('lint');
  run('lint (biome)', 'npx', ['biome', 'check', '--error-on-warnings', '.']);
}
if (wanted('typecheck')) {
  section('typecheck');
  run('typecheck', 'npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']);
  run('typecheck scripts', 'npx', ['tsc', '-p', 'scripts/tsconfig.json']);
}

// The build step above compiled everything, so e2e helpers need not build again.
const env = { ...process.env, FLEET_E2E_SKIP_BUILD: '1' };
if (wanted('medium') || wanted('e2e')) {
  // Data-layer tests run on plain PostgreSQL and on TimescaleDB; bring the latter up when it is
  // missing and we may (root). Without it they run on PostgreSQL only and say so, except in CI.
  if (!env.TEST_TIMESCALE_URL && !(await portAnswers(5433))) {
    section('TimescaleDB');
    if (process.getuid?.() === 0) {
      run('TimescaleDB up', 'bash', ['scripts/timescaledb-up.sh']);
    } else {
      process.stdout.write('TimescaleDB not running and not root: data-layer tests use PostgreSQL only\n');
    }
  }
  env.TEST_TIMESCALE_URL ??= 'postgresql://postgres@127.0.0.1:5433/postgres';
}

const reportDir = join(root, 'test-results');
mkdirSync(reportDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const tier of tiers.filter(wanted)) {
  section(`${tier} tests`);
  const report = join(reportDir, `vitest-${tier}.json`);
  const res = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      tier,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  if (res.status !== 0) {
    process.stdout.write(`\ntests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
    process.exit(res.status ?? 1);
  }
}
process.stdout.write(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
