// Pylontech LV CAN end to end: the simulator plays an LV battery (one 5-module string, LV frames
// broadcast every second over SLCAN on a socat pty pair) and the agent runs with --protocol lv,
// publishing to a private JetStream. The simulation is frozen for the test (--tick-ms 60000:
// its first step is a minute away), so the values the simulator reports at GET /state are the
// values it broadcast, and every published sample must equal them field by field.
//   active:      the agent sends the 0x305 keep-alive (the simulator counts them).
//   listen-only: socat's hex dump shows the agent wrote only the adapter setup (C, S6, L) and
//                the close (C), never a frame; the simulator saw no keep-alive.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PackSample, subjects, type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import {
  freePort,
  type RunningProcess,
  startPrivateNats,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packsOf } from './packs-of.js';
import { type PtyPair, startPtyPair } from './pty-pair.js';
import { parseSocatHexDump } from './pty-traffic.js';

interface SimState {
  simulatedTime: string;
  strings: { pack: Record<string, number | boolean> }[];
  interfaces: { 'lv-can': { keepAlives: number; broadcasts: number } };
}

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(join(tmpdir(), 'edge-lv-'));
let natsUrl = '';
let nats: RunningProcess | undefined;

beforeAll(async () => {
  const port = await freePort();
  natsUrl = `nats://127.0.0.1:${port}`;
  nats = await startPrivateNats({ storeDir: join(dir, 'nats'), port });
});

afterAll(async () => {
  await stopProcess(nats);
  rmSync(dir, { recursive: true, force: true });
});

/** What the simulator's LV broadcast of its one string carries (apps/simulator lv-can-messages). */
function expectedSample(pack: SimState['strings'][number]['pack']): Partial<PackSample> {
  return {
    bus: 'can0',
    bmsAddress: 0,
    packVoltageDv: pack.packVoltageDv as number,
    packCurrentDa: pack.packCurrentDa as number,
    bmsTempDc: pack.cellTempMaxDc as number, // the simulator sends its hottest cell as 0x356
    socPct: pack.socPct as number,
    sohPct: pack.sohPct as number,
    chargeCutoffDv: pack.chargeCutoffDv as number,
    dischargeCutoffDv: pack.dischargeCutoffDv as number,
    chargeLimitDa: pack.chargeLimitDa as number,
    dischargeLimitDa: pack.dischargeLimitDa as number,
    chargeForbidden: pack.chargeForbidden as boolean,
    dischargeForbidden: pack.dischargeForbidden as boolean,
  };
}

interface Scenario {
  received: TelemetryEnvelope[];
  procs: { simulator?: RunningProcess; agent?: RunningProcess; pty?: PtyPair };
  frozenAt: string;
  state(): Promise<SimState>;
  diagnostics(): string;
  close(): Promise<void>;
}

