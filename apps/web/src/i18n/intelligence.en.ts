// English texts of the early warnings (fleet intelligence, issue 10). `{name}` is filled by interpolate.
export const intelligenceEn = {
  title: 'Early warnings',
  fleetIntro:
    'From the daily fleet analysis: strings ageing differently from their cohort. Low severity, for acting before the customer notices.',
  stringIntro: 'How this string ages against its cohort, from the daily fleet analysis.',
  empty: 'No early warnings: every string ages like its cohort.',
  stringEmpty: 'No early warnings for this string.',
  error: 'The early warnings could not be loaded.',
  cause: 'Cause',
  also: 'Also seen',
  cohort: 'Compared with {n} strings of cohort {cohort}',
  absolute: 'Judged on an absolute line',
  evidence: '{value} {unit} (line {threshold} {unit})',
  /** Decimal separator of the evidence numbers. */
  decimal: '.',
  /** The evidence units as the API names them (`evidence.unit`), in words of this language. */
  units: {
    '%/year': '%/year',
    'mV/week': 'mV/week',
    mV: 'mV',
    days: 'days',
    'h/day': 'h/day',
  },
  openString: 'Open string',
  chartTitle: '{what}, daily',
  noChartData: 'No daily values to chart yet.',
  kinds: {
    weak_cell: 'Weak cell reaches the cut-off first',
    balancing_starved: 'No full charge: balancing starved',
    fast_fade: 'Fading faster than its cohort',
    cell_drift: 'Cells drifting apart',
    high_temp_dwell: 'Chronic high temperature',
    high_soc_dwell: 'Chronic high state of charge',
  },
  fields: {
    sohPct: 'State of health (%)',
    cellSpreadMaxMv: 'Largest cell spread (mV)',
    socMaxPct: 'Highest SOC of the day (%)',
    highTempHours: 'Hours with a cell at 35 °C or more',
    highSocHours: 'Hours at SOC 95 % or more',
    cutoffCellNo: 'Cell with the lowest voltage',
    cycles: 'Equivalent full cycles',
  },
};
