import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type CellsWorld, seedCellsWorld } from './cell-seed.js';

const targets = await testDatabaseTargets();

interface CellsBody {
  ts: string;
  cellVoltagesMv: (number | null)[][];
  cellTempsDc: (number | null)[][] | null;
  voltage: {
    median: number;
    threshold: number;
    outlier: boolean[][];
    deviation: (number | null)[][];
    count: number;
  };
  temperature: { count: number } | null;
  spreadMv: number;
  weakest: Array<{ module: number; cell: number }>;
  rule: { method: string; voltageFloorMv: number };
}

describe.each(targets)('GET /api/strings/{id}/cells on $name', (target) => {
  const api = useApiFixture(target, seedCellsWorld);
  let w: CellsWorld;
  let installer: string;

  beforeAll(async () => {
    w = api.seed;
    installer = await api.login(w.users.installer);
  });

  it('answers the newest snapshot with exactly the weak cell marked', async () => {
    const res = await api.get(`/strings/${w.a.stringId}/cells`, installer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CellsBody;
    expect(body.ts).toBe('2026-11-01T11:00:00.000Z');
    expect(body.cellVoltagesMv[1]).toEqual([3311, 3310, 3262, 3309]);
    expect(body.cellTempsDc).toEqual([
      [251, 250],
      [252, null],
      [249, 250],
    ]);
    expect(body.voltage.median).toBe(3310);
    expect(body.voltage.count).toBe(1);
    const marked = body.voltage.outlier.flatMap((row, m) => row.flatMap((o, c) => (o ? [[m, c]] : [])));
    expect(marked).toEqual([[1, 2]]);
    expect(body.voltage.deviation[1]?.[2]).toBe(-48);
    expect(body.temperature?.count).toBe(0);
    expect(body.spreadMv).toBe(50);
    expect(body.weakest[0]).toMatchObject({ module: 1, cell: 2 });
    expect(body.rule).toMatchObject({ method: 'median-mad', voltageFloorMv: 20 });
  });

  it('is a 404 for a string without snapshots, and a 400 for a malformed id', async () => {
    expect((await api.get(`/strings/${w.secondStringId}/cells`, installer)).status).toBe(404);
    expect((await api.get('/strings/not-a-uuid/cells', installer)).status).toBe(400);
  });

  it("is a 404 for another tenant's admin and for the owner of another site", async () => {
    const foreign = await api.login(w.users.foreign);
    expect((await api.get(`/strings/${w.a.stringId}/cells`, foreign)).status).toBe(404);
    const owner = await api.login(w.users.owner);
    expect((await api.get(`/strings/${w.a.stringId}/cells`, owner)).status).toBe(200);
    // A2's string has a snapshot too, but the owner was invited to A1 only.
    expect((await api.get(`/strings/${w.a.otherStringId}/cells`, owner)).status).toBe(404);
    expect((await api.get(`/strings/${w.a.otherStringId}/cells`, installer)).status).toBe(200);
  });

  it('answers every role of the site: org admin, installer, technician, the granted support desk, its owner', async () => {
    for (const role of ['org_admin', 'installer', 'technician', 'support', 'owner'] as const) {
      const token = await api.login(w.users[role]);
      expect((await api.get(`/strings/${w.a.stringId}/cells`, token)).status, role).toBe(200);
    }
  });
});
