import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { ReportByException } from './report-by-exception.js';
import { DEFAULT_SAMPLING_PLAN, LIVE_SAMPLING_PLAN } from './sampling-plan.js';

const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const reading = (s: number, fields: Partial<PackSample> = {}): PackSample => ({
  kind: 'pack',
  ts: new Date(T0 + s * 1000).toISOString(),
  bus: 'can0',
  bmsAddress: 0,
  packVoltageDv: 4000,
  packCurrentDa: 100,
  bmsTempDc: 200,
  socPct: 50,
  sohPct: 100,
  cellMaxMv: 3350,
  cellMaxNo: 7,
  alarmBits: 0,
  ...fields,
});

/** Offers readings every 2 s (the default poll) and returns what was reported, as [s, reason]. */
function run(readings: PackSample[]) {
  const sut = new ReportByException();
  return readings.map((r) => {
    const d = sut.offer(r, DEFAULT_SAMPLING_PLAN);
    return d.report
      ? { at: (Date.parse(r.ts) - T0) / 1000, reason: d.reason, report: d.report, edge: d.edge }
      : undefined;
  });
}

describe('ReportByException with the default plan (5 s windows, ±0.5 V / ±0.5 A / 1 % bands, 300 s silence)', () => {
  it('reports the first reading, then nothing while every value stays inside its deadband', () => {
    // Hand-computed: voltage moves 0.4 V (< 0.5 V band), current 0.4 A, cell 4 mV (< 5 mV).
    const out = run([
      reading(0),
      reading(6, { packVoltageDv: 4004, packCurrentDa: 104, cellMaxMv: 3354, cellMaxNo: 9 }),
      reading(12, { packVoltageDv: 3996 }),
    ]);
    expect(out.map((o) => o?.reason)).toEqual(['first', undefined, undefined]);
  });

  it('holds fields inside their band at the last reported value and updates those that left it', () => {
    // At 6 s current moved +0.6 A (reported), voltage only +0.4 V (held at 4000).
    const [, second] = run([reading(0), reading(6, { packVoltageDv: 4004, packCurrentDa: 106 })]);
    expect(second).toMatchObject({ reason: 'change', report: { packVoltageDv: 4000, packCurrentDa: 106 } });
  });

  it('moves a cell number only together with its value', () => {
    const [, , third] = run([
      reading(0),
      reading(6, { cellMaxNo: 9, cellMaxMv: 3352 }),
      reading(12, { cellMaxNo: 9, cellMaxMv: 3356 }),
    ]);
    expect(third?.report).toMatchObject({ cellMaxMv: 3356, cellMaxNo: 9 });
  });

  it('considers one reading per 5 s window', () => {
    // Readings every 2 s, current changing 1 A each time: windows [0,5) [5,10) [10,15) → 0, 6, 10.
    const readings = [0, 2, 4, 6, 8, 10, 12, 14].map((s) => reading(s, { packCurrentDa: 100 + s * 10 }));
    expect(run(readings).flatMap((o) => (o ? [o.at] : []))).toEqual([0, 6, 10]);
  });

  it('reports an alarm bit edge at once, inside the same window, flagged as edge', () => {
    const out = run([reading(0), reading(2, { alarmBits: 4 }), reading(4, { alarmBits: 4 })]);
    expect(out[1]).toMatchObject({ at: 2, reason: 'edge', edge: true, report: { alarmBits: 4 } });
    expect(out[2]).toBeUndefined();
  });

  it('sends the true values after 300 s of silence', () => {
    const readings = [
      reading(0),
      ...Array.from({ length: 60 }, (_, i) => reading(6 + i * 5, { packVoltageDv: 4003 })),
    ];
    const reported = run(readings).flatMap((o) => (o ? [o] : []));
    expect(reported.map((o) => [o.at, o.reason])).toEqual([
      [0, 'first'],
      [301, 'silence'],
    ]);
    expect(reported[1]?.report.packVoltageDv).toBe(4003);
  });
});

describe('ReportByException with report: every (the live plan)', () => {
  it('reports every reading with its true values, however close in time or value', () => {
    const sut = new ReportByException();
    const readings = [0, 0.3, 0.6, 0.9].map((s, i) => reading(s, { packVoltageDv: 4000 + (i % 2) }));
    const out = readings.map((r) => sut.offer(r, LIVE_SAMPLING_PLAN));
    expect(out.map((d) => d.reason)).toEqual(['every', 'every', 'every', 'every']);
    expect(out.map((d) => d.report)).toEqual(readings);
  });

  it('still marks an alarm edge', () => {
    const sut = new ReportByException();
    sut.offer(reading(0), LIVE_SAMPLING_PLAN);
    expect(sut.offer(reading(1, { protectionBits: 2 }), LIVE_SAMPLING_PLAN)).toMatchObject({
      reason: 'edge',
      edge: true,
    });
  });
});
