import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streams } from '@fleet/telemetry';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort, type RunningProcess, startProcess, waitFor } from './processes.js';

export interface PrivateNats {
  url: string;
  /** `nats-leaf://…` where site servers attach, when started with `leafnodes: true`. */
  leafUrl?: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

/**
 * A nats-server with JetStream and the ALARMS stream on a free port, private to one test file:
 * the API publishes its alarm transitions there and its live hub hears them, and nothing reaches
 * the machine's shared server (where other processes' consumers would see test events).
 */
export async function startPrivateNats(options: { leafnodes?: boolean } = {}): Promise<PrivateNats> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'web-e2e-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  // Leaf listeners have no command-line flag: a config file adds one (the flags still win).
  const leafPort = options.leafnodes ? await freePort() : undefined;
  if (leafPort !== undefined) {
    await writeFile(join(storeDir, 'hub.conf'), `leafnodes { listen: "127.0.0.1:${leafPort}" }\n`);
    args.push('-c', join(storeDir, 'hub.conf'));
  }
  const child = startProcess('nats', 'nats-server', args, { cwd: storeDir });
  const url = `nats://127.0.0.1:${port}`;
  const stop = async () => {
    await child.stop();
    await rm(storeDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      'nats-server',
      () => canConnect(url),
      20_000,
      () => child.output(),
    );
    const nc = await connect({ servers: url });
    await (await jetstreamManager(nc)).streams.add({
      name: streams.alarms.name,
      subjects: [...streams.alarms.subjects],
    });
    await nc.close();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    ...(leafPort === undefined ? {} : { leafUrl: `nats-leaf://127.0.0.1:${leafPort}` }),
    process: child,
    stop,
  };
}

async function canConnect(url: string): Promise<boolean> {
  try {
    await (await connect({ servers: url, reconnect: false })).close();
    return true;
  } catch {
    return false;
  }
}
