import { describe, expect, it } from 'vitest';
import { loadSimConfig } from './load-sim-config.js';

describe('loadSimConfig', () => {
  it('applies defaults and lets flags win over variables', () => {
    const sut = loadSimConfig(['--serial', '/tmp/x', '--modules', '12'], {
      SIM_MODULES: '6',
      SIM_SPEED: '60',
    });
    expect(sut).toEqual({
      kind: 'run',
      config: {
        serial: '/tmp/x',
        controlPort: 3010,
        listenHost: '127.0.0.1',
        addresses: [0],
        modules: 12,
        moduleType: 'H48050',
        tickMs: 1000,
        speed: 60,
        logLevel: 'info',
      },
    });
  });

  it('parses an MBMS address list', () => {
    const sut = loadSimConfig(['--tcp', '3110', '--addresses', '1, 2'], {});
    expect(sut.kind === 'run' && sut.config.addresses).toEqual([1, 2]);
  });

  it('names every bad flag with its variable and exits 2', () => {
    const sut = loadSimConfig(['--serial', '/x', '--modules', '16', '--module-type', 'H99'], {
      SIM_TICK_MS: 'fast',
    });
    expect(sut.kind).toBe('exit');
    expect(sut.kind === 'exit' && sut.code).toBe(2);
    const output = sut.kind === 'exit' ? sut.output : '';
    expect(output).toContain('--modules (SIM_MODULES): must be 5..15 (got "16")');
    expect(output).toContain('--module-type (SIM_MODULE_TYPE)');
    expect(output).toContain('--tick-ms (SIM_TICK_MS): must be a number (got "fast")');
  });

  it('requires exactly one link and refuses unknown flags', () => {
    expect(loadSimConfig([], {})).toMatchObject({ kind: 'exit', code: 2 });
    expect(loadSimConfig(['--serial', '/x', '--tcp', '1'], {})).toMatchObject({ kind: 'exit', code: 2 });
    expect(loadSimConfig(['--serial', '/x', '--frobnicate'], {})).toMatchObject({ kind: 'exit', code: 2 });
    expect(loadSimConfig(['--help'], {})).toMatchObject({ kind: 'exit', code: 0 });
  });
});
