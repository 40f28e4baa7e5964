import { describe, expect, it } from 'vitest';
import { parseHeartbeat } from './heartbeat.js';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const hb = {
  schema: 'bms.hb/1',
  gatewayId: 'gw-1',
  agentVersion: '0.4.2',
  sentAt: '2026-12-20T10:00:00.000Z',
  spool: { depth: 3, bytes: 1024 },
  bus: { framesIn: 1 },
  link: { connected: true },
};

describe('parseHeartbeat', () => {
  it('accepts the agent heartbeat and drops the fields the server does not read', () => {
    const parsed = parseHeartbeat(bytes({ ...hb, somethingNew: 1 }), 'gw-1');
    expect(parsed).toEqual({
      ok: true,
      heartbeat: {
        schema: 'bms.hb/1',
        gatewayId: 'gw-1',
        agentVersion: '0.4.2',
        sentAt: hb.sentAt,
        spool: { depth: 3 },
        bus: { framesIn: 1 },
      },
    });
  });

  it('names what is wrong instead of throwing', () => {
    expect(parseHeartbeat(new Uint8Array([0xff]))).toMatchObject({ ok: false, code: 'not-json' });
    expect(parseHeartbeat(bytes({ ...hb, spool: { depth: -1 } }))).toMatchObject({
      ok: false,
      code: 'schema',
      reason: expect.stringContaining('spool.depth'),
    });
    expect(parseHeartbeat(bytes({ ...hb, schema: 'bms.hb/2' }))).toMatchObject({ code: 'schema' });
    expect(parseHeartbeat(bytes(hb), 'gw-2')).toMatchObject({ ok: false, code: 'gateway-mismatch' });
  });
});
