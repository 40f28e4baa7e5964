// Acceptance for "never lose a reading": the agent reads the simulator while (a) its NATS server
// is stopped and restarted, and (b) the agent itself is SIGKILLed at random moments and
// restarted on the same spool. Afterwards the database holds, exactly once, every sample the
// agent committed to its spool, and that is every burst the simulator answered except the
// bursts in flight at a kill (answered within the last poll before the SIGKILL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { productionTestTargets } from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteBatchStore } from '../src/publish/sqlite-batch-store.js';
import { OutageStack, type SimReply, type StoredSample } from './outage-stack.js';

const targets = await productionTestTargets();

/** The agent stamps a sample with the arrival of the burst's first frame, ms after the simulator stamped it. */
const SAME_BURST_MS = 120;

interface Accounting {
  matched: number;
  unmatched: SimReply[];
  extras: StoredSample[];
}

/** Pairs simulator bursts with stored samples one-to-one: same address, same time, same values. */
function account(replies: Iterable<SimReply>, stored: StoredSample[]): Accounting {
  const free = new Set(stored);
  const unmatched: SimReply[] = [];
  for (const reply of [...replies].sort((a, b) => a.at.localeCompare(b.at))) {
    const at = Date.parse(reply.at);
    const match = [...free].find(
      (s) =>
        s.bmsAddress === reply.bmsAddress &&
        Math.abs(Date.parse(s.ts) - at) <= SAME_BURST_MS &&
        s.values.pack_voltage_dv === reply.pack.packVoltageDv &&
        s.values.pack_current_da === reply.pack.packCurrentDa &&
        s.values.soc_pct === reply.pack.socPct,
    );
    if (match) {
      free.delete(match);
    } else {
      unmatched.push(reply);
    }
  }
  return { matched: stored.length - free.size, unmatched, extras: [...free] };
}

function contiguous(seqs: number[]): boolean {
  return seqs.every((seq, i) => seq === i);
}

/** Batch ids (`bootId:seq`) and sample keys a dead agent left committed in its spool. */
function readSpool(path: string): { ids: string[] } {
  const store = new SqliteBatchStore(path, { maxBytes: Number.MAX_SAFE_INTEGER });
  const ids: string[] = [];
  try {
    for (let b = store.oldest(); b; b = store.oldest(b.id + 1)) {
      // Event batches (bms.evt/1, own seq space) go to the EVENTS stream, not the ingest ledger.
      if (!('events' in b.envelope)) {
        ids.push(`${b.envelope.bootId}:${b.envelope.seq}`);
      }
    }
  } finally {
    store.close();
  }
  return { ids };
}

/** Deterministic "random" kill moments, so a failure can be replayed. */
function* moments(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    yield 200 + (x % 1800);
  }
}

interface KillLog {
  /** `bootId:seq` of every batch found committed in the spool of a killed agent. */
  committed: Set<string>;
  killedAt: number[];
}

function idsOf(ledger: Map<string, number[]>): Set<string> {
  return new Set([...ledger].flatMap(([boot, seqs]) => seqs.map((seq) => `${boot}:${seq}`)));
}

async function killAndReadSpool(s: OutageStack, log: KillLog): Promise<string[]> {
  log.killedAt.push(Date.now());
  await s.killAgent();
  const ids = readSpool(s.spoolPath).ids;
  for (const id of ids) {
    log.committed.add(id);
  }
  return ids;
}

/** Round 0 ends while NATS is down, so the spool holds a backlog when the agent dies. */
async function killWithBacklog(s: OutageStack, log: KillLog): Promise<string[]> {
  const agent = s.startAgent(['--replay-rate', '3']);
  await waitFor(
    'first samples stored',
    async () => (await s.storedSamples()).length >= 4,
    30_000,
    s.diagnostics,
  );
  await s.stopNats();
  await waitFor('the agent to spool', () => agent.output().includes('publish failed'), 20_000, s.diagnostics);
  const answered = s.replies.size;
  await waitFor('10 polls answered while NATS is down', () => s.replies.size >= answered + 20, 20_000);
  const backlog = await killAndReadSpool(s, log);
  await s.startNats();
  return backlog;
}

/** The backlog is replayed slowly (3 batches/s) beside live data; the kill lands somewhere in it. */
async function killWhilePublishing(s: OutageStack, log: KillLog, delayMs: number): Promise<void> {
  s.startAgent(['--replay-rate', '3']);
  const before = idsOf(await s.ledger()).size;
  await waitFor(
    `agent #${s.agents.length} publishing`,
    async () => idsOf(await s.ledger()).size > before + 2,
    30_000,
    s.diagnostics,
  );
  await new Promise((r) => setTimeout(r, delayMs)); // the random moment
  await killAndReadSpool(s, log);
}

