// SC console fixtures (our own transcripts following the layout facts of SC-CLI / SC-CON, see
// fixtures/console-provenance.txt): each parses to the values written into it, in project
// units, and what the renderers print parses back to the same values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBat, renderBat } from '../src/console/bat.console.js';
import type { ConsoleRow } from '../src/console/console-columns.table.js';
import { renderConsoleResponse, splitConsoleResponse } from '../src/console/console-transcript.js';
import { parseGetpwr, renderGetpwr } from '../src/console/getpwr.console.js';
import { parseInfo, renderInfo } from '../src/console/info.console.js';
import { parseLoginReply, renderTbarReply } from '../src/console/login.console.js';
import { parsePwr, renderPwr } from '../src/console/pwr.console.js';
import { parseUnit, renderUnit } from '../src/console/unit.console.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/console-${name}.txt`, import.meta.url), 'latin1');
const body = (name: string) => splitConsoleResponse(fixture(name)).body;

function ok<T>(result: { status: 'ok'; value: T } | { status: 'corrupt'; reason: string }): T {
  if (result.status !== 'ok') {
    throw new Error(result.reason);
  }
  return result.value;
}

/** Rows without their printed text, to compare values only. */
const values = <T extends { raw: unknown }>(rows: T[]) => rows.map(({ raw: _raw, ...rest }) => rest);

describe('console transcript framing', () => {
  it('splits echo, "@", body, end markers and prompt', () => {
    const sut = splitConsoleResponse(fixture('getpwr'));
    expect({ command: sut.command, prompt: sut.prompt, lines: sut.body.length }).toEqual({
      command: 'getpwr',
      prompt: 'pylon_debug>',
      lines: 18,
    });
  });

  it('renders a response that splits back into the same body', () => {
    const text = renderConsoleResponse('pwr', ['a : 1', 'b'], 'pylon>');
    expect(splitConsoleResponse(text)).toEqual({ command: 'pwr', body: ['a : 1', 'b'], prompt: 'pylon>' });
  });
});

describe('pwr', () => {
  it('reads the SC0500-style fixture through its header', () => {
    const sut = parsePwr(body('pwr'));
    expect(sut).toMatchObject({ status: 'ok', ignoredLines: 0 });
    expect(ok(sut)).toMatchObject({
      time: '2026-11-20 09:15:02',
      avgTempDc: 234,
      dcVoltageMv: 245120,
      batVoltageMv: 245310,
      pack: {
        voltageMv: 245310,
        currentDa: -123,
        tempDc: 235,
        cellVoltLowMv: 3262,
        cellVoltHighMv: 3281,
        unitVoltLowMv: 49010,
        baseState: 'Dischg',
        socPct: 64,
        remainingMah: 32000,
        energyPct: 63,
        remainingWh: 7712,
        errorCode: '0',
        raw: expect.objectContaining({ currentDa: '-12340' }),
      },
    });
  });

  it('falls back to the positional layout under unknown header words, skipping the date and counting the extra line', () => {
    const sut = parsePwr(body('pwr-old-firmware'));
    expect(sut).toMatchObject({ status: 'ok', ignoredLines: 1 });
    expect(ok(sut).pack).toMatchObject({
      voltageMv: 250200,
      currentDa: 50,
      baseState: 'Charge',
      socPct: 81,
      remainingMah: 40500,
      time: '2026-11-20 09:15:02',
      errorCode: '0',
    });
    expect(ok(sut).pack.energyPct).toBeUndefined();
  });

  it('renders what it parses', () => {
    const parsed = ok(parsePwr(body('pwr')));
    const again = ok(parsePwr(renderPwr(parsed)));
    expect({ ...again, pack: values([again.pack])[0] }).toEqual({
      ...parsed,
      pack: values([parsed.pack])[0],
    });
  });
});

