// LV Pylon CAN over SLCAN: the battery broadcasts its six frames every second (main.ts runs
// the timer) and answers an inverter's 0x305 keep-alive with the same burst at once.
import { type CanFrame, decodeLvCanFrame, encodeLvCanFrame, encodeSlcanFrame } from '@fleet/protocol';
import type { Fault } from '../faults/fault.schema.js';
import { garbleFraction, isSilent } from '../faults/fault-effects.js';
import type { Logger } from '../logger.js';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import { garbleLines, type Random } from './garble.js';
import { lvCanMessages } from './lv-can-messages.js';
import { SlcanSession } from './slcan-session.js';

export interface LvCanDeps {
  strings: () => BatteryString[];
  write: (text: string) => void;
  faults: () => readonly Fault[];
  logger: Logger;
  random?: Random;
}

export class LvCanResponder {
  readonly counters = { broadcasts: 0, keepAlives: 0, voltageSaturated: 0 };
  private readonly session: SlcanSession;

  constructor(private readonly deps: LvCanDeps) {
    this.session = new SlcanSession(deps.write, (frame) => this.onFrame(frame), deps.logger);
  }

  get sessionCounters() {
    return this.session.counters;
  }

  reset(): void {
    this.session.reset();
  }

  receive(chunk: Uint8Array): void {
    this.session.receive(chunk);
  }

  /** One broadcast burst, sent only while the host has the channel open (as an adapter would). */
  broadcast(): void {
    if (!this.session.open) {
      return;
    }
    const live = this.deps.strings().filter((s) => !isSilent(this.deps.faults(), s.bmsAddress, 'lv-can'));
    if (live.length === 0) {
      return;
    }
    const view = lvCanMessages(live.map((s) => ({ readings: readString(s), moduleCount: s.modules.length })));
    if (view.voltageSaturated) {
      this.counters.voltageSaturated += 1;
    }
    try {
      const text = view.messages.map((m) => encodeSlcanFrame(encodeLvCanFrame(m))).join('');
      const garbled = garbleLines(
        text,
        garbleFraction(this.deps.faults(), 'lv-can'),
        this.deps.random ?? Math.random,
      );
      this.deps.write(garbled);
      this.counters.broadcasts += 1;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not encode the LV broadcast');
    }
  }

  private onFrame(frame: CanFrame): void {
    const decoded = decodeLvCanFrame(frame);
    if (decoded.status === 'ok' && decoded.message.type === '305') {
      this.counters.keepAlives += 1;
      this.broadcast();
    }
  }
}
