// The agent's side of the SC console (protocol reference §3.7; framing in the protocol
// package's console-transcript.ts, PROVISIONAL): one command at a time, sent with "\n"; the
// response is everything up to the prompt ("pylon>" / "pylon_debug>", no line end) and must
// start with the echo of the command, so the tail of an earlier, timed-out response is never
// taken for this one. Unusable output is counted by kind and logged with the port.
import {
  CONSOLE_DEBUG_PROMPT,
  CONSOLE_PROMPT,
  type ConsoleResponse,
  splitConsoleResponse,
} from '@fleet/protocol';
import { HalfDuplex, lineTimeMs } from '../../bus/half-duplex.js';
import type { ReconnectingPort } from '../../bus/reconnecting-port.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';

export type ConsoleExchange =
  | { status: 'ok'; response: ConsoleResponse }
  | { status: 'timeout' }
  | { status: 'offline' }
  | { status: 'aborted' };

export const CONSOLE_GARBAGE_KINDS = [
  /** Output while no command was waiting. */
  'unsolicited',
  /** A prompt arrived but not after the echo of our command (an earlier response's tail). */
  'stale',
  /** More than the buffer bound without a prompt. */
  'overflow',
  /** Characters no console prints (line noise) inside a response. */
  'non-printable',
  /** A response the reader could not use (no table, gaps, wrong shape). */
  'unparseable',
] as const;
export type ConsoleGarbageKind = (typeof CONSOLE_GARBAGE_KINDS)[number];

export interface ConsoleClientOptions {
  baud: number;
  /** Silence allowed besides the line time of the longest response. */
  timeoutMs: number;
}

/** `bat` of 15 modules is 225 rows of ~70 characters; allow for more. */
const LONGEST_RESPONSE_CHARS = 32 * 1024;
const MAX_BUFFER = 4 * LONGEST_RESPONSE_CHARS;
const WARN_EVERY = 100;
const PROMPT_AT_END = new RegExp(`(${CONSOLE_DEBUG_PROMPT}|${CONSOLE_PROMPT})\\s*$`);

type Pending = { line: string; settle: (exchange: ConsoleExchange) => void };

export class ConsoleClient {
  readonly counters = {
    commands: 0,
    responses: 0,
    timeouts: 0,
    corrupt: 0,
    corruptByKind: Object.fromEntries(CONSOLE_GARBAGE_KINDS.map((k) => [k, 0])) as Record<
      ConsoleGarbageKind,
      number
    >,
  };
  private buffer = '';
  private pending: Pending | undefined;
  private readonly line: HalfDuplex;

  constructor(
    private readonly port: ReconnectingPort,
    clock: Clock,
    private readonly logger: Logger,
    private readonly options: ConsoleClientOptions,
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
        this.buffer = '';
      },
      onLost: () => this.pending?.settle({ status: 'offline' }),
    });
  }

  close(): Promise<void> {
    return this.port.close();
  }

  /** Sends one command line once the console is free; resolves with its response (never rejects). */
  command(line: string, signal?: AbortSignal): Promise<ConsoleExchange> {
    return this.line.exclusive(async () => {
      if (signal?.aborted) {
        return { status: 'aborted' };
      }
      const timeoutMs = this.options.timeoutMs + lineTimeMs(LONGEST_RESPONSE_CHARS, this.options.baud);
      const outcome = await this.line.wait<ConsoleExchange>(
        timeoutMs,
        (settle) => {
          this.buffer = '';
          this.pending = { line, settle };
          this.counters.commands += 1;
          if (!this.port.write(`${line}\n`)) {
            settle({ status: 'offline' });
          }
        },
        signal,
      );
      this.pending = undefined;
      this.buffer = '';
      if (outcome.status === 'answered') {
        return outcome.value;
      }
      if (outcome.status === 'timeout') {
        this.counters.timeouts += 1;
      }
      return { status: outcome.status };
    });
  }

  /** Counts and logs unusable output; readers report unparseable responses here too. */
  garbage(kind: ConsoleGarbageKind, detail: string, text = ''): void {
    this.counters.corrupt += 1;
    const count = this.counters.corruptByKind[kind] + 1;
    this.counters.corruptByKind[kind] = count;
    const preview = JSON.stringify(text.slice(0, 60)).slice(1, -1);
    const context = { link: 'console', port: this.port.description, kind, count, detail, text: preview };
    if (count % WARN_EVERY === 1) {
      this.logger.warn(context, 'unusable console output ignored');
    } else {
      this.logger.debug(context, 'unusable console output ignored');
    }
  }

  private receive(chunk: Uint8Array): void {
    const text = Buffer.from(chunk).toString('latin1');
    const pending = this.pending;
    if (pending === undefined) {
      this.garbage('unsolicited', `${text.length} characters while no command was waiting`, text);
      return;
    }
    this.buffer += text;
    if (this.buffer.length > MAX_BUFFER) {
      this.garbage('overflow', `${this.buffer.length} characters without a prompt`, this.buffer);
      this.buffer = '';
      return;
    }
    if (!PROMPT_AT_END.test(this.buffer)) {
      return;
    }
    const response = splitConsoleResponse(this.buffer);
    if (response.command !== pending.line) {
      this.garbage('stale', `a prompt without the echo of "${pending.line}"`, this.buffer);
      this.buffer = '';
      return;
    }
    this.counters.responses += 1;
    pending.settle({ status: 'ok', response });
  }
}
