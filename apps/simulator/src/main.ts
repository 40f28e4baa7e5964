// Composition root of the simulator: config → model → SLCAN link + responder → control HTTP.
import { randomInt } from 'node:crypto';
import { loadSimConfig } from './config/load-sim-config.js';
import type { SimConfig } from './config/sim-config.js';
import { ControlServer } from './control/control-server.js';
import { stateView } from './control/state-view.js';
import type { ByteLink } from './link/byte-link.js';
import { SerialLink } from './link/serial-link.js';
import { TcpLink } from './link/tcp-link.js';
import { createLogger, type Logger } from './logger.js';
import { Simulation } from './model/simulation.js';
import { ReplyLog } from './wire/reply-log.js';
import { SlcanResponder } from './wire/slcan-responder.js';

function createLink(config: SimConfig, logger: Logger): ByteLink {
  return config.serial !== undefined
    ? new SerialLink(config.serial, logger)
    : new TcpLink(config.tcp ?? 0, logger, config.listenHost);
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
    addresses: config.addresses,
    moduleTypeName: config.moduleType,
    moduleCount: config.modules,
    seed,
    startTimeMs: Date.now(),
  });
  const replyLog = new ReplyLog(50);
  const link = createLink(config, logger);
  const responder = new SlcanResponder({
    strings: () => simulation.strings,
    replyLog,
    write: (text) => link.write(text),
    now: () => new Date(),
    logger: logger.child({ component: 'responder' }),
  });
  const control = new ControlServer(
    config.controlPort,
    {
      '/health': () => ({ ok: true }),
      '/state': () =>
        stateView({
          simulatedTime: simulation.now,
          strings: simulation.strings,
          lastReplies: replyLog.newestFirst(),
          counters: responder.counters,
        }),
    },
    logger,
    config.listenHost,
  );

  const controlPort = await control.start();
  await link.start({ onConnect: () => responder.reset(), onData: (chunk) => responder.receive(chunk) });
  const ticker = setInterval(() => simulation.advance((config.tickMs / 1000) * config.speed), config.tickMs);
  logger.info(
    {
      addresses: config.addresses,
      moduleType: config.moduleType,
      modules: config.modules,
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
    logger.info({ signal, counters: responder.counters }, 'shutting down');
    clearInterval(ticker);
    await Promise.allSettled([link.close(), control.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  process.stderr.write(`simulator: ${error.message}\n`);
  process.exit(1);
});
