import { createHash } from 'node:crypto';
import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES } from '../../src/evidence/pdf/pdf-sections.js';
import type { AccessWorld } from '../access/access-world.js';
import { type ApiFixture, useApiFixture } from '../support/api-fixture.js';
import { PERIOD_DAYS, periodOf, seedEvidence } from './evidence-seed.js';
import { pdfText } from './pdf-text.js';
import { unzipAll } from './unzip.js';

const targets = await testDatabaseTargets();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CSVS = [
  'identity.csv',
  'soh_capacity.csv',
  'cycles_throughput.csv',
  'alarms.csv',
  'protection_events.csv',
  'excursions.csv',
  'data_completeness.csv',
];

interface PackDto {
  id: string;
  status: string;
  progress: { step: number; of: number };
  pdf: { sha256: string; bytes: number } | null;
  zip: { sha256: string; bytes: number } | null;
}

describe.each(targets)('evidence pack of a seeded string on $name', (target) => {
  const api = useApiFixture(target, seedEvidence);
  let w: AccessWorld;
  let owner: string;
  let pack: PackDto;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Polls the pack until the runner is done with it (no time assertion: the test's own timeout bounds it). */
  async function settled(id: string, token: string): Promise<PackDto> {
    for (;;) {
      const current = (await (await api.get(`/evidence-packs/${id}`, token)).json()) as PackDto;
      if (current.status === 'ready' || current.status === 'failed') {
        return current;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    w = api.seed;
    owner = await api.login(w.users.owner);
    const { from, to } = periodOf();
    const res = await api.fetch(`/strings/${w.a.stringId}/evidence-packs`, {
      method: 'POST',
      headers: { ...auth(owner), 'content-type': 'application/json' },
      body: JSON.stringify({ from: from.toISOString(), to: to.toISOString() }),
    });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as PackDto;
    expect(queued.status).toMatch(/queued|running/);
    pack = await settled(queued.id, owner);
  }, 120_000);

  it('is made by the runner and lists with its hashes', async () => {
    expect(pack).toMatchObject({ status: 'ready', progress: { step: 9, of: 9 } });
    const list = (await (await api.get(`/evidence-packs?stringId=${w.a.stringId}`, owner)).json()) as {
      items: PackDto[];
    };
    expect(list.items.map((p) => [p.id, p.zip?.sha256])).toEqual([[pack.id, pack.zip?.sha256]]);
  });

  it('serves a ZIP whose CSVs match manifest.json, and a PDF with every section and CSV hash', () =>
    checkFiles(api, owner, pack, w.a.stringId));

  it('puts the seeded data into the CSVs', async () => {
    const res = await api.get(`/evidence-packs/${pack.id}/zip`, owner);
    checkCsvs(await unzipAll(Buffer.from(await res.arrayBuffer())));
  });

  it('audits each download against the string', async () => {
    await api.get(`/evidence-packs/${pack.id}/pdf`, owner);
    for (;;) {
      const { rows } = await w.pool.query<{ action: string; target_id: string; site_id: string }>(
        `SELECT action, target_id, site_id FROM audit_event WHERE verb = 'download' AND actor_user_id = $1`,
        [w.users.owner.id],
      );
      const actions = new Set(rows.map((r) => r.action));
      if (
        actions.has('GET /api/evidence-packs/{id}/pdf') &&
        actions.has('GET /api/evidence-packs/{id}/zip')
      ) {
        expect(rows.every((r) => r.target_id === w.a.stringId && r.site_id === w.a.siteId)).toBe(true);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('keeps packs to the scope: foreign 404, the support desk reads, the owner cannot ask for an unshared string', async () => {
    const foreign = await api.login(w.users.foreign);
    for (const path of [
      `/evidence-packs/${pack.id}`,
      `/evidence-packs/${pack.id}/zip`,
      `/evidence-packs?stringId=${w.a.stringId}`,
    ]) {
      expect((await api.get(path, foreign)).status).toBe(404);
    }
    const support = await api.login(w.users.support);
    expect((await api.get(`/evidence-packs/${pack.id}/pdf`, support)).status).toBe(200);
    const { from, to } = periodOf();
    const asOwner = await api.fetch(`/strings/${w.a.otherStringId}/evidence-packs`, {
      method: 'POST',
      headers: { ...auth(owner), 'content-type': 'application/json' },
      body: JSON.stringify({ from: from.toISOString(), to: to.toISOString() }),
    });
    expect(asOwner.status).toBe(404);
    const backwards = await api.fetch(`/strings/${w.a.stringId}/evidence-packs`, {
      method: 'POST',
      headers: { ...auth(owner), 'content-type': 'application/json' },
      body: JSON.stringify({ from: to.toISOString(), to: from.toISOString() }),
    });
    expect(backwards.status).toBe(400);
  });
});

/** The ZIP's CSVs against manifest.json, the download headers, the PDF's sections and hashes. */
async function checkFiles(
  api: ApiFixture<AccessWorld>,
  token: string,
  pack: PackDto,
  stringId: string,
): Promise<void> {
  const zipRes = await api.get(`/evidence-packs/${pack.id}/zip`, token);
  expect(zipRes.status).toBe(200);
  expect(zipRes.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence-.*\.zip"$/);
  const zip = Buffer.from(await zipRes.arrayBuffer());
  expect(sha256(zip)).toBe(zipRes.headers.get('x-content-sha256'));
  expect(sha256(zip)).toBe(pack.zip?.sha256);
  const entries = await unzipAll(zip);
  expect([...entries.keys()].sort()).toEqual([...CSVS, 'evidence-report.pdf', 'manifest.json'].sort());
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
    stringId: string;
    period: { from: string };
    files: Array<{ name: string; sha256: string; bytes: number }>;
  };
  expect(manifest).toMatchObject({ stringId, period: { from: periodOf().from.toISOString() } });
  expect(manifest.files.map((f) => f.name)).toEqual([...CSVS, 'evidence-report.pdf']);
  for (const f of manifest.files) {
    const body = entries.get(f.name) ?? Buffer.alloc(0);
    expect({ name: f.name, sha256: sha256(body), bytes: body.length }).toEqual(f);
  }
  const pdfRes = await api.get(`/evidence-packs/${pack.id}/pdf`, token);
  expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await pdfRes.arrayBuffer());
  expect(sha256(pdf)).toBe(pack.pdf?.sha256);
  expect(pdf.equals(entries.get('evidence-report.pdf') ?? Buffer.alloc(0))).toBe(true);
  const text = await pdfText(pdf);
  for (const title of SECTION_TITLES) {
    expect(text).toContain(title);
  }
  for (const f of manifest.files.filter((m) => m.name.endsWith('.csv'))) {
    expect(text).toContain(f.sha256);
  }
}

/** What the seed put in shows up in each CSV. */
function checkCsvs(entries: Map<string, Buffer>): void {
  const lines = (name: string) => (entries.get(name)?.toString('utf8') ?? '').trim().split('\r\n');
  expect(lines('identity.csv')).toHaveLength(4);
  expect(lines('identity.csv')[2]).toContain(',2,H48050,PPTBH0123456789,');
  expect(lines('identity.csv')[1]).toContain(',Solar Install GmbH,');
  expect(lines('excursions.csv').slice(1)).toEqual([
    expect.stringMatching(/^temperature-high,.*,500,450,dC,rollup-1h,/),
  ]);
  // 19 days with a rollup (day 5 has none); SOH from 99 down.
  expect(lines('soh_capacity.csv')).toHaveLength(1 + PERIOD_DAYS - 1);
  expect(lines('soh_capacity.csv')[1]).toMatch(/^\d{4}-\d{2}-\d{2},99,99,7200,7128,8000$/);
  // cumulative discharged energy: day 0 2.5 kWh, day 1 2.51 → 5.010 kWh, 0.696 cycles of 7.2 kWh.
  expect(lines('cycles_throughput.csv')[2]).toMatch(/,3\.010,2\.510,6\.010,5\.010,0\.696$/);
  expect(
    lines('alarms.csv')
      .slice(1)
      .some((l) => l.includes('walk.test_1') && l.includes(',fired,')),
  ).toBe(true);
  expect(lines('protection_events.csv')[1]).toContain(',composition,');
  const days = lines('data_completeness.csv').filter((l) => l.startsWith('day,'));
  expect(days).toHaveLength(PERIOD_DAYS);
  expect(days[4]).toMatch(/,0,0,86400,0\.00,0$/);
  expect(days[7]).toMatch(/,64800,86400,75\.00,21600$/);
  expect(lines('data_completeness.csv').filter((l) => l.startsWith('gap,'))).toHaveLength(1);
}
