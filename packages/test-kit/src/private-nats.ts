// A throw-away nats-server with JetStream for one test file: nothing a test publishes reaches the
// machine's shared server on 4222, where other files' (and other processes') consumers would see
// it and where streams outlive the run.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { freePort } from './free-port.js';
import { type RunningProcess, type StopOptions, startProcess } from './processes.js';
import { waitFor } from './wait-for.js';

export interface PrivateNatsOptions {
  /** Listen here; a free port when left out. Restart tests pass the port of the server they stopped. */
  port?: number;
  /**
   * The JetStream store. Left out, a fresh temporary directory that `stop()` removes. Given, it
   * is the caller's and survives `stop()`: a server restarted on the same port and store keeps
   * its streams, messages and consumers (outage and restart tests rely on that).
   */
  storeDir?: string;
  /** Also listen for leaf nodes (site servers attach as in production, infra/nats/leaf). */
  leafnodes?: boolean;
  /** Streams to create before the server is handed out (e.g. ALARMS, which the API publishes to). */
  streams?: { name: string; subjects: readonly string[] }[];
  /** More context for the start-up timeout error (the test's other processes). */
  diagnostics?: () => string;
}

/** The running server; `stop()` also removes the store when the server made it. */
export interface PrivateNats extends RunningProcess {
  url: string;
  port: number;
  storeDir: string;
  /** `nats-leaf://…` where site servers attach, when started with `leafnodes: true`. */
  leafUrl?: string;
  /** A client connection to this server (reconnecting); the caller closes it. */
  connect(): Promise<NatsConnection>;
}

export async function startPrivateNats(options: PrivateNatsOptions = {}): Promise<PrivateNats> {
  const port = options.port ?? (await freePort());
  const ownStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? (await mkdtemp(join(tmpdir(), 'test-nats-')));
  await mkdir(storeDir, { recursive: true });
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  // Leaf listeners have no command-line flag: a config file adds one (the flags still win).
  const leafPort = options.leafnodes ? await freePort() : undefined;
  if (leafPort !== undefined) {
    const conf = join(storeDir, 'leaf.conf');
    await writeFile(conf, `leafnodes { listen: "127.0.0.1:${leafPort}" }\n`);
    args.push('-c', conf);
  }
  const server = startProcess('nats-server', 'nats-server', args);
  const url = `nats://127.0.0.1:${port}`;
  const stop = async (stopOptions?: StopOptions) => {
    await server.stop(stopOptions);
    if (ownStore) {
      await rm(storeDir, { recursive: true, force: true });
    }
  };
  try {
    await waitFor(
      'nats-server',
      async () => {
        await (await connect({ servers: url, reconnect: false })).close();
        return true;
      },
      20_000,
      () => `${server.output()}\n${options.diagnostics?.() ?? ''}`,
    );
    if (options.streams?.length) {
      const nc = await connect({ servers: url });
      const jsm = await jetstreamManager(nc);
      for (const stream of options.streams) {
        await jsm.streams.add({ name: stream.name, subjects: [...stream.subjects] });
      }
      await nc.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ...server,
    url,
    port,
    storeDir,
    ...(leafPort === undefined ? {} : { leafUrl: `nats-leaf://127.0.0.1:${leafPort}` }),
    connect: () => connect({ servers: url }),
    stop,
  };
}
