import type {
  DataGapRepository,
  PackSampleRepository,
  StoreBatchInput,
  StringRegistryRepository,
} from '@fleet/db';
import { packSampleData, telemetryEnvelopeData } from '@fleet/db/testing';
import { encodePackSeries, encodeTelemetryEnvelope } from '@fleet/telemetry';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../config/ingest-config.js';
import type { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher.js';
import { IngestCounters } from './ingest-counters.js';
import { TelemetryIngestService } from './telemetry-ingest.service.js';
import { TelemetryRejecter } from './telemetry-rejecter.js';

const GW = 'gw-spec-1';
/** Gap refreshes recorded, not run (data_gap is covered by the medium tests). */
const refreshed: unknown[] = [];
const gaps = {
  refresh: async (spans: unknown) => void refreshed.push(spans),
} as unknown as DataGapRepository;
const config = loadIngestConfig({
  DATABASE_URL: 'postgresql://x@127.0.0.1/x',
  INGEST_RETRY_DELAY_MS: '1234',
});

function setup(
  options: {
    gateway?: 'known' | 'unknown';
    store?: () => Promise<{ duplicate: boolean; stored: number }>;
    dlqFails?: boolean;
  } = {},
) {
  const stored: StoreBatchInput[] = [];
  const letters: DeadLetter[] = [];
  const strings = {
    resolve: async (_gw: string, keys: { bus: string; bmsAddress: number }[]) =>
      options.gateway === 'unknown'
        ? { gateway: 'unknown' as const }
        : {
            gateway: 'known' as const,
            ids: new Map(keys.map((k) => [`${k.bus}#${k.bmsAddress}`, `id-${k.bmsAddress}`])),
            discovered: [],
          },
  } as unknown as StringRegistryRepository;
  const storeBatch = async (input: StoreBatchInput) => {
    stored.push(input);
    return options.store ? options.store() : { duplicate: false, stored: input.rows.length };
  };
  const samples = {
    storeBatch,
    // The group write of one batch fails or succeeds as the single write does.
    storeBatches: async (inputs: StoreBatchInput[]) => ({
      path: 'copy',
      results: [await storeBatch(inputs[0]!)],
    }),
  } as unknown as PackSampleRepository;
  const deadLetters = {
    publish: async (letter: DeadLetter) => {
      if (options.dlqFails) {
        throw new Error('no responders');
      }
      letters.push(letter);
    },
  } as unknown as DeadLetterPublisher;
  const counters = new IngestCounters();
  const logger = pino({ level: 'silent' });
  const rejecter = new TelemetryRejecter(deadLetters, counters, config, logger);
  const sut = new TelemetryIngestService(strings, samples, gaps, rejecter, counters, config, logger);
  return { sut, stored, letters, counters };
}

const message = (data: Uint8Array | string, subject = `bms.v1.tlm.${GW}`, natsMsgId?: string) => ({
  subject,
  data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
  natsMsgId,
  deliveryId: 'TELEMETRY:42',
});
const valid = (overrides = {}) =>
  encodeTelemetryEnvelope(telemetryEnvelopeData({ gatewayId: GW, bootId: 'boot-1', seq: 7, ...overrides }));

describe('TelemetryIngestService', () => {
  it('stores a valid batch under the envelope id, whatever Nats-Msg-Id says, then acks', async () => {
    const { sut, stored, counters } = setup();
    const samples = [packSampleData({ bmsAddress: 1 }), packSampleData({ bmsAddress: 2 })];

    const outcome = await sut.handle(message(valid({ samples }), undefined, 'something-else'));

    expect(outcome).toEqual({ action: 'ack', result: 'stored' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ msgId: `${GW}:boot-1:7`, gatewayId: GW });
    expect(stored[0]!.rows.map((r) => r.stringId)).toEqual(['id-1', 'id-2']);
    expect(counters.snapshot()).toMatchObject({ stored: 1, storedSamples: 2, duplicates: 0 });
  });

  it('acks a batch the ledger already has and counts it as duplicate', async () => {
    const { sut, counters } = setup({ store: async () => ({ duplicate: true, stored: 0 }) });
    expect(await sut.handle(message(valid()))).toEqual({ action: 'ack', result: 'duplicate' });
    expect(counters.snapshot()).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it.each([
    ['not-json', message('{"half'), GW],
    ['schema', message(JSON.stringify({ schema: 'bms.tlm/1', gatewayId: GW })), GW],
    ['gateway-mismatch', message(valid({ gatewayId: 'gw-other' })), GW],
    ['bad-subject', message(valid(), 'bms.v1.tlm.NOT_AN_ID'), undefined],
  ])(
    'dead-letters a %s message with its original bytes, counts it, then acks',
    async (code, msg, gateway) => {
      const { sut, stored, letters, counters } = setup();

      const outcome = await sut.handle(msg);

      expect(outcome).toEqual({ action: 'ack', result: 'rejected' });
      expect(stored).toEqual([]);
      expect(letters).toEqual([
        expect.objectContaining({
          code,
          gatewayId: gateway,
          originalSubject: msg.subject,
          data: msg.data,
          deliveryId: 'TELEMETRY:42',
        }),
      ]);
      expect(counters.snapshot().rejected).toEqual({ [code]: 1 });
    },
  );

  it('keeps payload text out of the reason of a non-JSON message', async () => {
    const { sut, letters } = setup();
    await sut.handle(message('secret-ish garbage'));
    expect(letters[0]!.reason).toBe('payload is not JSON (18 bytes)');
  });

  it('dead-letters a batch of an unregistered gateway', async () => {
    const { sut, letters, stored } = setup({ gateway: 'unknown' });
    expect(await sut.handle(message(valid()))).toEqual({ action: 'ack', result: 'rejected' });
    expect(letters[0]).toMatchObject({ code: 'unknown-gateway' });
    expect(stored).toEqual([]);
  });

  it('naks with the retry delay when the database fails transiently', async () => {
    const { sut, letters, counters } = setup({
      store: async () =>
        Promise.reject(Object.assign(new Error('terminating connection'), { code: '57P01' })),
    });
    expect(await sut.handle(message(valid()))).toEqual({ action: 'nak', delayMs: 1234 });
    expect(letters).toEqual([]);
    expect(counters.snapshot().retried).toBe(1);
  });

  it('dead-letters a batch the database refuses as data (retrying cannot help)', async () => {
    const { sut, letters } = setup({
      store: async () => Promise.reject(Object.assign(new Error('value out of range'), { code: '22003' })),
    });
    expect(await sut.handle(message(valid()))).toEqual({ action: 'ack', result: 'rejected' });
    expect(letters[0]).toMatchObject({ code: 'store-rejected' });
  });

  it('naks instead of acking when the dead letter cannot be published', async () => {
    const { sut, counters } = setup({ dlqFails: true });
    expect(await sut.handle(message('nope'))).toEqual({ action: 'nak', delayMs: 1234 });
    expect(counters.snapshot()).toMatchObject({ rejected: {}, retried: 1 });
  });
});

describe('TelemetryIngestService with bms.tlm/1 minor-1 samples', () => {
  it('expands a packs series into pack rows and stores cell snapshots in the same batch', async () => {
    const { sut, stored, counters } = setup();
    const first = packSampleData({ bmsAddress: 1, ts: '2026-11-25T12:00:00.000Z', socPct: 50 });
    const second = { ...first, ts: '2026-11-25T12:00:05.000Z', socPct: 49 };
    const cells = {
      kind: 'cells' as const,
      ts: '2026-11-25T12:00:00.000Z',
      bus: first.bus,
      bmsAddress: 1,
      cellVoltagesMv: [[3300, 3301]],
    };
    const samples = [encodePackSeries([first, second]), cells];

    expect(await sut.handle(message(valid({ samples })))).toEqual({ action: 'ack', result: 'stored' });

    expect(stored[0]!.rows.map((r) => [r.stringId, r.sample.ts, r.sample.socPct])).toEqual([
      ['id-1', first.ts, 50],
      ['id-1', second.ts, 49],
    ]);
    expect(stored[0]!.cellSnapshots).toEqual([{ stringId: 'id-1', snapshot: cells }]);
    expect(counters.snapshot()).toMatchObject({ stored: 1, storedSamples: 2 });
  });

  it('stores the known samples and dead-letters the batch bytes when it holds unknown kinds', async () => {
    const { sut, stored, letters, counters } = setup();
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        ...telemetryEnvelopeData({ gatewayId: GW, bootId: 'boot-1', seq: 7 }),
        samples: [packSampleData({ bmsAddress: 1 }), { kind: 'events-v9', x: 1 }],
      }),
    );

    expect(await sut.handle(message(bytes))).toEqual({ action: 'ack', result: 'stored' });

    expect(stored[0]!.rows).toHaveLength(1);
    expect(letters).toEqual([expect.objectContaining({ code: 'unknown-sample-kind', data: bytes })]);
    expect(letters[0]!.reason).toContain('events-v9');
    expect(counters.snapshot().rejected).toEqual({ 'unknown-sample-kind': 1 });
  });
});

