// Independent peers read the simulator: Debian's python3-can polls it over SLCAN on a socat pty
// pair and decodes the replies with its own reading of the protocol reference (no code shared
// with @fleet/protocol); the values must be exactly what the simulator says it answered.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, stopChild, waitUntil } from './stack-harness.js';

// Debian's interpreter: python3-can and python3-canmatrix are installed for it, whatever other
// python3 comes first on PATH.
const PYTHON = '/usr/bin/python3';
const run = promisify(execFile);

interface PeerFrame {
  id: number;
  extended: boolean;
  data: string;
  reference: Record<string, number> | null;
}
interface SimState {
  lastReplies: { bmsAddress: number; pack: Record<string, unknown> }[];
}

describe('python3-can over SLCAN reads the simulator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'can-peer-'));
  const children: ChildProcess[] = [];
  let control = '';

  beforeAll(async () => {
    const [sim, peer] = [join(dir, 'sim'), join(dir, 'peer')];
    children.push(
      spawn('socat', [`pty,raw,echo=0,link=${sim}`, `pty,raw,echo=0,link=${peer}`], { stdio: 'ignore' }),
    );
    await waitUntil('the pty pair', async () => (existsSync(sim) && existsSync(peer) ? true : undefined));
    const port = await freePort();
    control = `http://127.0.0.1:${port}`;
    children.push(
      spawn(
        process.execPath,
        [
          join(repoRoot, 'apps/simulator/dist/main.js'),
          '--serial',
          sim,
          '--control-port',
          String(port),
        ].concat(['--addresses', '1,2', '--modules', '5', '--seed', '7']),
        { stdio: 'ignore' },
      ),
    );
    await waitUntil('the simulator', async () => ((await fetch(`${control}/health`)).ok ? true : undefined));
  });

  afterAll(async () => {
    for (const child of children.reverse()) {
      await stopChild(child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('decodes pack, cell and temperature values equal to a burst the simulator answered', async () => {
    const { stdout } = await run(
      PYTHON,
      [join(repoRoot, 'scripts/test/peers/slcan_poll.py'), join(dir, 'peer')],
      {
        timeout: 30_000,
      },
    );
    const frames = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PeerFrame);
    expect(frames.every((f) => f.extended)).toBe(true);

    const state = (await (await fetch(`${control}/state`)).json()) as SimState;
    for (const address of [1, 2]) {
      const mine = frames.filter((f) => (f.id & 0xf) === address);
      // 0x4210…0x4290, one reply each for this address
      expect(mine.map((f) => f.id - address)).toEqual([
        0x4210, 0x4220, 0x4230, 0x4240, 0x4250, 0x4260, 0x4270, 0x4280, 0x4290,
      ]);
      const decoded = Object.assign({}, ...mine.map((f) => f.reference ?? {})) as Record<string, number>;
      expect(Object.keys(decoded)).toEqual(
        expect.arrayContaining(['packVoltageDv', 'cellMaxMv', 'cellTempMinDc']),
      );
      const answered = state.lastReplies.filter((r) => r.bmsAddress === address).map((r) => r.pack);
      expect(answered).toContainEqual(expect.objectContaining(decoded));
    }
  });
});
