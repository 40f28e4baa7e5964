// Debug login of the SC console (SC-CLI; ✔1, PROVISIONAL): `login debug` is answered with the
// prompt "pylon_debug>"; `tbar <BMS barcode>` then authorises, and its reply contains "pass"
// on success. Exact reply wording beyond those two facts is unknown.
import { CONSOLE_DEBUG_PROMPT } from './console-transcript.js';

export const LOGIN_DEBUG_COMMAND = 'login debug';
export const TBAR_COMMAND = 'tbar';

export type ConsoleLoginState = 'debug-prompt' | 'authorised' | 'refused' | 'no-answer';

/** Reads the reply to `login debug` or to `tbar …`. */
export function parseLoginReply(command: 'login' | 'tbar', text: string): ConsoleLoginState {
  if (!text.includes(CONSOLE_DEBUG_PROMPT)) {
    return 'no-answer';
  }
  if (command === 'login') {
    return 'debug-prompt';
  }
  return /\bpass\b/i.test(text) ? 'authorised' : 'refused';
}

/** The simulator's reply to `tbar <barcode>`: "pass" when it names this BMS, else "fail". */
export function renderTbarReply(expectedBarcode: string, commandLine: string): string {
  const given = commandLine.trim().split(/\s+/)[1] ?? '';
  return `${commandLine.trim()}\r\n${given === expectedBarcode ? 'pass' : 'fail'}\r\n${CONSOLE_DEBUG_PROMPT}`;
}

export function renderLoginReply(): string {
  return `${LOGIN_DEBUG_COMMAND}\r\n${CONSOLE_DEBUG_PROMPT}`;
}
