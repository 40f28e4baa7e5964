// One real reading, end to end: simulator → SLCAN over a socat pty pair → agent → decode →
// sampler → envelope → the real NATS JetStream. Asserts that a published envelope validates and
// that its samples carry exactly the values the simulator says it sent in one of its bursts; and
// that the same running agent answers cloud commands, beats, and serves its status endpoint.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchMessageId, subjects, type TelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import {
  freePort,
  type RunningProcess,
  startPrivateNats,
  startProcess,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandReply, verifyReply } from '../src/commands/command-reply.js';
import type { Heartbeat } from '../src/health/heartbeat.js';
import { packsOf } from './packs-of.js';

const COMMAND_KEY = 'test-command-key-0123456789';

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

async function startPtyPair(dir: string): Promise<{ simEnd: string; agentEnd: string }> {
  const simEnd = join(dir, 'sim');
  const agentEnd = join(dir, 'agent');
  processes.socat = startProcess('socat', '/usr/bin/socat', [
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
  processes.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
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
  processes.nats = await startPrivateNats({ storeDir: join(dir, 'nats'), port, diagnostics });
}

/**
 * Listens on the gateway's subject with core NATS, beside a stream that captures it (the agent
 * never creates streams; without one its publishes would not be acknowledged).
 */
async function listen(received: Received[], rejected: string[]): Promise<() => Promise<void>> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({
    name: `TEST_EDGE_${unique.toUpperCase()}`,
    subjects: [subject, subjects.events(gatewayId)],
  });
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

const dir = mkdtempSync(join(tmpdir(), 'edge-pipeline-'));
const received: Received[] = [];
const rejected: string[] = [];
let controlUrl: string;
let stopListening: (() => Promise<void>) | undefined;

// One simulator + agent for both describes below: commands run against the agent being read.
beforeAll(async () => {
  await startNats(dir);
  const { simEnd, agentEnd } = await startPtyPair(dir);
  controlUrl = await startSimulator(simEnd);
  stopListening = await listen(received, rejected);
  processes.agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
    ...['--gateway-id', gatewayId, '--slcan', agentEnd, '--nats-url', NATS_URL],
    ...['--poll-ms', '500', '--reply-window-ms', '250', '--spool', 'memory'],
    ...['--plan', 'live', '--status-port', '0', '--heartbeat-s', '5'],
    ...['--command-key', COMMAND_KEY, '--plan-file', join(dir, 'plan.json')],
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

describe('edge agent pipeline (simulator → SLCAN pty → agent → JetStream)', () => {
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
    const samples = packsOf(envelope);
    expect(samples.map((s) => s.bmsAddress).sort()).toEqual([1, 2]);

    const state = (await (await fetch(`${controlUrl}/state`)).json()) as SimState;
    expect(state.counters.corrupt).toBe(0);
    for (const sample of samples) {
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

describe('commands, heartbeat and status of the running agent', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
  });
  afterAll(async () => {
    await nc?.close();
  });

  const command = async (verb: string, body: unknown = {}) => {
    const reply = await waitFor(
      `a reply to ${verb}`,
      () =>
        nc
          .request(subjects.command(gatewayId, verb), JSON.stringify(body), { timeout: 2000 })
          .then((m) => m.json<CommandReply>())
          .catch(() => undefined),
      30_000,
      diagnostics,
    );
    expect(verifyReply(reply, COMMAND_KEY)).toBe(true);
    expect(reply).toMatchObject({ gatewayId, verb });
    return reply;
  };

  it('reports and changes the sampling plan, refusing a bad one by field, and keeps the secret', async () => {
    expect((await command('plan.get')).result).toMatchObject({ report: 'every', flushEveryS: 0 });
    const bad = await command('plan.set', { packEveryS: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-plan', field: 'packEveryS' } });
    const good = await command('plan.set', { cellsEveryS: 120 });
    expect(good).toMatchObject({ ok: true, result: { cellsEveryS: 120, report: 'every' } });
    expect((await command('plan.get')).result).toMatchObject({ cellsEveryS: 120 });
    const config = await command('config.get');
    expect(config.result).toMatchObject({ gatewayId, commandKey: 'set' });
    expect(JSON.stringify(config)).not.toContain(COMMAND_KEY);
    expect((await command('nope')).error?.code).toBe('unknown-verb');
    // No console or RS485 configured: a snapshot request says so instead of hanging.
    expect((await command('cells')).error?.code).toBe('unavailable');
  });

  it('beats on bms.v1.hb.<gatewayId> and serves the latest beat on 127.0.0.1', async () => {
    const sub = nc.subscribe(subjects.heartbeat(gatewayId));
    let beat: Heartbeat | undefined;
    void (async () => {
      for await (const m of sub) {
        beat = m.json<Heartbeat>();
      }
    })();
    const received = await waitFor('a heartbeat', () => beat, 30_000, diagnostics);
    sub.unsubscribe();
    expect(received).toMatchObject({ schema: 'bms.hb/1', gatewayId, agentVersion: '0.1.0' });
    expect(received.bus.framesIn).toBeGreaterThan(0);
    expect(received.sampler.strings).toBe(2);
    const url = await waitFor(
      'the status endpoint URL in the log',
      () => /"url":"(http:\/\/127\.0\.0\.1:\d+\/status)"/.exec(processes.agent?.output() ?? '')?.[1],
      10_000,
      diagnostics,
    );
    const served = (await (await fetch(url)).json()) as Heartbeat;
    expect(served).toMatchObject({ gatewayId, schema: 'bms.hb/1' });
  });
});
