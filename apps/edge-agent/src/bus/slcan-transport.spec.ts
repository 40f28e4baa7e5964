import { encodeHvCanFrame, encodeSlcanFrame } from '@fleet/protocol';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import type { Logger } from '../logger.js';
import type { BytePort, BytePortHandlers } from './byte-port.js';
import type { ReceivedFrame } from './can-bus.js';
import { SlcanTransport, type SlcanTransportOptions } from './slcan-transport.js';

class FakePort implements BytePort {
  readonly description = 'fake';
  readonly written: string[] = [];
  handlers: BytePortHandlers | undefined;
  opens = 0;
  failOpens = 0;

  async open(handlers: BytePortHandlers): Promise<void> {
    this.opens += 1;
    if (this.failOpens > 0) {
      this.failOpens -= 1;
      throw new Error('no such device');
    }
    this.handlers = handlers;
  }
  write(text: string): void {
    this.written.push(text);
  }
  async close(): Promise<void> {}
  feed(text: string): void {
    this.handlers?.onData(new TextEncoder().encode(text));
  }
}

const tick = () => new Promise((r) => setImmediate(r));
const frame = encodeHvCanFrame({ type: '4290', faultExtensionRaw: 7 }, 1);

async function setup(
  failOpens = 0,
  options: Partial<SlcanTransportOptions> = {},
  logger: Logger = silentLogger,
) {
  const port = new FakePort();
  port.failOpens = failOpens;
  const clock = new FakeClock();
  const sut = new SlcanTransport(port, clock, logger, {
    reconnectDelayMs: 10,
    reinitAfterMs: 5000,
    ...options,
  });
  const received: ReceivedFrame[] = [];
  sut.onFrame((r) => received.push(r));
  sut.start();
  for (let i = 0; i < 10 && !sut.ready; i += 1) {
    await tick();
  }
  return { port, clock, sut, received };
}

describe('SlcanTransport', () => {
  it('initialises the adapter at 500 kbit/s and writes frames in SLCAN form', async () => {
    const { port, sut } = await setup();
    expect(port.written).toEqual(['C\rS6\rO\r']);
    expect(sut.send(frame)).toBe(true);
    expect(port.written[1]).toBe('T0000429180700000000000000\r');
  });

  it('retries an adapter that is not there yet', async () => {
    const { port, sut } = await setup(2);
    expect(sut.ready).toBe(true);
    expect(port.opens).toBe(3);
  });

  it('emits received frames stamped with the clock, counting corrupt lines without stopping', async () => {
    const { port, sut, received, clock } = await setup();
    port.feed(`Z\rgarbage\r${encodeSlcanFrame(frame).slice(0, 10)}`);
    port.feed(`${encodeSlcanFrame(frame).slice(10)}\xff\r`);
    expect(received).toEqual([{ frame, receivedAt: clock.now() }]);
    expect(sut.counters).toMatchObject({ framesIn: 1, corrupt: 2 });
  });

  it('re-initialises when the adapter starts refusing long after initialisation', async () => {
    const { port, sut, clock } = await setup();
    port.feed('\x07');
    expect(port.written).toEqual(['C\rS6\rO\r']);
    clock.ms += 6000;
    port.feed('\x07');
    expect(port.written).toEqual(['C\rS6\rO\r', 'C\rS6\rO\r']);
    expect(sut.counters.adapterErrors).toBe(2);
  });

  it('reconnects after the connection is lost and refuses frames meanwhile', async () => {
    const { port, sut } = await setup();
    port.handlers?.onClose('unplugged');
    expect(sut.send(frame)).toBe(false);
    for (let i = 0; i < 10 && !sut.ready; i += 1) {
      await tick();
    }
    expect(sut.ready).toBe(true);
    expect(sut.counters.reconnects).toBe(1);
    expect(port.written.filter((w) => w === 'C\rS6\rO\r')).toHaveLength(2);
  });

  it('listen-only: opens the adapter with L and never writes a frame, even when asked to', async () => {
    const { port, sut, received } = await setup(0, { mode: 'listen-only' });
    expect(port.written).toEqual(['C\rS6\rL\r']);
    expect(sut.send(frame)).toBe(false);
    port.feed(encodeSlcanFrame(frame));
    expect(received).toHaveLength(1);
    await sut.close();
    expect(port.written.join('')).not.toMatch(/[tT]/);
    expect(sut.counters).toMatchObject({ framesOut: 0, refusedSends: 1, framesIn: 1 });
  });

  it('counts garbage by kind, logs it with the bus and device, and keeps reading', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const { port, sut, received } = await setup(0, { busName: 'can7' }, logger);
    const good = encodeSlcanFrame(frame);
    port.feed('\x00\x9f\xfe\x13\r'); // random bytes
    port.feed('T0000429190700000000000000\r'); // length digit 9
    port.feed(`${good.slice(0, 12)}\r`); // truncated line
    port.feed('T00004291470000000000\r'); // declares 4 bytes, carries 5
    port.feed(good);
    expect(received).toHaveLength(1);
    expect(sut.counters.corrupt).toBe(4);
    expect(sut.counters.corruptByKind).toMatchObject({
      'non-printable': 1,
      'bad-dlc': 1,
      truncated: 1,
      'length-mismatch': 1,
    });
    const warned = lines.filter((l) => l.msg === 'corrupt SLCAN input ignored');
    expect(warned).toHaveLength(4);
    expect(warned.every((l) => l.bus === 'can7' && l.port === 'fake')).toBe(true);
    expect(warned.map((l) => l.kind)).toEqual(['non-printable', 'bad-dlc', 'truncated', 'length-mismatch']);
  });
});