describe('TelemetryIngestService.handleMany (one transaction per group)', () => {
  function groupSetup(storeBatches: (inputs: StoreBatchInput[]) => Promise<unknown>) {
    const singles: StoreBatchInput[] = [];
    const groups: StoreBatchInput[][] = [];
    const samples = {
      storeBatches: async (inputs: StoreBatchInput[]) => {
        groups.push(inputs);
        return storeBatches(inputs);
      },
      storeBatch: async (input: StoreBatchInput) => {
        singles.push(input);
        if (input.msgId.endsWith(':13')) {
          throw Object.assign(new Error('connection reset'), { code: '08006' });
        }
        return {
          duplicate: false,
          stored: input.rows.length,
          quarantined: input.msgId.endsWith(':12') ? 1 : 0,
        };
      },
    } as unknown as PackSampleRepository;
    let resolves = 0;
    const strings = {
      resolve: async (_gw: string, keys: { bus: string; bmsAddress: number }[]) => {
        resolves += 1;
        return {
          gateway: 'known' as const,
          ids: new Map(keys.map((k) => [`${k.bus}#${k.bmsAddress}`, `id-${k.bmsAddress}`])),
          discovered: [],
        };
      },
    } as unknown as StringRegistryRepository;
    const counters = new IngestCounters();
    const logger = pino({ level: 'silent' });
    const deadLetters = { publish: async () => undefined } as unknown as DeadLetterPublisher;
    const rejecter = new TelemetryRejecter(deadLetters, counters, config, logger);
    const sut = new TelemetryIngestService(strings, samples, gaps, rejecter, counters, config, logger);
    return { sut, singles, groups, counters, resolves: () => resolves };
  }
  const batchOf = (seq: number) => message(valid({ seq, samples: [packSampleData({ bmsAddress: 1 })] }));

  it('writes valid messages of a group in one call, dead-letters the bad one, one registry lookup', async () => {
    const { sut, groups, counters, resolves } = groupSetup(async (inputs) => ({
      path: 'copy',
      results: inputs.map((_, i) =>
        i === 1 ? { duplicate: true, stored: 0 } : { duplicate: false, stored: 1 },
      ),
    }));

    const outcomes = await sut.handleMany([batchOf(1), message('{"half'), batchOf(2), batchOf(3)]);

    expect(outcomes).toEqual([
      { action: 'ack', result: 'stored' },
      { action: 'ack', result: 'rejected' },
      { action: 'ack', result: 'duplicate' },
      { action: 'ack', result: 'stored' },
    ]);
    expect(groups.map((g) => g.map((i) => i.msgId))).toEqual([
      [`${GW}:boot-1:1`, `${GW}:boot-1:2`, `${GW}:boot-1:3`],
    ]);
    expect(resolves()).toBe(1);
    expect(counters.snapshot()).toMatchObject({
      stored: 2,
      duplicates: 1,
      writes: { copy: 1, merge: 0, single: 0 },
    });
  });

  it('stores each batch on its own when the group fails, so one batch cannot fail the others', async () => {
    const { sut, singles, counters } = groupSetup(async () =>
      Promise.reject(Object.assign(new Error('foreign key'), { code: '23503' })),
    );

    const outcomes = await sut.handleMany([batchOf(11), batchOf(12), batchOf(13)]);

    expect(outcomes).toEqual([
      { action: 'ack', result: 'stored' },
      { action: 'ack', result: 'stored' },
      { action: 'nak', delayMs: 1234 },
    ]);
    expect(singles).toHaveLength(3);
    expect(counters.snapshot()).toMatchObject({
      stored: 2,
      quarantined: 1,
      retried: 1,
      writes: { copy: 0, merge: 0, single: 2 },
    });
  });

  it('reuses cached string ids across groups of the same gateway', async () => {
    const { sut, resolves } = groupSetup(async (inputs) => ({
      path: 'copy',
      results: inputs.map(() => ({ duplicate: false, stored: 1 })),
    }));
    await sut.handleMany([batchOf(21)]);
    await sut.handleMany([batchOf(22), batchOf(23)]);
    expect(resolves()).toBe(1);
  });
});
