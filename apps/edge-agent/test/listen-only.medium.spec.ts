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
import { startPtyPair } from './pty-pair.js';
import { parseSocatHexDump } from './pty-traffic.js';

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const gatewayId = `test-listen-${unique}`;
const subject = subjects.telemetry(gatewayId);
let NATS_URL = '';

interface SimState {
  lastReplies: { at: string; bmsAddress: number; pack: Record<string, unknown> }[];
  counters: { framesIn: number };
}

const processes: Record<'nats' | 'socat' | 'simulator' | 'agent', RunningProcess | undefined> = {
  nats: undefined,
  socat: undefined,
  simulator: undefined,
  agent: undefined,
};
const diagnostics = () =>
  Object.values(processes)
    .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-4000)}` : ''))
    .join('\n');

async function startNats(dir: string): Promise<void> {
  const port = await freePort();
  NATS_URL = `nats://127.0.0.1:${port}`;
  processes.nats = await startPrivateNats({ storeDir: join(dir, 'nats'), port, diagnostics });
}

async function startSimulator(serial: string): Promise<string> {
  const controlPort = await freePort();
  processes.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
    ...['--serial', serial, '--control-port', String(controlPort), '--addresses', '1,2'],
    ...['--modules', '8', '--seed', '12', '--tick-ms', '200', '--speed', '30'],
    ...['--listen-only', '--listen-interval-ms', '500'],
  ]);
  const url = `http://127.0.0.1:${controlPort}`;
  await waitFor(
    'the simulator control port',
    async () => (await fetch(`${url}/health`)).ok,
    30_000,
    diagnostics,
  );
  return url;
}

async function listen(received: TelemetryEnvelope[]): Promise<() => Promise<void>> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({
    name: `TEST_LISTEN_${unique.toUpperCase()}`,
    subjects: [subject, subjects.events(gatewayId)],
  });
  const sub = nc.subscribe(subject);
  void (async () => {
    for await (const msg of sub) {
      received.push(telemetryEnvelopeSchema.parse(msg.json()));
    }
  })();
  return async () => {
    sub.unsubscribe();
    await nc.close();
  };
}

/** Every sample must equal, field by field, one burst the simulator reports having sent. */
async function expectSamplesMatchBursts(controlUrl: string, samples: PackSample[]): Promise<void> {
  const state = (await (await fetch(`${controlUrl}/state`)).json()) as SimState;
  for (const sample of samples) {
    const burst = state.lastReplies.find(
      (r) =>
        r.bmsAddress === sample.bmsAddress &&
        Object.entries(r.pack).every(
          ([field, value]) => (sample as Record<string, unknown>)[field] === value,
        ),
    );
    expect(burst, `no simulator burst matches sample ${JSON.stringify(sample)}`).toBeDefined();
  }
}

/** pino lines of the agent's output. */
function agentLogs(): Record<string, unknown>[] {
  return (processes.agent?.output() ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('edge agent --mode listen-only (simulator plays the inverter over a socat pty)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edge-listen-'));
  const received: TelemetryEnvelope[] = [];
  let controlUrl = '';
  let agentEnd = '';
  let dumpFile = '';
  let stopListening: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await startNats(dir);
    const pty = await startPtyPair(dir, diagnostics);
    ({ agentEnd, dumpFile, socat: processes.socat } = pty);
    controlUrl = await startSimulator(pty.simEnd);
    stopListening = await listen(received);
    processes.agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
      ...['--gateway-id', gatewayId, '--slcan', agentEnd, '--nats-url', NATS_URL, '--mode', 'listen-only'],
      ...['--reply-window-ms', '250', '--spool', 'memory', '--plan', 'live', '--status-port', '0'],
    ]);
  });

  afterAll(async () => {
    await stopProcess(processes.agent);
    await stopProcess(processes.simulator);
    await stopProcess(processes.socat);
    await stopListening?.();
    await stopProcess(processes.nats);
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes samples that equal bursts the simulator answered to its own polls', async () => {
    const envelope = await waitFor(
      'an envelope with both strings (seq ≥ 1)',
      () => received.find((e) => e.seq >= 1 && packsOf(e).length === 2),
      60_000,
      diagnostics,
    );
    expect(packsOf(envelope).map((s) => s.bmsAddress)).toEqual([1, 2]);
    await expectSamplesMatchBursts(controlUrl, packsOf(envelope));
  });

  it('counts and logs garbled input with its source, and turns later good bursts into samples', async () => {
    const fault = await fetch(`${controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ type: 'garbled-frames', interface: 'hv-can', severity: 0.5 }),
    });
    expect(fault.status).toBe(201);
    const warning = await waitFor(
      'a corrupt-input warning from the agent',
      () => agentLogs().find((l) => l.msg === 'corrupt SLCAN input ignored'),
      30_000,
      diagnostics,
    );
    expect(warning).toMatchObject({ bus: 'can0', port: agentEnd, level: 40 });
    expect(typeof warning.kind).toBe('string');
    expect((await fetch(`${controlUrl}/faults`, { method: 'DELETE' })).ok).toBe(true);
    const healedAt = Date.now() + 1000; // past any burst already in flight
    const after = await waitFor(
      'a sample of a burst sent after the fault was removed',
      () => received.find((e) => packsOf(e).some((s) => Date.parse(s.ts) > healedAt)),
      30_000,
      diagnostics,
    );
    await expectSamplesMatchBursts(
      controlUrl,
      packsOf(after).filter((s) => Date.parse(s.ts) > healedAt),
    );
    expect(processes.agent?.child.exitCode).toBeNull();
  });

  it('never wrote a frame: only C, S6, L (setup) and C (close) went to the adapter', async () => {
    const state = (await (await fetch(`${controlUrl}/state`)).json()) as SimState;
    expect(state.counters.framesIn).toBe(0);
    await stopProcess(processes.agent);
    const stopped = agentLogs().find((l) => l.msg === 'stopped') as
      | { transport: { framesOut: number; refusedSends: number; corrupt: number; corruptByKind: object } }
      | undefined;
    expect(stopped?.transport).toMatchObject({ framesOut: 0, refusedSends: 0 });
    expect(stopped?.transport.corrupt).toBeGreaterThan(0);

    await stopProcess(processes.socat);
    const { rightToLeft: written, leftToRight: read } = parseSocatHexDump(readFileSync(dumpFile, 'latin1'));
    expect(read.length).toBeGreaterThan(1000); // the dump saw the bus traffic too
    const lines = written.split('\r').filter((l) => l !== '');
    expect(lines.slice(0, 3)).toEqual(['C', 'S6', 'L']);
    expect(lines.filter((l) => !['C', 'S6', 'L'].includes(l))).toEqual([]);
    expect(written).not.toMatch(/[tTrR]/);
  });
});
