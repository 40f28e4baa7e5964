// The agent's side of the RS485 ASCII V3.3 link (protocol reference §3): one request at a time
// (the bus is half-duplex, the agent the only master on it), each answered by the first
// well-formed frame from the same ADR or ended by a timeout. Everything else received is
// counted by kind and logged with the port it came from; nothing received can throw out of here.
import {
  encodeRs485Request,
  RS485_COMMANDS,
  type Rs485Frame,
  type Rs485ParseResult,
  type Rs485Request,
  Rs485StreamParser,
  responseStatus,
} from '@fleet/protocol';
import { HalfDuplex, lineTimeMs } from '../../bus/half-duplex.js';
import type { ReconnectingPort } from '../../bus/reconnecting-port.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { emptyRs485GarbageCounts, type Rs485GarbageKind } from './rs485-garbage.js';

export type Rs485Exchange =
  | { status: 'ok'; frame: Rs485Frame }
  /** The battery answered with an RTN other than 0x00 (§3.4). */
  | { status: 'refused'; rtn: number; frame: Rs485Frame }
  /** A frame arrived while waiting but could not be read (most likely the reply, damaged). */
  | { status: 'corrupt'; reason: string }
  | { status: 'timeout' }
  | { status: 'offline' }
  | { status: 'aborted' };

export interface Rs485ClientOptions {
  /** Baud rate of the line, to allow for the time a long reply takes on the wire. */
  baud: number;
  /** Silence allowed after the request before the reply starts and besides its line time. */
  timeoutMs: number;
  /** Gap between a reply and the next request (bus turnaround; lets a late frame drain). */
  turnaroundMs: number;
}

/** Longest reply we wait for: a 0x42 group answer of 15 modules is ~1.6 k characters. */
const LONGEST_REPLY_CHARS = 2048;
const WARN_EVERY = 100;

type Pending = { adr: number; request: Rs485Request; settle: (exchange: Rs485Exchange) => void };

export class Rs485Client {
  readonly counters = {
    requests: 0,
    replies: 0,
    refused: 0,
    timeouts: 0,
    /** Our own request read back (adapters that hear their own transmitter). */
    echoes: 0,
    corrupt: 0,
    corruptByKind: emptyRs485GarbageCounts(),
  };
  private parser = new Rs485StreamParser();
  private pending: Pending | undefined;
  private readonly line: HalfDuplex;

  constructor(
    private readonly port: ReconnectingPort,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: Rs485ClientOptions,
  ) {
    this.line = new HalfDuplex(clock);
  }

  get portCounters(): ReconnectingPort['counters'] {
    return this.port.counters;
  }

  start(): void {
    this.port.start({
      onData: (chunk) => this.receive(chunk),
      onConnect: () => {
        this.parser = new Rs485StreamParser();
      },
      onLost: () => this.pending?.settle({ status: 'offline' }),
    });
  }

  close(): Promise<void> {
    return this.port.close();
  }

  /** Sends one request once the line is free; resolves with its answer (never rejects). */
  request(request: Rs485Request, signal?: AbortSignal): Promise<Rs485Exchange> {
    return this.line.exclusive(async () => {
      const exchange = await this.exchange(request, signal);
      await this.clock.sleep(this.options.turnaroundMs, signal);
      return exchange;
    });
  }

  private async exchange(request: Rs485Request, signal?: AbortSignal): Promise<Rs485Exchange> {
    if (signal?.aborted) {
      return { status: 'aborted' };
    }
    const text = encodeRs485Request(request);
    const timeoutMs =
      this.options.timeoutMs + lineTimeMs(text.length + LONGEST_REPLY_CHARS, this.options.baud);
    const outcome = await this.line.wait<Rs485Exchange>(
      timeoutMs,
      (settle) => {
        this.pending = { adr: request.adr, request, settle };
        this.counters.requests += 1;
        if (!this.port.write(text)) {
          settle({ status: 'offline' });
        }
      },
      signal,
    );
    this.pending = undefined;
    if (outcome.status === 'answered') {
      return outcome.value;
    }
    if (outcome.status === 'timeout') {
      this.counters.timeouts += 1;
    }
    return { status: outcome.status };
  }

  private receive(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      try {
        this.handle(result);
      } catch (error) {
        this.logger.error(
          { err: (error as Error).message, port: this.port.description },
          'RS485 input handler failed',
        );
      }
    }
  }

  private handle(result: Rs485ParseResult): void {
    if (result.kind === 'corrupt') {
      this.garbage(result.reason, result.detail, result.text);
      // A damaged frame during an exchange is almost certainly its reply: no point waiting on.
      if (result.reason !== 'garbage') {
        this.pending?.settle({ status: 'corrupt', reason: `${result.reason}: ${result.detail}` });
      }
      return;
    }
    const { frame } = result;
    const pending = this.pending;
    if (pending && isEcho(frame, pending.request)) {
      this.counters.echoes += 1;
      return;
    }
    if (pending === undefined || frame.adr !== pending.adr) {
      this.garbage('unsolicited', `ADR 0x${hex(frame.adr)}, RTN/CID2 0x${hex(frame.cid2)}`, '');
      return;
    }
    const status = responseStatus(frame);
    if (status.ok) {
      this.counters.replies += 1;
      pending.settle({ status: 'ok', frame });
    } else {
      this.counters.refused += 1;
      pending.settle({ status: 'refused', rtn: status.rtn, frame });
    }
  }

  /** Counts and logs what could not be used; also used by readers for undecodable INFO. */
  garbage(kind: Rs485GarbageKind, detail: string, text: string): void {
    this.counters.corrupt += 1;
    const count = this.counters.corruptByKind[kind] + 1;
    this.counters.corruptByKind[kind] = count;
    const context = { link: 'rs485', port: this.port.description, kind, count, detail, text };
    if (count % WARN_EVERY === 1) {
      this.logger.warn(context, 'corrupt RS485 input ignored');
    } else {
      this.logger.debug(context, 'corrupt RS485 input ignored');
    }
  }
}

function isEcho(frame: Rs485Frame, request: Rs485Request): boolean {
  return (
    frame.adr === request.adr &&
    frame.cid2 === RS485_COMMANDS[request.command] &&
    frame.info.length === request.info.length &&
    frame.info.every((b, i) => b === request.info[i])
  );
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
