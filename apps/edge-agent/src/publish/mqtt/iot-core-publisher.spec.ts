import { type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import { mqtt5 } from 'aws-iot-device-sdk-v2';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../../test/burst.js';
import { silentLogger } from '../../../test/fakes.js';
import { PublishRefusedError } from '../publish-refused.error.js';
import type { MqttPublishPort } from './iot-core-connection.js';
import { IotCorePublisher } from './iot-core-publisher.js';
import { topicOfSubject } from './mqtt-topic.js';

const sample = { kind: 'pack' as const, ts: '2026-11-25T12:00:00.000Z', bus: 'can0', bmsAddress: 0, ...PACK };
const envelope: TelemetryEnvelope = {
  schema: 'bms.tlm/1',
  gatewayId: 'gw-iot-1',
  bootId: 'boot-1234',
  seq: 7,
  sentAt: '2026-11-25T12:00:00.000Z',
  samples: [sample],
};

/** Answers every publish with the PUBACK reason code it is told to. */
class FakeBroker implements MqttPublishPort {
  readonly packets: mqtt5.PublishPacket[] = [];
  constructor(
    public reasonCode: number | 'never' = 0,
    public connected = true,
  ) {}
  publish(packet: mqtt5.PublishPacket): Promise<mqtt5.PublishCompletionResult> {
    this.packets.push(packet);
    const code = this.reasonCode;
    return code === 'never' ? new Promise(() => undefined) : Promise.resolve({ type: 4, reasonCode: code });
  }
}

describe('IotCorePublisher', () => {
  it('publishes QoS 1 on the mirrored topic with the dedupe id and a trace context as user properties', async () => {
    const broker = new FakeBroker(0);
    const sut = new IotCorePublisher(broker, silentLogger);
    await sut.publish(envelope);
    const [packet] = broker.packets;
    expect(packet?.topicName).toBe('bms/v1/tlm/gw-iot-1');
    expect(packet?.qos).toBe(mqtt5.QoS.AtLeastOnce);
    expect(packet?.userProperties).toEqual([
      { name: 'Nats-Msg-Id', value: 'gw-iot-1:boot-1234:7' },
      // W3C trace context: version 00, 16-byte trace id, 8-byte parent id, flags.
      { name: 'traceparent', value: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/) },
    ]);
    const body = JSON.parse(new TextDecoder().decode(packet?.payload as Uint8Array));
    expect(telemetryEnvelopeSchema.parse(body)).toEqual(envelope);
    expect(sut.counters.published).toBe(1);
  });

  it('takes reason 16 (no matching subscribers) as success', async () => {
    const sut = new IotCorePublisher(new FakeBroker(16), silentLogger);
    await expect(sut.publish(envelope)).resolves.toBeUndefined();
  });

  it('turns PUBACK 135 into a permanent refusal, counted by code', async () => {
    const sut = new IotCorePublisher(new FakeBroker(135), silentLogger);
    const error = await sut.publish(envelope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishRefusedError);
    expect(error).toMatchObject({ reasonCode: 135, permanent: true });
    await sut.publish(envelope).catch(() => undefined);
    expect(sut.counters).toEqual({ published: 0, refused: { 135: 2 } });
  });

  it('treats throttling (151) as a transient refusal', async () => {
    const sut = new IotCorePublisher(new FakeBroker(151), silentLogger);
    await expect(sut.publish(envelope)).rejects.toMatchObject({ reasonCode: 151, permanent: false });
  });

  it('fails fast while disconnected and when no PUBACK comes', async () => {
    const offline = new FakeBroker(0, false);
    await expect(new IotCorePublisher(offline, silentLogger).publish(envelope)).rejects.toThrow(
      'not connected',
    );
    expect(offline.packets).toEqual([]);
    const silent = new IotCorePublisher(new FakeBroker('never'), silentLogger, 20);
    await expect(silent.publish(envelope)).rejects.toThrow('no PUBACK within 20 ms');
  });

  it('refuses a batch above IoT Core’s 128 KB message limit without sending it', async () => {
    const broker = new FakeBroker(0);
    const big = { ...envelope, samples: Array.from({ length: 400 }, () => sample) };
    await expect(new IotCorePublisher(broker, silentLogger).publish(big)).rejects.toMatchObject({
      permanent: true,
    });
    expect(broker.packets).toEqual([]);
  });
});

describe('topicOfSubject', () => {
  it('mirrors subjects and enforces IoT Core topic limits', () => {
    expect(topicOfSubject('bms.v1.hb.gw-1')).toBe('bms/v1/hb/gw-1');
    expect(() => topicOfSubject('a.b.c.d.e.f.g.h.i')).toThrow('7 slashes');
  });
});
