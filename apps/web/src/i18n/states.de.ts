import type { statesEn } from './states.en';

// German texts of the app-wide states (issue 9).
export const statesDe: typeof statesEn = {
  notFound: {
    pageTitle: 'Seite nicht gefunden · Fleet',
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es nichts, oder Sie dürfen es nicht sehen. Vielleicht ist der Link veraltet oder vertippt.',
    toFleet: 'Zur Flottenübersicht',
    toMySystem: 'Zu meiner Anlage',
    toSignIn: 'Zur Anmeldung',
  },
  globalError: {
    pageTitle: 'Etwas ist schiefgegangen · Fleet',
    what: 'Die Seiteninhalte',
  },
};