/** Simulator on one end of a pty pair, the agent (--protocol lv) on the other, a private stream. */
async function startScenario(mode: 'active' | 'listen-only'): Promise<Scenario> {
  const gatewayId = `test-lv-${mode}-${unique}`;
  const subject = subjects.telemetry(gatewayId);
  const received: TelemetryEnvelope[] = [];
  const procs: Scenario['procs'] = {};
  const diagnostics = () =>
    [procs.agent, procs.simulator, procs.pty?.socat]
      .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-3000)}` : ''))
      .join('\n');
  procs.pty = await startPtyPair(mkdtempSync(join(dir, `${mode}-`)), diagnostics);
  const controlPort = await freePort();
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const state = async () => (await (await fetch(`${controlUrl}/state`)).json()) as SimState;
  procs.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
    ...['--lv-serial', procs.pty.simEnd, '--control-port', String(controlPort)],
    ...['--modules', '5', '--seed', '21', '--tick-ms', '60000'],
  ]);
  await waitFor('the simulator', async () => (await fetch(`${controlUrl}/health`)).ok, 30_000, diagnostics);
  const frozenAt = (await state()).simulatedTime;
  const nc = await connect({ servers: natsUrl });
  const stream = `TEST_LV_${mode.replace('-', '_')}_${unique}`.toUpperCase();
  await (await jetstreamManager(nc)).streams.add({
    name: stream,
    subjects: [subject, subjects.events(gatewayId)],
  });
  const sub = nc.subscribe(subject);
  void (async () => {
    for await (const msg of sub) {
      received.push(telemetryEnvelopeSchema.parse(msg.json()));
    }
  })();
  procs.agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
    ...['--gateway-id', gatewayId, '--slcan', procs.pty.agentEnd, '--nats-url', natsUrl],
    ...['--protocol', 'lv', '--mode', mode, '--reply-window-ms', '250'],
    ...['--spool', 'memory', '--plan', 'live', '--status-port', '0'],
  ]);
  const close = async () => {
    await stopProcess(procs.agent);
    await stopProcess(procs.simulator);
    await stopProcess(procs.pty?.socat);
    sub.unsubscribe();
    await nc.close();
  };
  return { received, procs, frozenAt, state, diagnostics, close };
}

/** Every published sample equals the simulator's (frozen) string, field by field. */
async function expectSamplesEqualSimulator(s: Scenario): Promise<void> {
  const samples = await waitFor(
    'two LV samples',
    () => {
      const all = s.received.flatMap(packsOf);
      return all.length >= 2 ? all : undefined;
    },
    45_000,
    s.diagnostics,
  );
  const now = await s.state();
  expect(now.simulatedTime, 'the simulation must not have stepped during the test').toBe(s.frozenAt);
  const [string] = now.strings;
  expect(string).toBeDefined();
  for (const sample of samples) {
    expect(sample).toMatchObject(expectedSample(string?.pack ?? {}));
    // LV has no cell or module extremes and no status word: those fields stay absent.
    expect(sample).not.toHaveProperty('cellMaxMv');
    expect(sample).not.toHaveProperty('state');
  }
}

describe('edge agent --protocol lv --mode active (simulator LV battery over SLCAN)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario('active');
  });
  afterAll(async () => s?.close());

  it('publishes LV samples that equal what the simulator broadcast', async () => {
    await expectSamplesEqualSimulator(s);
  });

  it('sends the 0x305 keep-alive as the only peer on the bus', async () => {
    const keepAlives = await waitFor(
      'keep-alives at the simulator',
      async () => {
        const n = (await s.state()).interfaces['lv-can'].keepAlives;
        return n >= 2 ? n : undefined;
      },
      20_000,
      s.diagnostics,
    );
    expect(keepAlives).toBeGreaterThanOrEqual(2);
  });
});

describe('edge agent --protocol lv --mode listen-only (simulator LV battery over SLCAN)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario('listen-only');
  });
  afterAll(async () => s?.close());

  it('publishes LV samples that equal what the simulator broadcast', async () => {
    await expectSamplesEqualSimulator(s);
  });

  it('never wrote a frame: only C, S6, L (setup) and C (close) went to the adapter', async () => {
    expect((await s.state()).interfaces['lv-can'].keepAlives).toBe(0);
    await stopProcess(s.procs.agent);
    await stopProcess(s.procs.pty?.socat);
    const dump = readFileSync(s.procs.pty?.dumpFile ?? '', 'latin1');
    const { rightToLeft: written, leftToRight: read } = parseSocatHexDump(dump);
    expect(read).toMatch(/t3566/); // the dump saw the 0x356 broadcasts, so it would have seen a write
    const lines = written.split('\r').filter((l) => l !== '');
    expect(lines.slice(0, 3)).toEqual(['C', 'S6', 'L']);
    expect(lines.filter((l) => !['C', 'S6', 'L'].includes(l))).toEqual([]);
    expect(written).not.toMatch(/[tTrR]/);
  });
});
