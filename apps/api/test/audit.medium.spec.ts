import { orgScope, type PgPool, scopeStatements } from '@fleet/db';
import { productionTestTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type AccessWorld, seedAccessWorld } from './access/access-world.js';
import { useApiFixture } from './support/api-fixture.js';

const targets = await productionTestTargets();

interface AuditRow {
  tenant_id: string;
  actor_user_id: string;
  actor_tenant_id: string;
  actor_role: string;
  action: string;
  verb: string;
  target_type: string | null;
  target_id: string | null;
  site_id: string | null;
  status: number;
  ip: string | null;
  user_agent: string | null;
  request_id: string;
}

/** The world, a token per caller, and helpers to make a recorded call and find its rows. */
function useAuditWorld(target: Parameters<typeof useApiFixture>[0]) {
  const api = useApiFixture(target, seedAccessWorld);
  const ctx = { api, w: undefined as unknown as AccessWorld, tokens: {} as Record<string, string> };

  beforeAll(async () => {
    ctx.w = api.seed;
    for (const who of ['support', 'org_admin', 'installer', 'owner', 'foreign'] as const) {
      ctx.tokens[who] = await api.login(ctx.w.users[who]);
    }
  });

  /** The rows of one request, once the recorder (which writes after the response) has written them. */
  const rowsOf = (requestId: string): Promise<AuditRow[]> =>
    vi.waitFor(async () => {
      const { rows } = await ctx.w.pool.query<AuditRow>('SELECT * FROM audit_event WHERE request_id = $1', [
        requestId,
      ]);
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    });

  const call = (path: string, who: string, init: RequestInit & { requestId: string }) =>
    api.fetch(path, {
      ...init,
      headers: {
        authorization: `Bearer ${ctx.tokens[who]}`,
        'x-request-id': init.requestId,
        'user-agent': 'audit-spec/1.0',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });

  return {
    ...ctx,
    get w() {
      return ctx.w;
    },
    get tokens() {
      return ctx.tokens;
    },
    rowsOf,
    call,
  };
}

/** The audit rows the API's scoped role sees in `orgId`'s scope (row-level security only, no WHERE). */
async function seenBy(pool: PgPool, orgId: string) {
  const client = await pool.connect();
  try {
    await client.query(scopeStatements(orgScope(orgId)));
    const { rows } = await client.query<{ tenant_id: string; actor_tenant_id: string; request_id: string }>(
      'SELECT tenant_id, actor_tenant_id, request_id FROM audit_event',
    );
    return rows;
  } finally {
    await client.query('RESET ROLE; RESET fleet.org_id; RESET fleet.site_ids');
    client.release();
  }
}

describe.each(targets)('audit recording on $name', (target) => {
  const t = useAuditWorld(target);

  it("records a support desk's acknowledge on a granted site with actor, target, site, ip and request id", async () => {
    const alarmId = await t.w.newAlarm();
    const response = await t.call(`/alarms/${alarmId}/acknowledge`, 'support', {
      method: 'POST',
      body: JSON.stringify({ note: 'seen by the desk' }),
      requestId: 'audit-ack-1',
    });
    expect(response.status).toBe(200);
    const [row, ...more] = await t.rowsOf('audit-ack-1');
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      tenant_id: t.w.a.tenantId,
      actor_user_id: t.w.users.support.id,
      actor_tenant_id: t.w.supportOrgId,
      actor_role: 'support',
      action: 'POST /api/alarms/{id}/acknowledge',
      verb: 'acknowledge',
      target_type: 'alarm',
      target_id: alarmId,
      site_id: t.w.a.siteId,
      status: 200,
      user_agent: 'audit-spec/1.0',
    });
    expect(row?.ip).toMatch(/127\.0\.0\.1$/);
    // No body is ever stored: the note appears in no column.
    expect(JSON.stringify(row)).not.toContain('seen by the desk');
  });

  it('records a read by a support desk as support access, and a refused change as a 403', async () => {
    const read = await t.call(`/strings/${t.w.a.stringId}`, 'support', { requestId: 'audit-read-1' });
    expect(read.status).toBe(200);
    expect(await t.rowsOf('audit-read-1')).toMatchObject([
      {
        tenant_id: t.w.a.tenantId,
        verb: 'read',
        target_type: 'string',
        target_id: t.w.a.stringId,
        site_id: t.w.a.siteId,
      },
    ]);
    const refused = await t.call(`/alarms/${t.w.a.alarmId}/acknowledge`, 'owner', {
      method: 'POST',
      body: '{}',
      requestId: 'audit-refused-1',
    });
    expect(refused.status).toBe(403);
    expect(await t.rowsOf('audit-refused-1')).toMatchObject([
      { tenant_id: t.w.a.tenantId, actor_role: 'owner', status: 403, target_id: t.w.a.alarmId },
    ]);
  });

  it("records a foreign probe under the prober's organisation without naming the target", async () => {
    const probe = await t.call(`/alarms/${t.w.a.alarmId}/acknowledge`, 'foreign', {
      method: 'POST',
      body: '{}',
      requestId: 'audit-probe-1',
    });
    expect(probe.status).toBe(404);
    expect(await t.rowsOf('audit-probe-1')).toMatchObject([
      {
        tenant_id: t.w.b.tenantId,
        actor_tenant_id: t.w.b.tenantId,
        status: 404,
        target_id: null,
        site_id: null,
      },
    ]);
    const page = await (await t.api.get('/audit?limit=500', t.tokens.foreign)).json();
    const text = JSON.stringify(page);
    expect(t.w.aIds().filter((id) => id && text.includes(id))).toEqual([]);
    expect(text).toContain('audit-probe-1');
  });

  it('lets row-level security admit only the events about an organisation or by its members', async () => {
    await t.rowsOf('audit-probe-1');
    await t.rowsOf('audit-ack-1');
    const b = await seenBy(t.w.pool, t.w.b.tenantId);
    expect(b.map((r) => r.request_id)).toContain('audit-probe-1');
    expect(b.every((r) => r.tenant_id === t.w.b.tenantId || r.actor_tenant_id === t.w.b.tenantId)).toBe(true);
    // The desk sees its member's acknowledge on tenant A's site; tenant A sees it too.
    expect((await seenBy(t.w.pool, t.w.supportOrgId)).map((r) => r.request_id)).toContain('audit-ack-1');
    const a = await seenBy(t.w.pool, t.w.a.tenantId);
    expect(a.map((r) => r.request_id)).toContain('audit-ack-1');
    expect(a.map((r) => r.request_id)).not.toContain('audit-probe-1');
  });
});

