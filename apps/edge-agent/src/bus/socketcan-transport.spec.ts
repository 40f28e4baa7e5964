// SocketCanTransport against fake can-utils: shell scripts standing in for candump (prints
// fixed lines, then waits) and cansend (records its arguments). No vcan module is needed.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@fleet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/fakes.js';
import { systemClock } from '../clock.js';
import type { ReceivedFrame } from './can-bus.js';
import { SocketCanTransport, socketCanInterfaceProblem } from './socketcan-transport.js';

const dirs: string[] = [];
const transports: SocketCanTransport[] = [];

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function fakeCanUtils(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-can-utils-'));
  dirs.push(dir);
  const sysClassNet = join(dir, 'net');
  mkdirSync(join(sysClassNet, 'can7'), { recursive: true });
  const candump = join(dir, 'candump');
  const cansend = join(dir, 'cansend');
  const sent = join(dir, 'sent.log');
  writeFileSync(join(dir, 'lines'), `${lines.join('\n')}\n`);
  writeFileSync(
    candump,
    `#!/bin/sh\necho "$@" > "${dir}/candump.args"\ncat "${dir}/lines"\nexec sleep 600\n`,
  );
  writeFileSync(cansend, `#!/bin/sh\necho "$@" >> "${sent}"\n`);
  chmodSync(candump, 0o755);
  chmodSync(cansend, 0o755);
  return { dir, sysClassNet, candump, cansend, sent };
}

describe('SocketCanTransport (fake candump / cansend)', () => {
  it('hands bus frames to readers; counts echoes, ignored and unreadable lines apart', async () => {
    const fake = fakeCanUtils([
      '(1700000000.000001) can7 356#021300004A01 R',
      '(1700000000.000002) can7 305#0000000000000000 T',
      '(1700000000.000003) can7 123##1112233 R',
      'garbage',
      '(1700000000.000004) can7 00004211#A509307500000000 R',
    ]);
    const sut = new SocketCanTransport(systemClock, silentLogger, { iface: 'can7', ...fake });
    transports.push(sut);
    const received: ReceivedFrame[] = [];
    sut.onFrame((r) => received.push(r));
    sut.start();
    await waitFor('two frames', () => received.length === 2 || undefined, 10_000);
    expect(received.map((r) => [r.frame.id, r.frame.extended])).toEqual([
      [0x356, false],
      [0x4211, true],
    ]);
    expect(sut.counters).toMatchObject({ framesIn: 2, echoes: 1, ignored: 1, corrupt: 1 });
    expect(readFileSync(join(fake.dir, 'candump.args'), 'utf8').trim()).toBe('-L -x can7');
  });

  it('active: each frame is one cansend <iface> <id>#<data>', async () => {
    const fake = fakeCanUtils([]);
    const sut = new SocketCanTransport(systemClock, silentLogger, { iface: 'can7', ...fake });
    transports.push(sut);
    sut.start();
    await waitFor('candump running', () => sut.ready || undefined, 10_000);
    expect(sut.send({ id: 0x305, extended: false, data: new Uint8Array(8) })).toBe(true);
    expect(sut.send({ id: 0x4200, extended: true, data: Uint8Array.from([2, 0, 0, 0, 0, 0, 0, 0]) })).toBe(
      true,
    );
    const lines = await waitFor(
      'two cansend runs',
      () => {
        const text = readFileSync(fake.sent, { encoding: 'utf8', flag: 'a+' });
        return text.split('\n').filter(Boolean).length === 2 ? text : undefined;
      },
      10_000,
    );
    expect(lines.split('\n').filter(Boolean).sort()).toEqual([
      'can7 00004200#0200000000000000',
      'can7 305#0000000000000000',
    ]);
  });

  it('listen-only: refuses every frame and never runs cansend', async () => {
    const fake = fakeCanUtils([]);
    const sut = new SocketCanTransport(systemClock, silentLogger, {
      iface: 'can7',
      mode: 'listen-only',
      ...fake,
    });
    transports.push(sut);
    sut.start();
    await waitFor('candump running', () => sut.ready || undefined, 10_000);
    expect(sut.send({ id: 0x305, extended: false, data: new Uint8Array(8) })).toBe(false);
    expect(sut.counters).toMatchObject({ refusedSends: 1, framesOut: 0 });
    expect(() => readFileSync(fake.sent)).toThrow(/ENOENT/);
  });

  it('a missing interface is named, with how to bring it up; nothing is sent meanwhile', async () => {
    const fake = fakeCanUtils([]);
    expect(socketCanInterfaceProblem('can9', fake.sysClassNet)).toBe(
      `CAN interface "can9" not found (no ${join(fake.sysClassNet, 'can9')}); bring it up with: ip link set can9 up type can bitrate 500000`,
    );
    expect(socketCanInterfaceProblem('can7', fake.sysClassNet)).toBeUndefined();
    const sut = new SocketCanTransport(systemClock, silentLogger, { iface: 'can9', ...fake });
    transports.push(sut);
    sut.start();
    expect(sut.send({ id: 0x305, extended: false, data: new Uint8Array(8) })).toBe(false);
    expect(sut.ready).toBe(false);
  });
});
