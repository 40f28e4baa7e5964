import { describe, expect, it } from 'vitest';
import { requestedCurrentA } from './load-profile.js';
import { parseLoadProfile } from './parse-load-profile.js';

describe('profile files', () => {
  it('reads a CSV step profile that holds each value until the next time and wraps at midnight', () => {
    const r = parseLoadProfile('site.csv', '# my site\ntime,currentA\n06:00,-5\n11:30,20\n18:00:00,-12.5\n');
    expect(r.ok).toBe(true);
    const p = r.ok ? r.profile : undefined;
    expect([3, 7, 12, 23].map((h) => p?.at(h * 3600))).toEqual([-12.5, -5, 20, -12.5]);
  });

  it('reads a JSON power profile and turns watts into amperes at the pack voltage', () => {
    const r = parseLoadProfile(
      'p.json',
      JSON.stringify({ unit: 'powerW', points: [{ time: '00:00', value: 4000 }] }),
    );
    const p = r.ok ? r.profile : undefined;
    expect(p && requestedCurrentA(p, 100, 50, 400)).toBe(10);
  });

  it('names the file, the line or path, and the problem', () => {
    expect(parseLoadProfile('a.csv', 'time,amps\n')).toEqual({
      ok: false,
      error: 'a.csv: line 1: header must be "time,currentA" or "time,powerW"',
    });
    expect(parseLoadProfile('a.csv', 'time,currentA\n25:00,3\n')).toMatchObject({
      error: 'a.csv: line 2: time "25:00" must be HH:MM or HH:MM:SS',
    });
    expect(parseLoadProfile('a.csv', 'time,currentA\n01:00,lots\n')).toMatchObject({
      error: 'a.csv: line 2: currentA "lots" is not a number',
    });
    expect(parseLoadProfile('p.json', '{"unit":"powerW","points":[{"time":"9am","value":1}]}')).toMatchObject(
      {
        error: 'p.json: points.0.time: must be HH:MM or HH:MM:SS',
      },
    );
    expect(parseLoadProfile('p.json', '{oops')).toMatchObject({ ok: false });
  });
});
