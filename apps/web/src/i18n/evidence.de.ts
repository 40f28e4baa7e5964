import type { Dictionary } from './en';

// German texts of the evidence-pack page; typed against the English ones, so a missing key is a type error.
export const evidenceDe: Dictionary['evidence'] = {
  link: 'Nachweispakete',
  pageTitle: 'Nachweispakete: {name}',
  breadcrumb: 'Navigationspfad',
  intro:
    'Ein Nachweispaket ist ein PDF-Bericht mit Diagrammen und ein ZIP mit den zugrunde liegenden CSV-Dateien (Identität und Seriennummern, Installationsnachweis, SOH und Kapazität, Zyklen und Durchsatz, Alarme und Schutzereignisse, Grenzwertüberschreitungen, Datenvollständigkeit), mit einem Manifest aus SHA-256-Prüfsummen, damit der Empfänger prüfen kann, dass nichts verändert wurde.',
  loading: 'Nachweispakete werden geladen…',
  errorWhat: 'die Nachweispakete',
  form: {
    title: 'Neues Nachweispaket',
    from: 'Von (erster Tag)',
    to: 'Bis (letzter Tag)',
    hint: 'Ganze Tage in UTC, höchstens zehn Jahre.',
    submit: 'Nachweispaket erstellen',
    submitting: 'Wird angefordert…',
    queued: 'Angefordert. Das Paket wird erstellt und erscheint unten.',
  },
  problems: {
    date: 'Geben Sie ein Datum als JJJJ-MM-TT ein.',
    order: 'Der letzte Tag darf nicht vor dem ersten Tag liegen.',
    tooLong: 'Ein Paket umfasst höchstens {days} Tage.',
    api: 'Das Paket konnte nicht angefordert werden: {message}',
  },
  list: {
    title: 'Pakete dieses Strangs',
    empty: 'Noch keine Nachweispakete. Wählen Sie oben einen Zeitraum und erstellen Sie eines.',
    period: 'Zeitraum',
    requested: 'Angefordert',
    status: 'Status',
    files: 'Dateien',
    periodValue: '{from} bis {to}',
    progress: 'Schritt {step} von {of}: {message}',
    downloadPdf: 'PDF-Bericht',
    downloadZip: 'ZIP mit CSVs',
    downloadLabel: '{file} des Pakets für {from} bis {to}',
    sha: 'SHA-256',
    bytes: '{n} Bytes',
    refreshError: 'Die Liste konnte nicht aktualisiert werden; neuer Versuch folgt.',
  },
  status: {
    queued: 'In der Warteschlange',
    running: 'Wird erstellt',
    ready: 'Fertig',
    failed: 'Fehlgeschlagen',
  },
};
