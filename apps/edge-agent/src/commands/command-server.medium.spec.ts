// Commands over a PRIVATE nats-server (core request/reply), agent side real: CommandServer +
// CommandHandler + UplinkSampler with a fake cell source; the cloud side is a plain client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnownSample } from '@fleet/telemetry';
import { freePort, type RunningProcess, startProcess, stopProcess, waitFor } from '@fleet/test-kit';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/fakes.js';
import { systemClock } from '../clock.js';
import { DEFAULT_SAMPLING_PLAN } from '../sampling/sampling-plan.js';
import { UplinkSampler } from '../sampling/uplink-sampler.js';
import { CommandHandler } from './command-handler.js';
import { type CommandReply, verifyReply } from './command-reply.js';
import { CommandServer } from './command-server.js';
import { NatsCommandTransport } from './nats-command-transport.js';

const GW = `gw-cmd-${process.pid}`;
const KEY = 'per-gateway-test-key';
let nats: RunningProcess | undefined;
let dir = '';
let agentNc: NatsConnection;
let cloud: NatsConnection;
const abort = new AbortController();
const emitted: KnownSample[][] = [];
let sampler: UplinkSampler;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cmd-medium-'));
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  nats = startProcess('nats-server', 'nats-server', ['-a', '127.0.0.1', '-p', String(port), '-sd', dir]);
  agentNc = await waitFor(
    'nats-server',
    () => connect({ servers: url }),
    20_000,
    () => nats?.output() ?? '',
  );
  cloud = await connect({ servers: url });
  sampler = new UplinkSampler({
    clock: systemClock,
    logger: silentLogger,
    cells: { readCells: async () => ({ source: 'rs485', cellVoltagesMv: [[3300, 3301]] }) },
    emit: (s) => emitted.push(s),
  });
  sampler.offer([
    {
      kind: 'pack',
      ts: new Date().toISOString(),
      bus: 'can0',
      bmsAddress: 2,
      packVoltageDv: 4000,
      packCurrentDa: 0,
      bmsTempDc: 200,
      socPct: 50,
      sohPct: 100,
    },
  ]);
  await sampler.settle();
  const handler = new CommandHandler({
    gatewayId: GW,
    clock: systemClock,
    sampler,
    publicConfig: () => ({ gatewayId: GW, natsUrl: url }),
    replyKey: KEY,
  });
  const server = new CommandServer({
    gatewayId: GW,
    handler,
    transport: new NatsCommandTransport(GW, () => agentNc, systemClock),
    clock: systemClock,
    logger: silentLogger,
    replyKey: KEY,
  });
  void server.run(abort.signal);
  await waitFor(
    'the command subscription',
    () => server.counters && ask('plan.get').then(() => true),
    10_000,
  );
}, 60_000);

afterAll(async () => {
  abort.abort();
  await cloud?.close();
  await agentNc?.close();
  await stopProcess(nats);
  rmSync(dir, { recursive: true, force: true });
});

async function ask(verb: string, body?: unknown, raw?: string): Promise<CommandReply> {
  const data = raw ?? (body === undefined ? '' : JSON.stringify(body));
  const reply = await cloud.request(`bms.v1.cmd.${GW}.${verb}`, data, { timeout: 5000 });
  return reply.json<CommandReply>();
}

describe('commands over core NATS request/reply', () => {
  it('plan.get answers the plan in force, signed with the gateway key', async () => {
    const reply = await ask('plan.get');
    expect(reply).toMatchObject({ gatewayId: GW, verb: 'plan.get', ok: true, result: DEFAULT_SAMPLING_PLAN });
    expect(reply.sig?.alg).toBe('hmac-sha256');
    expect(verifyReply(reply, KEY)).toBe(true);
    expect(verifyReply({ ...reply, ok: false }, KEY)).toBe(false);
  });

  it('plan.set changes only the named fields; an invalid plan is refused naming the field', async () => {
    const set = await ask('plan.set', { cellsEveryS: 120 });
    expect(set).toMatchObject({ ok: true, result: { ...DEFAULT_SAMPLING_PLAN, cellsEveryS: 120 } });
    const bad = await ask('plan.set', { deadbands: { currentDa: -3 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-plan', field: 'deadbands.currentDa' } });
    expect(sampler.plan.cellsEveryS).toBe(120);
    expect(sampler.plan.deadbands.currentDa).toBe(5);
  });

  it('cells takes a snapshot now and sends it at once', async () => {
    const before = emitted.length;
    const reply = await ask('cells', { bmsAddress: 2 });
    expect(reply).toMatchObject({ ok: true, result: { snapshots: [{ bus: 'can0', bmsAddress: 2 }] } });
    expect(emitted.slice(before).flat()).toContainEqual(
      expect.objectContaining({ kind: 'cells', trigger: 'command' }),
    );
    expect(await ask('cells', { bmsAddress: 9 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('config.get, repoll, and errors for a bad body or an unknown verb', async () => {
    expect(await ask('config.get')).toMatchObject({ ok: true, result: { gatewayId: GW } });
    expect(await ask('repoll')).toMatchObject({
      ok: true,
      result: { strings: [{ bus: 'can0', bmsAddress: 2 }] },
    });
    expect(await ask('plan.set', undefined, '{"half')).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await ask('reboot')).toMatchObject({ ok: false, error: { code: 'unknown-verb' } });
  });
});
