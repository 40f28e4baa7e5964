// A profile file (`--profile-file`): CSV with a `time,currentA` or `time,powerW` header, or
// JSON `{ "unit": "currentA" | "powerW", "points": [{ "time": "06:30", "value": -12.5 }] }`.
// Times are HH:MM[:SS] of the simulated day. Errors name the file, the line or JSON path, and
// the problem.
import { z } from 'zod';
import { type LoadProfile, type LoadUnit, stepProfile } from './load-profile.js';

export type ParseProfileResult = { ok: true; profile: LoadProfile } | { ok: false; error: string };

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function secondOfDayFromTime(text: string): number | undefined {
  const m = TIME.exec(text.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

const jsonSchema = z.strictObject({
  unit: z.enum(['currentA', 'powerW']),
  points: z
    .array(
      z.strictObject({
        time: z.string().refine((t) => secondOfDayFromTime(t) !== undefined, 'must be HH:MM or HH:MM:SS'),
        value: z.number().finite(),
      }),
    )
    .min(1, 'needs at least one point'),
});

export function parseLoadProfile(fileName: string, text: string): ParseProfileResult {
  const fail = (where: string, problem: string): ParseProfileResult => ({
    ok: false,
    error: `${fileName}: ${where}: ${problem}`,
  });
  if (fileName.toLowerCase().endsWith('.json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return fail('(whole file)', `not valid JSON (${(error as Error).message})`);
    }
    const parsed = jsonSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(issue?.path.join('.') || '(root)', issue?.message ?? 'invalid');
    }
    const points = parsed.data.points.map((p): [number, number] => [
      secondOfDayFromTime(p.time) ?? 0,
      p.value,
    ]);
    return { ok: true, profile: stepProfile(fileName, parsed.data.unit, points) };
  }
  return parseCsv(fileName, text, fail);
}

function parseCsv(
  fileName: string,
  text: string,
  fail: (where: string, problem: string) => ParseProfileResult,
): ParseProfileResult {
  const lines = text.split(/\r?\n/).map((l, i) => ({ no: i + 1, text: l.trim() }));
  const content = lines.filter((l) => l.text !== '' && !l.text.startsWith('#'));
  const header = content[0];
  const unit = header?.text.replace(/\s/g, '').split(',')[1] as LoadUnit | undefined;
  if (header === undefined || (unit !== 'currentA' && unit !== 'powerW')) {
    return fail(`line ${header?.no ?? 1}`, 'header must be "time,currentA" or "time,powerW"');
  }
  const points: [number, number][] = [];
  for (const line of content.slice(1)) {
    const [time = '', value = ''] = line.text.split(',').map((c) => c.trim());
    const second = secondOfDayFromTime(time);
    if (second === undefined) {
      return fail(`line ${line.no}`, `time "${time}" must be HH:MM or HH:MM:SS`);
    }
    const number = Number(value);
    if (value === '' || !Number.isFinite(number)) {
      return fail(`line ${line.no}`, `${unit} "${value}" is not a number`);
    }
    points.push([second, number]);
  }
  if (points.length === 0) {
    return fail(`line ${header.no}`, 'no data lines after the header');
  }
  return { ok: true, profile: stepProfile(fileName, unit, points) };
}
