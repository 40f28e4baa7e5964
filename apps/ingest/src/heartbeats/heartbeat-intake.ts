import { ruleFor, spoolBacklog } from '@fleet/alarms';
import {
  type AlarmStore,
  type AlarmSubjectRepository,
  type GatewayHeartbeatRepository,
  gatewaySubject,
} from '@fleet/db';
import { gatewayIdOfSubject, parseHeartbeat } from '@fleet/telemetry';
import type { AlarmCounters } from '../alarms/alarm-counters.js';
import type { AlarmOutboxRelay } from '../alarms/alarm-outbox-relay.js';
import { evaluateSubject } from '../alarms/evaluate-subject.js';
import { maintenanceCheck } from '../alarms/maintenance-check.js';
import type { RuleCache } from '../alarms/rule-cache.js';

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * One `bms.hb/1` heartbeat → the gateway's latest heartbeat row, then derived.spool_backlog for
 * the gateway from its recent spool depths. Always acked: a heartbeat is superseded by the next
 * one within a minute, so a bad or unknown one is counted and dropped, never retried. A database
 * failure throws, and the consumer naks for a redelivery.
 */
export class HeartbeatIntake {
  constructor(
    private readonly heartbeats: GatewayHeartbeatRepository,
    private readonly store: AlarmStore,
    private readonly subjects: AlarmSubjectRepository,
    private readonly rules: RuleCache,
    private readonly relay: AlarmOutboxRelay,
    private readonly counters: AlarmCounters,
  ) {}

  /** `receivedAt`: the broker's stored time of the message, for the gateway clock's skew. */
  async handle(message: { subject: string; data: Uint8Array; receivedAt?: Date }): Promise<void> {
    const parsed = parseHeartbeat(message.data, gatewayIdOfSubject(message.subject));
    if (!parsed.ok) {
      this.counters.add(`heartbeat.rejected.${parsed.code}`);
      return;
    }
    const hb = parsed.heartbeat;
    const at = Date.parse(hb.sentAt);
    const recorded = await this.heartbeats.record({
      gatewayId: hb.gatewayId,
      at: new Date(at),
      agentVersion: hb.agentVersion,
      spoolDepth: hb.spool.depth,
      bus: hb.bus ?? null,
      receivedAt: message.receivedAt ?? null,
    });
    if (recorded.tenantId === null || recorded.siteId === null) {
      this.counters.add('heartbeat.unknown-gateway');
      return;
    }
    if (!recorded.stored) {
      this.counters.add('heartbeat.not-newer');
      return;
    }
    this.counters.add('heartbeat.stored');
    const { tenantId, siteId } = recorded;
    const rules = await this.rules.get(tenantId, siteId);
    const params = ruleFor(rules, 'derived.spool_backlog')?.params ?? {};
    const reading = spoolBacklog(recorded.spoolPoints, {
      minDepth: num(params.minDepth, 100),
      minPoints: num(params.minPoints, 3),
    });
    const spans = await this.subjects.maintenanceSpans([siteId], new Date(at), new Date(at));
    const outcome = await this.store.transaction((tx) =>
      evaluateSubject(tx, {
        subject: {
          key: gatewaySubject(hb.gatewayId),
          tenantId,
          siteId,
          stringId: null,
          gatewayId: hb.gatewayId,
        },
        rules,
        observe: () => [
          { ruleId: 'derived.spool_backlog', at, observation: { kind: 'value', value: reading.value } },
        ],
        inMaintenance: maintenanceCheck(spans, siteId),
      }),
    );
    this.counters.add('events', outcome.events);
    this.counters.addAll(outcome.skipped, 'skipped.');
    await this.relay.flush();
  }
}
