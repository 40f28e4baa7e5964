// Per-cell snapshots end to end: the simulator answers HV CAN (SLCAN over TCP), RS485 V3.3 and
// the SC console over TCP; the agent reads the strings over CAN and takes snapshots over RS485
// (first agent, through a tap that can add line noise) or the console (second agent). Asserts
// that the `cells` command and an alarm edge from POST /faults put `cells` samples into the
// published envelopes whose voltages equal the simulator's /state; that random bytes, a
// truncated frame and wrong checksums on the RS485 line are counted and logged with the port
// while the next good reply is used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CellSnapshot, subjects, telemetryEnvelopeSchema } from '@fleet/telemetry';
import {
  freePort,
  type RunningProcess,
  startPrivateNats,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandReply } from '../src/commands/command-reply.js';
import { TcpTap } from './tcp-tap.js';

interface SimState {
  simulatedTime: string;
  strings: { bmsAddress: number; stringIndex: number; cellsMv: number[][] }[];
}

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const gatewayId = `test-cells-${unique}`;
const dir = mkdtempSync(join(tmpdir(), 'edge-cells-'));
const processes: Record<'nats' | 'simulator' | 'agent', RunningProcess | undefined> = {
  nats: undefined,
  simulator: undefined,
  agent: undefined,
};
const diagnostics = () =>
  Object.values(processes)
    .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-6000)}` : ''))
    .join('\n');

const ports = { nats: 0, control: 0, slcan: 0, rs485: 0, console: 0 };
let nc: NatsConnection;
let tap: TcpTap;
let tapPort = 0;
const snapshots: CellSnapshot[] = [];

const controlUrl = () => `http://127.0.0.1:${ports.control}`;
const simState = async () => (await (await fetch(`${controlUrl()}/state`)).json()) as SimState;
const cellsOf = (state: SimState, bmsAddress: number) =>
  state.strings.find((s) => s.bmsAddress === bmsAddress)?.cellsMv;

async function postJson(path: string, body: unknown, method = 'POST'): Promise<{ id?: string }> {
  const res = await fetch(`${controlUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.ok, await res.clone().text()).toBe(true);
  return (await res.json()) as { id?: string };
}

async function command(verb: string, body: unknown): Promise<CommandReply> {
  return waitFor(
    `a reply to ${verb}`,
    () =>
      nc
        .request(subjects.command(gatewayId, verb), JSON.stringify(body), { timeout: 20_000 })
        .then((m) => m.json<CommandReply>())
        .catch(() => undefined),
    60_000,
    diagnostics,
  );
}

/**
 * Asks for a snapshot of one string and returns it with the simulator state it was taken in.
 * The model only moves on its tick (every 60 s here): a snapshot taken between two /state
 * reads with the same simulated time must equal that state; across a tick, it is asked again.
 */
async function snapshotWithState(bmsAddress: number, source: string) {
  for (;;) {
    const before = await simState();
    const seen = snapshots.length;
    const reply = await command('cells', { bmsAddress });
    expect(reply, diagnostics()).toMatchObject({ ok: true });
    const snapshot = await waitFor(
      'the snapshot in a published envelope',
      () =>
        snapshots
          .slice(seen)
          .find((s) => s.trigger === 'command' && s.bmsAddress === bmsAddress && s.source === source),
      20_000,
      diagnostics,
    );
    const after = await simState();
    if (after.simulatedTime === before.simulatedTime) {
      return { snapshot, state: after };
    }
  }
}

/** The sampler asks for a snapshot at a string's first reading: the agent is up and reading. */
async function firstScheduledSnapshots(source: string, bmsAddresses: number[]): Promise<void> {
  const seen = snapshots.length;
  await waitFor(
    `scheduled ${source} snapshots of strings ${bmsAddresses.join(', ')}`,
    () =>
      bmsAddresses.every((a) =>
        snapshots
          .slice(seen)
          .some((s) => s.trigger === 'schedule' && s.source === source && s.bmsAddress === a),
      ),
    60_000,
    diagnostics,
  );
}

function startAgent(link: string[]): void {
  processes.agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
    ...['--gateway-id', gatewayId, '--slcan', `tcp://127.0.0.1:${ports.slcan}`],
    ...['--nats-url', `nats://127.0.0.1:${ports.nats}`, '--spool', 'memory', '--plan', 'live'],
    ...['--poll-ms', '500', '--reply-window-ms', '250', '--status-port', '0', '--log-level', 'debug'],
    ...link,
  ]);
}

async function stopAgent(): Promise<void> {
  await stopProcess(processes.agent);
  processes.agent = undefined;
}

