// Composition root of the simulator: config → model → one byte link + responder per wire
// interface → control HTTP (state and faults).
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadSimConfig } from './config/load-sim-config.js';
import type { SimConfig } from './config/sim-config.js';
import { type ControlRoute, ControlServer } from './control/control-server.js';
import { faultRoutes } from './control/fault-routes.js';
import { stateView } from './control/state-view.js';
import type { ByteLink } from './link/byte-link.js';
import { createLink } from './link/create-link.js';
import { createLogger, type Logger } from './logger.js';
import { BUILT_IN_PROFILES, type LoadProfile } from './model/load-profile.js';
import { parseLoadProfile } from './model/parse-load-profile.js';
import { Simulation } from './model/simulation.js';
import { ReplyLog } from './wire/reply-log.js';
import { SlcanResponder } from './wire/slcan-responder.js';

/** Exit code for a bad profile file (a usage error, like a bad flag). */
const USAGE_EXIT_CODE = 2;

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

interface Running {
  link: ByteLink;
  name: string;
}

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
    })),
    seed,
    startTimeMs: Date.now(),
    profile: loadProfile(config),
    ageingFactor: config.ageingFactor,
  });
  const faults = () => simulation.faults.list();
  const replyLog = new ReplyLog(50);
  const running: Running[] = [];
  const timers: NodeJS.Timeout[] = [];

  const hv = startHvCan(config, simulation, replyLog, faults, logger);
  if (hv) {
    running.push({ link: hv.link, name: 'hv-can' });
    if (config.listenOnly) {
      timers.push(setInterval(() => hv.responder.emitUnasked(), config.listenIntervalMs));
    }
  }

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
          counters: hv?.responder.counters ?? { polls: 0, framesIn: 0, corrupt: 0, ignored: 0 },
          faults: faults(),
        }),
      }),
    },
    ...faultRoutes(simulation),
  ];
  const control = new ControlServer(config.controlPort, routes, logger, config.listenHost);
  const controlPort = await control.start();
  for (const r of running) {
    await r.link.start(linkHandlers(r.name, hv, logger));
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
    await Promise.allSettled([...running.map((r) => r.link.close()), control.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function startHvCan(
  config: SimConfig,
  simulation: Simulation,
  replyLog: ReplyLog,
  faults: () => ReturnType<Simulation['faults']['list']>,
  logger: Logger,
) {
  const spec = config.links.hvCan;
  if (spec === undefined) {
    return undefined;
  }
  const link = createLink(spec, logger.child({ interface: 'hv-can' }), config.listenHost);
  const responder = new SlcanResponder({
    strings: () => simulation.strings,
    replyLog,
    write: (text) => link.write(text),
    now: () => new Date(),
    logger: logger.child({ component: 'hv-can' }),
    faults,
  });
  return { link, responder };
}

function linkHandlers(name: string, hv: ReturnType<typeof startHvCan>, _logger: Logger) {
  if (name === 'hv-can' && hv) {
    return {
      onConnect: () => hv.responder.reset(),
      onData: (chunk: Uint8Array) => hv.responder.receive(chunk),
    };
  }
  return { onConnect: () => {}, onData: () => {} };
}

main().catch((error: Error) => {
  process.stderr.write(`simulator: ${error.message}\n`);
  process.exit(error instanceof UsageError ? USAGE_EXIT_CODE : 1);
});
