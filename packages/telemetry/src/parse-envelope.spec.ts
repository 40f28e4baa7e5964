import { describe, expect, it } from 'vitest';
import { encodeTelemetryEnvelope, parseTelemetryEnvelope } from './parse-envelope.js';
import type { TelemetryEnvelope } from './telemetry-envelope.js';

const envelope: TelemetryEnvelope = {
  schema: 'bms.tlm/1',
  gatewayId: 'gw-demo-1',
  bootId: 'b00t1d',
  seq: 7,
  sentAt: '2026-11-25T12:00:00.000Z',
  samples: [
    {
      kind: 'pack',
      ts: '2026-11-25T12:00:00.000Z',
      bus: 'can0',
      bmsAddress: 0,
      packVoltageDv: 2469,
      packCurrentDa: -120,
      bmsTempDc: 181,
      socPct: 46,
      sohPct: 100,
    },
  ],
};

describe('parseTelemetryEnvelope', () => {
  it('round-trips a valid envelope', () => {
    const sut = parseTelemetryEnvelope(encodeTelemetryEnvelope(envelope), 'gw-demo-1');
    expect(sut).toEqual({ ok: true, envelope });
  });

  it('ignores fields from a newer minor version', () => {
    const newer = {
      ...envelope,
      futureField: 1,
      samples: [{ ...envelope.samples[0], futureSampleField: 2 }],
    };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(newer)));
    expect(sut.ok).toBe(true);
    expect(sut.ok && sut.envelope).toEqual(envelope);
  });

  it('refuses bytes that are not JSON', () => {
    const sut = parseTelemetryEnvelope(new Uint8Array([0xff, 0x00, 0x7b]));
    expect(sut).toMatchObject({ ok: false, code: 'not-json' });
  });

  it('names the offending field of an invalid envelope', () => {
    const bad = { ...envelope, samples: [{ ...envelope.samples[0], socPct: 300 }] };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(bad)));
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.code).toBe('schema');
    expect(!sut.ok && sut.reason).toContain('samples.0.socPct');
  });

  it('keeps a sample of an unknown kind as "unknown" instead of refusing the batch', () => {
    const newer = { ...envelope, samples: [...envelope.samples, { kind: 'events', ts: 'x', n: 3 }] };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(newer)));
    expect(sut.ok && sut.envelope).toEqual({
      ...envelope,
      unknownSamples: [{ kind: 'unknown', originalKind: 'events', body: { kind: 'events', ts: 'x', n: 3 } }],
    });
  });

  it('still refuses a sample without a kind, naming it', () => {
    const bad = { ...envelope, samples: [{ ts: 'x' }] };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(bad)));
    expect(!sut.ok && sut.reason).toContain('samples.0.kind');
  });

  it('names the sample, row and index of a bad series value and the module and cell of a bad cell', () => {
    const series = { kind: 'packs', ts: envelope.sentAt, bus: 'can0', bmsAddress: 1, key: [2469, null] };
    const cells = { kind: 'cells', ts: envelope.sentAt, bus: 'can0', bmsAddress: 1 };
    const bad = {
      ...envelope,
      samples: [
        ...envelope.samples,
        {
          ...series,
          rows: [
            [5000, 1, -130],
            [6000, 0, [2470]],
          ],
        },
        { ...cells, cellVoltagesMv: [[3301], [3302, 3303.5]] },
        { ...series, key: [2469, { '4290': 0 }], rows: [] },
      ],
    };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(bad)));
    expect(!sut.ok && sut.reason).toBe(
      'envelope invalid: samples.1.rows.1.2: Invalid input; ' +
        'samples.2.cellVoltagesMv.1.1: Invalid input: expected int, received number; ' +
        'samples.3.key.1: Invalid input',
    );
  });

  it('names a kind-less sample after valid ones by its index', () => {
    const bad = { ...envelope, samples: [envelope.samples[0], envelope.samples[0], { ts: 'x' }] };
    const sut = parseTelemetryEnvelope(new TextEncoder().encode(JSON.stringify(bad)));
    expect(!sut.ok && sut.reason).toBe(
      'envelope invalid: samples.2.kind: Invalid input: expected string, received undefined',
    );
  });

  it('refuses a payload published under another gateway id', () => {
    const sut = parseTelemetryEnvelope(encodeTelemetryEnvelope(envelope), 'gw-other');
    expect(sut).toMatchObject({ ok: false, code: 'gateway-mismatch' });
  });
});
