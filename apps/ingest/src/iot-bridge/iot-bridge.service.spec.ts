import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BridgeJetStream } from './bridge-jetstream.js';
import { bridgeMessageId } from './bridge-message-id.js';
import { IotBridgeService } from './iot-bridge.service.js';
import { bridgedTopic, bridgeSubscriptions } from './topic-subject.js';

const logger = pino({ level: 'silent' });
const payload = new TextEncoder().encode(JSON.stringify({ gatewayId: 'gw-a1', bootId: 'boot-1', seq: 4 }));

/** Fails the first `failures` publishes, then stores; records what it stored. */
class FakeJetStream implements BridgeJetStream {
  readonly stored: { subject: string; msgId: string | undefined; traceparent?: string }[] = [];
  constructor(private failures = 0) {}
  async publish(subject: string, _data: Uint8Array, msgId: string | undefined, traceparent?: string) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('503 no responders');
    }
    const duplicate = this.stored.some((s) => s.msgId === msgId);
    this.stored.push({ subject, msgId, ...(traceparent ? { traceparent } : {}) });
    return { duplicate };
  }
}

describe('bridgedTopic', () => {
  it('maps the gateway topics to their subjects and nothing else', () => {
    expect(bridgedTopic('bms/v1/tlm/gw-a1')).toEqual({
      kind: 'tlm',
      gatewayId: 'gw-a1',
      subject: 'bms.v1.tlm.gw-a1',
    });
    expect(bridgedTopic('bms/v1/hb/gw-a1')?.subject).toBe('bms.v1.hb.gw-a1');
    for (const bad of [
      'bms/v1/cmd/gw-a1',
      'bms/v1/tlm/GW_A1',
      'bms/v1/tlm/gw-a1/x',
      'bms/v2/tlm/gw-a1',
      '',
    ]) {
      expect(bridgedTopic(bad), bad).toBeUndefined();
    }
    expect(bridgeSubscriptions('ingest')).toEqual([
      '$share/ingest/bms/v1/tlm/+',
      '$share/ingest/bms/v1/evt/+',
      '$share/ingest/bms/v1/hb/+',
    ]);
  });
});

describe('bridgeMessageId', () => {
  it('takes the user property, falls back to the envelope id, and ignores a borrowed id', () => {
    expect(bridgeMessageId('gw-a1', { 'Nats-Msg-Id': 'gw-a1:b:9' }, payload)).toBe('gw-a1:b:9');
    expect(bridgeMessageId('gw-a1', undefined, payload)).toBe('gw-a1:boot-1:4');
    expect(bridgeMessageId('gw-a1', { 'Nats-Msg-Id': 'gw-other:b:9' }, payload)).toBe('gw-a1:boot-1:4');
    expect(bridgeMessageId('gw-a1', {}, new Uint8Array([0xff]))).toBeUndefined();
  });
});

describe('IotBridgeService', () => {
  it('retries JetStream until it acks, then reports the message forwarded', async () => {
    const js = new FakeJetStream(2);
    const sut = new IotBridgeService(js, logger);
    const outcome = await sut.forward({ topic: 'bms/v1/tlm/gw-a1', payload, userProperties: undefined });
    expect(outcome).toBe('forwarded');
    expect(js.stored).toEqual([{ subject: 'bms.v1.tlm.gw-a1', msgId: 'gw-a1:boot-1:4' }]);
    expect(sut.counters).toEqual({
      forwarded: { tlm: 1, evt: 0, hb: 0 },
      duplicates: 0,
      rejected: {},
      retries: 2,
    });
  });

  it('drops (and counts) a topic it does not map', async () => {
    const js = new FakeJetStream();
    const sut = new IotBridgeService(js, logger);
    expect(await sut.forward({ topic: 'other/topic', payload, userProperties: undefined })).toBe('dropped');
    expect(js.stored).toEqual([]);
    expect(sut.counters.rejected).toEqual({ 'unmapped-topic': 1 });
  });

  it('forwards a heartbeat of its topic’s gateway to the HEARTBEAT subject, and rejects others by reason', async () => {
    const js = new FakeJetStream();
    const sut = new IotBridgeService(js, logger);
    const beat = (body: unknown) => ({
      topic: 'bms/v1/hb/gw-a1',
      payload: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
      userProperties: undefined,
    });
    expect(await sut.forward(beat({ schema: 'bms.hb/1', gatewayId: 'gw-a1' }))).toBe('forwarded');
    expect(await sut.forward(beat({ schema: 'bms.hb/1', gatewayId: 'gw-b2' }))).toBe('dropped');
    expect(await sut.forward(beat('{"half'))).toBe('dropped');
    expect(await sut.forward(beat([1, 2]))).toBe('dropped');
    expect(js.stored.map((s) => s.subject)).toEqual(['bms.v1.hb.gw-a1']);
    expect(sut.counters.forwarded).toEqual({ tlm: 0, evt: 0, hb: 1 });
    expect(sut.counters.rejected).toEqual({ 'gateway-mismatch': 1, 'invalid-heartbeat': 2 });
  });

  it("passes the gateway's traceparent on to NATS, and ignores a malformed one", async () => {
    const js = new FakeJetStream();
    const sut = new IotBridgeService(js, logger);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await sut.forward({ topic: 'bms/v1/tlm/gw-a1', payload, userProperties: { traceparent } });
    await sut.forward({ topic: 'bms/v1/evt/gw-a1', payload, userProperties: { traceparent: 'nonsense' } });
    expect(js.stored.map((s) => s.traceparent)).toEqual([traceparent, undefined]);
  });

  it('abandons (never acks) a message JetStream has not taken when stopped', async () => {
    const sut = new IotBridgeService(new FakeJetStream(Number.POSITIVE_INFINITY), logger);
    const pending = sut.forward({ topic: 'bms/v1/tlm/gw-a1', payload, userProperties: undefined });
    sut.stop();
    expect(await pending).toBe('abandoned');
  });
});
