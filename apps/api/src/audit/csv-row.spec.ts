import { describe, expect, it } from 'vitest';
import { csvRow } from './csv-row.js';

describe('csvRow', () => {
  it('quotes what needs quoting, leaves empty for null and writes instants as ISO', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', null, 12, new Date('2026-01-01T00:00:00Z')])).toBe(
      'a,"b,c","say ""hi""",,12,2026-01-01T00:00:00.000Z\r\n',
    );
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvRow(['=HYPERLINK("x")', '-12', '@cmd'])).toBe(`"'=HYPERLINK(""x"")",-12,'@cmd\r\n`);
  });
});
