import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING_PLAN, parseSamplingPlan } from './sampling-plan.js';

describe('parseSamplingPlan', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SAMPLING_PLAN).toEqual({
      report: 'exception',
      packEveryS: 5,
      cellsEveryS: 300,
      maxSilenceS: 300,
      flushEveryS: 60,
      deadbands: { voltageDv: 5, currentDa: 5, tempDc: 5, socPct: 1, cellMv: 5, moduleMv: 50 },
    });
  });

  it('changes only the named fields of a base plan, deadbands too', () => {
    const sut = parseSamplingPlan({ cellsEveryS: 120, deadbands: { currentDa: 10 } }, DEFAULT_SAMPLING_PLAN);
    expect(sut).toEqual({
      ok: true,
      plan: {
        ...DEFAULT_SAMPLING_PLAN,
        cellsEveryS: 120,
        deadbands: { ...DEFAULT_SAMPLING_PLAN.deadbands, currentDa: 10 },
      },
    });
  });

  it.each([
    [{ packEveryS: 0 }, 'packEveryS'],
    [{ deadbands: { voltageDv: -1 } }, 'deadbands.voltageDv'],
    [{ packEveryS: 60, maxSilenceS: 30 }, 'maxSilenceS'],
    [{ nope: 1 }, 'nope'],
    [{ cellsEveryS: 'often' }, 'cellsEveryS'],
  ])('refuses %j naming %s', (input, field) => {
    const sut = parseSamplingPlan(input, DEFAULT_SAMPLING_PLAN);
    expect(sut).toMatchObject({ ok: false, field });
  });
});
