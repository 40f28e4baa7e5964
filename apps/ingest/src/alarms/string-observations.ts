import {
  bitObservations,
  cellImbalance,
  decodeAlarmConditions,
  type RuleSet,
  ruleFor,
  sohLow,
  temperatureRange,
} from '@fleet/alarms';
import type { CellSnapshot, PackSample } from '@fleet/telemetry';
import type { TimedObservation } from './timed-observation.js';

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * One string's samples of a batch → the observations the evaluator takes, in time order: every
 * alarm-opening catalogue bit of the words each pack sample carried, temperature range and SOH
 * from the pack sample, and cell imbalance from each cell snapshot (judged with the current of
 * the latest pack sample at or before it). Pure: the rules only supply derived-rule params.
 */
export function stringObservations(
  packs: PackSample[],
  cells: CellSnapshot[],
  rules: RuleSet,
): { observations: TimedObservation[]; problems: string[] } {
  const observations: TimedObservation[] = [];
  const problems: string[] = [];
  const sortedPacks = [...packs].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const temp = ruleFor(rules, 'derived.temperature_range')?.params ?? {};
  for (const sample of sortedPacks) {
    const at = Date.parse(sample.ts);
    const decoded = decodeAlarmConditions(sample);
    problems.push(...decoded.problems.map((p) => `${sample.ts}: ${p}`));
    for (const [code, observation] of bitObservations(decoded)) {
      observations.push({ ruleId: code, at, observation, rawWords: decoded.words });
    }
    const range = temperatureRange(sample, { lowDc: num(temp.lowDc, 0), highDc: num(temp.highDc, 500) });
    observations.push({
      ruleId: 'derived.temperature_range',
      at,
      observation: { kind: 'value', value: range.value },
    });
    observations.push({
      ruleId: 'derived.soh_low',
      at,
      observation: { kind: 'value', value: sohLow(sample.sohPct).value },
    });
  }
  const imbalance = ruleFor(rules, 'derived.cell_imbalance')?.params ?? {};
  for (const snapshot of cells) {
    const at = Date.parse(snapshot.ts);
    const readable = snapshot.cellVoltagesMv.flat().filter((mv) => mv > 0 && mv < 0xffff);
    const current = [...sortedPacks].reverse().find((p) => Date.parse(p.ts) <= at)?.packCurrentDa;
    const reading = cellImbalance(
      {
        ...(readable.length > 0
          ? { cellMaxMv: Math.max(...readable), cellMinMv: Math.min(...readable) }
          : {}),
        ...(current === undefined ? {} : { packCurrentDa: current }),
      },
      {
        restCurrentDa: num(imbalance.restCurrentDa, 20),
        ...(typeof imbalance.loadAllowanceMv === 'number'
          ? { loadAllowanceMv: imbalance.loadAllowanceMv }
          : {}),
      },
    );
    observations.push({
      ruleId: 'derived.cell_imbalance',
      at,
      observation: { kind: 'value', value: reading.value },
      cellSnapshotAt: at,
    });
  }
  observations.sort((a, b) => a.at - b.at);
  return { observations, problems };
}