describe('unit', () => {
  it('reads modules into physical order (the BMS prints the last module first)', () => {
    const sut = ok(parseUnit(body('unit')));
    expect(sut.map((u) => [u.position, u.index, u.voltageMv, u.tempDc, u.remainingWh])).toEqual([
      [0, 2, 49150, 238, 2570],
      [1, 1, 49100, 231, 2575],
      [2, 0, 49010, 224, 2560],
    ]);
  });

  it('reads the SC0500 layout: extra temperatures, "Null" fans kept as text', () => {
    const sut = ok(parseUnit(body('unit-sc0500')));
    expect(sut[1]).toMatchObject({
      position: 1,
      index: 0,
      avgTempDc: 247,
      bntTempDc: 255,
      fanPwm: 'Null',
      socPct: 90,
    });
  });

  it('renders modules so that they parse back in the same order', () => {
    const parsed = ok(parseUnit(body('unit')));
    const again = ok(parseUnit(renderUnit(parsed)));
    expect(values(again)).toEqual(values(parsed));
  });
});

describe('bat', () => {
  it('reads 30 cells into modules and cells, physical order, with the preamble', () => {
    const sut = ok(parseBat(body('bat')));
    expect(sut).toMatchObject({
      avgTempDc: 234,
      chargeCurrentDa: 0,
      dischargeCurrentDa: 123,
      state: 'Dischg',
    });
    expect(sut.cells).toHaveLength(30);
    expect(sut.cells.slice(0, 2).map((c) => [c.module, c.cell, c.voltageMv, c.tempDc])).toEqual([
      [0, 0, 3260, 220],
      [0, 1, 3261, 221],
    ]);
    expect(sut.cells[15]).toMatchObject({ module: 1, cell: 0, voltageMv: 3270, tempDc: 230 });
    expect(sut.cells.filter((c) => c.balance === 'Y').map((c) => [c.module, c.cell])).toEqual([[0, 7]]);
  });

  it('renders cells so that they parse back to the same values', () => {
    const parsed = ok(parseBat(body('bat')));
    const modules: ConsoleRow[][] = [parsed.cells.slice(0, 15), parsed.cells.slice(15)];
    const again = ok(parseBat(renderBat({ ...parsed, cells: modules })));
    expect(values(again.cells)).toEqual(values(parsed.cells));
  });
});

describe('info', () => {
  it('reads the labels, the limits in project units, and the module barcodes in BMU order', () => {
    const sut = ok(parseInfo(body('info')));
    expect(sut).toMatchObject({
      deviceAddress: 1,
      deviceName: 'SC1000-TEST',
      barcode: 'PPTBH0123456789X',
      cellNumber: 45,
      maxDischargeCurrentDa: -500,
      maxChargeCurrentDa: 500,
      moduleBarcodes: ['HPTBH0000000001A', 'HPTBH0000000002B', 'HPTBH0000000003C'],
    });
    expect(sut.fields['Relay Feedback']).toBe('On');
  });

  it('renders what it parses', () => {
    const { fields: _f, ...parsed } = ok(parseInfo(body('info')));
    const { fields: _g, ...again } = ok(parseInfo(renderInfo(parsed)));
    expect(again).toEqual(parsed);
  });
});

describe('getpwr and the debug login', () => {
  it('reads the summary, 15 cells, error code and cycle count', () => {
    const sut = ok(parseGetpwr(body('getpwr')));
    expect(sut).toMatchObject({
      packVoltageMv: 245310,
      packCurrentDa: -123,
      avgTempDc: 234,
      capacityRaw: '7712',
      status: 'Dischg',
      errorCode: 0,
      cycleCount: 37,
    });
    expect(sut.cells.map((c) => c.voltageMv)).toEqual(Array.from({ length: 15 }, (_, i) => 3260 + i));
    expect(sut.cells[14]).toEqual({ voltageMv: 3274, tempDc: 234, status1: 'Normal', status2: 'Normal' });
  });

  it('renders what it parses', () => {
    const parsed = ok(parseGetpwr(body('getpwr')));
    expect(ok(parseGetpwr(renderGetpwr(parsed)))).toEqual(parsed);
  });

  it('recognises the debug prompt and the tbar verdict', () => {
    const [login, tbar] = fixture('login').split(/(?<=pylon_debug>)/);
    expect([parseLoginReply('login', login!), parseLoginReply('tbar', tbar!)]).toEqual([
      'debug-prompt',
      'authorised',
    ]);
    expect(parseLoginReply('tbar', renderTbarReply('PPTBH0123456789X', 'tbar WRONG'))).toBe('refused');
    expect(parseLoginReply('login', 'pylon>')).toBe('no-answer');
  });
});
