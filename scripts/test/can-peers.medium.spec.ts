// Independent peers read the simulator: Debian's python3-can polls it over SLCAN on a socat pty
// pair and decodes the replies twice, with its own reading of the protocol reference (no code
// shared with @fleet/protocol) and with python3-canmatrix over the project's generated DBC; both
// must be exactly what the simulator says it answered.
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
  signals?: Record<string, number> | null;
}

// Generated DBC signal (physical unit) → PackSample field (integer unit) and its factor.
const DBC_TO_PACK: Record<string, [string, number]> = {
  PackVoltage: ['packVoltageDv', 10],
  PackCurrent: ['packCurrentDa', 10],
  BmsTemperature: ['bmsTempDc', 10],
  SOC: ['socPct', 1],
  SOH: ['sohPct', 1],
  CellVoltageMax: ['cellMaxMv', 1000],
  CellVoltageMin: ['cellMinMv', 1000],
  CellVoltageMaxNo: ['cellMaxNo', 1],
  CellVoltageMinNo: ['cellMinNo', 1],
  CellTempMax: ['cellTempMaxDc', 10],
  CellTempMin: ['cellTempMinDc', 10],
  CellTempMaxNo: ['cellTempMaxNo', 1],
  CellTempMinNo: ['cellTempMinNo', 1],
};

function fromDbc(signals: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(signals)
      .filter(([name]) => name in DBC_TO_PACK)
      .map(([name, value]) => {
        const [field, factor] = DBC_TO_PACK[name] ?? ['', 1];
        return [field, Math.round(value * factor)];
      }),
  );
}
interface SimState {
  lastReplies: { bmsAddress: number; pack: Record<string, unknown> }[];
}

describe('python3-can and canmatrix read the simulator over SLCAN', () => {
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
    const dbc = join(repoRoot, 'packages/protocol/dbc/pylontech-hv.dbc');
    const peer = join(repoRoot, 'scripts/test/peers/slcan_poll.py');
    const { stdout } = await run(PYTHON, [peer, join(dir, 'peer'), '--dbc', dbc], { timeout: 30_000 });
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
      // canmatrix with the project's generated DBC reads the same frames to the same values.
      const viaDbc = Object.assign({}, ...mine.map((f) => fromDbc(f.signals ?? {}))) as Record<
        string,
        number
      >;
      expect(viaDbc).toEqual(decoded);
    }
  });
});
