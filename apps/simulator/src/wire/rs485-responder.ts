// RS485 ASCII V3.3 on a serial line: parses requests from the stream, answers the ones for
// this system's addresses, answers RTN 0x02/0x03/0x04 where V3.3 says a battery does, and
// applies the wire faults (silence, garbled frames, wrong checksums).
import {
  decodeRs485Request,
  encodeRs485Response,
  type Rs485ParseResult,
  Rs485ReturnCode,
  Rs485StreamParser,
} from '@fleet/protocol';
import type { Fault } from '../faults/fault.schema.js';
import { garbleFraction, isSilent, wrongChecksumFraction } from '../faults/fault-effects.js';
import type { Logger } from '../logger.js';
import type { BatteryString } from '../model/battery-string.js';
import { fromRs485Address } from '../topology/addressing.js';
import { garbleLines, type Random } from './garble.js';
import { rs485Reply } from './rs485-replies.js';

export interface Rs485Deps {
  strings: () => BatteryString[];
  write: (text: string) => void;
  faults: () => readonly Fault[];
  logger: Logger;
  random?: Random;
}

/** Flips the last checksum digit, so the frame is intact but its CHKSUM is wrong. */
export function breakChecksum(frame: string): string {
  const at = frame.length - 2;
  const digit = frame[at] ?? '0';
  const flipped = ((Number.parseInt(digit, 16) + 1) & 0xf).toString(16).toUpperCase();
  return `${frame.slice(0, at)}${flipped}${frame.slice(at + 1)}`;
}

export class Rs485Responder {
  readonly counters = { requests: 0, answered: 0, corrupt: 0, ignored: 0 };
  private parser = new Rs485StreamParser();

  constructor(private readonly deps: Rs485Deps) {}

  reset(): void {
    this.parser = new Rs485StreamParser();
  }

  receive(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      this.handle(result);
    }
  }

  private handle(result: Rs485ParseResult): void {
    if (result.kind === 'corrupt') {
      this.counters.corrupt += 1;
      this.deps.logger.warn(
        { reason: result.reason, detail: result.detail, text: result.text },
        'corrupt RS485 input',
      );
      this.answerCorrupt(result);
      return;
    }
    this.counters.requests += 1;
    const decoded = decodeRs485Request(result.frame);
    const adr = result.frame.adr;
    if (!this.owns(adr)) {
      this.counters.ignored += 1;
      return;
    }
    if (decoded.status === 'unknown') {
      this.send(adr, encodeRs485Response({ adr, rtn: Rs485ReturnCode.invalidCid2 }));
      return;
    }
    if (decoded.status === 'corrupt') {
      this.send(adr, encodeRs485Response({ adr, rtn: Rs485ReturnCode.commandFormatError }));
      return;
    }
    const text = rs485Reply(decoded.request, this.deps.strings());
    if (text === undefined) {
      this.counters.ignored += 1;
      return;
    }
    this.send(adr, text);
  }

  /** A request whose checksum failed still names its ADR in the clear: answer RTN 0x02 / 0x03. */
  private answerCorrupt(result: Extract<Rs485ParseResult, { kind: 'corrupt' }>): void {
    const rtn =
      result.reason === 'bad-checksum'
        ? Rs485ReturnCode.checksumError
        : result.reason === 'bad-length-checksum'
          ? Rs485ReturnCode.lengthChecksumError
          : undefined;
    const adr = Number.parseInt(result.text.slice(3, 5), 16);
    if (rtn !== undefined && Number.isInteger(adr) && this.owns(adr)) {
      this.send(adr, encodeRs485Response({ adr, rtn }));
    }
  }

  private owns(adr: number): boolean {
    const where = fromRs485Address(adr);
    return where !== undefined && this.deps.strings().some((s) => s.stringIndex === where.stringIndex);
  }

  private send(adr: number, frame: string): void {
    const where = fromRs485Address(adr);
    const s = this.deps.strings().find((x) => x.stringIndex === where?.stringIndex);
    const faults = this.deps.faults();
    if (s && isSilent(faults, s.bmsAddress, 'rs485')) {
      return;
    }
    const random = this.deps.random ?? Math.random;
    const checked = random() < wrongChecksumFraction(faults) ? breakChecksum(frame) : frame;
    this.deps.write(garbleLines(checked, garbleFraction(faults, 'rs485'), random));
    this.counters.answered += 1;
  }
}
