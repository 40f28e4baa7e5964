import {
  DataGapRepository,
  PackSampleRepository,
  type StoreBatchInput,
  type StoreBatchResult,
  StringRegistryRepository,
} from '@fleet/db';
import { withLogContext } from '@fleet/service-kit';
import {
  batchMessageId,
  gatewayIdOfSubject,
  parseTelemetryEnvelope,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { startChildSpan } from '../tracing/message-spans.js';
import { IngestCounters } from './ingest-counters.js';
import type { InboundTelemetry, IngestOutcome } from './ingest-outcome.js';
import { isPermanentDbError } from './is-permanent-db-error.js';
import { sampleSpans } from './sample-spans.js';
import { StringIdCache } from './string-id-cache.js';
import { TelemetryRejecter } from './telemetry-rejecter.js';
import { toPackSampleRows } from './to-pack-sample-rows.js';

/** A message that passed validation, waiting for its string ids. */
interface Decoded {
  index: number;
  message: InboundTelemetry;
  envelope: TelemetryEnvelope;
}

/** A message ready to be written. */
interface Prepared {
  index: number;
  message: InboundTelemetry;
  input: StoreBatchInput;
  ids: { gatewayId: string; msgId: string; deliveryId: string };
}

/**
 * validate → resolve strings → store, for a group of telemetry messages written in ONE
 * transaction. Never throws: every message ends as ack (stored, duplicate, or dead-lettered) or
 * nak (retry later), so one bad message cannot stop the consumer, and a group that fails is
 * written again message by message, so one batch cannot fail the others.
 *
 * Ledger key: the envelope's own `<gatewayId>:<bootId>:<seq>` (batchMessageId), not the
 * Nats-Msg-Id header. The envelope is validated and identical on every transport (NATS, IoT
 * Core), while the header is optional transport metadata; so a replay of the same batch is
 * recognised whatever header it carries. Edge agents set Nats-Msg-Id to the same value, which
 * lets JetStream drop resends inside its window before they reach us.
 */
@Injectable()
export class TelemetryIngestService {
  private readonly logger: Logger;
  private readonly strings: StringIdCache;

  constructor(
    @Inject(StringRegistryRepository) registry: StringRegistryRepository,
    @Inject(PackSampleRepository) private readonly samples: PackSampleRepository,
    @Inject(DataGapRepository) private readonly gaps: DataGapRepository,
    @Inject(TelemetryRejecter) private readonly rejecter: TelemetryRejecter,
    @Inject(IngestCounters) private readonly counters: IngestCounters,
    @Inject(INGEST_CONFIG) config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'telemetry-ingest' });
    this.strings = new StringIdCache(registry, config.write.stringCacheMs);
  }

  async handle(message: InboundTelemetry): Promise<IngestOutcome> {
    const [outcome] = await this.handleMany([message]);
    return outcome ?? this.rejecter.retry();
  }

  /** One outcome per message, in order. */
  async handleMany(messages: readonly InboundTelemetry[]): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    const decoded: Decoded[] = [];
    await Promise.all(
      messages.map(async (message, index) => {
        const span = startChildSpan('telemetry decode', message.trace, {
          'fleet.bytes': message.data.length,
        });
        // Lines logged while decoding (rejects, unknown kinds) carry the message's ids.
        const ids = { natsMsgId: message.natsMsgId, deliveryId: message.deliveryId };
        const result = await withLogContext(ids, () => this.decode(message));
        span.setAttribute('fleet.outcome', 'action' in result ? outcomeName(result) : 'decoded');
        span.end();
        if ('action' in result) {
          outcomes[index] = result;
        } else {
          decoded.push({ index, message, envelope: result });
        }
      }),
    );
    const prepared = await this.prepare(decoded, outcomes);
    await this.store(prepared, outcomes);
    await this.refreshGaps(prepared, outcomes);
    return messages.map((_, i) => outcomes[i] ?? this.rejecter.retry());
  }

  private async decode(message: InboundTelemetry): Promise<IngestOutcome | TelemetryEnvelope> {
    const gatewayId = gatewayIdOfSubject(message.subject);
    if (!gatewayId) {
      const reason = `subject ${message.subject} names no valid gateway id`;
      return this.rejecter.reject(message, undefined, 'bad-subject', reason);
    }
    const parsed = parseTelemetryEnvelope(message.data, gatewayId);
    if (!parsed.ok) {
      // A JSON parser's message quotes the payload; logs and headers get ids and sizes only.
      const reason =
        parsed.code === 'not-json' ? `payload is not JSON (${message.data.length} bytes)` : parsed.reason;
      return this.rejecter.reject(message, gatewayId, parsed.code, reason);
    }
    const envelope = parsed.envelope;
    if (envelope.unknownSamples && !(await this.rejecter.parkUnknownSamples(message, envelope))) {
      return this.rejecter.retry();
    }
    return envelope;
  }

  /** String ids for every message, one registry round trip per gateway at most (cached). */
  private async prepare(decoded: readonly Decoded[], outcomes: IngestOutcome[]): Promise<Prepared[]> {
    const byGateway = new Map<string, Decoded[]>();
    for (const d of decoded) {
      const group = byGateway.get(d.envelope.gatewayId);
      if (group) {
        group.push(d);
      } else {
        byGateway.set(d.envelope.gatewayId, [d]);
      }
    }
    const prepared: Prepared[] = [];
    await Promise.all(
      [...byGateway].map(async ([gatewayId, group]) => {
        const keys = group.flatMap((d) =>
          d.envelope.samples.map(({ bus, bmsAddress }) => ({ bus, bmsAddress })),
        );
        let resolved: Awaited<ReturnType<StringIdCache['resolve']>>;
        try {
          resolved = await this.strings.resolve(gatewayId, keys);
        } catch (error) {
          this.logger.warn(
            { gatewayId, err: error },
            'resolving strings failed; the batches will be redelivered',
          );
          for (const d of group) {
            outcomes[d.index] = this.rejecter.retry();
          }
          return;
        }
        if (resolved.gateway === 'unknown') {
          const reason = `gateway ${gatewayId} is not registered`;
          for (const d of group) {
            outcomes[d.index] = await this.rejecter.reject(d.message, gatewayId, 'unknown-gateway', reason);
          }
          return;
        }
        if (resolved.discovered.length) {
          this.logger.info({ gatewayId, strings: resolved.discovered }, 'registered newly seen strings');
        }
        for (const d of group) {
          prepared.push(this.toInput(d, resolved.ids));
        }
      }),
    );
    return prepared.sort((a, b) => a.index - b.index);
  }

  private toInput({ index, message, envelope }: Decoded, stringIds: Map<string, string>): Prepared {
    const msgId = batchMessageId(envelope.gatewayId, envelope.bootId, envelope.seq);
    const ids = { gatewayId: envelope.gatewayId, msgId, deliveryId: message.deliveryId };
    if (message.natsMsgId && message.natsMsgId !== msgId) {
      this.logger.debug({ ...ids, natsMsgId: message.natsMsgId }, 'Nats-Msg-Id differs from the envelope id');
    }
    const { rows, cellSnapshots, problems } = toPackSampleRows(envelope, stringIds);
    if (problems.length) {
      this.logger.warn(
        { ...ids, problems: problems.slice(0, 5), count: problems.length },
        'series rows skipped',
      );
    }
    return { index, message, ids, input: { msgId, gatewayId: envelope.gatewayId, rows, cellSnapshots } };
  }

  /**
   * The whole group in one transaction; if that fails for any reason, each batch on its own
   * (a refused row then costs only its batch the row-by-row path, a transient failure naks).
   */
  private async store(prepared: readonly Prepared[], outcomes: IngestOutcome[]): Promise<void> {
    if (prepared.length === 0) {
      return;
    }
    // One span per message under its own trace, all covering the group's one transaction.
    const spans = prepared.map((p) =>
      startChildSpan('pack_sample write', p.message.trace, {
        'db.system.name': 'postgresql',
        'fleet.msg_id': p.ids.msgId,
        'fleet.group_size': prepared.length,
      }),
    );
    try {
      await this.storeGroup(prepared, outcomes);
    } finally {
      prepared.forEach((p, i) => {
        const outcome = outcomes[p.index];
        spans[i]?.setAttribute('fleet.outcome', outcome ? outcomeName(outcome) : 'retry');
        spans[i]?.end();
      });
    }
  }

  private async storeGroup(prepared: readonly Prepared[], outcomes: IngestOutcome[]): Promise<void> {
    try {
      const { path, results } = await this.samples.storeBatches(prepared.map((p) => p.input));
      this.counters.wrote(path === 'merge' ? 'merge' : 'copy');
      prepared.forEach((p, i) => {
        outcomes[p.index] = this.record(p, results[i] ?? { duplicate: true, stored: 0 });
      });
      return;
    } catch (error) {
      if (prepared.length > 1 || !isPermanentDbError(error)) {
        this.logger.warn(
          { batches: prepared.length, err: error },
          'writing the group failed; storing its batches one by one',
        );
      }
    }
    for (const p of prepared) {
      outcomes[p.index] = await this.storeOne(p);
    }
  }

  /**
   * data_gap around what was just stored (or was already: a redelivery after a failed refresh
   * gets its refresh), after the commit so it reads the samples of concurrent writers too. If it
   * fails the batches are nakked: their redelivery is a duplicate and refreshes again.
   */
  private async refreshGaps(prepared: readonly Prepared[], outcomes: IngestOutcome[]): Promise<void> {
    const done = prepared.filter((p) => {
      const outcome = outcomes[p.index];
      return outcome?.action === 'ack' && outcome.result !== 'rejected';
    });
    try {
      await this.gaps.refresh(sampleSpans(done.map((p) => p.input)));
    } catch (error) {
      this.logger.warn(
        { batches: done.length, err: error },
        'refreshing data gaps failed; the batches will be redelivered',
      );
      for (const p of done) {
        outcomes[p.index] = this.rejecter.retry();
      }
    }
  }

  private async storeOne(p: Prepared): Promise<IngestOutcome> {
    try {
      const result = await this.samples.storeBatch(p.input);
      this.counters.wrote('single');
      return this.record(p, result);
    } catch (error) {
      if (isPermanentDbError(error)) {
        const detail = `database refused the batch: ${(error as Error).message}`;
        return this.rejecter.reject(p.message, p.ids.gatewayId, 'store-rejected', detail);
      }
      this.logger.warn({ ...p.ids, err: error }, 'storing the batch failed; it will be redelivered');
      return this.rejecter.retry();
    }
  }

  private record(p: Prepared, result: StoreBatchResult): IngestOutcome {
    if (result.duplicate) {
      this.counters.duplicate();
      this.logger.debug(p.ids, 'batch already stored');
      return { action: 'ack', result: 'duplicate' };
    }
    this.counters.stored(result.stored + (result.storedCellSnapshots ?? 0));
    if (result.quarantined) {
      this.counters.quarantined(result.quarantined);
      // A refused row may be a string deleted since its id was cached.
      this.strings.forget(p.ids.gatewayId);
      this.logger.warn(
        { ...p.ids, rows: result.quarantined },
        'rows quarantined; the rest of the batch stored',
      );
    }
    return { action: 'ack', result: 'stored' };
  }
}

/** `stored`, `duplicate`, `rejected` or `retry`: a span attribute. */
function outcomeName(outcome: IngestOutcome): string {
  return outcome.action === 'ack' ? outcome.result : 'retry';
}
