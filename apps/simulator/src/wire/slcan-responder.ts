// Plays an SLCAN adapter with the simulated BMS strings on its CAN bus: acknowledges adapter
// commands, and answers 0x4200 polls with reply bursts built from the strings' current state
// at that instant. Bad input is counted and logged, never fatal.
import {
  type CanFrame,
  decodeHvCanFrame,
  encodeHvCanFrame,
  encodeSlcanFrame,
  encodeSlcanTransmitAck,
  type HvCanMessage,
  maskReply8250,
  request4200,
  SLCAN_ERROR,
  SLCAN_OK,
  type SlcanCommand,
  SlcanLineParser,
  type SlcanParseResult,
} from '@fleet/protocol';
import type { Fault } from '../faults/fault.schema.js';
import { garbleFraction, isSilent } from '../faults/fault-effects.js';
import type { Logger } from '../logger.js';
import type { BatteryString } from '../model/battery-string.js';
import { readString } from '../model/read-string.js';
import type { PcsCommand } from '../model/simulation.js';
import { garbleLines, type Random } from './garble.js';
import { ensembleMessages, systemMessages, toFrames } from './reply-bursts.js';
import type { ReplyLog } from './reply-log.js';

export interface ResponderCounters {
  /** 0x4200 polls seen while the channel was open. */
  polls: number;
  /** CAN frames received from the host. */
  framesIn: number;
  /** Lines that were not valid SLCAN. */
  corrupt: number;
  /** Valid input the simulator does not act on (other ids, cell polls, frames while closed). */
  ignored: number;
  /** PCS commands (0x8200, 0x8210, 0x8240) received while open. */
  commands: number;
}

export interface ResponderDeps {
  strings: () => BatteryString[];
  replyLog: ReplyLog;
  write: (text: string) => void;
  now: () => Date;
  logger: Logger;
  /** Active faults (bms-silence, garbled-frames on hv-can); none by default. */
  faults?: () => readonly Fault[];
  random?: Random;
  /** PCS commands 0x8200 / 0x8210 to one string; none by default. */
  command?: (address: number, command: PcsCommand) => boolean;
}

/** The 0x4200 polls an inverter sends, as the SLCAN lines a listening adapter forwards. */
const ENSEMBLE_POLL = encodeSlcanFrame(encodeHvCanFrame({ type: '4200', ...request4200('ensemble') }));
const SYSTEM_POLL = encodeSlcanFrame(encodeHvCanFrame({ type: '4200', ...request4200('system') }));
/** Listen-only mode asks for system information once every this many ensemble polls. */
const SYSTEM_POLL_EVERY = 10;

/** Version reply `Vhhss`: hardware 1.0, software 1.3 (arbitrary, like any adapter's). */
const VERSION_REPLY = 'V1013';

export class SlcanResponder {
  readonly counters: ResponderCounters = { polls: 0, framesIn: 0, corrupt: 0, ignored: 0, commands: 0 };
  private parser = new SlcanLineParser();
  private open = false;
  private unaskedPolls = 0;

  constructor(private readonly deps: ResponderDeps) {}

  /** A new host connected: start like a freshly plugged-in adapter (channel closed). */
  reset(): void {
    this.parser = new SlcanLineParser();
    this.open = false;
  }

