import { encodeHvCanFrame, encodeSlcanFrame } from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import { FakeClock, silentLogger } from '../../test/fakes.js';
import type { BytePort, BytePortHandlers } from './byte-port.js';
import type { ReceivedFrame } from './can-bus.js';
import { SlcanTransport } from './slcan-transport.js';

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

async function setup(failOpens = 0) {
  const port = new FakePort();
  port.failOpens = failOpens;
  const clock = new FakeClock();
  const sut = new SlcanTransport(port, clock, silentLogger, { reconnectDelayMs: 10, reinitAfterMs: 5000 });
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
});
