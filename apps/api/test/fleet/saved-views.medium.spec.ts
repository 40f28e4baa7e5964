import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { seedFleetWorld } from './fleet-world.js';

const targets = await testDatabaseTargets();

interface View {
  id: string;
  name: string;
  query: string;
}

describe.each(targets)('saved fleet views on $name', (target) => {
  const api = useApiFixture(target, seedFleetWorld);
  const tokens: Record<string, string> = {};
  const send = (method: string, path: string, who: string, body?: unknown) =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const listOf = async (who: string) => (await (await api.get('/saved-views', tokens[who])).json()) as View[];

  beforeAll(async () => {
    for (const who of ['installer', 'technician', 'foreign'] as const) {
      tokens[who] = await api.login(api.seed[who]);
    }
  });

  it('saves, lists by name, replaces by name and deletes a member’s views', async () => {
    const created = await send('POST', '/saved-views', 'installer', {
      name: ' Stale ',
      query: 'status=stale',
    });
    expect(created.status).toBe(201);
    const stale = (await created.json()) as View;
    expect(stale).toMatchObject({ name: 'Stale', query: 'status=stale' });
    await send('POST', '/saved-views', 'installer', {
      name: 'Alarms',
      query: 'hasOpenAlarm=true&sort=severity',
    });
    const replaced = (await (
      await send('POST', '/saved-views', 'installer', { name: 'Stale', query: 'status=stale,offline' })
    ).json()) as View;
    expect(replaced.id).toBe(stale.id);
    expect((await listOf('installer')).map((v) => [v.name, v.query])).toEqual([
      ['Alarms', 'hasOpenAlarm=true&sort=severity'],
      ['Stale', 'status=stale,offline'],
    ]);
    expect((await send('DELETE', `/saved-views/${stale.id}`, 'installer')).status).toBe(204);
    expect((await listOf('installer')).map((v) => v.name)).toEqual(['Alarms']);
    expect((await send('DELETE', `/saved-views/${stale.id}`, 'installer')).status).toBe(404);
  });

  it('keeps views per member: a colleague and another tenant see, replace and delete none of them', async () => {
    const mine = (await (
      await send('POST', '/saved-views', 'installer', { name: 'Mine', query: 'sort=soc' })
    ).json()) as View;
    expect(await listOf('technician')).toEqual([]);
    expect(await listOf('foreign')).toEqual([]);
    expect((await send('DELETE', `/saved-views/${mine.id}`, 'technician')).status).toBe(404);
    expect((await send('DELETE', `/saved-views/${mine.id}`, 'foreign')).status).toBe(404);
    const theirs = (await (
      await send('POST', '/saved-views', 'technician', { name: 'Mine', query: 'sort=soh' })
    ).json()) as View;
    expect(theirs.id).not.toBe(mine.id);
    expect((await listOf('installer')).find((v) => v.name === 'Mine')?.query).toBe('sort=soc');
  });

  it('refuses names and queries that do not fit', async () => {
    for (const body of [
      { name: '', query: 'a=b' },
      { name: 'x'.repeat(81), query: 'a=b' },
      { name: 'q', query: '?status=stale' },
      { name: 'q', query: 'a=b c' },
      { name: 'q' },
      { name: 'q', query: 'a', extra: 1 },
    ]) {
      expect((await send('POST', '/saved-views', 'installer', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await send('DELETE', '/saved-views/not-a-uuid', 'installer')).status).toBe(400);
  });
});
