import { ALARM_CATALOGUE } from '@fleet/alarms';
import { productionTestTargets } from '@fleet/db/testing';
import { InMemorySpanExporter, newTraceparent, startTracing } from '@fleet/service-kit/tracing';
import { streams } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { at, useAlarmFixture } from './alarm-fixture.js';

// The trace of an alarm event (issue 11): the SQL is the outbox's, covered on both servers by the
// other alarm tests; this checks the header, once, on the production database.
const [target] = await productionTestTargets();
const bit = (code: string) => 1 << ALARM_CATALOGUE.byCode.get(code)!.bit;
const PROTECTION = 'hv.protection.cell_high_voltage';
const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

describe.runIf(target)('alarm event trace context', () => {
  const f = useAlarmFixture(target!);

  /** The `traceparent` header of every message in ALARMS for the string's alarm ('' when it has none). */
  const publishedTraceparents = async (stringId: string) => {
    const { rows } = await f.pool.query<{ id: string }>('SELECT id FROM alarm WHERE string_id = $1', [
      stringId,
    ]);
    expect(rows).toHaveLength(1);
    const info = await f.jsm.streams.info(streams.alarms.name);
    const found: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
      const message = await f.jsm.streams.getMessage(streams.alarms.name, { seq });
      if (message?.json<{ alarmId: string }>().alarmId === rows[0]!.id) {
        found.push(message.header?.get('traceparent') ?? '');
      }
    }
    return found;
  };

  it('publishes an alarm raised from a traced sample with a traceparent of the sample’s trace (tracing off)', async () => {
    const s = await f.newString();
    const sample = newTraceparent();
    await f.feed(f.engine(), s.gatewayId, [{ ts: at(0), protectionBits: bit(PROTECTION) }], 0, sample);
    const [header] = await publishedTraceparents(s.stringId);
    expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceIdOf(header)).toBe(traceIdOf(sample));

    // A sample sent without one raises an alarm whose event carries none (no trace is invented).
    const untraced = await f.newString();
    await f.feed(f.engine(), untraced.gatewayId, [{ ts: at(0), protectionBits: bit(PROTECTION) }]);
    expect(await publishedTraceparents(untraced.stringId)).toEqual(['']);
  });

  it('with tracing on, the header names the relay’s publish span, a descendant of the sample’s evaluation', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ serviceName: 'ingest', env: {}, exporter });
    try {
      const s = await f.newString();
      const sample = newTraceparent();
      await f.feed(f.engine(), s.gatewayId, [{ ts: at(0), protectionBits: bit(PROTECTION) }], 0, sample);
      const [header] = await publishedTraceparents(s.stringId);
      const spans = exporter.getFinishedSpans().filter((x) => x.spanContext().traceId === traceIdOf(sample));
      const evaluate = spans.find((x) => x.name === 'alarm evaluate');
      const publish = spans.find((x) => x.name === 'alarm-event publish');
      expect(evaluate?.parentSpanContext?.spanId).toBe(sample.split('-')[2]);
      expect(publish?.parentSpanContext?.spanId).toBe(evaluate?.spanContext().spanId);
      expect(header).toBe(`00-${traceIdOf(sample)}-${publish?.spanContext().spanId}-01`);
    } finally {
      await tracing?.shutdown();
    }
  });
});
