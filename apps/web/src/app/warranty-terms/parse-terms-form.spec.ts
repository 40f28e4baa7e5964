import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { parseTermsForm } from './parse-terms-form';

const p = dictionaryFor('en').warranty.terms.problems;
const valid = {
  moduleType: 'H48074',
  region: 'eu',
  termYears: '10',
  throughputMwhPerKwh: '3,5',
  retainedCapacityPct: '70',
  cellTempMinC: '-10',
  cellTempMaxC: '50.5',
  cellVoltageMinMv: '',
  validFrom: '2025-01-01',
  source: 'Warranty leaflet v2, 2024',
};

describe('parseTermsForm', () => {
  it('turns the form into the API body: region upper case, °C to 0.1 °C, a German decimal comma, empty = null', () => {
    const sut = parseTermsForm(valid, p);
    expect(sut).toEqual({
      ok: true,
      body: {
        moduleType: 'H48074',
        bmsModel: null,
        region: 'EU',
        termYears: 10,
        throughputMwhPerKwh: 3.5,
        retainedCapacityPct: 70,
        cellTempMinDc: -100,
        cellTempMaxDc: 505,
        cellVoltageMinMv: null,
        cellVoltageMaxMv: null,
        maxCRate: null,
        maxCurrentA: null,
        validFrom: '2025-01-01',
        source: 'Warranty leaflet v2, 2024',
        notes: null,
      },
    });
  });

  it('names every problem by its field at once', () => {
    const sut = parseTermsForm(
      {
        ...valid,
        region: 'E',
        termYears: '2.5',
        retainedCapacityPct: 'abc',
        cellTempMinC: '60',
        validFrom: 'soon',
        source: '',
      },
      p,
    );
    expect(sut).toEqual({
      ok: false,
      fieldErrors: {
        region: p.region,
        termYears: p.wholeNumber,
        retainedCapacityPct: p.number,
        cellTempMinC: p.order,
        validFrom: p.date,
        source: p.sourceShort,
      },
    });
  });

  it('requires a term and keeps values in range', () => {
    const sut = parseTermsForm({ ...valid, termYears: '', cellVoltageMaxMv: '9000' }, p);
    expect(sut).toMatchObject({
      ok: false,
      fieldErrors: { termYears: p.required, cellVoltageMaxMv: 'Please enter a value from 1000 to 5000.' },
    });
  });
});
