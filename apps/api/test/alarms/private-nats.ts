import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A nats-server with JetStream on a free port and a throw-away store, for one test file. */
export interface PrivateNats {
  url: string;
  connect(): Promise<NatsConnection>;
  stop(): Promise<void>;
}

export async function startPrivateNats(): Promise<PrivateNats> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'alarms-nats-'));
  const child: ChildProcess = spawn(
    'nats-server',
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  const url = `nats://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const nc = await connect({ servers: url, reconnect: false }).catch((error: unknown) => {
      if (attempt > 200) {
        throw error;
      }
      return undefined;
    });
    if (nc) {
      await nc.close();
      break;
    }
    await sleep(100);
  }
  return {
    url,
    connect: () => connect({ servers: url }),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
