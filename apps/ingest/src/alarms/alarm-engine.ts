import {
  AlarmOutboxRepository,
  AlarmRuleSetRepository,
  AlarmStore,
  AlarmSubjectRepository,
  ConnectivityEventRepository,
  FleetIntelRepository,
  GatewayHeartbeatRepository,
  type PgPool,
} from '@fleet/db';
import type { AlarmsConfig } from '../config/ingest-config.js';
import { HeartbeatIntake } from '../heartbeats/heartbeat-intake.js';
import type { Logger } from '../logging/root-logger.js';
import { AlarmCounters } from './alarm-counters.js';
import { AlarmEvaluator } from './alarm-evaluator.js';
import type { AlarmEventPublisher } from './alarm-event-publisher.js';
import { AlarmOutboxRelay } from './alarm-outbox-relay.js';
import { AlarmSweeper } from './alarm-sweeper.js';
import { CellHistory } from './cell-history.js';
import { ConnectivityTracker } from './connectivity-tracker.js';
import { FleetIntelEvaluation } from './fleet-intel-evaluation.js';
import { RuleCache } from './rule-cache.js';
import { SampleTimeline } from './sample-timeline.js';
import { SohFadeEvaluation } from './soh-fade-evaluation.js';
import { SohFleetHistory } from './soh-fleet-history.js';

/** The evaluator's parts over one pool and one publisher; built by AlarmsModule and by tests. */
export interface AlarmEngine {
  evaluator: AlarmEvaluator;
  sweeper: AlarmSweeper;
  /** Heartbeats (HEARTBEAT stream): latest per gateway and derived.spool_backlog. */
  heartbeats: HeartbeatIntake;
  relay: AlarmOutboxRelay;
  rules: RuleCache;
  counters: AlarmCounters;
}

export function createAlarmEngine(deps: {
  pool: PgPool;
  publisher: AlarmEventPublisher;
  config: AlarmsConfig;
  logger: Logger;
  clock?: () => number;
}): AlarmEngine {
  const { pool, publisher, config, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const store = new AlarmStore(pool);
  const subjects = new AlarmSubjectRepository(pool);
  const counters = new AlarmCounters();
  const rules = new RuleCache(new AlarmRuleSetRepository(pool), config.ruleCacheMs, clock);
  const relay = new AlarmOutboxRelay(new AlarmOutboxRepository(pool), publisher, logger);
  return {
    evaluator: new AlarmEvaluator(
      store,
      subjects,
      rules,
      relay,
      counters,
      logger,
      new SampleTimeline(pool),
      config.stringIntervalS * 1000,
      new CellHistory(pool),
    ),
    heartbeats: new HeartbeatIntake(
      new GatewayHeartbeatRepository(pool),
      store,
      subjects,
      rules,
      relay,
      counters,
    ),
    sweeper: new AlarmSweeper(
      store,
      subjects,
      rules,
      relay,
      counters,
      config,
      new SohFadeEvaluation(new SohFleetHistory(pool), subjects, rules, counters),
      clock,
      new ConnectivityTracker(new ConnectivityEventRepository(pool), rules, logger),
      new FleetIntelEvaluation(new FleetIntelRepository(pool), subjects, rules, counters),
    ),
    relay,
    rules,
    counters,
  };
}
