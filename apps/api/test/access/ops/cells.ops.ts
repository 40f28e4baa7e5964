import { insertCellSnapshots } from '@fleet/db';
import { READERS } from '../../../src/access/roles.js';
import type { AccessWorld } from '../access-world.js';
import type { OpSpec } from './op-spec.js';

/** Gives string A1 a cell snapshot (once: the primary key ignores the repeats), so readers get a 200. */
async function withCellSnapshot(w: AccessWorld): Promise<void> {
  await insertCellSnapshots(w.pool, [
    {
      stringId: w.a.stringId,
      snapshot: {
        kind: 'cells',
        ts: '2026-11-01T12:00:00.000Z',
        bus: 'can0',
        bmsAddress: 0,
        cellVoltagesMv: [
          [3310, 3311, 3309],
          [3310, 3262, 3310],
        ],
      },
    },
  ]);
}

/** The site view's reads: every reader of site A1; another tenant's string or site is a 404. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/strings/{id}/cells',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: async (w) => {
      await withCellSnapshot(w);
      return { path: `/strings/${w.a.stringId}/cells` };
    },
  },
  {
    op: 'GET /api/sites/{id}/energy',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/sites/${w.a.siteId}/energy?date=2026-11-01` }),
  },
];
