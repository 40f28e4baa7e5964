import { mqtt5 } from 'aws-iot-device-sdk-v2';
import { describe, expect, it } from 'vitest';
import { FakeMqttSession } from '../../test/fake-mqtt-session.js';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import type { Heartbeat } from './heartbeat.js';
import { HeartbeatPublisher } from './heartbeat-publisher.js';
import { MqttHeartbeatTransport } from './mqtt-heartbeat-transport.js';

const GW = 'gw-mqtt-hb';

function start() {
  const session = new FakeMqttSession();
  const sut = new HeartbeatPublisher(
    {
      clock: new FakeClock(),
      logger: silentLogger,
      transport: new MqttHeartbeatTransport(session),
      read: () => ({
        gatewayId: GW,
        bootId: 'boot-1',
        version: '0.1.0',
        startedAt: new Date('2026-11-25T11:00:00Z'),
        spool: { depth: 2 },
        bus: { framesIn: 10, framesOut: 5, corrupt: 0, adapterErrors: 0, reconnects: 0 },
        sampler: {},
      }),
    },
    60_000,
  );
  return { session, sut };
}

describe('heartbeats over MQTT5', () => {
  it('publishes QoS 1 on bms/v1/hb/<gatewayId> with link quality from the MQTT connection', async () => {
    const { session, sut } = start();
    session.connect();
    session.disconnect();
    session.connect();
    const beat = await sut.beat();
    expect(beat.link).toEqual({
      connected: true,
      rttMs: null,
      reconnects: 1,
      disconnects: 1,
      publishFailures: 0,
    });
    const [packet] = session.published;
    expect(packet).toMatchObject({ topicName: `bms/v1/hb/${GW}`, qos: mqtt5.QoS.AtLeastOnce });
    const body = JSON.parse(new TextDecoder().decode(packet?.payload as Uint8Array)) as Heartbeat;
    expect(body).toEqual(beat);
    expect(body).toMatchObject({ schema: 'bms.hb/1', gatewayId: GW, spool: { depth: 2 } });
  });

  it('does not queue beats while disconnected and counts refused ones (PUBACK 135)', async () => {
    const { session, sut } = start();
    const offline = await sut.beat();
    expect(offline.link).toMatchObject({ connected: false, publishFailures: 0 });
    expect(session.published).toEqual([]);
    session.connect();
    session.pubackCode = 135;
    await sut.beat();
    session.pubackCode = 0;
    const third = await sut.beat();
    // Each beat reports the failures before it: the offline one and the refused one.
    expect(third.link.publishFailures).toBe(2);
    expect(session.published).toHaveLength(2);
    expect(sut.current).toBe(third);
  });
});
