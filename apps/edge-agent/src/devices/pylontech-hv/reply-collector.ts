// Gathers the frames of reply bursts while a poll's reply window is open, grouped by BMS
// address (low nibble of 0x42x0…/0x73x0… ids). Frames outside a window are counted and dropped.
import { hvReplyAddress } from '@fleet/protocol';
import type { CanBus, ReceivedFrame } from '../../bus/can-bus.js';

export interface CollectorCounters {
  /** Frames outside any reply window (another master polling, late replies). */
  unsolicited: number;
  /** Frames inside a window that belong to no reply burst (other ids, standard frames). */
  foreign: number;
}

export class ReplyCollector {
  readonly counters: CollectorCounters = { unsolicited: 0, foreign: 0 };
  private groups: Map<number, ReceivedFrame[]> | undefined;
  private readonly unsubscribe: () => void;

  constructor(bus: CanBus) {
    this.unsubscribe = bus.onFrame((received) => this.accept(received));
  }

  /** Opens a window; frames from now on are kept. */
  begin(): void {
    this.groups = new Map();
  }

  /** Closes the window and returns what arrived, by address, in order of reception. */
  end(): Map<number, ReceivedFrame[]> {
    const groups = this.groups ?? new Map();
    this.groups = undefined;
    return groups;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private accept(received: ReceivedFrame): void {
    if (this.groups === undefined) {
      this.counters.unsolicited += 1;
      return;
    }
    const address = hvReplyAddress(received.frame);
    if (address === undefined) {
      this.counters.foreign += 1;
      return;
    }
    const group = this.groups.get(address) ?? [];
    group.push(received);
    this.groups.set(address, group);
  }
}