describe.each(targets)('audit log reads on $name', (target) => {
  const t = useAuditWorld(target);

  beforeAll(async () => {
    const response = await t.call(`/alarms/${await t.w.newAlarm()}/acknowledge`, 'support', {
      method: 'POST',
      body: '{}',
      requestId: 'audit-ack-1',
    });
    expect(response.status).toBe(200);
    await t.rowsOf('audit-ack-1');
    // A second event (a support read), so a page of one has a next page.
    await t.call(`/strings/${t.w.a.stringId}`, 'support', { requestId: 'audit-read-2' });
    await t.rowsOf('audit-read-2');
  });

  it("lets the org admin page and filter its organisation's log; an installer gets 403", async () => {
    await t.rowsOf('audit-ack-1');
    const response = await t.api.get(
      `/audit?actor=${t.w.users.support.id}&action=acknowledge`,
      t.tokens.org_admin,
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      items: Array<Record<string, unknown>>;
      nextCursor: string | null;
    };
    expect(page.items).toEqual([
      expect.objectContaining({
        requestId: 'audit-ack-1',
        actorUserId: t.w.users.support.id,
        actorTenantId: t.w.supportOrgId,
        actorName: 'Desk support',
        actorOrganisation: 'Pylontech Support Desk',
        siteId: t.w.a.siteId,
        ip: expect.stringMatching(/127\.0\.0\.1$/),
      }),
    ]);
    // Own members are named plainly; a support desk member (above) with its organisation.
    await t.call(`/alarms/${t.w.a.alarmId}/acknowledge`, 'owner', {
      method: 'POST',
      body: '{}',
      requestId: 'audit-names-1',
    });
    await t.rowsOf('audit-names-1');
    const byOwner = (await (
      await t.api.get(`/audit?actor=${t.w.users.owner.id}`, t.tokens.org_admin)
    ).json()) as typeof page;
    expect(byOwner.items[0]).toMatchObject({ actorName: 'A owner', actorOrganisation: null });
    const first = (await (await t.api.get('/audit?limit=1', t.tokens.org_admin)).json()) as typeof page;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (
      await t.api.get(`/audit?limit=1&cursor=${first.nextCursor}`, t.tokens.org_admin)
    ).json()) as typeof page;
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect((await t.api.get('/audit', t.tokens.installer)).status).toBe(403);
    expect(
      (await t.api.get('/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', t.tokens.org_admin))
        .status,
    ).toBe(400);
  });

  it('exports the filtered log as CSV by query or by Accept header', async () => {
    await t.rowsOf('audit-ack-1');
    const byQuery = await t.api.get(`/audit?format=csv&actor=${t.w.users.support.id}`, t.tokens.org_admin);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(byQuery.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-/);
    const lines = (await byQuery.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'at,tenant_id,actor_user_id,actor_tenant_id,actor_role,action,verb,target_type,target_id,site_id,status,ip,user_agent,request_id,id',
    );
    const ack = lines.find((l) => l.includes(',audit-ack-1,'));
    expect(ack).toContain(`,${t.w.a.tenantId},${t.w.users.support.id},${t.w.supportOrgId},support,`);
    expect(ack).toContain(',POST /api/alarms/{id}/acknowledge,acknowledge,alarm,');
    const byAccept = await t.api.fetch(`/audit?actor=${t.w.users.support.id}`, {
      headers: { authorization: `Bearer ${t.tokens.org_admin}`, accept: 'text/csv' },
    });
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await byAccept.text()).trim().split('\r\n')).toHaveLength(lines.length);
  });
});

