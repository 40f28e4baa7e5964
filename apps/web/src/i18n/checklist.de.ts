import type { checklistEn } from './checklist.en';

// German texts of a site's commissioning checklist (issue 10).
export const checklistDe: typeof checklistEn = {
  title: 'Inbetriebnahme-Checkliste',
  intro:
    'Aus Live-Daten ausgefüllt: Punkte werden grün, sobald die Anlage meldet. Schließen Sie die Inbetriebnahme ab, wenn alle bestanden sind.',
  state: { pending: 'Ausstehend', passed: 'Bestanden', failed: 'Prüfen' },
  observed: 'gesehen {time}',
  items: {
    'first-data': 'Erste Daten in der Cloud',
    topology: 'Alle erwarteten Strings und Module vorhanden',
    bus: 'Bus fehlerfrei',
    clock: 'Gateway-Uhr synchron',
    'cell-spread': 'Zellspreizung im Band nach der ersten Vollladung',
  },
  reasons: {
    'no-strings': 'Für diesen Standort ist noch kein String registriert.',
    'waiting-for-data': 'Warte auf die ersten Messwerte von {missing}.',
    'data-arrived': 'Alle {strings} String(s) haben Daten gesendet.',
    'expected-unknown': 'Die Modulanzahl eines Strings ist noch nicht bekannt.',
    'modules-mismatch': '{presentModules} von {expectedModules} erwarteten Modulen sind vorhanden.',
    'waiting-for-strings': 'Warte, bis jeder String meldet.',
    'all-present': '{strings} String(s) mit allen {presentModules} erwarteten Modulen.',
    'no-heartbeat': 'Es ist noch kein Gateway-Heartbeat eingegangen.',
    'no-counters': 'Das Gateway meldet noch keine Buszähler.',
    'adapter-errors': 'Der Busadapter meldet Fehler oder Neuverbindungen: Adapter und Kabel prüfen.',
    'termination-suspected':
      '{worstCorruptPct} % der Frames sind fehlerhaft, der Adapter ist in Ordnung: 120-Ω-Abschluss an beiden Busenden prüfen.',
    'too-few-frames': 'Noch zu wenige Frames, um den Bus zu beurteilen.',
    healthy: 'Keine Busfehler ({worstCorruptPct} % fehlerhafte Frames).',
    'clock-skew':
      'Die Gateway-Uhr weicht {worstSkewS} s ab (Grenze {maxSkewS} s): Zeitsynchronisation (NTP) am Gateway einschalten.',
    'waiting-for-gateways': 'Warte auf einen Heartbeat jedes Gateways.',
    'in-sync': 'Innerhalb von {maxSkewS} s zur Cloud ({worstSkewS} s).',
    'waiting-for-full-charge': 'Warte auf die erste Vollladung (SOC ≥ 99 %).',
    'waiting-for-rest': 'Vollgeladen; warte auf einen Messwert in Ruhe.',
    'within-band': 'Spreizung {worstSpreadMv} mV in Ruhe (Grenze {maxSpreadMv} mV).',
    'spread-too-wide':
      'Spreizung {worstSpreadMv} mV in Ruhe (Grenze {maxSpreadMv} mV): die Batterien bei Vollladung balancieren lassen.',
  },
  complete: 'Inbetriebnahme abschließen',
  completing: 'Wird abgeschlossen…',
  notYet: 'Die Inbetriebnahme kann abgeschlossen werden, sobald alle Punkte bestanden sind.',
  completed: 'In Betrieb genommen {time} von {name}. Die Checkliste ist Teil der Garantieakte des Standorts.',
  paused: 'Aktualisierung pausiert: {problem}',
  problems: {
    conflict: 'Nicht abgeschlossen: {message}',
    api: 'Abschließen fehlgeschlagen: {message}',
    unreachable: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
  },
};
