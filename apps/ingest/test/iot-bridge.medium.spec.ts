// The AWS IoT Core uplink end to end, against a local Mosquitto that checks client
// certificates the way IoT Core does: the edge agent's own publisher (run as a process) →
// MQTT5 + mTLS → the ingest iot-bridge (shared subscription) → JetStream (a private
// nats-server) → ingest → PostgreSQL. And the refusals: a certificate for another gateway id
// gets PUBACK 135 and nothing is forwarded; no certificate or a foreign CA cannot connect.
import { readFileSync } from 'node:fs';
import { productionTestTargets, uniqueSuffix } from '@fleet/db/testing';
import { streams, subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { agentPublish } from './agent-publish.js';
import { useIotBridgeFixture } from './iot-bridge-fixture.js';

// One database target is enough: the bridge is upstream of storage; the storage tests cover both.
const [target] = await productionTestTargets();
const suffix = uniqueSuffix();
const gatewayId = `gw-iot-${suffix}`;
const otherGatewayId = `gw-iot-other-${suffix}`;

describe('iot-bridge: edge agent → MQTT5 + mTLS → bridge → JetStream → PostgreSQL', () => {
  const f = useIotBridgeFixture(target!, gatewayId, otherGatewayId, suffix);

  it('stores every sample the agent publishes exactly once, resends included', async () => {
    const identity = f.broker.client(gatewayId);
    const first = await agentPublish(f.broker, identity, {
      'gateway-id': gatewayId,
      'boot-id': 'boot-a',
      count: '3',
    });
    expect(first.lines, first.stderr).toEqual([
      { connected: true },
      { seq: 0, ok: true },
      { seq: 1, ok: true },
      { seq: 2, ok: true },
    ]);
    await waitFor('three batches in PostgreSQL', async () => (await f.stored()).samples === 6, {
      timeoutMs: 30_000,
    }).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${f.diagnostics()}`)));

    // The same batches again (a PUBACK lost on a flaky link), then one new batch as a marker:
    // once the marker is stored, the bridge has handled the resends before it (one subscription,
    // in order).
    const again = await agentPublish(f.broker, identity, {
      'gateway-id': gatewayId,
      'boot-id': 'boot-a',
      count: '3',
    });
    expect(again.lines.filter((l) => l.ok === true)).toHaveLength(3);
    const marker = await agentPublish(f.broker, identity, {
      'gateway-id': gatewayId,
      'boot-id': 'boot-b',
      count: '1',
      t0: '2026-11-25T13:00:00Z',
    });
    expect(marker.lines).toContainEqual({ seq: 0, ok: true });
    await waitFor('the marker batch in PostgreSQL', async () => (await f.stored()).samples === 8, {
      timeoutMs: 30_000,
    });

    expect(await f.stored()).toEqual({ samples: 8, batches: 4 });
    // JetStream itself dropped the resends: the dedupe id crossed MQTT as a user property.
    expect(await f.countIn(subjects.telemetry(gatewayId))).toBe(4);
    const last = await f.jsm.streams.getMessage(streams.telemetry.name, {
      last_by_subj: subjects.telemetry(gatewayId),
    });
    expect(last?.header.get('Nats-Msg-Id')).toBe(`${gatewayId}:boot-b:0`);
  });

  it('refuses a certificate for another gateway id under this gateway (PUBACK 135) and forwards nothing', async () => {
    const before = await f.countIn(subjects.telemetry(gatewayId));
    const intruder = f.broker.client(otherGatewayId);
    const refused = await agentPublish(f.broker, intruder, {
      'gateway-id': gatewayId,
      'boot-id': 'boot-x',
      count: '1',
    });
    expect(refused.lines[1]).toMatchObject({
      seq: 0,
      ok: false,
      refused: true,
      reasonCode: 135,
      permanent: true,
    });

    // Marker: the same client publishes under its own id; once that is in the stream, the
    // refused publish (which the broker answered first) would have been too.
    const own = await agentPublish(f.broker, intruder, { 'gateway-id': otherGatewayId, count: '1' });
    expect(own.lines).toContainEqual({ seq: 0, ok: true });
    await waitFor(
      'the other gateway’s own batch in JetStream',
      async () => (await f.countIn(subjects.telemetry(otherGatewayId))) === 1,
    );
    expect(await f.countIn(subjects.telemetry(gatewayId))).toBe(before);
  });

  it('refuses a client without a certificate or with one from a foreign CA', async () => {
    const noCert = await connectAsync(f.broker.url, {
      protocolVersion: 5,
      ca: readFileSync(f.broker.caPath),
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    }).then(
      async (client) => {
        await client.endAsync();
        return 'connected';
      },
      (error: Error) => error.message,
    );
    expect(noCert).not.toBe('connected');

    const foreign = await agentPublish(f.broker, f.broker.foreign, {
      'gateway-id': gatewayId,
      'connect-timeout-ms': '5000',
    });
    expect(foreign.code).toBe(3);
    expect(foreign.lines[0]).toMatchObject({ connected: false });
    expect(foreign.lines[0]?.failedAttempts).toBeGreaterThan(0);
  });
});
