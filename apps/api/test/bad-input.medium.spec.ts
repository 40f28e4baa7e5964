import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from './access/access-world.js';
import { useApiFixture } from './support/api-fixture.js';

const targets = await testDatabaseTargets();

// Issue 8: bad bodies, unknown fields, huge payloads and wrong types get a 400 with a message
// naming what was wrong, and nothing partial is written.
describe.each(targets)('bad input on $name', (target) => {
  const api = useApiFixture(target, seedAccessWorld);
  let w: AccessWorld;
  let token: string;
  const send = async (method: string, path: string, body: string, contentType = 'application/json') => {
    const response = await api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    return { status: response.status, body: (await response.json()) as { code: string; message: string } };
  };

  beforeAll(async () => {
    w = api.seed;
    token = await api.login(w.users.installer);
  });

  it('names an unknown field, a wrong type and a missing field', async () => {
    const window = { siteId: w.a.siteId, startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' };
    const unknown = await send(
      'POST',
      '/maintenance-windows',
      JSON.stringify({ ...window, reason: 'x', colour: 'red' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('colour'),
    });
    const wrongType = await send('POST', '/maintenance-windows', JSON.stringify({ ...window, reason: 42 }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toContain('reason');
    const missing = await send('POST', '/maintenance-windows', JSON.stringify(window));
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('reason');
  });

  it('refuses unparsable JSON, a non-JSON body and a huge payload with a 400', async () => {
    const broken = await send('POST', '/maintenance-windows', '{"siteId": ');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('VALIDATION_FAILED');
    const text = await send('PUT', '/me/notification-preferences', 'minSeverity=major', 'text/plain');
    expect(text.status).toBe(400);
    const huge = await send(
      'POST',
      '/maintenance-windows',
      JSON.stringify({ reason: 'x'.repeat(2_000_000) }),
    );
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/too large/i),
    });
  });

  it('writes nothing of a request it refuses', async () => {
    const before = await api.get('/me/notification-preferences', token);
    const stored = await before.json();
    const bad = await send(
      'PUT',
      '/me/notification-preferences',
      JSON.stringify({
        channelIds: [],
        minSeverity: 'info',
        quietHours: null,
        timezone: 'Mars/Olympus',
        digestAt: null,
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('timezone');
    expect(await (await api.get('/me/notification-preferences', token)).json()).toEqual(stored);

    const alarm = await w.newAlarm();
    const bulk = await send('POST', '/alarms/acknowledge', JSON.stringify({ ids: [alarm, 'not-a-uuid'] }));
    expect(bulk.status).toBe(400);
    expect(bulk.body.message).toContain('ids');
    const after = await api.get(`/alarms/${alarm}`, token);
    expect(await after.json()).toMatchObject({ id: alarm, status: 'open' });
  });
});
