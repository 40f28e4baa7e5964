import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from './load-agent-config.js';

const BASE = ['--gateway-id', 'gw-a1', '--slcan', '/dev/ttyACM0'];

function run(args: string[], env: Record<string, string> = {}) {
  const sut = loadAgentConfig([...BASE, ...args], env);
  if (sut.kind !== 'run') {
    throw new Error(`expected a config, got exit ${sut.code}: ${sut.output}`);
  }
  return sut.config;
}

function refused(args: string[]): string {
  const sut = loadAgentConfig([...BASE, ...args], {});
  expect(sut).toMatchObject({ kind: 'exit', code: 2 });
  return sut.kind === 'exit' ? sut.output : '';
}

describe('cell link options', () => {
  it('reads the RS485 and console endpoints like --slcan, with their baud rates and maps', () => {
    const config = run(
      ['--rs485', 'tcp://127.0.0.1:3120', '--rs485-strings', '1:0, 2:1', '--console', '/dev/ttyUSB1'],
      { AGENT_CONSOLE_BAUD: '9600', AGENT_CONSOLE_STRING: '2', AGENT_CELL_SOURCE: 'rs485' },
    );
    expect(config).toMatchObject({
      rs485: { kind: 'tcp', host: '127.0.0.1', port: 3120 },
      rs485Baud: 115_200,
      rs485Strings: [
        { bmsAddress: 1, group: 0 },
        { bmsAddress: 2, group: 1 },
      ],
      console: { kind: 'serial', path: '/dev/ttyUSB1' },
      consoleBaud: 9600,
      consoleString: 2,
      cellSource: 'rs485',
    });
  });

  it('names a bad endpoint, baud rate, map or source with its flag and variable', () => {
    expect(refused(['--rs485', 'tcp://nowhere'])).toMatch(
      /--rs485 .*AGENT_RS485.*tcp:\/\/127\.0\.0\.1:3110/s,
    );
    expect(refused(['--console-baud', 'fast'])).toMatch(/--console-baud.*baud rate such as 9600/s);
    expect(refused(['--rs485-strings', '1:0,1:1'])).toMatch(/--rs485-strings.*each address and group once/s);
    expect(refused(['--rs485-strings', '16:0'])).toMatch(/--rs485-strings.*<CAN address 0-15>/s);
    expect(refused(['--cell-source', 'can'])).toMatch(/--cell-source.*auto, console, rs485, none/s);
  });

  it('refuses a named source that is not configured, and one port for two protocols', () => {
    expect(refused(['--cell-source', 'console'])).toMatch(/--cell-source.*--console is not set/s);
    expect(refused(['--rs485', '/dev/ttyUSB0', '--console', '/dev/ttyUSB0'])).toMatch(
      /--rs485.*same port as --console/s,
    );
    expect(refused(['--console', '/dev/ttyACM0'])).toMatch(/--console.*same port as --slcan/s);
  });
});
