import type { CompositionEvent, PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import { EnvelopeFactory } from './envelope-factory.js';
import { EventEnvelopeFactory } from './event-envelope-factory.js';
import type { OutboundEnvelope } from './outbound-envelope.js';
import { isNoResponders, UnroutableEventsDropped } from './unroutable-events.js';

const noResponders = () => {
  const cause = new Error("no responders: 'bms.v1.evt.gw-1'");
  const error = new Error('jetstream is not enabled', { cause });
  error.name = 'JetStreamNotEnabled';
  return error;
};
const event: CompositionEvent = {
  kind: 'composition',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 1,
  protocol: 'hv-can',
  moduleCount: 8,
};
const pack: PackSample = { kind: 'pack', ts: event.ts, bus: 'can0', bmsAddress: 1, ...PACK };

function setup(failure: () => Error) {
  const clock = new FakeClock();
  const inner = {
    publish: async (_e: OutboundEnvelope): Promise<void> => {
      throw failure();
    },
  };
  return {
    sut: new UnroutableEventsDropped(inner, silentLogger),
    evt: new EventEnvelopeFactory('gw-1', 'boot-1', clock).create([event]),
    tlm: new EnvelopeFactory('gw-1', 'boot-1', clock).create([pack]),
  };
}

describe('UnroutableEventsDropped', () => {
  it('drops an event batch no stream takes, and counts it', async () => {
    const { sut, evt } = setup(noResponders);
    await expect(sut.publish(evt)).resolves.toBeUndefined();
    expect(sut.dropped).toBe(1);
  });

  it('keeps telemetry failing, so the outbox retries it', async () => {
    const { sut, tlm } = setup(noResponders);
    await expect(sut.publish(tlm)).rejects.toThrow(/not enabled/);
    expect(sut.dropped).toBe(0);
  });

  it('keeps an event batch on any other failure (not connected, timeout)', async () => {
    const { sut, evt } = setup(() => new Error('not connected to NATS yet'));
    await expect(sut.publish(evt)).rejects.toThrow(/not connected/);
    expect(isNoResponders(new Error('TIMEOUT'))).toBe(false);
  });
});
