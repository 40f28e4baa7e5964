// One real reading, end to end: simulator → SLCAN over a socat pty pair → agent → decode →
// envelope → the real NATS JetStream. Asserts that a published envelope validates and that its
// samples carry exactly the values the simulator says it sent in one of its bursts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchMessageId, subjects, type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  type Spawned,
  spawnCommand,
  spawnTs,
  startPrivateNats,
  stopProcess,
  waitFor,
} from './processes.js';

// A private JetStream server: the test's batches never land in the machine's TELEMETRY stream,
// where an ingest would dead-letter the unknown test gateway.
let NATS_URL = '';
const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const gatewayId = `test-edge-${unique}`;
const subject = subjects.telemetry(gatewayId);

interface SimState {
  lastReplies: { at: string; bmsAddress: number; pack: Record<string, unknown> }[];
  counters: { polls: number; corrupt: number };
}

interface Received {
  envelope: TelemetryEnvelope;
  msgId: string | undefined;
}

const processes: Record<'nats' | 'socat' | 'simulator' | 'agent', Spawned | undefined> = {
  nats: undefined,
  socat: undefined,
  simulator: undefined,
  agent: undefined,
};
const diagnostics = () =>
  Object.values(processes)
    .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-4000)}` : ''))
    .join('\n');

async function startPtyPair(dir: string): Promise<{ simEnd: string; agentEnd: string }> {
  const simEnd = join(dir, 'sim');
  const agentEnd = join(dir, 'agent');
  processes.socat = spawnCommand('socat', '/usr/bin/socat', [
    ...['-d', '-d'],
    `pty,raw,echo=0,link=${simEnd}`,
    `pty,raw,echo=0,link=${agentEnd}`,
  ]);
  await waitFor('the pty pair', () => existsSync(simEnd) && existsSync(agentEnd), 10_000, diagnostics);
  return { simEnd, agentEnd };
}

async function startSimulator(serial: string): Promise<string> {
  const controlPort = await freePort();
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  processes.simulator = spawnTs('simulator', 'apps/simulator/src/main.ts', [
    ...['--serial', serial, '--control-port', String(controlPort), '--addresses', '1,2'],
    ...['--modules', '8', '--seed', '11', '--tick-ms', '200', '--speed', '30'],
  ]);
  await waitFor(
    'the simulator control port',
    async () => (await fetch(`${controlUrl}/health`)).ok,
    30_000,
    diagnostics,
  );
  return controlUrl;
}

async function startNats(dir: string): Promise<void> {
  const port = await freePort();
  NATS_URL = `nats://127.0.0.1:${port}`;
  processes.nats = await startPrivateNats(join(dir, 'nats'), port, diagnostics);
}

/**
 * Listens on the gateway's subject with core NATS, beside a stream that captures it (the agent
 * never creates streams; without one its publishes would not be acknowledged).
 */
async function listen(received: Received[], rejected: string[]): Promise<() => Promise<void>> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: `TEST_EDGE_${unique.toUpperCase()}`, subjects: [subject] });
  const sub = nc.subscribe(subject);
  void (async () => {
    for await (const msg of sub) {
      const parsed = telemetryEnvelopeSchema.safeParse(msg.json());
      if (parsed.success) {
        received.push({ envelope: parsed.data, msgId: msg.headers?.get('Nats-Msg-Id') });
      } else {
        rejected.push(parsed.error.message);
      }
    }
  })();
  return async () => {
    sub.unsubscribe();
    await nc.close();
  };
}

describe('edge agent pipeline (simulator → SLCAN pty → agent → JetStream)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edge-pipeline-'));
  const received: Received[] = [];
  const rejected: string[] = [];
  let controlUrl: string;
  let stopListening: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await startNats(dir);
    const { simEnd, agentEnd } = await startPtyPair(dir);
    controlUrl = await startSimulator(simEnd);
    stopListening = await listen(received, rejected);
    processes.agent = spawnTs('edge-agent', 'apps/edge-agent/src/main.ts', [
      ...['--gateway-id', gatewayId, '--slcan', agentEnd, '--nats-url', NATS_URL],
      ...['--poll-ms', '500', '--reply-window-ms', '250', '--spool', 'memory'],
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

  it('publishes envelopes whose samples equal bursts the simulator answered', async () => {
    // seq 1 is only published after seq 0 was acknowledged, so it proves the PubAck path too.
    const { envelope, msgId } = await waitFor(
      'a second envelope (seq ≥ 1)',
      () => received.find((r) => r.envelope.seq >= 1),
      60_000,
      diagnostics,
    );
    expect(rejected).toEqual([]);
    expect(envelope).toMatchObject({ schema: 'bms.tlm/1', gatewayId });
    expect(msgId).toBe(batchMessageId(gatewayId, envelope.bootId, envelope.seq));
    expect(envelope.samples.map((s) => s.bmsAddress).sort()).toEqual([1, 2]);

    const state = (await (await fetch(`${controlUrl}/state`)).json()) as SimState;
    expect(state.counters.corrupt).toBe(0);
    for (const sample of envelope.samples) {
      expect(sample.bus).toBe('can0');
      const burst = state.lastReplies.find(
        (r) =>
          r.bmsAddress === sample.bmsAddress &&
          Object.entries(r.pack).every(
            ([field, value]) => (sample as Record<string, unknown>)[field] === value,
          ),
      );
      expect(burst, `no simulator burst matches sample ${JSON.stringify(sample)}`).toBeDefined();
      // Every field the simulator reports exists in the sample under the same PackSample name.
      expect(sample).toMatchObject(burst!.pack);
    }
  });
});
