import { describe, expect, it } from 'vitest';
import {
  type BmsInputs,
  type BmsStatus,
  INITIAL_BMS_STATUS,
  RECOVERY_S,
  stepBms,
} from './bms-state-machine.js';

const calm: BmsInputs = { alarmBits: 0, protectionBits: 0, hardError: false };
const warn: BmsInputs = { ...calm, alarmBits: 0b10 };
const trip: BmsInputs = { alarmBits: 0b10, protectionBits: 0b10, hardError: false };

function run(steps: [BmsInputs, number][], from: BmsStatus = INITIAL_BMS_STATUS): BmsStatus[] {
  const out: BmsStatus[] = [];
  let status = from;
  for (const [inputs, dt] of steps) {
    status = stepBms(status, inputs, dt);
    out.push(status);
  }
  return out;
}

describe('BMS state machine', () => {
  it('goes normal → warning → protection → recovering → normal, opening the relay in between', () => {
    const states = run([
      [warn, 1],
      [trip, 1],
      [trip, 1],
      [warn, 1],
      [calm, RECOVERY_S - 2],
      [calm, 1],
      [calm, 1],
    ]);
    expect(states.map((s) => [s.state, s.relayClosed])).toEqual([
      ['warning', true],
      ['protection', false],
      ['protection', false],
      ['recovering', false],
      ['recovering', false],
      ['recovering', false],
      ['normal', true],
    ]);
  });

  it('recovers into warning when an alarm is still active, and trips again from recovering', () => {
    const [, , back] = run([
      [trip, 1],
      [warn, 1],
      [warn, RECOVERY_S],
    ]);
    expect(back).toMatchObject({ state: 'warning', relayClosed: true });
    const [, recovering, again] = run([
      [trip, 1],
      [calm, 1],
      [trip, 1],
    ]);
    expect(recovering?.state).toBe('recovering');
    expect(again).toMatchObject({ state: 'protection', relayClosed: false, inStateS: 0 });
  });

  it('treats a hard error like a protection', () => {
    const [s] = run([[{ ...calm, hardError: true }, 1]]);
    expect(s).toMatchObject({ state: 'protection', relayClosed: false });
  });
});