  receive(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      this.handle(result);
    }
  }

  private handle(result: SlcanParseResult): void {
    switch (result.kind) {
      case 'command':
        this.onCommand(result.command);
        return;
      case 'frame':
        this.onFrame(result.frame);
        return;
      case 'corrupt':
        if (result.line === 'L') {
          // Lawicel `L`: open in listen-only mode. The shared parser does not know it; a
          // listen-only agent sends it, so the simulator accepts it as an open.
          this.onCommand({ kind: 'open' });
          return;
        }
        this.counters.corrupt += 1;
        this.deps.logger.warn({ reason: result.reason, line: result.line }, 'corrupt SLCAN input ignored');
        return;
      default:
        this.counters.ignored += 1;
    }
  }

  private onCommand(command: SlcanCommand): void {
    switch (command.kind) {
      case 'open':
        this.open = true;
        break;
      case 'close':
        this.open = false;
        break;
      case 'bitrate':
        // Lawicel accepts a bit rate only while the channel is closed.
        if (this.open) {
          this.deps.write(SLCAN_ERROR);
          return;
        }
        break;
      case 'version':
        this.deps.write(`${VERSION_REPLY}${SLCAN_OK}`);
        return;
    }
    this.deps.logger.debug({ command: command.kind }, 'adapter command');
    this.deps.write(SLCAN_OK);
  }

  private onFrame(frame: CanFrame): void {
    this.counters.framesIn += 1;
    if (!this.open) {
      // A closed adapter cannot transmit; the host must send `O` first.
      this.counters.ignored += 1;
      this.deps.write(SLCAN_ERROR);
      return;
    }
    this.deps.write(encodeSlcanTransmitAck(frame.extended));
    const decoded = decodeHvCanFrame(frame);
    if (
      decoded.status === 'ok' &&
      decoded.address !== null &&
      this.onCommandFrame(decoded.message, decoded.address)
    ) {
      return;
    }
    if (decoded.status !== 'ok' || decoded.message.type !== '4200') {
      this.counters.ignored += 1;
      return;
    }
    this.counters.polls += 1;
    if (decoded.message.kind === 'ensemble') {
      this.answerEnsemble();
    } else if (decoded.message.kind === 'system') {
      this.answerSystem();
    } else {
      // byte0 = 1 (cell voltages, 0x5xxx replies): layout undocumented, so no answer.
      this.counters.ignored += 1;
    }
  }

  /**
   * Listen-only mode: plays the inverter too. Writes the 0x4200 poll as a received frame and
   * the strings' answers, as a passive adapter on a live bus would forward them. Nothing is
   * sent while the host has the channel closed, as a real adapter would.
   */
  emitUnasked(): void {
    if (!this.open) {
      return;
    }
    this.unaskedPolls += 1;
    const system = this.unaskedPolls % SYSTEM_POLL_EVERY === 0;
    this.deps.write(system ? SYSTEM_POLL : ENSEMBLE_POLL);
    if (system) {
      this.answerSystem();
    } else {
      this.answerEnsemble();
    }
  }

  /** 0x8200 / 0x8210 / 0x8240 to one address; true when the frame was one of them. */
  private onCommandFrame(message: HvCanMessage, address: number): boolean {
    const known = this.deps.strings().some((s) => s.bmsAddress === address);
    const silent = isSilent(this.faults(), address, 'hv-can');
    switch (message.type) {
      case '8200':
        if (message.command !== 'noAction') {
          this.deps.command?.(address, message.command === 'enterSleep' ? 'sleep' : 'wake');
        }
        break;
      case '8210':
        if (message.chargeCommand) {
          this.deps.command?.(address, 'charge');
        }
        if (message.dischargeCommand) {
          this.deps.command?.(address, 'discharge');
        }
        break;
      case '8240':
        // The simulator has no external-communication timeout to mask; it accepts (0xAA) so a
        // PCS sees the documented reply.
        if (known && !silent) {
          this.send(() => [encodeHvCanFrame({ type: '8250', ...maskReply8250(true) }, address)], address);
        }
        break;
      default:
        return false;
    }
    this.counters.commands += 1;
    return true;
  }

  private faults(): readonly Fault[] {
    return this.deps.faults?.() ?? [];
  }

  private answerEnsemble(): void {
    for (const s of this.deps.strings()) {
      if (isSilent(this.faults(), s.bmsAddress, 'hv-can')) {
        continue;
      }
      const readings = readString(s);
      if (this.send(() => toFrames(ensembleMessages(readings), s.bmsAddress), s.bmsAddress)) {
        this.deps.replyLog.record({
          at: this.deps.now().toISOString(),
          bmsAddress: s.bmsAddress,
          pack: readings.pack,
        });
      }
    }
  }

  private answerSystem(): void {
    for (const s of this.deps.strings()) {
      if (isSilent(this.faults(), s.bmsAddress, 'hv-can')) {
        continue;
      }
      this.send(() => toFrames(systemMessages(s), s.bmsAddress), s.bmsAddress);
    }
  }

  /** Encodes and writes one burst; an encoding failure (a model bug) is logged, not fatal. */
  private send(frames: () => CanFrame[], bmsAddress: number): boolean {
    try {
      const text = frames().map(encodeSlcanFrame).join('');
      this.deps.write(
        garbleLines(text, garbleFraction(this.faults(), 'hv-can'), this.deps.random ?? Math.random),
      );
      return true;
    } catch (error) {
      this.deps.logger.error({ err: error, bmsAddress }, 'could not encode a reply burst');
      return false;
    }
  }
}
