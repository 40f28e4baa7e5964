import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../logging/api-request.js';
import { auditDraftOf, type RequestFacts } from './audit-draft.js';

const installer: AuthContext = {
  userId: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  role: 'installer',
  orgKind: 'installer',
  scope: { orgId: '22222222-2222-4222-8222-222222222222', siteIds: [] },
  scopeChangesAt: null,
};
const desk: AuthContext = { ...installer, role: 'support', orgKind: 'support_desk' };
const alarmId = '33333333-3333-4333-8333-333333333333';

const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  routePath: '/api/alarms/:id/acknowledge',
  params: { id: alarmId },
  siteQuery: undefined,
  status: 200,
  ip: '127.0.0.1',
  userAgent: 'ua',
  requestId: 'r-1',
  at: new Date('2026-11-25T10:00:00Z'),
  auth: installer,
  ...over,
});

describe('auditDraftOf', () => {
  it('names a change by its route template, verb and target', () => {
    expect(auditDraftOf(facts({}))).toMatchObject({
      action: 'POST /api/alarms/{id}/acknowledge',
      verb: 'acknowledge',
      targetType: 'alarm',
      targetId: alarmId,
      status: 200,
    });
  });

  it('tells a collection create, an update and a delete apart from a named action', () => {
    const verb = (method: string, routePath: string) => auditDraftOf(facts({ method, routePath }))?.verb;
    expect(verb('POST', '/api/maintenance-windows')).toBe('create');
    expect(verb('POST', '/api/sites/:id/support-grants')).toBe('create');
    expect(verb('POST', '/api/alarms/acknowledge')).toBe('acknowledge');
    expect(verb('PUT', '/api/maintenance-windows/:id')).toBe('update');
    expect(verb('PATCH', '/api/notification-channels/:id')).toBe('update');
    expect(verb('DELETE', '/api/notification-channels/:id')).toBe('delete');
    expect(auditDraftOf(facts({ method: 'HEAD', routePath: '/api/sites', auth: desk }))?.verb).toBe('read');
  });

  it("records refusals, but not a member's reads nor anonymous requests", () => {
    expect(auditDraftOf(facts({ status: 403 }))?.status).toBe(403);
    expect(auditDraftOf(facts({ method: 'GET', routePath: '/api/alarms/:id' }))).toBeNull();
    expect(auditDraftOf(facts({ auth: undefined }))).toBeNull();
    expect(auditDraftOf(facts({ routePath: undefined }))).toBeNull();
  });

  it("records a support desk's reads as support access", () => {
    expect(
      auditDraftOf(facts({ method: 'GET', routePath: '/api/strings/:id/trend', auth: desk })),
    ).toMatchObject({
      verb: 'read',
      targetType: 'string',
      targetId: alarmId,
    });
    expect(
      auditDraftOf(facts({ method: 'GET', routePath: '/api/alarms', params: {}, auth: desk })),
    ).toMatchObject({
      targetType: 'alarm',
      targetId: null,
    });
  });

  it('truncates a long user agent', () => {
    expect(auditDraftOf(facts({ userAgent: 'x'.repeat(2000) }))?.userAgent).toHaveLength(512);
  });
});
