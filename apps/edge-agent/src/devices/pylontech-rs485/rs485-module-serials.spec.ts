import {
  encodeRs485Request,
  encodeRs485Response,
  encodeSerialNumber93,
  moduleRequest,
  Rs485ReturnCode,
} from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import { FakeLinePort, settle } from '../../../test/fake-line-port.js';
import { FakeClock, silentLogger } from '../../../test/fakes.js';
import { ReconnectingPort } from '../../bus/reconnecting-port.js';
import { Rs485Client } from './rs485-client.js';
import { Rs485ModuleSerials } from './rs485-module-serials.js';

/** ADR of a request frame `~20<ADR>46…`. */
const adrOf = (text: string) => Number.parseInt(text.slice(3, 5), 16);
const serialReply = (adr: number, serialNumber: string, commandValue = adr) =>
  `${encodeRs485Response({ adr, info: encodeSerialNumber93({ commandValue, serialNumber }) })}\r`;

async function setup(answer: (adr: number) => string | undefined) {
  const port = new FakeLinePort('/dev/ttyUSB-rs485', (text) => answer(adrOf(text)));
  const clock = new FakeClock();
  const client = new Rs485Client(
    new ReconnectingPort(port, clock, silentLogger, { link: 'rs485', reconnectDelayMs: 10 }),
    clock,
    silentLogger,
    { baud: 115_200, timeoutMs: 500, turnaroundMs: 0 },
  );
  client.start();
  await settle();
  const sut = new Rs485ModuleSerials(client, silentLogger, [
    { bmsAddress: 1, group: 0 },
    { bmsAddress: 2, group: 1 },
  ]);
  return { port, client, sut };
}

describe('Rs485ModuleSerials (0x93 per module)', () => {
  it('asks each module of the string’s group once and returns the serials in rack order', async () => {
    const { port, sut } = await setup((adr) => serialReply(adr, `PPTBH0${adr}`));
    const modules = await sut.read(2, 3);
    expect(port.written).toEqual(
      [0x11, 0x12, 0x13].map((adr) => encodeRs485Request(moduleRequest('serialNumber', adr))),
    );
    expect(modules).toEqual([
      { position: 1, serial: 'PPTBH017' },
      { position: 2, serial: 'PPTBH018' },
      { position: 3, serial: 'PPTBH019' },
    ]);
    expect(sut.counters).toMatchObject({ requests: 3, serials: 3, failures: 0 });
  });

  it('counts an undecodable answer, a blank serial and a refusal, and still reads the other modules', async () => {
    const { client, sut } = await setup((adr) => {
      if (adr === 1) {
        return serialReply(adr, 'A1', 7); // answers for another module
      }
      if (adr === 2) {
        return serialReply(adr, '   ');
      }
      if (adr === 3) {
        return `${encodeRs485Response({ adr, rtn: Rs485ReturnCode.internalCommunicationError })}\r`;
      }
      return serialReply(adr, 'A4');
    });
    expect(await sut.read(1, 4)).toEqual([{ position: 4, serial: 'A4' }]);
    expect(sut.counters).toMatchObject({ requests: 4, serials: 1, failures: 3 });
    expect(client.counters.corruptByKind.undecodable).toBe(2);
  });

  it('stops asking a string after a timeout (the line is dead this round) and never throws', async () => {
    const { port, client, sut } = await setup(() => undefined);
    expect(await sut.read(1, 8)).toEqual([]);
    expect(port.written).toHaveLength(1);
    expect(client.counters.timeouts).toBe(1);
    expect(sut.counters.failures).toBe(1);
  });

  it('asks nothing for a string without an RS485 group', async () => {
    const { port, sut } = await setup((adr) => serialReply(adr, 'X'));
    expect(await sut.read(9, 8)).toEqual([]);
    expect(port.written).toEqual([]);
    expect(sut.counters.unmapped).toBe(1);
  });
});
