import type { Dictionary } from './en';

// German texts of a site's topology section (issue 10).
export const topologyDe: Dictionary['topology'] = {
  title: 'Topologie',
  intro:
    'Was die Gateways an ihren Bussen gefunden haben, verglichen mit dem, was installiert wurde. Strings werden an der BMS-Seriennummer erkannt, wo das BMS eine meldet; ein umadressierter String behält so seine Historie.',
  loading: 'Topologie wird geladen…',
  error: 'Die Topologie konnte nicht geladen werden: {message}',
  empty:
    'Noch keine Topologie gemeldet. Ein Gateway meldet nach seiner ersten Suchrunde, was an seinem Bus antwortet.',
  reported: '{gateway} · {bus}: gemeldet {at}',
  found: 'Gefundene Strings',
  place: 'Gateway · Bus',
  address: 'Adresse',
  string: 'String',
  notRegistered: 'noch nicht registriert',
  modules: 'Module',
  serial: 'BMS-Seriennummer',
  noSerial: 'nicht gemeldet',
  firmware: 'Firmware',
  firmwareValue: 'SW {sw} · HW {hw}',
  status: 'Prüfung',
  ok: 'wie installiert',
  unconfirmed: 'nicht bestätigt',
  mismatches: 'Abweichungen',
  noMismatches: 'Die gefundenen Strings entsprechen der bestätigten Installation.',
  kinds: {
    'module-missing': 'Modul fehlt',
    'address-duplicated': 'Adresse doppelt belegt',
    'wrong-address': 'Falsche Adresse',
    'unexpected-string': 'Unerwarteter String',
    'expected-absent': 'Installierter String fehlt',
  },
  details: {
    'module-missing': '{place}: {expected} Module installiert, {found} antworten.',
    'address-duplicated': '{place}: Mehr als ein String antwortet auf dieser Adresse.',
    'wrong-address': '{place}: antwortet hier, wurde aber an {expected} installiert.',
    'unexpected-string': '{place}: antwortet, wurde aber nicht als installiert bestätigt.',
    'expected-absent': '{place}: als installiert bestätigt, antwortet aber nicht.',
  },
  placeText: '{gateway} {bus} Adresse {address}',
  confirmedBy: 'Bestätigt von {name} am {at}.',
  notConfirmed: 'Die Installation wurde noch nicht bestätigt.',
  confirmTitle: 'Installation bestätigen',
  confirmHelp:
    'Haken Sie jeden installierten String an und geben Sie seine Modulanzahl ein. Die Bestätigung wird mit Ihrem Namen und der Uhrzeit als Teil der Garantieakte des Standorts gespeichert.',
  include: 'Installiert: {place}',
  installedModules: 'Installierte Module an {place}',
  note: 'Notiz (optional)',
  confirm: 'Topologie bestätigen',
  confirming: 'Wird bestätigt…',
  confirmed: 'Topologie bestätigt.',
  problems: {
    modules: 'Geben Sie eine ganze Modulanzahl von 1 bis 64 ein.',
    api: 'Die Bestätigung wurde nicht gespeichert: {message}',
  },
};
