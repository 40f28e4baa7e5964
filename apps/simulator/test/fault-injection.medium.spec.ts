// A fault injected over HTTP into a running simulator shows in the very next 0x4250 a CAN
// poller decodes (SLCAN over a socat pty, polled here with the @fleet/protocol codecs), and
// clears with hysteresis and the BMS's recovery delay after it is removed.
import {
  ALARM_PROTECTION_BITS,
  decodeBitFlags,
  decodeHvCanFrame,
  encodeHvCanFrame,
  encodeSlcanFrame,
  type HvCanMessage,
  request4200,
  SlcanLineParser,
} from '@fleet/protocol';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimProcess, startSimulator, waitUntil } from './sim-process.js';

const POLL = encodeSlcanFrame(encodeHvCanFrame({ type: '4200', ...request4200('ensemble') }));
const on = (word: number) =>
  Object.entries(decodeBitFlags(ALARM_PROTECTION_BITS, word))
    .filter(([, v]) => v)
    .map(([k]) => k);

/** A minimal SLCAN host: opens the channel, polls, collects one ensemble burst per address. */
class Poller {
  private readonly parser = new SlcanLineParser();
  private frames: { address: number | null; message: HvCanMessage }[][] = [];
  private port: SerialPort | undefined;

  async open(path: string): Promise<void> {
    const port = new SerialPort({ path, baudRate: 115_200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('data', (chunk: Buffer) => {
      for (const r of this.parser.push(chunk)) {
        if (r.kind === 'frame') {
          const d = decodeHvCanFrame(r.frame);
          if (d.status === 'ok') {
            this.frames.at(-1)?.push({ address: d.address, message: d.message });
          }
        }
      }
    });
    this.port = port;
    port.write('C\rS6\rO\r');
  }

  /** Polls once and returns the decoded 0x4250 and 0x4280 of `address` from that burst. */
  async poll(address: number) {
    this.frames.push([]);
    const burst = this.frames.at(-1) ?? [];
    this.port?.write(POLL);
    return waitUntil(`a burst from address ${address}`, async () => {
      const mine = burst.filter((m) => m.address === address).map((m) => m.message);
      const status = mine.find((m) => m.type === '4250');
      const marks = mine.find((m) => m.type === '4280');
      return status?.type === '4250' && marks?.type === '4280' ? { status, marks } : undefined;
    });
  }

  close(): Promise<void> {
    const port = this.port;
    return new Promise((resolve) => (port?.isOpen ? port.close(() => resolve()) : resolve()));
  }
}

async function post(
  control: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('fault injection over HTTP, seen on the HV CAN wire', () => {
  let sim: SimProcess;
  const poller = new Poller();

  beforeAll(async () => {
    // --speed 10: the 30 s (simulated) recovery delay passes in about 3 s.
    sim = await startSimulator([
      '--addresses',
      '1,2',
      '--modules',
      '5',
      '--seed',
      '3',
      '--speed',
      '10',
      '--tick-ms',
      '100',
    ]);
    await poller.open(sim.hostPath);
  });

  afterAll(async () => {
    await poller.close();
    await sim?.stop();
  });

  it('refuses a bad fault body with a 400 naming the field', async () => {
    expect(await post(sim.control, { type: 'cell-over-voltage', cell: 99 })).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/^cell: /) },
    });
  });

  it('shows the alarm in the next poll and keeps it by hysteresis until the value falls past the clear level', async () => {
    expect((await poller.poll(2)).status.alarmBits).toBe(0);
    const high = await post(sim.control, {
      type: 'cell-over-voltage',
      string: 2,
      module: 1,
      cell: 2,
      value: 3620,
    });
    expect(high.status).toBe(201);
    const warned = await poller.poll(2);
    expect(on(warned.status.alarmBits)).toEqual(['cellHighVoltage']);
    expect(warned.status.protectionBits).toBe(0);
    expect((await poller.poll(1)).status.alarmBits).toBe(0);

    // 3570 mV is below the set level (3600) but above the clear level (3550): still alarmed.
    const mid = await post(sim.control, {
      type: 'cell-over-voltage',
      string: 2,
      module: 1,
      cell: 2,
      value: 3570,
    });
    await fetch(`${sim.control}/faults/${high.json.id}`, { method: 'DELETE' });
    expect(on((await poller.poll(2)).status.alarmBits)).toEqual(['cellHighVoltage']);

    await fetch(`${sim.control}/faults/${mid.json.id}`, { method: 'DELETE' });
    expect((await poller.poll(2)).status.alarmBits).toBe(0);
  });

  it('protects (relay open, both directions forbidden) and recovers after the delay once removed', async () => {
    const fault = await post(sim.control, { type: 'cell-over-voltage', string: 2, value: 3700 });
    const tripped = await poller.poll(2);
    expect(on(tripped.status.protectionBits)).toEqual(['cellHighVoltage']);
    expect(tripped.marks).toMatchObject({ chargeForbidden: true, dischargeForbidden: true });

    await fetch(`${sim.control}/faults/${fault.json.id}`, { method: 'DELETE' });
    const cleared = await poller.poll(2);
    expect(cleared.status.protectionBits).toBe(0);
    // Bits are clear at once; the relay waits out the recovery delay before it closes again.
    const recovered = await waitUntil('the relay to close again', async () => {
      const p = await poller.poll(2);
      return p.marks.chargeForbidden ? undefined : p;
    });
    expect(recovered.status.alarmBits).toBe(0);
    const state = (await (await fetch(`${sim.control}/state`)).json()) as {
      strings: { bms: { state: string } }[];
    };
    expect(state.strings[1]?.bms.state).toBe('normal');
  });
});
