import { describe, expect, it } from 'vitest';
import { busItem, type GatewayBusReading } from './bus-item.js';
import { cellSpreadItem, type StringAfterFullCharge } from './cell-spread-item.js';
import { clockItem } from './clock-item.js';
import { commissioningChecklist } from './commissioning-checklist.js';
import { firstDataItem } from './first-data-item.js';
import { type ExpectedString, topologyItem } from './topology-item.js';

const T0 = Date.UTC(2026, 10, 20, 10);
const counters = (framesIn: number, corrupt = 0, adapterErrors = 0, reconnects = 0) => ({
  framesIn,
  corrupt,
  adapterErrors,
  reconnects,
});
const gw = (over: Partial<GatewayBusReading> = {}): GatewayBusReading => ({
  gatewayId: 'gw-1',
  atMs: T0,
  bus: counters(1000),
  previous: null,
  ...over,
});
const str = (over: Partial<ExpectedString> = {}): ExpectedString => ({
  stringId: 's1',
  name: 'String 1',
  expectedModules: 5,
  presentModules: 5,
  reported: true,
  lastSeenAtMs: T0,
  ...over,
});
const charged = (over: Partial<StringAfterFullCharge> = {}): StringAfterFullCharge => ({
  stringId: 's1',
  name: 'String 1',
  fullChargeAtMs: T0,
  samplesAfter: [{ tsMs: T0 + 60_000, packCurrentDa: 5, cellMaxMv: 3420, cellMinMv: 3405 }],
  ...over,
});

describe('firstDataItem', () => {
  it('is pending until every string has a sample, then passes with the first sample time', () => {
    expect(firstDataItem([])).toMatchObject({ state: 'pending', reason: 'no-strings' });
    const waiting = firstDataItem([
      { stringId: 'a', name: 'A', firstSampleAtMs: T0 },
      { stringId: 'b', name: 'B', firstSampleAtMs: null },
    ]);
    expect(waiting).toMatchObject({
      state: 'pending',
      reason: 'waiting-for-data',
      evidence: { missing: 'B' },
    });
    const done = firstDataItem([
      { stringId: 'a', name: 'A', firstSampleAtMs: T0 },
      { stringId: 'b', name: 'B', firstSampleAtMs: T0 + 5000 },
    ]);
    expect(done).toMatchObject({
      state: 'passed',
      evidence: { stringsWithData: 2, firstSampleAt: new Date(T0).toISOString() },
      observedAtMs: T0 + 5000,
    });
  });
});

describe('topologyItem', () => {
  it('passes when every string reports its expected modules', () => {
    expect(topologyItem([str(), str({ stringId: 's2', name: 'String 2' })])).toMatchObject({
      state: 'passed',
      evidence: { expectedModules: 10, presentModules: 10 },
    });
  });
  it('fails on a module count mismatch and names the string', () => {
    const item = topologyItem([str({ presentModules: 4 })]);
    expect(item).toMatchObject({ state: 'failed', reason: 'modules-mismatch' });
    expect(item.explanation).toContain('String 1: 4 of 5');
  });
  it('waits while the expected count is unknown or a string has not reported', () => {
    expect(topologyItem([str({ expectedModules: null })])).toMatchObject({
      state: 'pending',
      reason: 'expected-unknown',
    });
    expect(topologyItem([str({ reported: false, presentModules: 0 })])).toMatchObject({
      state: 'pending',
      reason: 'waiting-for-strings',
    });
    expect(topologyItem([])).toMatchObject({ state: 'pending' });
  });
});

describe('busItem', () => {
  it('passes a clean bus and is pending without heartbeat or with too few frames', () => {
    expect(busItem([gw()])).toMatchObject({
      state: 'passed',
      reason: 'healthy',
      evidence: { worstCorruptPct: 0 },
    });
    expect(busItem([])).toMatchObject({ state: 'pending', reason: 'no-heartbeat' });
    expect(busItem([gw({ bus: null })])).toMatchObject({ state: 'pending', reason: 'no-counters' });
    expect(busItem([gw({ bus: counters(20) })])).toMatchObject({
      state: 'pending',
      reason: 'too-few-frames',
    });
  });
  it('suspects the termination when corrupt frames are spread through flowing traffic', () => {
    const item = busItem([gw({ bus: counters(1000, 50) })]);
    expect(item).toMatchObject({
      state: 'failed',
      reason: 'termination-suspected',
      evidence: { worstCorruptPct: 4.76 },
    });
    expect(item.explanation).toContain('termination');
  });
  it('blames the adapter when it reports errors or reconnects', () => {
    expect(busItem([gw({ bus: counters(1000, 50, 3) })])).toMatchObject({
      state: 'failed',
      reason: 'adapter-errors',
    });
  });
  it('judges the delta since the previous heartbeat, so a fixed bus passes at once', () => {
    const fixed = gw({
      bus: counters(2000, 500),
      previous: { atMs: T0 - 60_000, bus: counters(1000, 500) },
    });
    expect(busItem([fixed])).toMatchObject({ state: 'passed' });
    // A restart zeroed the counters: the since-boot values are judged instead.
    const restarted = gw({ bus: counters(500, 40), previous: { atMs: T0 - 60_000, bus: counters(1000, 0) } });
    expect(busItem([restarted])).toMatchObject({ state: 'failed', reason: 'termination-suspected' });
  });
  it('lets the worst gateway decide', () => {
    expect(busItem([gw(), gw({ gatewayId: 'gw-2', bus: counters(1000, 30) })])).toMatchObject({
      state: 'failed',
    });
  });
});

