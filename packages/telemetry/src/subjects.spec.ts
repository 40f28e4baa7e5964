import { describe, expect, it } from 'vitest';
import { gatewayIdOfSubject, subjects } from './subjects.js';

describe('subjects', () => {
  it('builds the subjects of the architecture contract', () => {
    expect(subjects.telemetry('gw-1a')).toBe('bms.v1.tlm.gw-1a');
    expect(subjects.command('gw-1a', 'repoll')).toBe('bms.v1.cmd.gw-1a.repoll');
    expect(subjects.alarm('t1', 's1')).toBe('alarm.v1.t1.s1');
  });

  it('reads the gateway id back from a subject', () => {
    expect(gatewayIdOfSubject('bms.v1.tlm.gw-1a')).toBe('gw-1a');
    expect(gatewayIdOfSubject('bms.v1.tlm.GW_BAD')).toBeUndefined();
    expect(gatewayIdOfSubject('other.v1.tlm.gw-1a')).toBeUndefined();
  });
});
