import { type Observation, staleness } from '@fleet/alarms';
import {
  type AlarmRow,
  type AlarmStore,
  type AlarmSubjectRepository,
  gatewaySubject,
  type SilentSubject,
  stringSubject,
} from '@fleet/db';
import type { AlarmsConfig } from '../config/ingest-config.js';
import type { AlarmCounters } from './alarm-counters.js';
import type { AlarmOutboxRelay } from './alarm-outbox-relay.js';
import type { AlarmSubject } from './alarm-subject.js';
import type { ConnectivityTracker, JudgedSubject } from './connectivity-tracker.js';
import { evaluateSubject } from './evaluate-subject.js';
import type { FleetIntelEvaluation } from './fleet-intel-evaluation.js';
import { maintenanceCheck } from './maintenance-check.js';
import type { RuleCache } from './rule-cache.js';
import type { SohFadeEvaluation } from './soh-fade-evaluation.js';

const LIMIT = 5000;

/**
 * What time alone changes, run every ALARMS_SWEEP_EVERY_S: fire and clear delays that elapse
 * without a new sample (the last observation is re-applied at `now`), strings and gateways that
 * went silent (staleness), and open alarms nobody acknowledged (escalation, one tier per
 * ALARMS_ESCALATE_AFTER_S up to ALARMS_MAX_ESCALATION). Once a UTC day it also judges every
 * string's SOH fade against its fleet (derived.soh_fade_vs_fleet), first, so the day's fresh
 * observation comes before the delays re-apply the stored one; then the fleet's early warnings
 * (derived.finding.*, fleet-intel-evaluation.ts).
 */
export class AlarmSweeper {
  constructor(
    private readonly store: AlarmStore,
    private readonly subjects: AlarmSubjectRepository,
    private readonly rules: RuleCache,
    private readonly relay: AlarmOutboxRelay,
    private readonly counters: AlarmCounters,
    private readonly config: AlarmsConfig,
    private readonly sohFade: SohFadeEvaluation,
    private readonly clock: () => number = Date.now,
    private readonly connectivity?: Pick<ConnectivityTracker, 'record'>,
    private readonly fleetIntel?: Pick<FleetIntelEvaluation, 'run'>,
  ) {}

  async sweep(): Promise<void> {
    const now = this.clock();
    await this.sohFade.run(now, (subject, at, observe) => this.evaluate(subject, at, observe));
    await this.fleetIntel?.run(now, (subject, at, observe) => this.evaluate(subject, at, observe));
    await this.elapseDelays(now);
    await this.stale(now);
    await this.escalate(now);
    await this.relay.flush();
  }

  private async elapseDelays(now: number): Promise<void> {
    for (const waiting of await this.subjects.waitingRuleStates(LIMIT)) {
      const subject: AlarmSubject = { key: waiting.subjectKey, ...waiting };
      await this.evaluate(subject, now, (stored) => {
        const last = stored.get(waiting.ruleId)?.lastObservation as Observation | null | undefined;
        return last ? [{ ruleId: waiting.ruleId, at: now, observation: last }] : [];
      });
    }
  }

  private async stale(now: number): Promise<void> {
    const tracked = await this.subjects.subjectsWithState(['derived.string_stale', 'derived.gateway_stale']);
    const judged: JudgedSubject[] = [];
    for (const s of await this.subjects.silentCandidates()) {
      const ruleId = s.kind === 'string' ? 'derived.string_stale' : 'derived.gateway_stale';
      const intervalS = s.kind === 'string' ? this.config.stringIntervalS : this.config.gatewayIntervalS;
      const value = staleness({
        lastSeenMs: s.lastSeenAt?.getTime() ?? null,
        nowMs: now,
        expectedIntervalMs: intervalS * 1000,
      }).value;
      judged.push({ subject: s, missedIntervals: value ?? null });
      const subject = subjectOf(s);
      if ((value ?? 0) <= 1 && !tracked.has(subject.key)) {
        continue; // reporting on time and never stale: no transaction at all
      }
      await this.evaluate(subject, now, (stored) => {
        // Reporting on time and nothing stored: no transaction work beyond the read.
        const quiet = stored.get(ruleId) === undefined && (value ?? 0) <= 1;
        return quiet ? [] : [{ ruleId, at: now, observation: { kind: 'value', value } }];
      });
    }
    // Offline / back-online changes are stored facts too (issue 6), beside the stale alarms.
    await this.connectivity?.record(judged, now);
  }

  private async escalate(now: number): Promise<void> {
    const due = await this.subjects.escalationDue(
      new Date(now - this.config.escalateAfterS * 1000),
      this.config.maxEscalationLevel,
      LIMIT,
    );
    const spans = await this.subjects.maintenanceSpans(
      [...new Set(due.map((a) => a.siteId))],
      new Date(now),
      new Date(now),
    );
    for (const candidate of due) {
      await this.store.transaction(async (tx) => {
        const alarm = await tx.lockAlarm(candidate.tenantId, candidate.id);
        if (!alarm || !isDue(alarm, now, this.config)) {
          return; // acknowledged or escalated by someone else meanwhile
        }
        const suppressed =
          maintenanceCheck(spans, alarm.siteId)(now) || (alarm.snoozedUntil?.getTime() ?? 0) > now;
        const level = alarm.escalationLevel + 1;
        await tx.transition(
          alarm,
          { escalationLevel: level, escalatedAt: new Date(now) },
          {
            transition: 'escalated',
            actor: 'system',
            at: new Date(now),
            notify: !suppressed,
            detail: { level },
          },
        );
        this.counters.add('escalated');
      });
    }
  }

  private async evaluate(
    subject: AlarmSubject,
    now: number,
    observe: Parameters<typeof evaluateSubject>[1]['observe'],
  ): Promise<void> {
    const rules = await this.rules.get(subject.tenantId, subject.siteId);
    const spans = await this.subjects.maintenanceSpans([subject.siteId], new Date(now), new Date(now));
    const outcome = await this.store.transaction((tx) =>
      evaluateSubject(tx, {
        subject,
        rules,
        observe,
        inMaintenance: maintenanceCheck(spans, subject.siteId),
      }),
    );
    this.counters.add('sweep.events', outcome.events);
  }
}

function subjectOf(s: SilentSubject): AlarmSubject {
  return s.kind === 'string'
    ? {
        key: stringSubject(s.id),
        tenantId: s.tenantId,
        siteId: s.siteId,
        stringId: s.id,
        gatewayId: s.gatewayId,
      }
    : { key: gatewaySubject(s.id), tenantId: s.tenantId, siteId: s.siteId, stringId: null, gatewayId: s.id };
}

function isDue(alarm: AlarmRow, now: number, config: AlarmsConfig): boolean {
  const since = (alarm.escalatedAt ?? alarm.firstFiredAt).getTime();
  return (
    alarm.status === 'open' &&
    alarm.escalationLevel < config.maxEscalationLevel &&
    now - since >= config.escalateAfterS * 1000
  );
}
