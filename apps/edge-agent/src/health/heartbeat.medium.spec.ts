// Heartbeat over a PRIVATE nats-server and the loopback status endpoint, both real.

import { freePort, type RunningProcess, startProcess, stopProcess, waitFor } from '@fleet/test-kit';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/fakes.js';
import { systemClock } from '../clock.js';
import type { Heartbeat } from './heartbeat.js';
import { HeartbeatPublisher } from './heartbeat-publisher.js';
import { NatsHeartbeatTransport } from './nats-heartbeat-transport.js';
import { StatusServer } from './status-server.js';

const GW = `gw-hb-${process.pid}`;
let nats: RunningProcess | undefined;
let nc: NatsConnection;
let status: StatusServer;
const abort = new AbortController();

beforeAll(async () => {
  const port = await freePort();
  nats = startProcess('nats-server', 'nats-server', ['-a', '127.0.0.1', '-p', String(port)]);
  nc = await waitFor('nats-server', () => connect({ servers: `nats://127.0.0.1:${port}` }), 20_000);
}, 30_000);

afterAll(async () => {
  abort.abort();
  await status?.close();
  await nc?.close();
  await stopProcess(nats);
});

describe('heartbeat and status endpoint', () => {
  it('publishes beats on bms.v1.hb.<gatewayId> and serves the latest on 127.0.0.1', async () => {
    const received: Heartbeat[] = [];
    const sub = nc.subscribe(`bms.v1.hb.${GW}`);
    void (async () => {
      for await (const m of sub) {
        received.push(m.json<Heartbeat>());
      }
    })();
    const started = Date.now();
    const sut = new HeartbeatPublisher(
      {
        clock: systemClock,
        logger: silentLogger,
        transport: new NatsHeartbeatTransport(() => nc),
        read: () => ({
          gatewayId: GW,
          bootId: 'boot-hb',
          version: '0.1.0',
          startedAt: new Date(Date.now() - 5000),
          spool: { depth: 7 },
          // framesIn: one frame per millisecond since start, a rising counter.
          bus: { framesIn: Date.now() - started, framesOut: 0, corrupt: 2, adapterErrors: 0, reconnects: 0 },
          sampler: {},
        }),
      },
      200,
    );
    void sut.run(abort.signal);
    status = new StatusServer(0, () => sut.current ?? { starting: true }, silentLogger);
    const port = await status.start();

    const beat = await waitFor('two heartbeats', () => received[1], 10_000);
    expect(beat).toMatchObject({
      schema: 'bms.hb/1',
      gatewayId: GW,
      spool: { depth: 7 },
      bus: { corrupt: 2 },
    });
    expect(beat.link.connected).toBe(true);
    expect(beat.link.rttMs).toBeGreaterThanOrEqual(0);
    expect(beat.bus.framesInPerS).toBeGreaterThan(0);
    const served = (await (await fetch(`http://127.0.0.1:${port}/status`)).json()) as Heartbeat;
    expect(served).toMatchObject({ gatewayId: GW, bootId: 'boot-hb' });
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
  });
});
