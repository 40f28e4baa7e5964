import type { CanBus } from './can-bus.js';

/**
 * What the agent owns of a CAN link, whatever carries it: an SLCAN adapter (`--slcan`) or a
 * SocketCAN interface (`--can`). Device readers see only the CanBus part.
 */
export interface CanTransport extends CanBus {
  /** Starts receiving in the background; never rejects (a lost link is retried). */
  start(): void;
  close(): Promise<void>;
  /** Logged at shutdown and put in the heartbeat (at least these; each adds its own). */
  readonly counters: CanTransportCounters;
}

export interface CanTransportCounters {
  framesIn: number;
  framesOut: number;
  /** Input that could not be read as a frame. */
  corrupt: number;
  /** The adapter or the kernel refused a frame or command (SLCAN BEL, a failed cansend). */
  adapterErrors: number;
  /** The link was lost and opened again (adapter reconnects, candump restarts). */
  reconnects: number;
}