/** A last agent publishes its own batches and what the others left, then stops with an empty spool. */
async function drainWithLastAgent(s: OutageStack, log: KillLog): Promise<void> {
  const last = s.startAgent();
  await waitFor(
    'the last agent’s own batches',
    async () => (await s.ledger()).size === 4,
    30_000,
    s.diagnostics,
  );
  await s.silenceSimulator();
  await waitFor(
    'every committed batch and every burst not in flight at a kill in the database',
    async () => {
      const stored = idsOf(await s.ledger());
      const result = account(s.replies.values(), await s.storedSamples());
      return (
        [...log.committed].every((id) => stored.has(id)) && result.unmatched.length <= 2 * log.killedAt.length
      );
    },
    40_000,
    s.diagnostics,
  );
  await waitFor(
    'the stored samples to stop growing',
    async () => {
      const before = (await s.storedSamples()).length;
      await new Promise((r) => setTimeout(r, 1000));
      return (await s.storedSamples()).length === before;
    },
    20_000,
  );
  last.child.kill('SIGTERM');
  await new Promise((r) => last.child.once('exit', r));
}

async function natsOutage(s: OutageStack): Promise<void> {
  const agent = s.startAgent();
  await waitFor(
    'first samples stored',
    async () => (await s.storedSamples()).length >= 6,
    30_000,
    s.diagnostics,
  );
  await s.stopNats();
  const downAt = new Date().toISOString();
  await waitFor(
    'the agent to notice',
    () => agent.output().includes('publish failed'),
    20_000,
    s.diagnostics,
  );
  // Counted by the simulator's own reply times, not by how many replies were collected since: the
  // collector reads a ring of recent replies and, under load, may add older ones after downAt.
  const answeredSinceDown = () => [...s.replies.values()].filter((r) => r.at > downAt).length;
  await waitFor('10 polls answered while NATS is down', () => answeredSinceDown() >= 20, 20_000);
  await s.startNats();
  const upAt = new Date().toISOString();
  await waitFor(
    'the backlog replay',
    () => agent.output().includes('replaying the backlog'),
    40_000,
    s.diagnostics,
  );
  await s.silenceSimulator();
  await waitFor(
    'every answered burst in the database',
    async () => account(s.replies.values(), await s.storedSamples()).unmatched.length === 0,
    30_000,
    s.diagnostics,
  );

  const stored = await s.storedSamples();
  const result = account(s.replies.values(), stored);
  expect(result.unmatched).toEqual([]);
  expect(result.extras).toEqual([]);
  expect(stored).toHaveLength(s.replies.size);
  const duringOutage = [...s.replies.values()].filter((r) => r.at > downAt && r.at < upAt);
  expect(duringOutage.length).toBeGreaterThanOrEqual(20);
  const ledger = await s.ledger();
  expect([...ledger.keys()]).toHaveLength(1); // one boot, never restarted
  expect(contiguous([...ledger.values()][0] ?? [])).toBe(true);
}

async function killsWhilePublishing(s: OutageStack, seed: number): Promise<string> {
  const log: KillLog = { committed: new Set(), killedAt: [] };
  const delays = moments(seed);
  expect((await killWithBacklog(s, log)).length).toBeGreaterThanOrEqual(8);
  await killWhilePublishing(s, log, delays.next().value as number);
  await killWhilePublishing(s, log, delays.next().value as number);
  await drainWithLastAgent(s, log);
  expect(readSpool(s.spoolPath).ids).toEqual([]);

  const ledger = await s.ledger();
  const storedIds = idsOf(ledger);
  expect([...log.committed].filter((id) => !storedIds.has(id))).toEqual([]);
  expect(ledger.size).toBe(4); // four boots, each with its own bootId
  for (const [boot, seqs] of ledger) {
    expect(contiguous(seqs), `boot ${boot}: ${seqs.join(',')}`).toBe(true);
  }
  const stored = await s.storedSamples();
  const result = account(s.replies.values(), stored);
  expect(result.extras).toEqual([]);
  expect(result.matched).toBe(stored.length);
  // What is missing was in flight: answered during the last poll before one of the kills.
  const inFlight = (r: SimReply) =>
    log.killedAt.some((k) => Date.parse(r.at) > k - 1000 && Date.parse(r.at) <= k + SAME_BURST_MS);
  expect(result.unmatched.filter((r) => !inFlight(r))).toEqual([]);
  expect(result.unmatched.length).toBeLessThanOrEqual(2 * log.killedAt.length); // two strings per poll
  return (
    `${s.replies.size} bursts answered, ${stored.length} stored once each, ${result.unmatched.length} in flight ` +
    `at ${log.killedAt.length} kills, ${log.committed.size} batches found in the spool after kills`
  );
}

describe.each(targets)('edge agent outages on $name', (target) => {
  let stack: OutageStack | undefined;
  let dir = '';
  const setUp = async (name: string) => {
    dir = mkdtempSync(join(tmpdir(), `edge-outage-${name}-`));
    const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    stack = new OutageStack(dir, `outage-${name}-${target.name.slice(0, 2)}-${unique}`);
    await stack.start(target);
    return stack;
  };
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps reading while NATS is down and delivers every burst exactly once after it returns', async () => {
    await natsOutage(await setUp('nats'));
  });

  it('loses nothing it committed when SIGKILLed at random moments while publishing', async () => {
    const summary = await killsWhilePublishing(await setUp('kill'), target.name.length * 7919);
    console.info(`${target.name}: ${summary}`);
  });
});
