// Heartbeats over the IoT Core path: a gateway's certificate publishes on bms/v1/hb/<id> (QoS 1
// and QoS 0, both allowed), the ingest iot-bridge forwards them into the HEARTBEAT stream, and
// its counters (forwarded by kind, rejected by reason, link) appear on ingest's /health.
import { readFileSync } from 'node:fs';
import { testDatabaseTargets, uniqueSuffix } from '@fleet/db/testing';
import { streams, subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { useIotBridgeFixture } from './iot-bridge-fixture.js';

const [target] = await testDatabaseTargets();
const suffix = uniqueSuffix();
const gatewayId = `gw-iothb-${suffix}`;
const otherGatewayId = `gw-iothb-other-${suffix}`;

interface BridgeReport {
  connected: boolean;
  reconnects: number;
  forwarded: { tlm: number; evt: number; hb: number };
  rejected: Record<string, number>;
}

describe('iot-bridge: heartbeats → HEARTBEAT stream, bridge counters on /health', () => {
  const f = useIotBridgeFixture(target!, gatewayId, otherGatewayId, suffix);

  it('forwards QoS 1 and QoS 0 heartbeats of the topic’s gateway and rejects a borrowed id', async () => {
    const { cert, key } = f.broker.client(gatewayId);
    const device = await connectAsync(f.broker.url, {
      protocolVersion: 5,
      clientId: gatewayId,
      cert: readFileSync(cert),
      key: readFileSync(key),
      ca: readFileSync(f.broker.caPath),
      reconnectPeriod: 0,
    });
    const topic = `bms/v1/hb/${gatewayId}`;
    const beat = (id: string, n: number) => JSON.stringify({ schema: 'bms.hb/1', gatewayId: id, n });
    try {
      await device.publishAsync(topic, beat(otherGatewayId, 0), { qos: 1 });
      await device.publishAsync(topic, beat(gatewayId, 1), { qos: 1 });
      await device.publishAsync(topic, beat(gatewayId, 2), { qos: 0 });
    } finally {
      await device.endAsync();
    }

    const bridge = await waitFor(
      'both heartbeats forwarded and the borrowed id rejected',
      async () => {
        const report = ((await f.health()) as { iotBridge?: BridgeReport } | undefined)?.iotBridge;
        return report?.forwarded.hb === 2 && report.rejected['gateway-mismatch'] === 1 ? report : undefined;
      },
      { timeoutMs: 30_000 },
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${f.diagnostics()}`)));
    expect(bridge).toMatchObject({ connected: true, reconnects: 0, forwarded: { tlm: 0, evt: 0, hb: 2 } });

    const subject = subjects.heartbeat(gatewayId);
    const info = await f.jsm.streams.info(streams.heartbeat.name, { subjects_filter: subject });
    expect(info.state.subjects?.[subject]).toBe(2);
    const stored = await Promise.all(
      [1, 2].map((seq) =>
        f.jsm.streams
          .getMessage(streams.heartbeat.name, { seq: info.state.first_seq + seq - 1 })
          .then((m) => m?.json<{ gatewayId: string; n: number }>()),
      ),
    );
    expect(stored.map((s) => s?.gatewayId)).toEqual([gatewayId, gatewayId]);
    expect(stored.map((s) => s?.n).sort()).toEqual([1, 2]);
  });
});
