import type { CompositionEvent, TopologyEvent } from '@fleet/telemetry';

/**
 * What the agent runs on a CAN bus, whatever the protocol: the Pylontech HV poller or listener,
 * or the LV reader. main.ts picks one from `--protocol` and `--mode`.
 */
export interface BmsReader {
  run(signal: AbortSignal): Promise<void>;
  /** Logged at shutdown; the heartbeat reads them too. */
  readonly counters: object;
}

/** Called when a string's composition is first read or changes (issue 5: auto-discovery). */
export type OnComposition = (event: CompositionEvent) => void;

/**
 * Called after a discovery round whose answer differs from the last one reported: every string
 * that answered on the bus (issue 10: topology discovery). An address missing from it did not answer.
 */
export type OnTopology = (event: TopologyEvent) => void;
