import { describe, expect, it } from 'vitest';
import { type LoadDeps, loadSimConfig } from './load-sim-config.js';

const noFile: LoadDeps = {
  readFile: (p) => {
    throw new Error(`ENOENT: ${p}`);
  },
};
const files = (content: Record<string, unknown>): LoadDeps => ({ readFile: () => JSON.stringify(content) });
const run = (argv: string[], env: Record<string, string> = {}, deps = noFile) =>
  loadSimConfig(argv, env, deps);
const outputOf = (r: ReturnType<typeof loadSimConfig>) => (r.kind === 'exit' ? r.output : '');

describe('loadSimConfig: flags and variables', () => {
  it('applies defaults and lets flags win over variables', () => {
    const sut = run(['--serial', '/tmp/x', '--modules', '12'], { SIM_MODULES: '6', SIM_SPEED: '60' });
    expect(sut).toEqual({
      kind: 'run',
      config: {
        serial: '/tmp/x',
        controlPort: 3010,
        listenHost: '127.0.0.1',
        modules: 12,
        moduleType: 'H48050',
        tickMs: 1000,
        speed: 60,
        ageingFactor: 1,
        profile: 'residential-solar',
        listenOnly: false,
        listenIntervalMs: 1000,
        logLevel: 'info',
        system: 'SC1000',
        strings: [
          {
            bmsAddress: 0,
            add: 1,
            termination: undefined,
            moduleType: 'H48050',
            modules: 12,
            initialSocPct: undefined,
            initialSohPct: undefined,
          },
        ],
        links: { hvCan: { kind: 'serial', path: '/tmp/x' } },
      },
    });
  });

  it('parses an MBMS address list as CAN nibbles and infers MBMS1000', () => {
    const sut = run(['--tcp', '3110', '--addresses', '1, 2']);
    expect(sut.kind === 'run' && sut.config.strings.map((s) => [s.bmsAddress, s.add])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(sut.kind === 'run' && sut.config.system).toBe('MBMS1000');
  });

  it('names every bad flag with its variable and exits 2', () => {
    const sut = run(['--serial', '/x', '--modules', '16', '--module-type', 'H99', '--profile', 'disco'], {
      SIM_TICK_MS: 'fast',
    });
    expect(sut).toMatchObject({ kind: 'exit', code: 2 });
    const output = outputOf(sut);
    expect(output).toContain('--modules (SIM_MODULES): must be 5..15 (got "16")');
    expect(output).toContain('--module-type (SIM_MODULE_TYPE)');
    expect(output).toContain('--tick-ms (SIM_TICK_MS): must be a number (got "fast")');
    expect(output).toContain('--profile (SIM_PROFILE): must be one of residential-solar, peak-shaving, idle');
  });

  it('requires at least one interface, one kind of link per interface, and refuses unknown flags', () => {
    expect(run([])).toMatchObject({ kind: 'exit', code: 2 });
    expect(outputOf(run(['--serial', '/x', '--tcp', '1']))).toContain(
      'HV CAN either a serial path or a TCP port',
    );
    expect(run(['--serial', '/x', '--frobnicate'])).toMatchObject({ kind: 'exit', code: 2 });
    expect(run(['--help'])).toMatchObject({ kind: 'exit', code: 0 });
    const lvOnly = run(['--lv-tcp', '3120', '--rs485-serial', '/tmp/r']);
    expect(lvOnly.kind === 'run' && lvOnly.config.links).toEqual({
      lvCan: { kind: 'tcp', port: 3120 },
      rs485: { kind: 'serial', path: '/tmp/r' },
    });
  });

  it('lists every flag and its variable in --help', () => {
    const help = outputOf(run(['--help']));
    for (const text of [
      '--config',
      '--listen-only',
      'SIM_LISTEN_ONLY',
      '--ageing-factor',
      '--profile-file',
      '--rs485-tcp',
      '--console-serial',
    ]) {
      expect(help).toContain(text);
    }
  });
});

describe('loadSimConfig: config file', () => {
  it('takes strings from the config file, with per-string overrides and flags winning over file values', () => {
    const file = files({
      modules: 6,
      moduleType: 'H48074',
      speed: 10,
      strings: [
        { add: 1 },
        { add: 2, modules: 15, moduleType: 'H48050', termination: true, initialSocPct: 90 },
      ],
    });
    const sut = run(['--config', 'sim.json', '--tcp', '1', '--speed', '5'], {}, file);
    expect(sut.kind).toBe('run');
    const config = sut.kind === 'run' ? sut.config : undefined;
    expect(config?.speed).toBe(5);
    expect(config?.system).toBe('MBMS1000');
    expect(config?.strings).toEqual([
      {
        bmsAddress: 0,
        add: 1,
        termination: undefined,
        moduleType: 'H48074',
        modules: 6,
        initialSocPct: undefined,
        initialSohPct: undefined,
      },
      {
        bmsAddress: 1,
        add: 2,
        termination: true,
        moduleType: 'H48050',
        modules: 15,
        initialSocPct: 90,
        initialSohPct: undefined,
      },
    ]);
  });

  it('names the file, the path inside it and the problem', () => {
    const bad = files({ strings: [{ add: 1 }, { add: 40 }], speed: 'fast' });
    const output = outputOf(run(['--config', 'sim.json', '--tcp', '1'], {}, bad));
    expect(output).toContain('sim.json: strings.1.add: must be 1..31 (got "40")');
    expect(output).toContain('sim.json: speed: must be a number (got "fast")');
    expect(outputOf(run(['--config', 'sim.json', '--tcp', '1'], {}, files({ colour: 'red' })))).toContain(
      'sim.json: unknown key(s) colour',
    );
    expect(outputOf(run(['--config', 'missing.json', '--tcp', '1']))).toContain('missing.json: cannot read');
    const clash = files({ strings: [{ add: 1 }, { add: 17 }] });
    expect(outputOf(run(['--config', 'sim.json', '--tcp', '1'], {}, clash))).toContain(
      'ADD 1 and ADD 17 both map to CAN address 0',
    );
    const sc = files({ system: 'SC1000', strings: [{ add: 1 }, { add: 2 }] });
    expect(outputOf(run(['--config', 'sim.json', '--tcp', '1'], {}, sc))).toContain(
      'an SC1000 alone has one string',
    );
  });
});

describe('loadSimConfig: --module-serials', () => {
  it('gives the 0x93 serials to the modules in rack order, string after string', () => {
    const sut = run([
      '--rs485-tcp',
      '3111',
      '--addresses',
      '1,2',
      '--modules',
      '5',
      '--module-serials',
      'A1,A2,A3,A4,A5,B1',
    ]);
    const strings = sut.kind === 'run' ? sut.config.strings : [];
    expect(strings.map((s) => s.moduleSerials)).toEqual([['A1', 'A2', 'A3', 'A4', 'A5'], ['B1']]);
  });

  it('refuses a serial longer than the 16 bytes 0x93 carries', () => {
    const sut = run(['--rs485-tcp', '3111', '--module-serials', 'A1,ABCDEFGHIJKLMNOPQ']);
    expect(sut.kind).toBe('exit');
    expect(outputOf(sut)).toContain('--module-serials');
  });
});
