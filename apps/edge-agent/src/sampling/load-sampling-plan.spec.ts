import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSamplingPlan, saveSamplingPlan } from './load-sampling-plan.js';
import { DEFAULT_SAMPLING_PLAN, LIVE_SAMPLING_PLAN } from './sampling-plan.js';

const dirs: string[] = [];
const file = (content: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  dirs.push(dir);
  const path = join(dir, 'plan.json');
  writeFileSync(path, content);
  return path;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
});

describe('loadSamplingPlan', () => {
  it('uses the defaults without a file and fills a partial file with them', () => {
    expect(loadSamplingPlan(undefined)).toEqual({ ok: true, plan: DEFAULT_SAMPLING_PLAN });
    expect(loadSamplingPlan(file('{"cellsEveryS": 600}'))).toEqual({
      ok: true,
      plan: { ...DEFAULT_SAMPLING_PLAN, cellsEveryS: 600 },
    });
  });

  it('starts from the given preset, also when the file does not exist yet', () => {
    expect(loadSamplingPlan(join(tmpdir(), 'no-such-plan.json'), LIVE_SAMPLING_PLAN)).toEqual({
      ok: true,
      plan: LIVE_SAMPLING_PLAN,
    });
    expect(loadSamplingPlan(file('{"cellsEveryS": 600}'), LIVE_SAMPLING_PLAN)).toEqual({
      ok: true,
      plan: { ...LIVE_SAMPLING_PLAN, cellsEveryS: 600 },
    });
  });

  it('names the file and the field of a bad plan', () => {
    const path = file('{"deadbands": {"socPct": "x"}}');
    expect(loadSamplingPlan(path)).toMatchObject({
      ok: false,
      message: expect.stringContaining(`${path}: deadbands.socPct`),
    });
    expect(loadSamplingPlan(file('{'))).toMatchObject({ ok: false });
  });

  it('saves a plan it can load again', () => {
    const path = file('{}');
    saveSamplingPlan(path, { ...DEFAULT_SAMPLING_PLAN, flushEveryS: 10 });
    expect(JSON.parse(readFileSync(path, 'utf8')).flushEveryS).toBe(10);
    expect(loadSamplingPlan(path)).toMatchObject({ ok: true, plan: { flushEveryS: 10 } });
  });
});
