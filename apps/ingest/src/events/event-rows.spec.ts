import { stringKey } from '@fleet/db';
import { eventEnvelopeSchema } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { toEventRows } from './event-rows.js';

/** 0x7310 as sent: software 1.3 (the string's firmware), dev build 0.4. */
const VERSIONS = {
  hardwareType: 1,
  hardwareMajor: 2,
  hardwareMinor: 0,
  softwareMajor: 1,
  softwareMinor: 3,
  softwareDevMajor: 0,
  softwareDevMinor: 4,
};

const envelope = eventEnvelopeSchema.parse({
  schema: 'bms.evt/1',
  gatewayId: 'gw-rows-1',
  bootId: 'boot-1',
  seq: 3,
  sentAt: '2026-11-20T10:00:09Z',
  events: [
    { kind: 'future', detail: 1 },
    {
      kind: 'composition',
      ts: '2026-11-20T10:00:00Z',
      bus: 'can0',
      bmsAddress: 1,
      protocol: 'hv-can',
      moduleCount: 5,
    },
    {
      kind: 'composition',
      ts: '2026-11-20T10:00:01Z',
      bus: 'can0',
      bmsAddress: 2,
      protocol: 'hv-can',
      versions: VERSIONS,
    },
  ],
});

describe('toEventRows', () => {
  it('indexes known events then unknown ones, puts compositions on their string, dates an undated unknown event by sentAt', () => {
    const ids = new Map([
      [stringKey({ bus: 'can0', bmsAddress: 1 }), 's-1'],
      [stringKey({ bus: 'can0', bmsAddress: 2 }), 's-2'],
    ]);
    const rows = toEventRows(envelope, ids);
    expect(rows.map((r) => [r.idx, r.kind, r.stringId, r.ts.toISOString()])).toEqual([
      [0, 'composition', 's-1', '2026-11-20T10:00:00.000Z'],
      [1, 'composition', 's-2', '2026-11-20T10:00:01.000Z'],
      [2, 'future', null, '2026-11-20T10:00:09.000Z'],
    ]);
    expect(rows[0]?.composition).toEqual({
      stringId: 's-1',
      at: rows[0]?.ts,
      moduleCount: 5,
      cellsPerModule: undefined,
    });
    expect(rows[0]?.composition).not.toHaveProperty('versions');
    // The versions go with the update, so ingest stores the string's firmware.
    expect(rows[1]?.composition).toMatchObject({ stringId: 's-2', versions: VERSIONS });
    expect(rows[2]?.body).toEqual({ kind: 'future', detail: 1 });
  });

  it('stores a composition of an unresolved string without applying it', () => {
    const rows = toEventRows(envelope, new Map());
    expect(rows[0]).toMatchObject({ stringId: null, kind: 'composition' });
    expect(rows[0]?.composition).toBeUndefined();
  });

  it('carries a topology event whole, at gateway level, with its batch id for the identity update', () => {
    const withTopology = eventEnvelopeSchema.parse({
      schema: 'bms.evt/1',
      gatewayId: 'gw-rows-1',
      bootId: 'boot-1',
      seq: 4,
      sentAt: '2026-11-20T10:00:09Z',
      events: [
        {
          kind: 'topology',
          ts: '2026-11-20T10:00:05Z',
          bus: 'can0',
          protocol: 'hv-can',
          strings: [{ bmsAddress: 2, bmsSerial: 'S-2' }],
        },
      ],
    });
    const [row] = toEventRows(withTopology, new Map());
    expect(row).toMatchObject({ idx: 0, stringId: null, kind: 'topology' });
    expect(row?.topology).toEqual({
      gatewayId: 'gw-rows-1',
      msgId: 'gw-rows-1:boot-1:e4',
      at: new Date('2026-11-20T10:00:05Z'),
      bus: 'can0',
      protocol: 'hv-can',
      strings: [{ bmsAddress: 2, bmsSerial: 'S-2' }],
    });
  });
});
