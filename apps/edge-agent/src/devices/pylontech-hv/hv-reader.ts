/** What the agent runs on an HV CAN bus: the active poller or the passive listener. */
export interface HvReader {
  run(signal: AbortSignal): Promise<void>;
  /** Logged at shutdown; the heartbeat reads them too. */
  readonly counters: object;
}
