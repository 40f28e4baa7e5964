// Commands and heartbeats over the AWS IoT Core uplink, against a private Mosquitto that checks
// client certificates and a per-gateway ACL the way the IoT policy does (infra/mosquitto). The
// real agent runs `--uplink iot-core` (no bus attached: commands and heartbeats do not need
// one); the cloud side is mqtt.js with the `fleet-api` and `ingest-bridge` identities; an
// intruder holds another gateway's certificate.
import { randomUUID } from 'node:crypto';
import { freePort, MtlsBroker, type RunningProcess, startTs, stopProcess, waitFor } from '@fleet/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandReply, verifyReply } from '../src/commands/command-reply.js';
import type { Heartbeat } from '../src/health/heartbeat.js';
import { DEFAULT_SAMPLING_PLAN } from '../src/sampling/sampling-plan.js';
import { MqttPeer } from './mqtt-peer.js';

const KEY = 'iot-command-key-0123456789';
const unique = `${process.pid}-${Date.now().toString(36)}`;
const GW = `gw-iotcmd-${unique}`;
const OTHER = `gw-iotcmd-other-${unique}`;
const REPLIES = `bms/v1/cmdreply/${GW}/`;

let broker: MtlsBroker;
let agent: RunningProcess | undefined;
let api: MqttPeer;
let bridge: MqttPeer;
let intruder: MqttPeer;
const diagnostics = () => `--- agent\n${agent?.output().slice(-4000)}\n--- mosquitto\n${broker?.log()}`;

beforeAll(async () => {
  broker = await MtlsBroker.start([GW, OTHER, 'fleet-api', 'ingest-bridge']);
  const { cert, key } = broker.client(GW);
  agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
    ...['--gateway-id', GW, '--slcan', `tcp://127.0.0.1:${await freePort()}`],
    ...['--uplink', 'iot-core', '--iot-endpoint', '127.0.0.1', '--iot-port', String(broker.port)],
    ...['--iot-cert', cert, '--iot-key', key, '--iot-ca', broker.caPath],
    ...['--spool', 'memory', '--status-port', '0', '--heartbeat-s', '5', '--command-key', KEY],
  ]);
  api = await MqttPeer.connect(broker, 'fleet-api', `fleet-api-${unique}`);
  await api.client.subscribeAsync(`${REPLIES}#`, { qos: 1 });
  bridge = await MqttPeer.connect(broker, 'ingest-bridge', `bridge-${unique}`);
  await bridge.client.subscribeAsync(`bms/v1/hb/${GW}`, { qos: 1 });
  intruder = await MqttPeer.connect(broker, OTHER, OTHER);
  await intruder.client.subscribeAsync([`bms/v1/cmd/${GW}/#`, `bms/v1/cmd/${OTHER}/#`], { qos: 1 });
}, 60_000);

afterAll(async () => {
  await stopProcess(agent);
  await Promise.allSettled([api?.close(), bridge?.close(), intruder?.close()]);
  await broker?.stop();
});

/** Sends `verb` as the cloud would: MQTT5 responseTopic under cmdreply/<gw>/ + correlation data. */
async function send(topic: string, body: unknown): Promise<string> {
  const correlation = randomUUID();
  await api.client.publishAsync(topic, JSON.stringify(body), {
    qos: 1,
    properties: { responseTopic: `${REPLIES}${correlation}`, correlationData: Buffer.from(correlation) },
  });
  return correlation;
}

function replyTo(correlation: string): CommandReply | undefined {
  const hit = api.on(REPLIES).find((r) => r.packet.properties?.correlationData?.toString() === correlation);
  return hit && (JSON.parse(hit.payload.toString()) as CommandReply);
}

/** Re-sends until the agent (subscribing once connected) answers; each try has its own id. */
async function command(verbPath: string, body: unknown = {}): Promise<CommandReply> {
  return waitFor(
    `a reply to ${verbPath}`,
    async () => {
      const correlation = await send(`bms/v1/cmd/${GW}/${verbPath}`, body);
      return waitFor('this try', () => replyTo(correlation), 3000).catch(() => undefined);
    },
    60_000,
    diagnostics,
  );
}

