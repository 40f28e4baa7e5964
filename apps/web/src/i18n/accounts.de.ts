import type { Dictionary } from './en';

// German texts of the account pages; typed against the English ones, so a missing key is a type error.
export const accountsDe: Dictionary['accounts'] = {
  common: {
    email: 'E-Mail',
    rateLimited: 'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
    unreachable: 'Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    backToSignIn: 'Zurück zur Anmeldung',
  },
  newPassword: {
    hint: 'Mindestens {min} Zeichen.',
    missing: 'Bitte geben Sie ein Passwort ein.',
    tooShort: 'Verwenden Sie mindestens {min} Zeichen.',
    tooLong: 'Verwenden Sie höchstens {max} Zeichen.',
    mismatch: 'Die beiden Passwörter stimmten nicht überein. Bitte geben Sie beide erneut ein.',
  },
  login: {
    pageTitle: 'Anmelden · Fleet',
    title: 'Fleet-Überwachung',
    subtitle: 'Melden Sie sich an, um Ihre Standorte und Batteriestränge zu sehen.',
    codeSubtitle: 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
    password: 'Passwort',
    code: 'Bestätigungscode',
    codeHint: 'Sechs Ziffern aus der App, die Sie für Fleet eingerichtet haben.',
    signIn: 'Anmelden',
    signingIn: 'Anmeldung läuft…',
    verify: 'Bestätigen',
    verifying: 'Wird geprüft…',
    startOver: 'Mit einem anderen Konto anmelden',
    forgotPassword: 'Passwort vergessen?',
    missingEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    missingPassword: 'Bitte geben Sie Ihr Passwort ein.',
    invalidCredentials: 'E-Mail oder Passwort ist falsch.',
    badInput: 'Bitte prüfen Sie Ihre Eingabe: {message}',
    codeFormat: 'Geben Sie die 6 Ziffern ein, die Ihre Authenticator-App anzeigt.',
    wrongCode:
      'Dieser Code ist falsch oder wurde schon verwendet. Warten Sie auf den nächsten Code und versuchen Sie es erneut.',
    challengeExpired: 'Die Anmeldung hat zu lange gedauert. Bitte geben Sie Ihr Passwort erneut ein.',
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    passwordReset: 'Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen an.',
  },
  forgotPassword: {
    pageTitle: 'Passwort vergessen · Fleet',
    title: 'Passwort vergessen?',
    subtitle:
      'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort wählen.',
    send: 'Link senden',
    sending: 'Wird gesendet…',
    missingEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    invalidEmail: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    sent: 'Falls zu dieser Adresse ein Konto gehört, haben wir einen Link dorthin geschickt. Er gilt einmal, für eine Stunde.',
  },
  resetPassword: {
    pageTitle: 'Neues Passwort wählen · Fleet',
    title: 'Neues Passwort wählen',
    subtitle: 'Mit dem neuen Passwort wird Ihr Konto überall sonst abgemeldet.',
    password: 'Neues Passwort',
    confirm: 'Neues Passwort wiederholen',
    save: 'Passwort speichern',
    saving: 'Wird gespeichert…',
    missingToken: 'Diese Seite braucht den Link aus der E-Mail. Fordern Sie unten einen neuen an.',
    badLink:
      'Dieser Link ist unbekannt, schon benutzt oder abgelaufen (Links gelten eine Stunde). Fordern Sie einen neuen an.',
    newLink: 'Neuen Link anfordern',
  },
  acceptInvite: {
    pageTitle: 'Einladung annehmen · Fleet',
    title: 'Willkommen bei Fleet',
    subtitle: 'Sie wurden zu Fleet eingeladen. Wählen Sie Ihren Namen und ein Passwort für Ihr Konto.',
    name: 'Ihr Name',
    password: 'Passwort',
    confirm: 'Passwort wiederholen',
    existingAccountHint: 'Sie haben schon ein Eigentümer-Konto? Geben Sie dessen Passwort ein.',
    accept: 'Annehmen und anmelden',
    accepting: 'Wird angelegt…',
    missingName: 'Bitte geben Sie Ihren Namen ein.',
    missingToken: 'Diese Seite braucht den Link aus Ihrer Einladungs-E-Mail.',
    badLink:
      'Diese Einladung ist unbekannt, schon benutzt oder abgelaufen (Einladungen gelten 7 Tage). Bitten Sie um eine neue.',
    wrongPassword:
      'Zu dieser E-Mail gibt es schon ein Eigentümer-Konto. Geben Sie dessen Passwort ein, um die neuen Standorte hinzuzufügen.',
    otherAccount:
      'Zu dieser E-Mail gibt es schon ein Konto. Bitten Sie die einladende Person, stattdessen dieses Konto einzuladen.',
  },
};
