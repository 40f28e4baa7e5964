#!/usr/bin/env node
// `npm start`: the whole product with demo data on one machine.
// install → build → database → NATS → migrate → seed → ingest, api, web → simulators + agents.
// Only node: built-ins are imported before the install step; the rest is loaded afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm start -- [options]
  --skip-install     do not run npm install
  --skip-build       do not build (use what dist/ and .next/ hold)
  --db <auto|embedded>  auto: DATABASE_URL, else PostgreSQL on 127.0.0.1:5432, else embedded (default auto)
  --data-dir <path>  where embedded PostgreSQL, NATS, logs and secrets live (default .data)
  --verbose          show every log line of every service, not only warnings and errors
  --help             this text`;

function parseCli() {
  try {
    const { values } = parseArgs({
      options: {
        'skip-install': { type: 'boolean', default: false },
        'skip-build': { type: 'boolean', default: false },
        db: { type: 'string', default: 'auto' },
        'data-dir': { type: 'string', default: join(root, '.data') },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!['auto', 'embedded'].includes(values.db)) {
      throw new Error(`--db must be "auto" or "embedded", not "${values.db}"`);
    }
    return values;
  } catch (error) {
    process.stderr.write(`npm start: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

function run(what, command, args, options = {}) {
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (res.status !== 0) {
    throw new Error(`${what} failed (${command} ${args.join(' ')} exited with ${res.status ?? res.signal})`);
  }
}

function needsInstall() {
  const marker = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(marker)) {
    return true;
  }
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

function authSecret(dataDir) {
  if (process.env.AUTH_SECRET) {
    return process.env.AUTH_SECRET;
  }
  const file = join(dataDir, 'auth-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const ports = {
  web: Number(process.env.WEB_PORT ?? 3000),
  api: Number(process.env.API_PORT ?? 3001),
  ingest: Number(process.env.INGEST_HEALTH_PORT ?? 3002),
  simControlBase: Number(process.env.SIM_CONTROL_PORT ?? 3010),
  slcanTcpBase: Number(process.env.SLCAN_TCP_PORT ?? 3110),
  // Each demo agent's loopback status server (/status, /health, /metrics): base + its index.
  agentStatusBase: Number(process.env.AGENT_STATUS_PORT ?? 9180),
};

function startServices({ children, env, dataDir, notifyEnv }) {
  const node = (name, script, extraEnv, options = {}) =>
    children.spawn(name, process.execPath, script, { cwd: root, ...options, env: { ...env, ...extraEnv } });
  node('ingest', ['apps/ingest/dist/main.js'], { INGEST_HEALTH_PORT: String(ports.ingest) });
  // The api runs the notification worker too (NOTIFY_WORKER defaults to on with NATS_URL).
  node('api', ['apps/api/dist/main.js'], {
    API_PORT: String(ports.api),
    AUTH_SECRET: authSecret(dataDir),
    ...notifyEnv,
  });
  node(
    'web',
    [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(ports.web)],
    { PORT: String(ports.web), API_URL: `http://127.0.0.1:${ports.api}` },
    { cwd: join(root, 'apps/web') },
  );
}

async function waitUntilReady(simulators) {
  const { waitFor, httpOk } = await import('./stack/probe.mjs');
  await waitFor('ingest', () => httpOk(`http://127.0.0.1:${ports.ingest}/health`), 60_000);
  await waitFor('api', () => httpOk(`http://127.0.0.1:${ports.api}/api/health`), 60_000);
  // The banner prints these metrics URLs; they must answer when it does.
  await waitFor('ingest metrics', () => httpOk(`http://127.0.0.1:${ports.ingest}/metrics`), 10_000);
  await waitFor('api metrics', () => httpOk(`http://127.0.0.1:${ports.api}/metrics`), 10_000);
  await waitFor('web', () => httpOk(`http://127.0.0.1:${ports.web}/login`), 60_000);
  for (const sim of simulators) {
    await waitFor(`simulator ${sim.gatewayId}`, () => httpOk(`${sim.url}/health`), 30_000);
  }
}

function installAndBuild(opts) {
  if (!opts['skip-install'] && needsInstall()) {
    console.log('› installing dependencies (first start only; about a minute)');
    run('npm install', 'npm', [
      existsSync(join(root, 'node_modules')) ? 'install' : 'ci',
      '--no-audit',
      '--no-fund',
    ]);
  }
  if (!opts['skip-build']) {
    console.log('› building (turbo caches what did not change)');
    run('build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  }
}

async function main() {
  const opts = parseCli();
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(opts['data-dir']);
  mkdirSync(join(dataDir, 'run'), { recursive: true });
  const started = Date.now();
  installAndBuild(opts);

  const log = await import('./stack/log.mjs');
  const { Children } = await import('./stack/children.mjs');
  const { resolveDatabase } = await import('./stack/database.mjs');
  const { resolveNats } = await import('./stack/nats.mjs');
  const { startDemoFleet, readDemoFleet } = await import('./stack/demo-fleet.mjs');
  const { printBanner } = await import('./stack/banner.mjs');
  const { resolveNotify } = await import('./stack/notify.mjs');

  const logDir = join(dataDir, 'logs');
  const minLevel = opts.verbose ? 30 : 40;
  const children = new Children((child, name) => log.attachChildOutput(child, name, { logDir, minLevel }));
  const stop = async (exitCode) => {
    await children.stopAll();
    if (exitCode === 0) {
      log.ok('every service stopped');
    }
    process.exit(exitCode);
  };
  const onSignal = (what) => {
    if (!children.stopping) {
      log.step(`${what}: stopping every service`);
      void stop(0);
    }
  };
  process.on('SIGINT', () => onSignal('Ctrl-C'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGHUP', () => onSignal('SIGHUP'));
  process.on('exit', () => children.killAllNow());

  try {
    const database = await resolveDatabase({ dataDir, mode: opts.db, children });
    const natsUrl = await resolveNats({ dataDir, children });
    const env = { ...process.env, DATABASE_URL: database.url, NATS_URL: natsUrl };
    log.step('migrating the database');
    run('migrate', process.execPath, ['packages/db/dist/cli/migrate.js'], { env });
    log.step('seeding the demo tenant');
    run('seed', process.execPath, ['packages/db/dist/cli/seed.js'], { env });
    const notify = await resolveNotify({ dataDir, children, root });
    log.step('starting ingest, api and web');
    startServices({ children, env, dataDir, notifyEnv: notify.env });
    log.step('starting the demo fleet: simulators and edge agents');
    const runDir = join(dataDir, 'run');
    const simulators = await startDemoFleet({ root, runDir, children, natsUrl, ports });
    await waitUntilReady(simulators);
    await printBanner({
      databaseUrl: database.url,
      ports,
      simulators,
      fleet: readDemoFleet(root),
      dataDir,
      started,
      mail: notify.mail,
    });
  } catch (error) {
    log.fail(error.friendly ? error.message : `start failed: ${error.message}`);
    await stop(1);
  }
}

await main();
