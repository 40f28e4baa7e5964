import { ruleFor } from '@fleet/alarms';
import type { ConnectivityEventRepository, ConnectivityState, SilentSubject } from '@fleet/db';
import type { Logger } from '../logging/root-logger.js';
import type { RuleCache } from './rule-cache.js';

/** Missed intervals after which a subject counts as offline when its rule names no threshold. */
export const DEFAULT_OFFLINE_AFTER_INTERVALS = 3;

/** One subject as the stale sweep judged it: missed reporting intervals (null: never seen). */
export interface JudgedSubject {
  subject: SilentSubject;
  missedIntervals: number | null;
}

/**
 * Turns the stale sweep's judgement into connectivity_event rows: a string or gateway is offline
 * once it missed more reporting intervals than its stale rule's first threshold (the point where
 * derived.string_stale / derived.gateway_stale fires), online again once it is within it. The
 * repository writes only changes, so the sweep can report every subject every time. A failure
 * is logged and the next sweep records the change.
 */
export class ConnectivityTracker {
  constructor(
    private readonly events: Pick<ConnectivityEventRepository, 'recordChanges'>,
    private readonly rules: RuleCache,
    private readonly logger: Logger,
  ) {}

  async record(judged: readonly JudgedSubject[], now: number): Promise<number> {
    const states: ConnectivityState[] = [];
    for (const { subject, missedIntervals } of judged) {
      if (missedIntervals === null) {
        continue;
      }
      const limit = await this.offlineAfter(subject);
      const offline = missedIntervals > limit;
      const since = subject.lastSeenAt?.toISOString() ?? 'never';
      states.push({
        gatewayId: subject.kind === 'string' ? subject.gatewayId : subject.id,
        stringId: subject.kind === 'string' ? subject.id : null,
        kind: offline ? 'offline' : 'online',
        reason: offline
          ? `silent for ${missedIntervals.toFixed(1)} reporting intervals (over ${limit}); last data ${since}`
          : `reporting again; last data ${since}`,
      });
    }
    try {
      return (await this.events.recordChanges(states, new Date(now))).length;
    } catch (error) {
      this.logger.warn({ err: error, subjects: states.length }, 'recording connectivity changes failed');
      return 0;
    }
  }

  private async offlineAfter(subject: SilentSubject): Promise<number> {
    const ruleId = subject.kind === 'string' ? 'derived.string_stale' : 'derived.gateway_stale';
    const thresholds = ruleFor(await this.rules.get(subject.tenantId, subject.siteId), ruleId)?.thresholds;
    return thresholds?.warning ?? thresholds?.critical ?? DEFAULT_OFFLINE_AFTER_INTERVALS;
  }
}
