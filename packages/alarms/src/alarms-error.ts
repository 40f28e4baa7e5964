/**
 * Codes the alarms package throws with (STYLE.md §12):
 * - `invalid-catalogue`: a catalogue table breaks its schema, repeats a code or a bit, or names a
 *   counterpart that does not exist (caught at load, so never at evaluation time);
 * - `invalid-rule`: a rule set or override refused by `parseRuleSet` / `effectiveRules`, with the
 *   rule and field named in the message.
 * Telemetry never throws: bad words and values are counted and named in results instead.
 */
export const alarmsErrorCodes = ['invalid-catalogue', 'invalid-rule'] as const;
export type AlarmsErrorCode = (typeof alarmsErrorCodes)[number];

export class AlarmsError extends Error {
  constructor(
    readonly code: AlarmsErrorCode,
    message: string,
    /** One line per problem, for a caller that lists them (an API 400 body, a config check). */
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'AlarmsError';
  }
}
