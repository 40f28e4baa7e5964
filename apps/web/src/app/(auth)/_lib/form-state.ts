/**
 * What a server action of the account pages answers its form: a message for one field (shown
 * under it and tied to it with aria-describedby) or for the whole form, plus the values worth
 * keeping (never a password).
 */
export interface FormState<Field extends string = string> {
  /** A message about the whole form (API unreachable, rate limited, link expired). */
  error?: string;
  /** Messages per field; the first field in the form with one gets the focus. */
  fieldErrors?: Partial<Record<Field, string>>;
  /** Values to put back into text inputs. */
  values?: Partial<Record<Field, string>>;
  /** Set when the action succeeded without leaving the page (e.g. "we sent a link"). */
  done?: boolean;
}

/** The id of the element holding a field's error, for aria-describedby. */
export const errorId = (field: string) => `${field}-error`;
