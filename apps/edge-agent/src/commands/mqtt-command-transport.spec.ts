import { mqtt5 } from 'aws-iot-device-sdk-v2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeMqttSession } from '../../test/fake-mqtt-session.js';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import { DEFAULT_SAMPLING_PLAN } from '../sampling/sampling-plan.js';
import { CommandHandler } from './command-handler.js';
import { type CommandReply, verifyReply } from './command-reply.js';
import { CommandServer } from './command-server.js';
import { MqttCommandTransport } from './mqtt-command-transport.js';
import { isAllowedReplyTopic } from './reply-topic.js';

const GW = 'gw-mqtt-cmd';
const KEY = 'mqtt-command-test-key';
const REPLY_TOPIC = `bms/v1/cmdreply/${GW}/req-1`;
const aborts: AbortController[] = [];
afterEach(() => {
  for (const abort of aborts.splice(0)) {
    abort.abort();
  }
});

function start() {
  const clock = new FakeClock();
  const session = new FakeMqttSession();
  const sampler = {
    plan: DEFAULT_SAMPLING_PLAN,
    setPlan: () => undefined,
    snapshotNow: async () => undefined,
    targets: [],
    reportNextInFull: () => undefined,
  };
  const handler = new CommandHandler({
    gatewayId: GW,
    clock,
    sampler,
    publicConfig: () => ({}),
    replyKey: KEY,
  });
  const sut = new CommandServer({
    gatewayId: GW,
    handler,
    transport: new MqttCommandTransport(GW, session, silentLogger),
    clock,
    logger: silentLogger,
    replyKey: KEY,
  });
  const abort = new AbortController();
  aborts.push(abort);
  void sut.run(abort.signal);
  return { session, sut };
}

const request = (topic: string, extra: Partial<mqtt5.PublishPacket> = {}): mqtt5.PublishPacket => ({
  topicName: topic,
  qos: mqtt5.QoS.AtLeastOnce,
  payload: new TextEncoder().encode('{}').buffer,
  responseTopic: REPLY_TOPIC,
  correlationData: new Uint8Array([7, 8, 9]).buffer,
  ...extra,
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Waits until `n` requests were served to the end (reply accepted, or counted as unanswered). */
async function served(sut: CommandServer, session: FakeMqttSession, n: number): Promise<void> {
  await vi.waitFor(() => {
    const unanswered = Object.values(sut.counters.unanswered).reduce((a, b) => a + (b ?? 0), 0);
    const replied = session.published.filter((p) => p.topicName.startsWith('bms/v1/cmdreply/')).length;
    expect(replied + unanswered).toBe(n);
  });
}

function replyOf(packet: mqtt5.PublishPacket | undefined): CommandReply {
  return JSON.parse(new TextDecoder().decode(packet?.payload as Uint8Array)) as CommandReply;
}

describe('MqttCommandTransport + CommandServer', () => {
  it('subscribes QoS 1 to its own command topics on every connect', async () => {
    const { session } = start();
    await settle();
    expect(session.subscribed).toEqual([]);
    session.connect();
    session.disconnect();
    session.connect();
    await settle();
    expect(session.subscribed).toHaveLength(2);
    expect(session.subscribed[0]?.subscriptions).toEqual([
      { topicFilter: `bms/v1/cmd/${GW}/#`, qos: mqtt5.QoS.AtLeastOnce },
    ]);
  });

  it('replies QoS 1 on the response topic with the correlation data, signed', async () => {
    const { session, sut } = start();
    session.connect();
    session.deliver(request(`bms/v1/cmd/${GW}/plan/get`));
    session.deliver(request(`bms/v1/cmd/${GW}/plan.get`));
    await served(sut, session, 2);
    expect(session.published).toHaveLength(2);
    for (const packet of session.published) {
      expect(packet).toMatchObject({ topicName: REPLY_TOPIC, qos: mqtt5.QoS.AtLeastOnce });
      expect([...new Uint8Array(packet.correlationData as ArrayBuffer)]).toEqual([7, 8, 9]);
      const reply = replyOf(packet);
      expect(reply).toMatchObject({
        gatewayId: GW,
        verb: 'plan.get',
        ok: true,
        result: DEFAULT_SAMPLING_PLAN,
      });
      expect(verifyReply(reply, KEY)).toBe(true);
    }
    expect(sut.counters).toEqual({ requests: 2, errors: 0, unanswered: {} });
  });

  it('answers a bad body with bad-request and ignores topics of other gateways', async () => {
    const { session, sut } = start();
    session.connect();
    session.deliver(
      request(`bms/v1/cmd/${GW}/plan.set`, { payload: new TextEncoder().encode('{"x').buffer }),
    );
    session.deliver(request('bms/v1/cmd/gw-other/plan.get'));
    // A marker after the foreign topic: served in order, so the foreign one was seen first.
    session.deliver(request(`bms/v1/cmd/${GW}/plan.get`));
    await served(sut, session, 2);
    expect(session.published.map(replyOf)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) }),
      expect.objectContaining({ ok: true, verb: 'plan.get' }),
    ]);
    expect(sut.counters.requests).toBe(2);
  });

  it('sends no reply without a response topic or outside bms/v1/cmdreply/<gatewayId>/, and counts why', async () => {
    const { session, sut } = start();
    session.connect();
    session.deliver(request(`bms/v1/cmd/${GW}/repoll`, { responseTopic: undefined }));
    session.deliver(request(`bms/v1/cmd/${GW}/repoll`, { responseTopic: 'bms/v1/cmdreply/gw-other/1' }));
    session.deliver(request(`bms/v1/cmd/${GW}/repoll`, { responseTopic: 'bms/v1/tlm/gw-mqtt-cmd' }));
    await served(sut, session, 3);
    expect(session.published).toEqual([]);
    expect(sut.counters.unanswered).toEqual({ 'no-reply-address': 1, 'reply-address-refused': 2 });
  });

  it('counts a reply the broker refuses (PUBACK 135) or that cannot go out while disconnected', async () => {
    const { session, sut } = start();
    session.connect();
    session.pubackCode = 135;
    session.deliver(request(`bms/v1/cmd/${GW}/plan.get`));
    await vi.waitFor(() => expect(sut.counters.unanswered.failed).toBe(1));
    session.disconnect();
    session.deliver(request(`bms/v1/cmd/${GW}/plan.get`));
    await vi.waitFor(() => expect(sut.counters.unanswered.failed).toBe(2));
    expect(session.published).toHaveLength(1);
    expect(sut.counters.unanswered).toEqual({ failed: 2 });
  });
});

describe('isAllowedReplyTopic', () => {
  it('allows only topics under bms/v1/cmdreply/<gatewayId>/ within IoT Core limits', () => {
    expect(isAllowedReplyTopic(`bms/v1/cmdreply/${GW}/abc`, GW)).toBe(true);
    expect(isAllowedReplyTopic(`bms/v1/cmdreply/${GW}/a/b/c`, GW)).toBe(true);
    for (const bad of [
      `bms/v1/cmdreply/${GW}/`,
      `bms/v1/cmdreply/${GW}`,
      `bms/v1/cmdreply/${GW}x/1`,
      `bms/v1/cmdreply/${GW}/+`,
      `bms/v1/cmdreply/${GW}/#`,
      `bms/v1/cmdreply/${GW}/a/b/c/d/e`,
      `bms/v1/cmdreply/${GW}/${'x'.repeat(250)}`,
    ]) {
      expect(isAllowedReplyTopic(bad, GW), bad).toBe(false);
    }
  });
});
