import type {
  DataGapRepository,
  PackSampleRepository,
  StoreBatchInput,
  StringRegistryRepository,
} from '@fleet/db';
import { telemetryEnvelopeData } from '@fleet/db/testing';
import { InMemorySpanExporter, newTraceparent, startTracing, type Tracing } from '@fleet/service-kit/tracing';
import { encodeTelemetryEnvelope } from '@fleet/telemetry';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../config/ingest-config.js';
import type { DeadLetterPublisher } from '../telemetry/dead-letter.publisher.js';
import { IngestCounters } from '../telemetry/ingest-counters.js';
import { TelemetryIngestService } from '../telemetry/telemetry-ingest.service.js';
import { TelemetryRejecter } from '../telemetry/telemetry-rejecter.js';
import { startReceiveSpan } from './message-spans.js';

const GW = 'gw-trace-1';
const config = loadIngestConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/x' });

/** The service over fakes: every gateway known, every batch stored. */
function service(): TelemetryIngestService {
  const strings = {
    resolve: async (_gw: string, keys: { bus: string; bmsAddress: number }[]) => ({
      gateway: 'known' as const,
      ids: new Map(keys.map((k) => [`${k.bus}#${k.bmsAddress}`, `id-${k.bmsAddress}`])),
      discovered: [],
    }),
  } as unknown as StringRegistryRepository;
  const samples = {
    storeBatches: async (inputs: StoreBatchInput[]) => ({
      path: 'copy',
      results: inputs.map((i) => ({ duplicate: false, stored: i.rows.length })),
    }),
  } as unknown as PackSampleRepository;
  const gaps = { refresh: async () => undefined } as unknown as DataGapRepository;
  const counters = new IngestCounters();
  const logger = pino({ level: 'silent' });
  const deadLetters = { publish: async () => undefined } as unknown as DeadLetterPublisher;
  const rejecter = new TelemetryRejecter(deadLetters, counters, config, logger);
  return new TelemetryIngestService(strings, samples, gaps, rejecter, counters, config, logger);
}

describe('telemetry spans', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'ingest', env: {}, exporter });
  });
  afterAll(() => tracing?.shutdown());

  it('continue the agent trace: receive → decode and pack_sample write, one trace per message', async () => {
    const traceparent = newTraceparent();
    const [, traceId, agentSpanId] = traceparent.split('-');
    const subject = `bms.v1.tlm.${GW}`;
    const received = startReceiveSpan(subject, (h) => (h === 'traceparent' ? traceparent : undefined), {
      'messaging.message.id': `${GW}:boot-1:1`,
    });
    const untraced = startReceiveSpan(subject, () => undefined, {});
    const data = (seq: number) =>
      encodeTelemetryEnvelope(telemetryEnvelopeData({ gatewayId: GW, bootId: 'boot-1', seq }));

    const outcomes = await service().handleMany([
      { subject, data: data(1), deliveryId: 'TELEMETRY:1', trace: received.context },
      { subject, data: data(2), deliveryId: 'TELEMETRY:2', trace: untraced.context },
    ]);
    received.span.end();
    untraced.span.end();

    expect(outcomes).toEqual([
      { action: 'ack', result: 'stored' },
      { action: 'ack', result: 'stored' },
    ]);
    const spans = exporter.getFinishedSpans();
    const ofTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const byName = new Map(ofTrace.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['pack_sample write', 'telemetry decode', 'telemetry receive']);
    const receive = byName.get('telemetry receive');
    expect(receive?.parentSpanContext?.spanId).toBe(agentSpanId);
    expect(byName.get('telemetry decode')?.parentSpanContext?.spanId).toBe(receive?.spanContext().spanId);
    expect(byName.get('pack_sample write')?.parentSpanContext?.spanId).toBe(receive?.spanContext().spanId);
    expect(byName.get('pack_sample write')?.attributes).toMatchObject({
      'fleet.msg_id': `${GW}:boot-1:1`,
      'fleet.outcome': 'stored',
      'fleet.group_size': 2,
    });
    // The message without a traceparent got a trace of its own, with the same three spans.
    const otherTrace = untraced.span.spanContext().traceId;
    expect(otherTrace).not.toBe(traceId);
    expect(spans.filter((s) => s.spanContext().traceId === otherTrace)).toHaveLength(3);
  });
});
