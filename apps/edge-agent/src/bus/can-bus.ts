import type { CanFrame } from '@fleet/protocol';

/** A frame as the gateway saw it: the reception time is the sample's `ts`. */
export interface ReceivedFrame {
  frame: CanFrame;
  receivedAt: Date;
}

/**
 * What device drivers see of a CAN bus, whatever carries it (SLCAN today; SocketCAN later).
 * Device code depends on this interface only; only src/bus/ opens ports.
 */
export interface CanBus {
  /** Queues a frame; false when the adapter is not ready (the caller decides what to do). */
  send(frame: CanFrame): boolean;
  /** Subscribes to received frames; returns the unsubscribe function. */
  onFrame(listener: (received: ReceivedFrame) => void): () => void;
}