describe.each(targets)('ETag on reads on $name', (target) => {
  const api = useApiFixture(target, seedAccessWorld);

  it('answers 304 without a body while the JSON is unchanged, and 200 with a new tag once it changed', async () => {
    const w = api.seed;
    const token = await api.login(w.users.org_admin);
    const get = (etag?: string) =>
      api.fetch(`/strings/${w.a.stringId}`, {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
      });
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    await first.text();

    const again = await get(etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await w.pool.query('UPDATE bms_string SET name = $1 WHERE id = $2', ['renamed for etag', w.a.stringId]);
    const changed = await get(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ name: 'renamed for etag' });
  });

  it('puts no ETag on changes or errors', async () => {
    const w = api.seed;
    const token = await api.login(w.users.org_admin);
    const ack = await api.fetch(`/alarms/${await w.newAlarm()}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ack.status).toBe(200);
    expect(ack.headers.get('etag')).toBeNull();
    const missing = await api.get(`/strings/${w.b.stringId}`, token);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
  });
});

// Its own world: the main block above is at the length limit for one function.
describe.each(targets)('audit of live streams on $name', (target) => {
  const t = useAuditWorld(target);

  it('records a support live stream that the client closes (no finish event ever comes)', async () => {
    const controller = new AbortController();
    const stream = await t.call(`/stream?site=${t.w.a.siteId}`, 'support', {
      requestId: 'audit-stream-1',
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    controller.abort();
    const [row] = await t.rowsOf('audit-stream-1');
    expect(row).toMatchObject({ actor_user_id: t.w.users.support.id, status: 200 });
  });
});
