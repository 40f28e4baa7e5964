import { type ConsoleRow, renderBat, renderConsoleResponse } from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeLinePort, settle } from '../../../test/fake-line-port.js';
import { FakeClock, silentLogger } from '../../../test/fakes.js';
import { ReconnectingPort } from '../../bus/reconnecting-port.js';
import type { Logger } from '../../logger.js';
import { ConsoleCellSource } from './console-cell-source.js';
import { ConsoleClient } from './console-client.js';

const TARGET = { bus: 'can0', bmsAddress: 0 };
const MODULES = 3;

/** [module][cell] in physical order: module m cell c = 3300 + 20m + c mV, 25.0 + m °C. */
const cells: ConsoleRow[][] = Array.from({ length: MODULES }, (_, m) =>
  Array.from({ length: 15 }, (_, c) => ({
    voltageMv: 3300 + 20 * m + c,
    currentDa: -12,
    tempDc: 250 + 10 * m,
    voltState: 'Normal',
    tempState: 'Normal',
    socPct: 55,
    remainingMah: 27_500,
    balance: 'N',
    raw: {},
  })),
);
const BODY = renderBat({ cells });
const batResponse = (body = BODY, echo = 'bat') => renderConsoleResponse(echo, body);

async function setup(answer: (text: string) => string | undefined, logger: Logger = silentLogger) {
  const port = new FakeLinePort('tcp://127.0.0.1:3140', answer);
  const clock = new FakeClock();
  const client = new ConsoleClient(
    new ReconnectingPort(port, clock, logger, { link: 'console', reconnectDelayMs: 10 }),
    clock,
    logger,
    { baud: 115_200, timeoutMs: 500 },
  );
  client.start();
  await settle();
  const sut = new ConsoleCellSource(client, logger, { bmsAddress: 0, attempts: 3 });
  return { port, client, sut };
}

describe('ConsoleCellSource over ConsoleClient', () => {
  it('sends bat and returns cells and cell temperatures in physical module order', async () => {
    const { port, sut } = await setup(() => batResponse());
    const reading = await sut.readCells(TARGET);
    expect(port.written).toEqual(['bat\n']);
    expect(reading?.source).toBe('console');
    expect(reading?.cellVoltagesMv).toEqual(cells.map((m) => m.map((c) => c.voltageMv)));
    expect(reading?.cellTempsDc).toEqual(cells.map((m) => m.map((c) => c.tempDc)));
  });

  it('takes a response split across chunks, ending at the prompt', async () => {
    const whole = batResponse();
    const { port, sut } = await setup(() => undefined);
    port.answer = () => {
      queueMicrotask(() => {
        for (let at = 0; at < whole.length; at += 7) {
          port.feed(whole.slice(at, at + 7));
        }
      });
      return undefined;
    };
    expect((await sut.readCells(TARGET))?.cellVoltagesMv).toHaveLength(MODULES);
  });

  it('refuses a table with a lost or damaged row, counts it with the port, and uses the next good one', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const withoutRow = BODY.filter((_, i) => i !== 10);
    const damaged = BODY.map((line, i) => (i === 12 ? line.replace(/ (\d)/, ' \u00ff$1') : line));
    const answers = [batResponse(withoutRow), batResponse(damaged), batResponse()];
    const { client, sut } = await setup(() => answers.shift(), logger);

    const reading = await sut.readCells(TARGET);

    expect(reading?.cellVoltagesMv).toEqual(cells.map((m) => m.map((c) => c.voltageMv)));
    expect(client.counters.corruptByKind).toMatchObject({ unparseable: 1, 'non-printable': 1 });
    expect(sut.counters).toMatchObject({ snapshots: 1, retries: 2 });
    const logged = lines.filter((l) => l.msg === 'unusable console output ignored');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ link: 'console', port: 'tcp://127.0.0.1:3140', kind: 'unparseable' });
  });

  it('never takes an earlier response’s tail for this one', async () => {
    const answers = [batResponse(['late'], 'pwr'), batResponse()];
    const { client, sut } = await setup(() => answers.shift());
    // The stale prompt does not end the command; the next answer does.
    await expect(sut.readCells(TARGET)).resolves.toBeDefined();
    expect(client.counters.corruptByKind.stale).toBe(1);
    expect(client.counters.timeouts).toBe(1);
  });

  it('times out without a prompt and gives up after its attempts; counts output nobody asked for', async () => {
    const { port, client, sut } = await setup(() => 'bat\r\n@\r\n');
    port.feed('pylon>');
    await expect(sut.readCells(TARGET)).rejects.toThrow(/no prompt within the timeout \(3 attempts\)/);
    expect(client.counters).toMatchObject({ timeouts: 3, commands: 3 });
    expect(client.counters.corruptByKind.unsolicited).toBe(1);
  });

  it('answers only for the string whose BMS it is', async () => {
    const { port, sut } = await setup(() => batResponse());
    expect(await sut.readCells({ bus: 'can0', bmsAddress: 3 })).toBeUndefined();
    expect(port.written).toEqual([]);
    expect(sut.counters.otherStrings).toBe(1);
  });
});
