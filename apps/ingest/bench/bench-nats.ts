import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface PrivateNats {
  url: string;
  nc: NatsConnection;
  stop(): Promise<void>;
}

/** A private `nats-server -js` on loopback with a throwaway store, so the bench shares nothing. */
export async function startPrivateNats(): Promise<PrivateNats> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'bench-ingest-nats-'));
  const child: ChildProcess = spawn(
    'nats-server',
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir],
    {
      stdio: 'ignore',
    },
  );
  const url = `nats://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const nc = await connect({ servers: url, reconnect: false });
      return {
        url,
        nc,
        stop: async () => {
          await nc.drain().catch(() => undefined);
          child.kill('SIGTERM');
          await once(child, 'exit');
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`nats-server did not start: ${String(error)}`);
      }
      await sleep(100);
    }
  }
}
