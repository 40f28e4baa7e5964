/**
 * What every console parser returns. `ignoredLines` counts lines it did not understand (new
 * firmware fields, noise) — they never fail a parse, but a rising count says the layout moved.
 */
export type ConsoleParseResult<T> =
  | { status: 'ok'; value: T; ignoredLines: number }
  | { status: 'corrupt'; reason: string; ignoredLines: number };
