import type { Dictionary } from './en';

// German texts of the weekly fleet report page (org admins: the preview of last week's mail).
export const reportsDe: Dictionary['reports'] = {
  nav: 'Wochenbericht',
  weekly: {
    pageTitle: 'Wöchentlicher Flottenbericht',
    subtitle:
      'Die letzte vollständige Woche so, wie Ihre Administratoren und Installateure sie montags per E-Mail erhalten: neue Frühwarnungen, Strings mit Besuchsbedarf, Standorte ohne Daten und wie vollständig die Daten waren. Von hier wird nichts versendet.',
    language:
      'In Ihrer Sprache angezeigt. Administratoren und Installateure erhalten die E-Mail jeweils in der Sprache, die sie in Fleet gewählt haben.',
    frameTitle: 'Vorschau der E-Mail mit dem wöchentlichen Flottenbericht',
    loading: 'Wochenbericht wird geladen…',
    errorWhat: 'Die Daten des Wochenberichts',
  },
};
