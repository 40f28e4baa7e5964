// Framing of the SC console (SC-CON, SC-CLI; ✔1 each, provisional): the BMS echoes the command
// line, prints "@", the body, "Command completed successfully", "$$", and a prompt with no
// line end: "pylon>" normally, "pylon_debug>" after `login debug`. Lines end in LF or CR LF,
// mixed. Commands are sent with a line end (SC-CLI uses "\n", another client "\r").

export const CONSOLE_PROMPT = 'pylon>';
export const CONSOLE_DEBUG_PROMPT = 'pylon_debug>';
export const CONSOLE_BODY_START = '@';
export const CONSOLE_DONE = 'Command completed successfully';
export const CONSOLE_END = '$$';

export interface ConsoleResponse {
  /** The echoed command line; '' when the text did not start with one. */
  command: string;
  /** Lines between "@" and the end markers, trimmed of their line ends only. */
  body: string[];
  /** Which prompt ended the response, if one did. */
  prompt?: typeof CONSOLE_PROMPT | typeof CONSOLE_DEBUG_PROMPT;
}

/**
 * Splits one response (everything read up to a prompt). Tolerant: a missing echo, "@" or end
 * marker is not an error, so a partially captured response still yields its body.
 */
export function splitConsoleResponse(text: string): ConsoleResponse {
  let prompt: ConsoleResponse['prompt'];
  let rest = text;
  for (const p of [CONSOLE_DEBUG_PROMPT, CONSOLE_PROMPT] as const) {
    const at = rest.lastIndexOf(p);
    if (at >= 0 && rest.slice(at + p.length).trim() === '') {
      prompt = p;
      rest = rest.slice(0, at);
      break;
    }
  }
  const lines = rest.split(/\r?\n|\r/).filter((l) => l.trim() !== '');
  const bodyAt = lines.findIndex((l) => l.trim() === CONSOLE_BODY_START);
  const command = bodyAt > 0 ? (lines[0] ?? '').trim() : '';
  const body = lines.slice(bodyAt + 1).filter((l) => l.trim() !== CONSOLE_DONE && l.trim() !== CONSOLE_END);
  return prompt ? { command, body, prompt } : { command, body };
}

/** A whole response as the BMS would print it (for the simulator). */
export function renderConsoleResponse(
  command: string,
  body: readonly string[],
  prompt: ConsoleResponse['prompt'] = CONSOLE_PROMPT,
): string {
  return [command, CONSOLE_BODY_START, ...body, CONSOLE_DONE, CONSOLE_END, prompt ?? ''].join('\r\n');
}
