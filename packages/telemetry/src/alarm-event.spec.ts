import { describe, expect, it } from 'vitest';
import { alarmEventMessageId, alarmEventSchema } from './alarm-event.js';

const event = {
  schema: 'alarm.evt/1',
  alarmId: '0b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11',
  seq: 1,
  tenantId: '1b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11',
  siteId: '2b7c6c3e-3f57-4d7e-9d0a-6c2f0f1e2a11',
  stringId: null,
  gatewayId: 'gw-1',
  code: 'derived.cell_imbalance',
  title: 'Cell imbalance',
  severity: 'warning',
  transition: 'fired',
  status: 'open',
  count: 1,
  flapping: false,
  notify: true,
  actor: 'system',
  at: '2026-11-25T12:00:00.000Z',
};

describe('alarmEventSchema', () => {
  it('accepts a fired event and defaults the detail', () => {
    expect(alarmEventSchema.parse(event).detail).toEqual({});
    expect(alarmEventMessageId(event)).toBe(`${event.alarmId}:1`);
  });

  it.each([
    ['transition', 'exploded'],
    ['seq', 0],
    ['severity', 'fatal'],
  ])('refuses a bad %s', (field, value) => {
    expect(alarmEventSchema.safeParse({ ...event, [field]: value }).success).toBe(false);
  });
});
