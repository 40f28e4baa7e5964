// Test doubles shared by the agent's small tests: a clock that jumps instead of waiting, a CAN
// bus that answers polls from preloaded frames, a silent logger.
import type { CanFrame } from '@fleet/protocol';
import { pino } from 'pino';
import type { CanBus, ReceivedFrame } from '../src/bus/can-bus.js';
import type { Clock } from '../src/clock.js';

export const silentLogger = pino({ level: 'silent' });

export class FakeClock implements Clock {
  constructor(public ms = Date.parse('2026-11-25T12:00:00Z')) {}

  now(): Date {
    return new Date(this.ms);
  }

  async sleep(ms: number): Promise<void> {
    this.ms += Math.max(0, ms);
  }
}

/** Answers each sent frame with the frames `reply` returns, stamped with the clock's time. */
export class FakeBus implements CanBus {
  readonly sent: CanFrame[] = [];
  ready = true;
  private readonly listeners = new Set<(r: ReceivedFrame) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly reply: (frame: CanFrame) => CanFrame[] = () => [],
  ) {}

  send(frame: CanFrame): boolean {
    if (!this.ready) {
      return false;
    }
    this.sent.push(frame);
    for (const answer of this.reply(frame)) {
      this.deliver(answer);
    }
    return true;
  }

  deliver(frame: CanFrame): void {
    for (const listener of this.listeners) {
      listener({ frame, receivedAt: this.clock.now() });
    }
  }

  onFrame(listener: (r: ReceivedFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
