// The signed-in person's stored language and the web's language cookie (issue 9): the switch
// saves the choice with the person (so mails go out in it), and a sign-in on a device without the
// cookie sets it from the stored language (a German owner gets German on a new phone).
import { isLocale, type Locale } from '../../i18n/locale';

/**
 * The language a sign-in should put into the cookie: the stored one when the device has no
 * cookie yet; undefined when the device already chose (its choice wins) or nothing is stored.
 * English is the stored column's default, which nobody chose, so it does not override the
 * browser's own language (a German browser of a person who never switched stays German).
 */
export function localeToAdopt(cookie: string | undefined, stored: unknown): Locale | undefined {
  if (isLocale(cookie) || stored === 'en') {
    return undefined;
  }
  return isLocale(stored) ? stored : undefined;
}
