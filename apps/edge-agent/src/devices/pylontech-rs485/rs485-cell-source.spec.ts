import {
  type AnalogModule42Input,
  capacityFields,
  encodeAnalogValues42,
  encodeRs485Response,
  Rs485ReturnCode,
} from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeLinePort, settle } from '../../../test/fake-line-port.js';
import { FakeClock, silentLogger } from '../../../test/fakes.js';
import { ReconnectingPort } from '../../bus/reconnecting-port.js';
import type { Logger } from '../../logger.js';
import { Rs485CellSource } from './rs485-cell-source.js';
import { Rs485Client } from './rs485-client.js';

const TARGET = { bus: 'can0', bmsAddress: 1 };
/** Reference §4.2 R2: 0x42 to the whole group 0 (ADR 2, INFO FF), as PYL emits it. */
const GROUP0_REQUEST = '~20024642E002FFFD09\r';

function module(base: number): AnalogModule42Input {
  return {
    cellVoltagesMv: Array.from({ length: 15 }, (_, c) => base + c),
    temperaturesDc: [251, 240, 241, 242, 243],
    currentDa: -25,
    moduleVoltageMv: 15 * base + 105,
    cycleCount: 7,
    ...capacityFields(30_000, 50_000),
  };
}

const MODULES = [module(3300), module(3320)];
const groupReply = (adr = 0x02) =>
  `${encodeRs485Response({ adr, info: encodeAnalogValues42({ infoFlag: 0, commandValue: 2, modules: MODULES }) })}\r`;

async function setup(answer: (text: string) => string | undefined, logger: Logger = silentLogger) {
  const port = new FakeLinePort('/dev/ttyUSB-rs485', answer);
  const clock = new FakeClock();
  const client = new Rs485Client(
    new ReconnectingPort(port, clock, logger, { link: 'rs485', reconnectDelayMs: 10 }),
    clock,
    logger,
    { baud: 115_200, timeoutMs: 500, turnaroundMs: 0 },
  );
  client.start();
  await settle();
  const sut = new Rs485CellSource(client, logger, { strings: [{ bmsAddress: 1, group: 0 }], attempts: 3 });
  return { port, client, sut };
}

describe('Rs485CellSource over Rs485Client', () => {
  it('asks the whole group with 0x42 and returns every module’s cells and cell-group temperatures', async () => {
    const { port, sut } = await setup(() => groupReply());
    const reading = await sut.readCells(TARGET);
    expect(port.written).toEqual([GROUP0_REQUEST]);
    expect(reading).toEqual({
      source: 'rs485',
      cellVoltagesMv: MODULES.map((m) => m.cellVoltagesMv),
      cellTempsDc: [
        [240, 241, 242, 243],
        [240, 241, 242, 243],
      ],
    });
  });

  it('addresses the group the string is mapped to', async () => {
    const { port, client } = await setup(() => groupReply(0x12));
    const sut = new Rs485CellSource(client, silentLogger, {
      strings: [{ bmsAddress: 2, group: 1 }],
      attempts: 1,
    });
    const reading = await sut.readCells({ bus: 'can0', bmsAddress: 2 });
    expect(port.written[0]?.slice(0, 5)).toBe('~2012');
    expect(reading?.cellVoltagesMv).toHaveLength(2);
    expect(await sut.readCells(TARGET)).toBeUndefined();
    expect(sut.counters.unmapped).toBe(1);
  });

  it('counts random bytes, wrong checksums and truncated frames with the port, and uses the next good reply', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const good = groupReply();
    const badChecksum = `${good.slice(0, -3)}${good.at(-3) === '0' ? '1' : '0'}\r`;
    const answers = [`\u00ff\u00fe\u0001noise\r${badChecksum}`, `${good.slice(0, 40)}\r`, good];
    const { client, sut } = await setup(() => answers.shift(), logger);

    const reading = await sut.readCells(TARGET);

    expect(reading?.cellVoltagesMv[1]).toEqual(MODULES[1]?.cellVoltagesMv);
    expect(client.counters.corruptByKind).toMatchObject({ garbage: 1, 'bad-checksum': 1, truncated: 1 });
    expect(client.counters.replies).toBe(1);
    expect(sut.counters).toMatchObject({ snapshots: 1, retries: 2, failures: 0 });
    const logged = lines.filter((l) => l.msg === 'corrupt RS485 input ignored');
    expect(logged.map((l) => l.kind)).toEqual(['garbage', 'bad-checksum', 'truncated']);
    for (const l of logged) {
      expect(l).toMatchObject({ link: 'rs485', port: '/dev/ttyUSB-rs485' });
    }
  });

  it('gives up after its attempts when nobody answers, naming why', async () => {
    const { client, sut } = await setup(() => undefined);
    await expect(sut.readCells(TARGET)).rejects.toThrow(/group 0 \(ADR 0x02\): no reply \(3 attempts\)/);
    expect(client.counters.timeouts).toBe(3);
    expect(sut.counters.failures).toBe(1);
  });

  it('reports a refusal by its return code', async () => {
    const refusal = `${encodeRs485Response({ adr: 0x02, rtn: Rs485ReturnCode.internalCommunicationError })}\r`;
    const { client, sut } = await setup(() => refusal);
    await expect(sut.readCells(TARGET)).rejects.toThrow(/RTN 0x91 \(internalCommunicationError\)/);
    expect(client.counters.refused).toBe(3);
  });

  it('ignores its own request read back and frames for another ADR', async () => {
    const other = `${encodeRs485Response({ adr: 0x22, info: new Uint8Array([0, 1]) })}\r`;
    const { client, sut } = await setup((text) => `${text}${other}${groupReply()}`);
    expect((await sut.readCells(TARGET))?.cellVoltagesMv).toHaveLength(2);
    expect(client.counters).toMatchObject({ echoes: 1, replies: 1 });
    expect(client.counters.corruptByKind.unsolicited).toBe(1);
  });

  it('reconnects after the port is lost and answers again', async () => {
    let unplug = true;
    const { port, client, sut } = await setup(() => {
      if (unplug) {
        unplug = false;
        queueMicrotask(() => port.unplug());
        return undefined;
      }
      return groupReply();
    });
    await expect(
      new Rs485CellSource(client, silentLogger, {
        strings: [{ bmsAddress: 1, group: 0 }],
        attempts: 1,
      }).readCells(TARGET),
    ).rejects.toThrow(/link down/);
    await settle();
    expect(port.opens).toBe(2);
    expect(client.portCounters.reconnects).toBe(1);
    expect((await sut.readCells(TARGET))?.source).toBe('rs485');
  });
});
