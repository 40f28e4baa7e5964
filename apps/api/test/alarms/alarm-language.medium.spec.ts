// Alarm texts in the caller's language: Accept-Language picks German or English (default English)
// for the catalogue's explanations and the titles, the answer says which and varies by it, and an
// English ETag never answers a German request with 304.
import { randomBytes } from 'node:crypto';
import { AlarmStore, createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTenants, type TwoTenants } from '../support/seed-two-tenants.js';
import { type RunningApi, startApi } from '../support/start-api.js';

const targets = await testDatabaseTargets();

/** The parts of an alarm detail body these tests read. */
interface AlarmTexts {
  title: string;
  catalogue: { meaning: string; causes: string[]; firstSteps: string[]; reference: string };
}
interface AlarmList {
  items: { id: string; title: string }[];
}

/** An open alarm of tenant A's string with the English title, as ingest writes it. */
async function fireAlarm(pool: PgPool, seed: TwoTenants, code: string, title: string): Promise<string> {
  const { a } = seed;
  const { rows } = await pool.query<{ tenant_id: string }>('SELECT tenant_id FROM site WHERE id = $1', [
    a.siteId,
  ]);
  const at = new Date('2026-12-20T10:00:00Z');
  return new AlarmStore(pool).transaction(async (tx) => {
    const alarm = await tx.insertAlarm({
      tenantId: rows[0]!.tenant_id,
      siteId: a.siteId,
      stringId: a.stringId,
      gatewayId: a.gatewayId,
      subjectKey: `string:${a.stringId}`,
      code,
      title,
      severity: 'critical',
      count: 1,
      flapping: false,
      firedAt: at,
    });
    await tx.transition(alarm, {}, { transition: 'fired', actor: 'system', at, notify: true });
    return alarm.id;
  });
}

describe.each(targets)('alarm texts by Accept-Language on $name', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: PgPool;
  let api: RunningApi;
  let seed: TwoTenants;
  let token: string;
  let alarmId: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 2);
    seed = await seedTwoTenants(prisma, pool);
    api = await startApi(db.url, randomBytes(32).toString('hex'));
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seed.a.email, password: seed.a.password }),
    });
    token = ((await login.json()) as { token: string }).token;
    alarmId = await fireAlarm(pool, seed, 'hv.protection.cell_high_voltage', 'Cell high voltage');
  });
  afterAll(async () => {
    await api?.close();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  it('answers the detail in German or English, saying which and that it varies by Accept-Language', async () => {
    const german = await get(`/alarms/${alarmId}`, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' });
    expect(german.status).toBe(200);
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.headers.get('vary')).toMatch(/accept-language/i);
    const de = (await german.json()) as AlarmTexts;
    expect(de.title).toBe('Zellüberspannung');
    expect(de.catalogue.meaning).toMatch(/^Mindestens eine Zelle liegt über der Überspannungsgrenze\./);
    expect(de.catalogue.firstSteps.join(' ')).toContain('Wechselrichter');
    expect(de.catalogue.reference).toBe('§1.4.5 table C');

    const english = await get(`/alarms/${alarmId}`, { 'accept-language': 'fr-FR, en;q=0.5' });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.headers.get('vary')).toMatch(/accept-language/i);
    const en = (await english.json()) as AlarmTexts;
    expect(en.title).toBe('Cell high voltage');
    expect(en.catalogue.meaning).toMatch(/^At least one cell is above the high-voltage limit\./);
    expect(en.catalogue.causes).toHaveLength(de.catalogue.causes.length);

    const none = await get(`/alarms/${alarmId}`);
    expect(none.headers.get('content-language')).toBe('en');
    expect(((await none.json()) as AlarmTexts).catalogue.meaning).toBe(en.catalogue.meaning);
  });

  it("never answers 304 with the other language's ETag", async () => {
    const english = await get(`/alarms/${alarmId}`, { 'accept-language': 'en' });
    const etag = english.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get(`/alarms/${alarmId}`, { 'accept-language': 'en', 'if-none-match': etag })).status).toBe(
      304,
    );
    const german = await get(`/alarms/${alarmId}`, { 'accept-language': 'de', 'if-none-match': etag });
    expect(german.status).toBe(200);
    expect(german.headers.get('etag')).not.toBe(etag);
    expect(((await german.json()) as AlarmTexts).title).toBe('Zellüberspannung');
  });

  it('titles the inbox in the language asked for, derived alarms included, keeping the stored title', async () => {
    const derived = await fireAlarm(pool, seed, 'derived.cell_imbalance', 'Cell imbalance');
    const german = await get('/alarms?limit=50', { 'accept-language': 'de' });
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.headers.get('vary')).toMatch(/accept-language/i);
    const titles = new Map(((await german.json()) as AlarmList).items.map((a) => [a.id, a.title]));
    expect(titles.get(alarmId)).toBe('Zellüberspannung');
    expect(titles.get(derived)).toBe('Zellungleichgewicht');
    const stored = await pool.query('SELECT title FROM alarm WHERE id = $1', [derived]);
    expect(stored.rows[0].title).toBe('Cell imbalance');
    const english = (await (await get('/alarms?limit=50')).json()) as AlarmList;
    expect(english.items.find((a) => a.id === derived)?.title).toBe('Cell imbalance');
  });
});
