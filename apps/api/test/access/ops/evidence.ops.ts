import { createHash, randomUUID } from 'node:crypto';
import { READERS } from '../../../src/access/roles.js';
import { PDF_FILE, ZIP_FILE } from '../../../src/evidence/pack/pack-files.js';
import type { AccessWorld } from '../access-world.js';
import type { OpSpec } from './op-spec.js';

const DAY_MS = 86_400_000;
const packs = new WeakMap<AccessWorld, Promise<string>>();

/** One ready pack of string A1 (tenant A, site A1) with tiny stand-in files, made once per world. */
function readyPack(w: AccessWorld): Promise<string> {
  const existing = packs.get(w);
  if (existing) {
    return existing;
  }
  const made = (async () => {
    const id = randomUUID();
    const bytes = Buffer.from('walk');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await w.pool.query(
      `INSERT INTO evidence_pack (id, tenant_id, site_id, string_id, period_from, period_to, requested_by,
              status, finished_at, pdf_sha256, zip_sha256, pdf_bytes, zip_bytes, generator_version)
       VALUES ($1, $2, $3, $4, now() - interval '1 day', now(), $5, 'ready', now(), $6, $6, 4, 4, 'walk')`,
      [id, w.a.tenantId, w.a.siteId, w.a.stringId, w.users.installer.id, sha],
    );
    for (const name of [PDF_FILE, ZIP_FILE]) {
      await w.pool.query('INSERT INTO evidence_pack_file (pack_id, name, seq, data) VALUES ($1, $2, 0, $3)', [
        id,
        name,
        bytes,
      ]);
    }
    return id;
  })();
  packs.set(w, made);
  return made;
}

const period = () => ({
  from: new Date(Date.now() - 7 * DAY_MS).toISOString(),
  to: new Date().toISOString(),
});

/** Evidence packs (issue 9): every reader of site A1 requests, reads and downloads; another tenant gets 404. */
export const ops: OpSpec[] = [
  {
    op: 'POST /api/strings/{id}/evidence-packs',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 202,
    request: (w) => ({ path: `/strings/${w.a.stringId}/evidence-packs`, body: period() }),
  },
  {
    op: 'GET /api/evidence-packs',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/evidence-packs?stringId=${w.a.stringId}` }),
  },
  {
    op: 'GET /api/evidence-packs/{id}',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: async (w) => ({ path: `/evidence-packs/${await readyPack(w)}` }),
  },
  {
    op: 'GET /api/evidence-packs/{id}/pdf',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: async (w) => ({ path: `/evidence-packs/${await readyPack(w)}/pdf` }),
  },
  {
    op: 'GET /api/evidence-packs/{id}/zip',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: async (w) => ({ path: `/evidence-packs/${await readyPack(w)}/zip` }),
  },
];
