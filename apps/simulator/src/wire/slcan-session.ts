// The adapter half of an SLCAN link (Lawicel): acknowledges `O`/`L`/`C`/`Sn`/`V`, refuses
// frames while the channel is closed, counts what it could not use, and hands every frame
// received while open to its owner. The HV responder predates it and keeps its own copy.
import {
  type CanFrame,
  encodeSlcanTransmitAck,
  SLCAN_ERROR,
  SLCAN_OK,
  type SlcanCommand,
  SlcanLineParser,
  type SlcanParseResult,
} from '@fleet/protocol';
import type { Logger } from '../logger.js';

export interface SlcanCounters {
  framesIn: number;
  corrupt: number;
  ignored: number;
}

/** Version reply `Vhhss`: hardware 1.0, software 1.3 (arbitrary, like any adapter's). */
const VERSION_REPLY = 'V1013';

export class SlcanSession {
  readonly counters: SlcanCounters = { framesIn: 0, corrupt: 0, ignored: 0 };
  private parser = new SlcanLineParser();
  private channelOpen = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly onFrame: (frame: CanFrame) => void,
    private readonly logger: Logger,
  ) {}

  get open(): boolean {
    return this.channelOpen;
  }

  reset(): void {
    this.parser = new SlcanLineParser();
    this.channelOpen = false;
  }

  receive(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      this.handle(result);
    }
  }

  private handle(result: SlcanParseResult): void {
    if (result.kind === 'command') {
      this.onCommand(result.command);
    } else if (result.kind === 'frame') {
      this.counters.framesIn += 1;
      if (!this.channelOpen) {
        this.counters.ignored += 1;
        this.write(SLCAN_ERROR);
        return;
      }
      this.write(encodeSlcanTransmitAck(result.frame.extended));
      this.onFrame(result.frame);
    } else if (result.kind === 'corrupt' && result.line === 'L') {
      // Lawicel `L` (listen-only open), unknown to the shared parser.
      this.onCommand({ kind: 'open' });
    } else if (result.kind === 'corrupt') {
      this.counters.corrupt += 1;
      this.logger.warn({ reason: result.reason, line: result.line }, 'corrupt SLCAN input ignored');
    } else {
      this.counters.ignored += 1;
    }
  }

  private onCommand(command: SlcanCommand): void {
    switch (command.kind) {
      case 'open':
        this.channelOpen = true;
        break;
      case 'close':
        this.channelOpen = false;
        break;
      case 'bitrate':
        if (this.channelOpen) {
          this.write(SLCAN_ERROR);
          return;
        }
        break;
      case 'version':
        this.write(`${VERSION_REPLY}${SLCAN_OK}`);
        return;
    }
    this.write(SLCAN_OK);
  }
}
