import type { AlarmStore, AlarmSubjectRepository } from '@fleet/db';
import { gatewayIdOfSubject, parseTelemetryEnvelope } from '@fleet/telemetry';
import type { Logger } from '../logging/root-logger.js';
import { endFailedWith, startEvaluateSpan, traceparentOf } from '../tracing/alarm-spans.js';
import type { AlarmCounters } from './alarm-counters.js';
import type { AlarmOutboxRelay } from './alarm-outbox-relay.js';
import { batchByString } from './batch-by-string.js';
import type { CellHistory } from './cell-history.js';
import { dataGapObservation } from './data-gap-observation.js';
import { evaluateSubject } from './evaluate-subject.js';
import { maintenanceCheck } from './maintenance-check.js';
import type { RuleCache } from './rule-cache.js';
import type { SampleTimeline } from './sample-timeline.js';
import { stringObservations } from './string-observations.js';
import { weakCellObservation } from './weak-cell-observation.js';

export interface AlarmMessage {
  subject: string;
  data: Uint8Array;
  /** JetStream delivery count, from 1. */
  deliveryCount: number;
  /** Reads a message header (`traceparent`, `tracestate`): the evaluation continues the sample's trace. */
  header?: (name: string) => string | undefined;
}

export type AlarmOutcome = { action: 'ack' } | { action: 'nak'; delayMs: number };

/** Strings the writer has not registered yet are retried this often before the batch is let go. */
const UNKNOWN_STRING_RETRIES = 5;
const UNKNOWN_STRING_DELAY_MS = 2000;

/**
 * One telemetry batch → alarm evaluation of each of its strings, one transaction per string
 * (state, alarms and events together), then the outbox relay publishes. The writer owns
 * validation and dead-lettering: a batch it would refuse is acknowledged here and counted.
 */
export class AlarmEvaluator {
  constructor(
    private readonly store: AlarmStore,
    private readonly subjects: AlarmSubjectRepository,
    private readonly rules: RuleCache,
    private readonly relay: AlarmOutboxRelay,
    private readonly counters: AlarmCounters,
    private readonly logger: Logger,
    private readonly timeline: SampleTimeline,
    private readonly stringIntervalMs: number,
    private readonly cellHistory?: CellHistory,
  ) {}

  /** Inside an `alarm evaluate` span; every transition it writes stores that span's traceparent. */
  async handle(message: AlarmMessage): Promise<AlarmOutcome> {
    const span = startEvaluateSpan(message.subject, message.header ?? (() => undefined));
    try {
      const outcome = await this.evaluate(message, traceparentOf(span));
      span.end();
      return outcome;
    } catch (error) {
      endFailedWith(span, error);
      throw error;
    }
  }

  private async evaluate(message: AlarmMessage, traceparent: string | undefined): Promise<AlarmOutcome> {
    const parsed = parseTelemetryEnvelope(message.data, gatewayIdOfSubject(message.subject));
    if (!parsed.ok) {
      this.counters.add(`rejected.${parsed.code}`);
      return { action: 'ack' };
    }
    const { strings, problems } = batchByString(parsed.envelope);
    this.counters.add('problems.series', problems.length);
    const known = new Map(
      (await this.subjects.stringsOfGateway(parsed.envelope.gatewayId)).map((s) => [
        `${s.bus}#${s.bmsAddress}`,
        s,
      ]),
    );
    const missing = [...strings.keys()].filter((k) => !known.has(k));
    if (missing.length > 0 && message.deliveryCount < UNKNOWN_STRING_RETRIES) {
      // The writer registers new strings; it may not have committed yet.
      return { action: 'nak', delayMs: UNKNOWN_STRING_DELAY_MS };
    }
    this.counters.add('skipped.unknown-string', missing.length);
    const times = [...strings.values()].flatMap((s) => [...s.packs, ...s.cells].map((x) => Date.parse(x.ts)));
    const siteIds = [...new Set([...known.values()].map((s) => s.siteId))];
    const spans = await this.subjects.maintenanceSpans(
      siteIds,
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
    );
    for (const [key, samples] of strings) {
      const string = known.get(key);
      if (!string) {
        continue;
      }
      const rules = await this.rules.get(string.tenantId, string.siteId);
      const { observations, problems: decodeProblems } = stringObservations(
        samples.packs,
        samples.cells,
        rules,
      );
      this.counters.add('problems.decode', decodeProblems.length);
      if (samples.packs.length > 0) {
        const gap = await dataGapObservation(
          this.timeline,
          string.id,
          samples.packs.map((p) => Date.parse(p.ts)),
          rules,
          this.stringIntervalMs,
        );
        if ('skipped' in gap) {
          this.counters.add(`skipped.${gap.skipped}`);
        } else {
          observations.push(gap.observation);
          observations.sort((a, b) => a.at - b.at);
        }
      }
      if (samples.cells.length > 0 && this.cellHistory) {
        const weak = await weakCellObservation(
          this.cellHistory,
          string.id,
          samples.cells.map((c) => ({ ts: Date.parse(c.ts), cellVoltagesMv: c.cellVoltagesMv })),
          rules,
        );
        if ('skipped' in weak) {
          this.counters.add(`skipped.${weak.skipped}`);
        } else {
          observations.push(weak.observation);
          observations.sort((a, b) => a.at - b.at);
        }
      }
      const outcome = await this.store.transaction((tx) =>
        evaluateSubject(tx, {
          subject: {
            key: `string:${string.id}`,
            tenantId: string.tenantId,
            siteId: string.siteId,
            stringId: string.id,
            gatewayId: parsed.envelope.gatewayId,
          },
          rules,
          observe: () => observations,
          inMaintenance: maintenanceCheck(spans, string.siteId),
          ...(traceparent === undefined ? {} : { traceparent }),
        }),
      );
      this.counters.add('events', outcome.events);
      this.counters.addAll(outcome.skipped, 'skipped.');
    }
    this.counters.add('batches');
    void this.relay.flush().catch((error: unknown) => this.logger.warn({ err: error }, 'relay failed'));
    return { action: 'ack' };
  }
}
