import type { StoreBatchInput } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { sampleSpans } from './sample-spans.js';

const row = (stringId: string, ts: string) =>
  ({ stringId, sample: { ts } }) as StoreBatchInput['rows'][number];

describe('sampleSpans', () => {
  it('gives each string its oldest and newest sample over all batches', () => {
    const spans = sampleSpans([
      {
        msgId: 'a',
        gatewayId: 'g',
        rows: [row('s1', '2026-11-20T10:05:00Z'), row('s2', '2026-11-20T09:00:00Z')],
      },
      { msgId: 'b', gatewayId: 'g', rows: [row('s1', '2026-11-20T10:00:00Z'), row('s1', 'not a time')] },
    ]);
    expect(spans.map((s) => [s.stringId, s.from.toISOString(), s.to.toISOString()])).toEqual([
      ['s1', '2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z'],
      ['s2', '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z'],
    ]);
  });
});
