import type { Dictionary } from './en';

// German texts of the early warnings (fleet intelligence, issue 10).
export const intelligenceDe: Dictionary['intelligence'] = {
  title: 'Frühwarnungen',
  fleetIntro:
    'Aus der täglichen Flottenanalyse: Strings, die anders altern als ihre Kohorte. Niedrige Dringlichkeit, um zu handeln, bevor der Kunde etwas merkt.',
  stringIntro: 'Wie dieser String im Vergleich zu seiner Kohorte altert, aus der täglichen Flottenanalyse.',
  empty: 'Keine Frühwarnungen: Jeder String altert wie seine Kohorte.',
  stringEmpty: 'Keine Frühwarnungen für diesen String.',
  error: 'Die Frühwarnungen konnten nicht geladen werden.',
  cause: 'Ursache',
  also: 'Außerdem',
  cohort: 'Verglichen mit {n} Strings der Kohorte {cohort}',
  absolute: 'Nach einer festen Grenze beurteilt',
  evidence: '{value} {unit} (Grenze {threshold} {unit})',
  decimal: ',',
  units: {
    '%/year': '%/Jahr',
    'mV/week': 'mV/Woche',
    mV: 'mV',
    days: 'Tage',
    'h/day': 'h/Tag',
  },
  openString: 'String öffnen',
  chartTitle: '{what}, täglich',
  noChartData: 'Noch keine Tageswerte für ein Diagramm.',
  kinds: {
    weak_cell: 'Schwache Zelle erreicht die Entladegrenze zuerst',
    balancing_starved: 'Keine Vollladung: Balancing kommt nicht zum Zug',
    fast_fade: 'Altert schneller als die Kohorte',
    cell_drift: 'Zellen driften auseinander',
    high_temp_dwell: 'Dauerhaft hohe Temperatur',
    high_soc_dwell: 'Dauerhaft hoher Ladezustand',
  },
  fields: {
    sohPct: 'Gesundheitszustand (%)',
    cellSpreadMaxMv: 'Größte Zellspreizung (mV)',
    socMaxPct: 'Höchster SOC des Tages (%)',
    highTempHours: 'Stunden mit einer Zelle ab 35 °C',
    highSocHours: 'Stunden mit SOC ab 95 %',
    cutoffCellNo: 'Zelle mit der niedrigsten Spannung',
    cycles: 'Äquivalente Vollzyklen',
  },
};
