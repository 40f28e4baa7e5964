import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA, eventEnvelopeSchema, eventMessageId } from './event-envelope.js';

const composition = {
  kind: 'composition',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 2,
  protocol: 'hv-can',
  totalCells: 45,
  moduleCount: 3,
  cellsPerModule: 15,
  nominalVoltageV: 144,
  capacityAh: 50,
  manufacturer: 'PYLONTECH',
};

const envelope = (events: unknown[]) => ({
  schema: EVENT_SCHEMA,
  gatewayId: 'gw-1a',
  bootId: 'boot-1',
  seq: 0,
  sentAt: '2026-11-25T12:00:01.000Z',
  events,
});

describe('eventEnvelopeSchema (bms.evt/1)', () => {
  it('accepts composition and boot events', () => {
    const boot = {
      kind: 'boot',
      ts: '2026-11-25T12:00:00.000Z',
      agentVersion: '0.1.0',
      protocol: 'lv-can',
      mode: 'listen-only',
      bus: 'can1',
      transport: 'socketcan',
    };
    const parsed = eventEnvelopeSchema.parse(envelope([composition, boot]));
    expect(parsed.events).toEqual([composition, boot]);
    expect(parsed).not.toHaveProperty('unknownEvents');
  });

  it('sets an unknown kind aside instead of refusing the batch', () => {
    const parsed = eventEnvelopeSchema.parse(envelope([{ kind: 'firmware-update', to: '2.0' }, composition]));
    expect(parsed.events).toEqual([composition]);
    expect(parsed.unknownEvents).toEqual([
      { kind: 'unknown', originalKind: 'firmware-update', body: { kind: 'firmware-update', to: '2.0' } },
    ]);
  });

  it('accepts a topology event (issue 10) and refuses a blank serial in it, naming the field', () => {
    const topology = {
      kind: 'topology',
      ts: '2026-11-25T12:00:00.000Z',
      bus: 'can0',
      protocol: 'hv-can',
      strings: [
        { bmsAddress: 1, moduleCount: 3, bmsSerial: 'PPTB123', modules: [{ position: 1, serial: 'M1' }] },
      ],
    };
    const parsed = eventEnvelopeSchema.parse(envelope([topology]));
    expect(parsed.events).toEqual([topology]);
    expect(parsed.unknownEvents).toBeUndefined();
    const blank = { ...topology, strings: [{ bmsAddress: 1, bmsSerial: '  ' }] };
    const refused = eventEnvelopeSchema.safeParse(envelope([blank]));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path.join('.')).toContain('bmsSerial');
  });

  it('refuses a known kind with a bad field and names the field', () => {
    const result = eventEnvelopeSchema.safeParse(envelope([{ ...composition, bmsAddress: 16 }]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['events', 0, 'bmsAddress']);
  });

  it('gives event batches a dedupe id apart from telemetry batches', () => {
    expect(eventMessageId('gw-1a', 'boot-1', 3)).toBe('gw-1a:boot-1:e3');
  });
});