describe('commands over MQTT5 request/response (agent on --uplink iot-core)', () => {
  it('answers on the response topic it was given, with the correlation data, signed', async () => {
    const reply = await command('plan.get');
    expect(reply).toMatchObject({ gatewayId: GW, verb: 'plan.get', ok: true, result: DEFAULT_SAMPLING_PLAN });
    expect(verifyReply(reply, KEY)).toBe(true);
    // The mirrored form of a dotted verb (`.` → `/`) reaches the same handler.
    const mirrored = await command('config/get');
    expect(mirrored).toMatchObject({
      verb: 'config.get',
      ok: true,
      result: { gatewayId: GW, commandKey: 'set' },
    });
    expect(verifyReply(mirrored, KEY)).toBe(true);
    const bad = await command('plan.set', { deadbands: { currentDa: -1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-plan', field: 'deadbands.currentDa' } });
  });

  it('beats on bms/v1/hb/<gatewayId> with the MQTT link quality, and serves it on /status', async () => {
    const beat = await waitFor(
      'a heartbeat sent while connected',
      () =>
        bridge
          .on(`bms/v1/hb/${GW}`)
          .map((r) => JSON.parse(r.payload.toString()) as Heartbeat)
          .find((h) => h.link.connected),
      30_000,
      diagnostics,
    );
    expect(beat).toMatchObject({ schema: 'bms.hb/1', gatewayId: GW, spool: { kind: 'memory' } });
    expect(beat.link).toMatchObject({ connected: true, rttMs: null, reconnects: 0, disconnects: 0 });
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/status)"/.exec(agent?.output() ?? '')?.[1];
    const served = (await (await fetch(url ?? 'http://127.0.0.1:1/')).json()) as Heartbeat;
    expect(served).toMatchObject({ gatewayId: GW, link: { connected: true } });
  });

  it('keeps another gateway’s certificate off this gateway’s commands and replies', async () => {
    // This gateway's command, then a marker on the intruder's own topic: the broker delivers
    // one client's messages in order, so once the marker arrived the first would have too.
    const correlation = await send(`bms/v1/cmd/${GW}/plan.get`, {});
    await send(`bms/v1/cmd/${OTHER}/plan.get`, {});
    await waitFor('the marker at the intruder', () => intruder.on(`bms/v1/cmd/${OTHER}/`).length > 0, 10_000);
    await waitFor('the agent’s genuine reply', () => replyTo(correlation), 10_000, diagnostics);
    expect(intruder.on(`bms/v1/cmd/${GW}/`)).toEqual([]);

    // A forged reply under this gateway's reply prefix, and a heartbeat under its id: PUBACK 135.
    const forged = JSON.stringify({ gatewayId: GW, verb: 'plan.get', ok: true, forged: true });
    for (const topic of [`${REPLIES}${correlation}`, `bms/v1/hb/${GW}`]) {
      const refused = await intruder.client.publishAsync(topic, forged, { qos: 1 }).then(
        () => 'accepted',
        (error: { code?: number }) => error.code,
      );
      expect(refused, topic).toBe(135);
    }
    // Its own reply prefix is allowed (the ACL is per identity, not a blanket refusal).
    await expect(
      intruder.client.publishAsync(`bms/v1/cmdreply/${OTHER}/x`, '{}', { qos: 1 }),
    ).resolves.toBeDefined();
    // The refused publishes were dropped when the broker answered 135; the next genuine reply is
    // the marker that nothing forged reached the requester in between.
    await command('plan.get');
    expect(api.on(REPLIES).filter((r) => r.payload.toString().includes('forged'))).toEqual([]);
    expect(bridge.on(`bms/v1/hb/${GW}`).filter((r) => r.payload.toString().includes('forged'))).toEqual([]);
  });
});
