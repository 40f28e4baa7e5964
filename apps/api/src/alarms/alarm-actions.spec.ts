import { describe, expect, it } from 'vitest';
import { planAlarmAction } from './alarm-actions.js';
import { decodeCursor, encodeCursor } from './alarm-dto.mapper.js';

const now = new Date('2026-12-20T10:00:00Z');
const plan = (
  status: 'open' | 'acknowledged' | 'resolved' | 'closed',
  action: Parameters<typeof planAlarmAction>[1],
) => planAlarmAction({ status }, action, 'user-1', now);

describe('planAlarmAction', () => {
  it('acknowledges only an open alarm, recording who and when', () => {
    expect(plan('open', { kind: 'acknowledge' })).toEqual({
      transition: 'acknowledged',
      patch: { status: 'acknowledged', acknowledgedBy: 'user-1', acknowledgedAt: now },
      detail: {},
      notify: true,
    });
    for (const status of ['acknowledged', 'resolved', 'closed'] as const) {
      expect(plan(status, { kind: 'acknowledge' })).toEqual({ refused: expect.stringContaining(status) });
    }
  });

  it('resolves open or acknowledged alarms, closes anything not closed', () => {
    expect(plan('acknowledged', { kind: 'resolve' })).toMatchObject({
      patch: { status: 'resolved', resolvedAt: now },
    });
    expect(plan('resolved', { kind: 'resolve' })).toHaveProperty('refused');
    expect(plan('open', { kind: 'close', note: 'false alarm' })).toMatchObject({
      transition: 'closed',
      detail: { note: 'false alarm' },
    });
    expect(plan('closed', { kind: 'close' })).toHaveProperty('refused');
  });

  it('comments on any alarm without notifying, attaching a cell snapshot when given', () => {
    expect(
      plan('closed', { kind: 'comment', text: 'done', cellSnapshotAt: '2026-12-20T09:00:00.000Z' }),
    ).toEqual({
      transition: 'commented',
      patch: { cellSnapshotAt: new Date('2026-12-20T09:00:00.000Z') },
      detail: { text: 'done', cellSnapshotAt: '2026-12-20T09:00:00.000Z' },
      notify: false,
    });
  });

  it('records a snooze as a silent comment and refuses assigning a closed alarm', () => {
    expect(plan('open', { kind: 'snooze', until: '2026-12-21T00:00:00.000Z' })).toMatchObject({
      transition: 'commented',
      patch: { snoozedUntil: new Date('2026-12-21T00:00:00.000Z') },
      notify: false,
    });
    expect(plan('closed', { kind: 'assign', userId: null })).toHaveProperty('refused');
  });
});

describe('alarm list cursor', () => {
  it('round-trips a position and refuses anything else', () => {
    const position = { lastFiredAt: now, id: '6f1c1c7e-9a53-4c0e-8d55-3a1f0c2b7d11' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
    expect(decodeCursor(Buffer.from('2026-01-01T00:00:00Z|x').toString('base64url'))).toBeUndefined();
  });
});
