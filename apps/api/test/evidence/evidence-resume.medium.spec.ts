import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  createPgPool,
  createPrismaClient,
  EvidenceFileRepository,
  EvidenceQueueRepository,
  EvidenceSourceRepository,
  type PgPool,
  type PrismaClient,
} from '@fleet/db';
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from '@fleet/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceRunner } from '../../src/evidence/evidence-runner.js';
import { PDF_FILE, ZIP_FILE } from '../../src/evidence/pack/pack-files.js';
import { noWarranty } from '../../src/evidence/warranty-source.js';
import type { AccessWorld } from '../access/access-world.js';
import { periodOf, seedEvidence } from './evidence-seed.js';
import { unzipAll } from './unzip.js';

const targets = await testDatabaseTargets();
const silent = pino({ level: 'silent' });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

describe.each(targets)('evidence runner killed mid-pack and restarted on $name', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: PgPool;
  let w: AccessWorld;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 4);
    w = await seedEvidence(prisma, pool);
  });

  afterAll(async () => {
    release();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  const queue = () => new EvidenceQueueRepository(pool);
  const files = () => new EvidenceFileRepository(pool);
  const newPack = async () => {
    const id = randomUUID();
    const { from, to } = periodOf();
    await pool.query(
      `INSERT INTO evidence_pack (id, tenant_id, site_id, string_id, period_from, period_to, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, w.a.tenantId, w.a.siteId, w.a.stringId, from, to, w.users.owner.id],
    );
    return id;
  };
  const packRow = async (id: string) =>
    (
      await pool.query<{ status: string; attempts: number; progress_message: string | null }>(
        'SELECT status::text, attempts, progress_message FROM evidence_pack WHERE id = $1',
        [id],
      )
    ).rows[0];

  it('makes the pack again from scratch after the first runner died, and the queued one after it', async () => {
    const first = await newPack();
    // Runner A hangs in its fifth file (the BMS events) and never beats again: a killed process.
    const hang = new Promise<void>((resolve) => {
      release = resolve;
    });
    const source = new EvidenceSourceRepository(pool);
    const stuck = Object.assign(Object.create(source) as EvidenceSourceRepository, {
      events: async function* () {
        await hang;
        yield* source.events(w.a.stringId, new Date(0), new Date());
      },
    });
    const a = new EvidenceRunner(
      queue(),
      () => ({ deps: { source: stuck, files: files(), warranty: noWarranty }, close: async () => undefined }),
      silent,
      { pollMs: 3_600_000, staleAfterMs: 3_600_000, heartbeatMs: 3_600_000 },
    );
    const aRun = a.runOne();
    while ((await packRow(first))?.progress_message !== 'protection_events.csv') {
      await new Promise((r) => setTimeout(r, 50));
    }
    const partial = await pool.query('SELECT DISTINCT name FROM evidence_pack_file WHERE pack_id = $1', [
      first,
    ]);
    expect(partial.rows.length).toBeGreaterThan(0);
    const second = await newPack();

    // The restarted process: the stale running pack first, then the queued one.
    const b = new EvidenceRunner(
      queue(),
      () => ({ deps: { source, files: files(), warranty: noWarranty }, close: async () => undefined }),
      silent,
      { pollMs: 3_600_000, staleAfterMs: 0, heartbeatMs: 3_600_000 },
    );
    await b.drain();
    expect(await packRow(first)).toMatchObject({ status: 'ready', attempts: 2 });
    expect(await packRow(second)).toMatchObject({ status: 'ready', attempts: 1 });

    // Runner A wakes up: its next chunk is refused, and B's files stay as they were.
    release();
    await aRun;
    await expectOnlyFinalFiles(pool, first);
    expect(await packRow(first)).toMatchObject({ status: 'ready', attempts: 2 });
  }, 120_000);
});

/** Only the PDF and the ZIP are stored, the ZIP is the one recorded, and its CSVs match its manifest. */
async function expectOnlyFinalFiles(pool: PgPool, first: string): Promise<void> {
  const names = await pool.query<{ name: string }>(
    'SELECT DISTINCT name FROM evidence_pack_file WHERE pack_id = $1 ORDER BY name',
    [first],
  );
  expect(names.rows.map((r) => r.name)).toEqual([PDF_FILE, ZIP_FILE].sort());
  const zip = await readAll(new EvidenceFileRepository(pool).reader(first, ZIP_FILE));
  const { rows } = await pool.query<{ zip_sha256: string }>(
    'SELECT zip_sha256 FROM evidence_pack WHERE id = $1',
    [first],
  );
  expect(sha256(zip)).toBe(rows[0]?.zip_sha256);
  const entries = await unzipAll(zip);
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
    files: Array<{ name: string; sha256: string }>;
  };
  expect(manifest.files).toHaveLength(8);
  for (const f of manifest.files) {
    expect(sha256(entries.get(f.name) ?? Buffer.alloc(0))).toBe(f.sha256);
  }
}