beforeAll(async () => {
  for (const key of Object.keys(ports) as (keyof typeof ports)[]) {
    ports[key] = await freePort();
  }
  processes.nats = await startPrivateNats({ storeDir: join(dir, 'nats'), port: ports.nats, diagnostics });
  processes.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
    ...[
      '--tcp',
      String(ports.slcan),
      '--rs485-tcp',
      String(ports.rs485),
      '--console-tcp',
      String(ports.console),
    ],
    ...['--control-port', String(ports.control), '--addresses', '1,2', '--modules', '5', '--seed', '5'],
    ...['--tick-ms', '60000'],
  ]);
  await waitFor('the simulator', async () => (await fetch(`${controlUrl()}/health`)).ok, 30_000, diagnostics);
  tap = new TcpTap(ports.rs485);
  tapPort = await tap.listen();

  nc = await connect({ servers: `nats://127.0.0.1:${ports.nats}` });
  const subject = subjects.telemetry(gatewayId);
  await (await jetstreamManager(nc)).streams.add({
    name: `TEST_CELLS_${unique.toUpperCase()}`,
    subjects: [subject, subjects.events(gatewayId)],
  });
  const sub = nc.subscribe(subject);
  void (async () => {
    for await (const msg of sub) {
      const parsed = telemetryEnvelopeSchema.safeParse(msg.json());
      for (const sample of parsed.success ? parsed.data.samples : []) {
        if (sample.kind === 'cells') {
          snapshots.push(sample as CellSnapshot);
        }
      }
    }
  })();
}, 60_000);

afterAll(async () => {
  await stopAgent();
  await nc?.close();
  await tap?.close();
  await stopProcess(processes.simulator);
  await stopProcess(processes.nats);
  rmSync(dir, { recursive: true, force: true });
});

describe('cell snapshots over RS485 (agent → tap → simulator --rs485-tcp)', () => {
  beforeAll(async () => {
    // The simulator puts the k-th string of --addresses in RS485 group k (its addressing.ts).
    startAgent(['--rs485', `tcp://127.0.0.1:${tapPort}`, '--rs485-strings', '1:0,2:1']);
    await firstScheduledSnapshots('rs485', [1, 2]);
  }, 90_000);
  afterAll(stopAgent);

  it('answers the cells command with a snapshot equal to the simulator’s cells, per string', async () => {
    for (const bmsAddress of [1, 2]) {
      const { snapshot, state } = await snapshotWithState(bmsAddress, 'rs485');
      expect(snapshot.cellVoltagesMv).toEqual(cellsOf(state, bmsAddress));
      expect(snapshot.cellVoltagesMv).toHaveLength(5);
      // Cell-group sensors #2-#5 of each module (sensor #1 is the BMS board).
      expect(snapshot.cellTempsDc?.every((m) => m.length === 4)).toBe(true);
    }
  });

  it('counts random bytes and a truncated frame with the port, and uses the next good reply', async () => {
    tap.injectBeforeNextReply('\u00ff\u00fe\u0013G#!~20024600D05E10');
    const { snapshot, state } = await snapshotWithState(1, 'rs485');
    expect(snapshot.cellVoltagesMv).toEqual(cellsOf(state, 1));
    const log = processes.agent?.output() ?? '';
    const port = `"port":"tcp://127.0.0.1:${tapPort}"`;
    for (const kind of ['garbage', 'truncated']) {
      expect(
        log
          .split('\n')
          .some(
            (l) =>
              l.includes('corrupt RS485 input ignored') && l.includes(port) && l.includes(`"kind":"${kind}"`),
          ),
        `no log of ${kind} with the port`,
      ).toBe(true);
    }
  });

  it('counts replies with wrong checksums, takes no snapshot while they last, and recovers', async () => {
    const fault = await postJson('/faults', { type: 'wrong-checksums', value: 1 });
    const refused = await command('cells', { bmsAddress: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const log = processes.agent?.output() ?? '';
    expect(
      log
        .split('\n')
        .some((l) => l.includes('"kind":"bad-checksum"') && l.includes(`tcp://127.0.0.1:${tapPort}`)),
      diagnostics(),
    ).toBe(true);
    await postJson(`/faults/${fault.id}`, {}, 'DELETE');
    const { snapshot, state } = await snapshotWithState(2, 'rs485');
    expect(snapshot.cellVoltagesMv).toEqual(cellsOf(state, 2));
  });

  it('takes a snapshot at once on an alarm edge', async () => {
    const seen = snapshots.length;
    await postJson('/faults', { type: 'cell-over-voltage', string: 1, module: 2, cell: 4, value: 3700 });
    const snapshot = await waitFor(
      'a snapshot triggered by the alarm edge',
      () => snapshots.slice(seen).find((s) => s.trigger === 'edge' && s.bmsAddress === 1),
      30_000,
      diagnostics,
    );
    expect(snapshot.source).toBe('rs485');
    // The fault holds that cell at 3700 mV (a floor far above the LFP plateau), whatever the tick.
    expect(snapshot.cellVoltagesMv[2]?.[4]).toBe(3700);
    expect(cellsOf(await simState(), 1)?.[2]?.[4]).toBe(3700);
  });
});

describe('cell snapshots over the SC console (agent → simulator --console-tcp)', () => {
  beforeAll(async () => {
    // The simulated console is the first string's BMS (CAN address 1).
    startAgent(['--console', `tcp://127.0.0.1:${ports.console}`, '--console-string', '1']);
    await firstScheduledSnapshots('console', [1]);
  }, 90_000);
  afterAll(stopAgent);

  it('answers the cells command from bat with the simulator’s cells and one temperature per cell', async () => {
    const { snapshot, state } = await snapshotWithState(1, 'console');
    expect(snapshot.cellVoltagesMv).toEqual(cellsOf(state, 1));
    expect(snapshot.cellTempsDc?.map((m) => m.length)).toEqual([15, 15, 15, 15, 15]);
    // The console belongs to string 1 only.
    expect(await command('cells', { bmsAddress: 2 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});
