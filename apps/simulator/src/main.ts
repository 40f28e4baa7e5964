// Composition root of the simulator: config → model → one byte link + responder per wire
// interface → control HTTP (state and faults).
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { USAGE_EXIT_CODE } from '@fleet/service-kit';
import { loadSimConfig } from './config/load-sim-config.js';
import type { LinkSpec, SimConfig } from './config/sim-config.js';
import { type ControlRoute, ControlServer } from './control/control-server.js';
import { faultRoutes } from './control/fault-routes.js';
import { stateView } from './control/state-view.js';
import type { ByteLink } from './link/byte-link.js';
import { createLink } from './link/create-link.js';
import { createLogger, type Logger } from './logger.js';
import { BUILT_IN_PROFILES, type LoadProfile } from './model/load-profile.js';
import { parseLoadProfile } from './model/parse-load-profile.js';
import { Simulation } from './model/simulation.js';
import { ConsoleResponder } from './wire/console-responder.js';
import { LvCanResponder } from './wire/lv-can-responder.js';
import { ReplyLog } from './wire/reply-log.js';
import { Rs485Responder } from './wire/rs485-responder.js';
import { SlcanResponder } from './wire/slcan-responder.js';

function loadProfile(config: SimConfig): LoadProfile {
  if (config.profileFile === undefined) {
    return BUILT_IN_PROFILES[config.profile];
  }
  let text: string;
  try {
    text = readFileSync(config.profileFile, 'utf8');
  } catch (error) {
    throw new UsageError(`${config.profileFile}: cannot read the profile file (${(error as Error).message})`);
  }
  const parsed = parseLoadProfile(config.profileFile, text);
  if (!parsed.ok) {
    throw new UsageError(parsed.error);
  }
  return parsed.profile;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const loaded = loadSimConfig();
  if (loaded.kind === 'exit') {
    (loaded.code === 0 ? process.stdout : process.stderr).write(loaded.output);
    process.exit(loaded.code);
  }
  const config = loaded.config;
  const logger = createLogger(config.logLevel);
  const seed = config.seed ?? randomInt(2 ** 31);
  const simulation = new Simulation({
    strings: config.strings.map((s) => ({
      bmsAddress: s.bmsAddress,
      add: s.add,
      termination: s.termination,
      moduleTypeName: s.moduleType,
      moduleCount: s.modules,
      initialSocPct: s.initialSocPct,
      initialSohPct: s.initialSohPct,
      moduleSerials: s.moduleSerials,
    })),
    seed,
    startTimeMs: Date.now(),
    profile: loadProfile(config),
    ageingFactor: config.ageingFactor,
  });
  const faults = () => simulation.faults.list();
  const replyLog = new ReplyLog(50);
  const wires = startInterfaces(config, simulation, replyLog, logger);
  const hv = wires.find((w) => w.hv)?.hv;

  const routes: ControlRoute[] = [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { ok: true } }) },
    {
      method: 'GET',
      path: '/state',
      handle: () => ({
        status: 200,
        body: stateView({
          system: config.system,
          simulatedTime: simulation.now,
          strings: simulation.strings,
          lastReplies: replyLog.newestFirst(),
          counters: hv?.counters ?? { polls: 0, framesIn: 0, corrupt: 0, ignored: 0, commands: 0 },
          interfaces: Object.fromEntries(wires.map((w) => [w.name, w.counters()])),
          faults: faults(),
        }),
      }),
    },
    ...faultRoutes(simulation),
  ];
  const control = new ControlServer(config.controlPort, routes, logger, config.listenHost);
  const controlPort = await control.start();
  const timers: NodeJS.Timeout[] = [];
  for (const w of wires) {
    await w.link.start({
      onConnect: () => w.responder.reset(),
      onData: (chunk) => w.responder.receive(chunk),
    });
    if (w.every) {
      timers.push(setInterval(w.every.run, w.every.ms));
    }
  }
  timers.push(setInterval(() => simulation.advance((config.tickMs / 1000) * config.speed), config.tickMs));
  logger.info(
    {
      system: config.system,
      strings: config.strings.map((s) => ({ add: s.add, canAddress: s.bmsAddress, modules: s.modules })),
      interfaces: Object.keys(config.links),
      seed,
      speed: config.speed,
      controlPort,
    },
    'simulator ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const t of timers) {
      clearInterval(t);
    }
    await Promise.allSettled([...wires.map((w) => w.link.close()), control.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** LV CAN batteries broadcast every second (protocol reference §2.1). */
const LV_BROADCAST_MS = 1000;

interface Wire {
  name: string;
  link: ByteLink;
  responder: { reset(): void; receive(chunk: Uint8Array): void };
  counters: () => unknown;
  every?: { ms: number; run: () => void };
  hv?: SlcanResponder;
}

/** One byte link and responder per configured wire interface. */
function startInterfaces(
  config: SimConfig,
  simulation: Simulation,
  replyLog: ReplyLog,
  logger: Logger,
): Wire[] {
  const wires: Wire[] = [];
  const common = (name: string) => ({
    strings: () => simulation.strings,
    faults: () => simulation.faults.list(),
    logger: logger.child({ interface: name }),
  });
  const linkFor = (name: string, spec: LinkSpec) =>
    createLink(spec, logger.child({ interface: name }), config.listenHost);
  const { hvCan, lvCan, rs485, console: consoleSpec } = config.links;
  if (hvCan) {
    const link = linkFor('hv-can', hvCan);
    const hv = new SlcanResponder({
      ...common('hv-can'),
      replyLog,
      write: (t) => link.write(t),
      now: () => new Date(),
    });
    wires.push({
      name: 'hv-can',
      link,
      responder: hv,
      hv,
      counters: () => ({ ...hv.counters }),
      ...(config.listenOnly ? { every: { ms: config.listenIntervalMs, run: () => hv.emitUnasked() } } : {}),
    });
  }
  if (lvCan) {
    const link = linkFor('lv-can', lvCan);
    const lv = new LvCanResponder({ ...common('lv-can'), write: (t) => link.write(t) });
    wires.push({
      name: 'lv-can',
      link,
      responder: lv,
      counters: () => ({ ...lv.counters, ...lv.sessionCounters }),
      every: { ms: LV_BROADCAST_MS, run: () => lv.broadcast() },
    });
  }
  if (rs485) {
    const link = linkFor('rs485', rs485);
    const r = new Rs485Responder({ ...common('rs485'), write: (t) => link.write(t) });
    wires.push({ name: 'rs485', link, responder: r, counters: () => ({ ...r.counters }) });
  }
  if (consoleSpec) {
    const link = linkFor('console', consoleSpec);
    const c = new ConsoleResponder({ ...common('console'), write: (t) => link.write(t) });
    wires.push({ name: 'console', link, responder: c, counters: () => ({ ...c.counters }) });
  }
  return wires;
}

main().catch((error: Error) => {
  process.stderr.write(`simulator: ${error.message}\n`);
  process.exit(error instanceof UsageError ? USAGE_EXIT_CODE : 1);
});
