// Findings' explanations in the caller's language: ingest stores the English sentence, the API
// renders it again from the kind and the stored evidence in German or English (Accept-Language,
// default English), says which (Content-Language) and that it varies by it; a row whose evidence
// the sentence cannot be made from keeps its stored text.
import { randomBytes } from 'node:crypto';
import {
  createPgPool,
  createPrismaClient,
  FleetIntelRepository,
  type PgPool,
  type PrismaClient,
} from '@fleet/db';
import { createTestDatabase, productionTestTargets, type TestDatabase } from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTenants, type TwoTenants } from '../support/seed-two-tenants.js';
import { type RunningApi, startApi } from '../support/start-api.js';

const targets = await productionTestTargets();

const FADE_EN =
  "SOH is fading 4.3 %/year against 1 %/year for its cohort of 37 strings (z = 6.3). Check the string's temperature, depth of discharge and cycle load before it reaches the warranty line.";
const FADE_DE =
  'Der SOH sinkt um 4,3 %/Jahr, in seiner Kohorte aus 37 Strings um 1 %/Jahr (z = 6,3). Prüfen Sie Temperatur, Entladetiefe und Zyklenlast des Strings, bevor er die Garantiegrenze erreicht.';
/** A stored row of an older shape: a weak cell without its cell number in the evidence. */
const OLD_WEAK_CELL = 'Cell 19 was the lowest cell (stored text of an older analysis).';

describe.each(targets)('findings texts by Accept-Language on $name', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: PgPool;
  let api: RunningApi;
  let seed: TwoTenants;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 2);
    seed = await seedTwoTenants(prisma, pool);
    const { rows } = await pool.query<{ tenant_id: string }>('SELECT tenant_id FROM site WHERE id = $1', [
      seed.a.siteId,
    ]);
    const cohort = 'H48050/*/*/temperate/daily';
    const common = { stringId: seed.a.stringId, cohort, foundAt: new Date('2026-11-25T03:00:00Z') };
    await new FleetIntelRepository(pool).replaceFindings(rows[0]!.tenant_id, [
      {
        ...common,
        kind: 'fast_fade',
        isPrimary: true,
        evidence: {
          value: 4.26,
          unit: '%/year',
          threshold: 2.6,
          cohortMedian: 1.04,
          z: 6.33,
          cohort,
          cohortSize: 37,
        },
        chartField: 'sohPct',
        explanation: FADE_EN,
      },
      {
        ...common,
        kind: 'weak_cell',
        isPrimary: false,
        evidence: { value: 61, unit: 'mV', threshold: 49, cohortMedian: 19, z: 8.6, cohort, cohortSize: 12 },
        chartField: 'cellSpreadMaxMv',
        explanation: OLD_WEAK_CELL,
      },
    ]);
    api = await startApi(db.url, randomBytes(32).toString('hex'));
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seed.a.email, password: seed.a.password }),
    });
    token = ((await login.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await api?.close();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  /** kind → explanation of a findings answer. */
  const explanations = (body: unknown) =>
    Object.fromEntries(
      (body as { items: { kind: string; explanation: string }[] }).items.map((f) => [f.kind, f.explanation]),
    );

  it("answers the string's findings in German with the same numbers, saying so and varying by the header", async () => {
    const res = await get(`/strings/${seed.a.stringId}/findings`, {
      'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    expect(explanations(await res.json())).toEqual({ fast_fade: FADE_DE, weak_cell: OLD_WEAK_CELL });
  });

  it('answers the fleet findings in English without the header, and in German with it', async () => {
    const english = await get('/fleet/findings');
    expect(english.status).toBe(200);
    expect(english.headers.get('content-language')).toBe('en');
    expect(explanations(await english.json())).toEqual({ fast_fade: FADE_EN, weak_cell: OLD_WEAK_CELL });
    const german = await get('/fleet/findings', { 'accept-language': 'de' });
    expect(explanations(await german.json()).fast_fade).toBe(FADE_DE);
  });
});