describe('clockItem', () => {
  const hb = (skewMs: number | null, gatewayId = 'gw-1') => ({
    gatewayId,
    sentAtMs: T0 + (skewMs ?? 0),
    receivedAtMs: skewMs === null ? null : T0,
  });
  it('passes within the tolerance and fails beyond it, in either direction', () => {
    expect(clockItem([hb(800)])).toMatchObject({ state: 'passed', evidence: { worstSkewS: 0.8 } });
    const ahead = clockItem([hb(45_000)]);
    expect(ahead).toMatchObject({ state: 'failed', reason: 'clock-skew', evidence: { worstSkewS: 45 } });
    expect(ahead.explanation).toContain('ahead of');
    expect(clockItem([hb(-12_000)]).explanation).toContain('behind');
  });
  it('is pending without a timed heartbeat, or while a gateway has not sent one', () => {
    expect(clockItem([])).toMatchObject({ state: 'pending', reason: 'no-heartbeat' });
    expect(clockItem([hb(null)])).toMatchObject({ state: 'pending' });
    expect(clockItem([hb(0), hb(null, 'gw-2')])).toMatchObject({
      state: 'pending',
      reason: 'waiting-for-gateways',
    });
  });
});

describe('cellSpreadItem', () => {
  it('waits for the first full charge, then for a reading at rest', () => {
    expect(cellSpreadItem([charged({ fullChargeAtMs: null })])).toMatchObject({
      state: 'pending',
      reason: 'waiting-for-full-charge',
    });
    const underLoad = charged({
      samplesAfter: [{ tsMs: T0, packCurrentDa: 400, cellMaxMv: 3500, cellMinMv: 3300 }],
    });
    expect(cellSpreadItem([underLoad])).toMatchObject({ state: 'pending', reason: 'waiting-for-rest' });
  });
  it('passes a spread within the band and fails a wide one on the newest rest reading', () => {
    expect(cellSpreadItem([charged()])).toMatchObject({ state: 'passed', evidence: { worstSpreadMv: 15 } });
    const wideThenBalanced = charged({
      samplesAfter: [
        { tsMs: T0 + 1000, packCurrentDa: 0, cellMaxMv: 3450, cellMinMv: 3380 },
        { tsMs: T0 + 9000, packCurrentDa: 0, cellMaxMv: 3420, cellMinMv: 3400 },
      ],
    });
    expect(cellSpreadItem([wideThenBalanced])).toMatchObject({
      state: 'passed',
      evidence: { worstSpreadMv: 20 },
    });
    const wide = charged({
      samplesAfter: [{ tsMs: T0, packCurrentDa: -10, cellMaxMv: 3450, cellMinMv: 3380 }],
    });
    expect(cellSpreadItem([wide])).toMatchObject({
      state: 'failed',
      reason: 'spread-too-wide',
      evidence: { worstSpreadMv: 70 },
    });
  });
});

describe('commissioningChecklist', () => {
  it('is complete only when every item passed', () => {
    const s = { ...str(), ...charged(), firstSampleAtMs: T0 };
    const g = { ...gw(), sentAtMs: T0, receivedAtMs: T0 };
    const ok = commissioningChecklist({ strings: [s], gateways: [g] });
    expect(ok.items.map((i) => [i.id, i.state])).toEqual([
      ['first-data', 'passed'],
      ['topology', 'passed'],
      ['bus', 'passed'],
      ['clock', 'passed'],
      ['cell-spread', 'passed'],
    ]);
    expect(ok).toMatchObject({ state: 'passed', complete: true });
    const notYet = commissioningChecklist({ strings: [{ ...s, fullChargeAtMs: null }], gateways: [g] });
    expect(notYet).toMatchObject({ state: 'pending', complete: false });
  });
});
