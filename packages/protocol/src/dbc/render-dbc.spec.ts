import { describe, expect, it } from 'vitest';
import { signal } from './can-signal.js';
import { dbcText, renderDbc } from './render-dbc.js';

const temperature = signal({
  name: 'Temp',
  field: 'tempDc',
  startByte: 4,
  bits: 16,
  scale: 0.1,
  offset: -100,
  unit: '°C',
  section: '§1.4.1',
  confidence: 'confirmed',
  values: { 0: 'none' },
});

describe('renderDbc', () => {
  const sut = renderDbc({
    comment: 'test',
    messages: [
      {
        name: 'HV_4210_Pack',
        id: 0x4210,
        extended: true,
        dlc: 8,
        sender: 'BMS',
        addressed: true,
        section: '§1.4.1',
        comment: 'pack',
        signals: [temperature],
      },
      {
        name: 'LV_356_Battery',
        id: 0x356,
        extended: false,
        dlc: 6,
        sender: 'BMS',
        addressed: false,
        section: '§2.2',
        comment: 'battery',
        signals: [{ ...temperature, name: 'Current', signed: true, offset: 0, unit: 'A', values: undefined }],
      },
    ],
  });

  it('sets bit 31 on extended ids only and marks them ExtendedCAN', () => {
    expect(sut).toContain(`BO_ ${0x80004210} HV_4210_Pack: 8 BMS`);
    expect(sut).toContain('BO_ 854 LV_356_Battery: 6 BMS');
    expect(sut).toContain(`BA_ "VFrameFormat" BO_ ${0x80004210} 1;`);
    expect(sut).not.toContain('BO_ 854 1;');
  });

  it('writes Intel start bit, sign, scale, offset as DBC offset, range and an ASCII unit', () => {
    expect(sut).toContain(' SG_ Temp : 32|16@1+ (0.1,-100) [-100|6453.5] "degC" PCS');
    expect(sut).toContain(' SG_ Current : 32|16@1- (0.1,0) [-3276.8|3276.7] "A" PCS');
  });

  it('comments confidence and section, and renders value tables', () => {
    expect(sut).toContain(`CM_ SG_ ${0x80004210} Temp "confirmed (2+ sources) (sec. 1.4.1)";`);
    expect(sut).toContain(`VAL_ ${0x80004210} Temp 0 "none" ;`);
  });
});

describe('dbcText', () => {
  it('spells out known symbols and refuses other non-ASCII text', () => {
    expect(dbcText('−100 °C "x"')).toBe("-100 degC 'x'");
    expect(() => dbcText('✔✔')).toThrow(RangeError);
  });
});
