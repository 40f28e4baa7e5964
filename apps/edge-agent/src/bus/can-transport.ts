import type { CanBus } from './can-bus.js';

/**
 * What the agent owns of a CAN link, whatever carries it: an SLCAN adapter (`--slcan`) or a
 * SocketCAN interface (`--can`). Device readers see only the CanBus part.
 */
export interface CanTransport extends CanBus {
  /** Starts receiving in the background; never rejects (a lost link is retried). */
  start(): void;
  close(): Promise<void>;
  /** Logged at shutdown and put in the heartbeat. */
  readonly counters: object;
}
