// Composition discovery behind an MBMS1000, end to end: the simulator runs two HV strings
// (addresses 1 and 2) over SLCAN on a socat pty pair, the agent polls them (active HV) and
// publishes to a private JetStream whose streams take both bms.v1.tlm.<id> and bms.v1.evt.<id>.
// Shown: a boot event and one composition event per string arrive on the evt subject as valid
// bms.evt/1 envelopes, each equal to what the simulator says the string is made of; the
// telemetry reports each string separately, by address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EventEnvelope,
  eventEnvelopeSchema,
  subjects,
  type TelemetryEnvelope,
  telemetryEnvelopeSchema,
} from '@fleet/telemetry';
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
import { packsOf } from './packs-of.js';
import { type PtyPair, startPtyPair } from './pty-pair.js';

interface SimString {
  bmsAddress: number;
  moduleCount: number;
  cellsPerModule: number;
}

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const gatewayId = `test-compo-${unique}`;
const dir = mkdtempSync(join(tmpdir(), 'edge-compo-'));
const events: EventEnvelope[] = [];
const telemetry: TelemetryEnvelope[] = [];
const procs: { nats?: RunningProcess; simulator?: RunningProcess; agent?: RunningProcess; pty?: PtyPair } =
  {};
let nc: NatsConnection | undefined;
let controlUrl = '';

const diagnostics = () =>
  [procs.agent, procs.simulator]
    .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-4000)}` : ''))
    .join('\n');

async function subscribe(subject: string, onJson: (json: unknown) => void): Promise<void> {
  const sub = nc?.subscribe(subject);
  void (async () => {
    for await (const msg of sub ?? []) {
      onJson(msg.json());
    }
  })();
}

beforeAll(async () => {
  const port = await freePort();
  const natsUrl = `nats://127.0.0.1:${port}`;
  procs.nats = await startPrivateNats({ storeDir: join(dir, 'nats'), port, diagnostics });
  nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  // As ingest sets them up (packages/telemetry streams.ts), narrowed to this gateway.
  await jsm.streams.add({
    name: `TEST_TLM_${unique.toUpperCase()}`,
    subjects: [subjects.telemetry(gatewayId)],
  });
  await jsm.streams.add({ name: `TEST_EVT_${unique.toUpperCase()}`, subjects: [subjects.events(gatewayId)] });
  await subscribe(subjects.events(gatewayId), (json) => events.push(eventEnvelopeSchema.parse(json)));
  await subscribe(subjects.telemetry(gatewayId), (json) =>
    telemetry.push(telemetryEnvelopeSchema.parse(json)),
  );
  procs.pty = await startPtyPair(dir, diagnostics);
  const controlPort = await freePort();
  controlUrl = `http://127.0.0.1:${controlPort}`;
  procs.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
    ...['--serial', procs.pty.simEnd, '--control-port', String(controlPort), '--addresses', '1,2'],
    ...['--modules', '8', '--seed', '5'],
  ]);
  await waitFor('the simulator', async () => (await fetch(`${controlUrl}/health`)).ok, 30_000, diagnostics);
  procs.agent = startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
    ...['--gateway-id', gatewayId, '--slcan', procs.pty.agentEnd, '--nats-url', natsUrl],
    ...['--poll-ms', '1000', '--reply-window-ms', '300', '--spool', 'memory', '--plan', 'live'],
    ...['--status-port', '0', '--bus-name', 'hv0'],
  ]);
});

afterAll(async () => {
  await stopProcess(procs.agent);
  await stopProcess(procs.simulator);
  await stopProcess(procs.pty?.socat);
  await nc?.close();
  await stopProcess(procs.nats);
  rmSync(dir, { recursive: true, force: true });
});

describe('composition events of the strings behind an MBMS1000 (bms.v1.evt.<gatewayId>)', () => {
  it('publishes a boot event and one composition event per string, equal to the simulator', async () => {
    const compositions = await waitFor(
      'composition events of strings 1 and 2',
      () => {
        const found = events.flatMap((e) => e.events).filter((e) => e.kind === 'composition');
        return found.length >= 2 ? found : undefined;
      },
      60_000,
      diagnostics,
    );
    const boot = events.flatMap((e) => e.events).find((e) => e.kind === 'boot');
    expect(boot).toMatchObject({ protocol: 'hv-can', mode: 'active', bus: 'hv0', transport: 'slcan' });
    const state = (await (await fetch(`${controlUrl}/state`)).json()) as { strings: SimString[] };
    const expected = state.strings.map((s) => ({
      kind: 'composition',
      bus: 'hv0',
      protocol: 'hv-can',
      bmsAddress: s.bmsAddress,
      moduleCount: s.moduleCount,
      cellsPerModule: s.cellsPerModule,
      totalCells: s.moduleCount * s.cellsPerModule,
    }));
    expect(compositions.map((c) => c.bmsAddress).sort()).toEqual([1, 2]);
    for (const want of expected) {
      expect(compositions.find((c) => c.bmsAddress === want.bmsAddress)).toMatchObject(want);
    }
    expect(new Set(events.map((e) => e.bootId)).size).toBe(1);
  });

  it('reports each string separately in the telemetry, by its address', async () => {
    const envelope = await waitFor(
      'an envelope with both strings',
      () => telemetry.find((e) => packsOf(e).length === 2),
      30_000,
      diagnostics,
    );
    expect(packsOf(envelope).map((s) => [s.bus, s.bmsAddress])).toEqual([
      ['hv0', 1],
      ['hv0', 2],
    ]);
    // One composition event per string, not one per poll.
    await waitFor('three polls published', () => telemetry.length >= 3 || undefined, 30_000, diagnostics);
    expect(events.flatMap((e) => e.events).filter((e) => e.kind === 'composition')).toHaveLength(2);
    // One topology event for the bus (issue 10): both addresses, no serials (HV CAN has none).
    const topologies = events.flatMap((e) => e.events.flatMap((x) => (x.kind === 'topology' ? [x] : [])));
    expect(topologies).toHaveLength(1);
    expect(topologies[0]).toMatchObject({ bus: 'hv0', protocol: 'hv-can' });
    expect(topologies[0]?.strings.map((s) => [s.bmsAddress, s.bmsSerial])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });
});
