import { describe, expect, it } from 'vitest';
import { type CliConfigSpec, loadCliConfig } from './load-cli-config.js';

interface Demo {
  port: number;
  name: string;
}
const spec: CliConfigSpec<Demo> = {
  program: 'demo',
  description: 'demo program',
  options: [
    { key: 'config', flag: '--config <file>', env: 'DEMO_CONFIG', help: 'config file' },
    { key: 'port', flag: '--port <n>', env: 'DEMO_PORT', help: 'port' },
    { key: 'name', flag: '--name <s>', env: 'DEMO_NAME', help: 'name' },
  ],
  fileOption: 'config',
  parse: (raw) => {
    const port = Number(raw.port);
    return Number.isInteger(port) && port > 0
      ? { ok: true, config: { port, name: String(raw.name ?? 'x') } }
      : { ok: false, issues: [{ path: ['port'], message: 'must be a port number' }] };
  },
};
const file = (content: unknown) => () => JSON.stringify(content);

describe('loadCliConfig', () => {
  it('takes a flag before a variable before the config file', () => {
    const sut = loadCliConfig(
      spec,
      ['--config', 'c.json', '--port', '1'],
      { DEMO_PORT: '2', DEMO_NAME: 'env' },
      file({ port: 3, name: 'file' }),
    );
    expect(sut).toEqual({ kind: 'run', config: { port: 1, name: 'env' } });
  });

  it('names the flag and its variable, or the file and key, with what was given', () => {
    expect(loadCliConfig(spec, ['--port', 'x'], {})).toMatchObject({ kind: 'exit', code: 2 });
    const fromFlag = loadCliConfig(spec, ['--port', 'x'], {});
    expect(fromFlag.kind === 'exit' && fromFlag.output).toContain(
      '--port (DEMO_PORT): must be a port number (got "x")',
    );
    const fromFile = loadCliConfig(spec, [], { DEMO_CONFIG: 'c.json' }, file({ port: -1 }));
    expect(fromFile.kind === 'exit' && fromFile.output).toContain(
      'c.json: port: must be a port number (got "-1")',
    );
  });

  it('refuses an unreadable, non-JSON or unknown-key file, and unknown flags, without throwing', () => {
    const unreadable = loadCliConfig(spec, ['--config', 'nope.json'], {}, () => {
      throw new Error('ENOENT');
    });
    expect(unreadable.kind === 'exit' && unreadable.output).toContain(
      'nope.json: cannot read the config file (ENOENT)',
    );
    const notJson = loadCliConfig(spec, ['--config', 'c.json'], {}, () => '{');
    expect(notJson.kind === 'exit' && notJson.output).toContain('c.json: not valid JSON');
    const unknown = loadCliConfig(spec, ['--config', 'c.json'], {}, file({ port: 1, colour: 'red' }));
    expect(unknown.kind === 'exit' && unknown.output).toContain('unknown key(s) colour');
    expect(loadCliConfig(spec, ['--frobnicate'], {})).toMatchObject({ kind: 'exit', code: 2 });
    expect(loadCliConfig(spec, ['--help'], {})).toMatchObject({ kind: 'exit', code: 0 });
  });
});
