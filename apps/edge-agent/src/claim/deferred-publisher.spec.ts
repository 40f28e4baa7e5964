import { describe, expect, it } from 'vitest';
import { PACK } from '../../test/burst.js';
import { FakeClock } from '../../test/fakes.js';
import { UNCLAIMED_GATEWAY_ID } from '../config/agent-config.js';
import { EnvelopeFactory } from '../publish/envelope-factory.js';
import { messageIdOf, type OutboundEnvelope, subjectOf } from '../publish/outbound-envelope.js';
import { DeferredPublisher, NotClaimedError } from './deferred-publisher.js';

const sample = { kind: 'pack' as const, ts: '2026-11-25T12:00:00.000Z', bus: 'can0', bmsAddress: 0, ...PACK };

describe('DeferredPublisher', () => {
  it('refuses like an outage until claimed, then publishes as the claimed gateway', async () => {
    const sut = new DeferredPublisher();
    const envelope = new EnvelopeFactory(UNCLAIMED_GATEWAY_ID, 'boot-1', new FakeClock()).create([sample]);
    await expect(sut.publish(envelope)).rejects.toBeInstanceOf(NotClaimedError);

    const sent: OutboundEnvelope[] = [];
    sut.attach({ publish: async (e) => void sent.push(e) }, 'gw-claimed-1');
    await sut.publish(envelope);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ gatewayId: 'gw-claimed-1', bootId: 'boot-1', seq: envelope.seq });
    const stamped = sent[0] as OutboundEnvelope;
    expect(subjectOf(stamped)).toBe('bms.v1.tlm.gw-claimed-1');
    expect(messageIdOf(stamped)).toContain('gw-claimed-1');
    // The spooled original is not changed: a retry stamps it again the same way.
    expect(envelope.gatewayId).toBe(UNCLAIMED_GATEWAY_ID);
  });
});
