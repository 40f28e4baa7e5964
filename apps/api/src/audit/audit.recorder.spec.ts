import type { AuditEventInput, AuditRepository, AuditTargetRepository } from '@fleet/db';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AuditRecorder } from './audit.recorder.js';
import type { AuditDraft } from './audit-draft.js';

const org = '22222222-2222-4222-8222-222222222222';
const draft = (requestId: string): AuditDraft => ({
  auth: {
    userId: '11111111-1111-4111-8111-111111111111',
    tenantId: org,
    role: 'installer',
    orgKind: 'installer',
    scope: { orgId: org, siteIds: [] },
  },
  action: 'POST /api/maintenance-windows',
  verb: 'create',
  targetType: 'maintenance-window',
  targetId: null,
  siteHint: null,
  status: 201,
  ip: '127.0.0.1',
  userAgent: null,
  requestId,
  at: new Date('2026-11-25T10:00:00Z'),
});

const targets = {
  knows: () => true,
  ownerOf: async () => null,
  tenantsOfSites: async () => [],
} as unknown as AuditTargetRepository;

function recorderWith(insertMany: (rows: readonly AuditEventInput[]) => Promise<void>) {
  return new AuditRecorder({ insertMany } as unknown as AuditRepository, targets, pino({ level: 'silent' }));
}

describe('AuditRecorder', () => {
  it('writes nothing while the request is still being answered, then the queued rows in one batch', async () => {
    const batches: AuditEventInput[][] = [];
    const sut = recorderWith(async (rows) => {
      batches.push([...rows]);
    });
    sut.record(draft('r-1'));
    sut.record(draft('r-2'));
    expect(batches).toEqual([]);
    await sut.flush();
    expect(batches.map((b) => b.map((r) => [r.requestId, r.tenantId]))).toEqual([
      [
        ['r-1', org],
        ['r-2', org],
      ],
    ]);
    expect(sut.stats()).toEqual({ written: 2, failed: 0, dropped: 0, pending: 0 });
  });

  it('counts a failed write instead of throwing, and keeps recording afterwards', async () => {
    let fail = true;
    const sut = recorderWith(async () => {
      if (fail) {
        throw new Error('relation "audit_event" does not exist');
      }
    });
    expect(() => sut.record(draft('r-1'))).not.toThrow();
    await sut.flush();
    expect(sut.stats()).toMatchObject({ written: 0, failed: 1 });
    fail = false;
    sut.record(draft('r-2'));
    await sut.flush();
    expect(sut.stats()).toMatchObject({ written: 1, failed: 1, pending: 0 });
  });
});
