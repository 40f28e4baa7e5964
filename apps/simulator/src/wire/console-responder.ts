// The SC console on a serial line: one line per command (LF or CR), answered with the
// protocol package's renderers in the BMS's framing (echo, "@", body, "Command completed
// successfully", "$$", prompt). `getpwr` needs `login debug` and `tbar <barcode>` first.
// With an MBMS1000 the console is that of the FIRST string's SC1000 (one console per BMS).
import {
  CONSOLE_DEBUG_PROMPT,
  CONSOLE_PROMPT,
  renderBat,
  renderConsoleResponse,
  renderGetpwr,
  renderInfo,
  renderLoginReply,
  renderPwr,
  renderTbarReply,
  renderUnit,
} from '@fleet/protocol';
import type { Fault } from '../faults/fault.schema.js';
import { garbleFraction, isSilent } from '../faults/fault-effects.js';
import type { Logger } from '../logger.js';
import type { BatteryString } from '../model/battery-string.js';
import { barcodeOf, batCells, getpwrView, infoView, pwrView, unitRows } from './console-views.js';
import { garbleLines, type Random } from './garble.js';

export interface ConsoleDeps {
  strings: () => BatteryString[];
  write: (text: string) => void;
  faults: () => readonly Fault[];
  logger: Logger;
  random?: Random;
}

/** Longest command line kept; anything longer is noise. */
const MAX_LINE = 256;

export class ConsoleResponder {
  readonly counters = { commands: 0, unknown: 0, overlong: 0 };
  private buffer = '';
  private debug: 'off' | 'prompted' | 'authorised' = 'off';

  constructor(private readonly deps: ConsoleDeps) {}

  reset(): void {
    this.buffer = '';
    this.debug = 'off';
  }

  receive(chunk: Uint8Array): void {
    this.buffer += Buffer.from(chunk).toString('latin1');
    const parts = this.buffer.split(/\r\n|\n|\r/);
    this.buffer = parts.pop() ?? '';
    if (this.buffer.length > MAX_LINE) {
      this.counters.overlong += 1;
      this.buffer = '';
    }
    for (const line of parts) {
      this.onLine(line.trim());
    }
  }

  private onLine(line: string): void {
    const s = this.deps.strings()[0];
    if (s === undefined || isSilent(this.deps.faults(), s.bmsAddress, 'console')) {
      return;
    }
    this.counters.commands += 1;
    const prompt = this.debug === 'off' ? CONSOLE_PROMPT : CONSOLE_DEBUG_PROMPT;
    const [word = ''] = line.toLowerCase().split(/\s+/);
    const respond = (body: string[]) => this.send(renderConsoleResponse(line, body, prompt));
    switch (word) {
      case '':
        this.send(`\r\n${prompt}`);
        return;
      case 'login':
        this.debug = 'prompted';
        this.send(renderLoginReply());
        return;
      case 'tbar': {
        const reply = renderTbarReply(barcodeOf(s), line);
        this.debug = reply.includes('pass') ? 'authorised' : this.debug;
        this.send(reply);
        return;
      }
      case 'getpwr':
        respond(this.debug === 'authorised' ? renderGetpwr(getpwrView(s)) : ['Permission denied']);
        return;
      case 'pwr':
        respond(renderPwr(pwrView(s)));
        return;
      case 'unit':
        respond(renderUnit(unitRows(s)));
        return;
      case 'bat':
        respond(renderBat({ cells: batCells(s) }));
        return;
      case 'info':
        respond(renderInfo(infoView(s)));
        return;
      default:
        this.counters.unknown += 1;
        respond(['Unknown command']);
    }
  }

  private send(text: string): void {
    this.deps.write(
      garbleLines(text, garbleFraction(this.deps.faults(), 'console'), this.deps.random ?? Math.random),
    );
  }
}
