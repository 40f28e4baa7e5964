import { ALARM_CATALOGUE } from '@fleet/alarms';

/** Titles of derived rules (catalogue codes carry their own). */
const DERIVED_TITLES: Record<string, string> = {
  'derived.cell_imbalance': 'Cell imbalance',
  'derived.weak_cell': 'Weak cell drifting from its module',
  'derived.soh_low': 'State of health low',
  'derived.soh_fade_vs_fleet': 'State of health fading faster than the fleet',
  'derived.temperature_range': 'Temperature outside the working range',
  'derived.string_stale': 'String silent',
  'derived.gateway_stale': 'Gateway silent',
  'derived.spool_backlog': 'Gateway spool backlog growing',
  'derived.data_gap': 'Gap in stored data',
  'derived.finding.weak_cell': 'Early warning: a weak cell reaches the cut-off first',
  'derived.finding.balancing_starved': 'Early warning: no full charge, balancing starved',
  'derived.finding.fast_fade': 'Early warning: fading faster than its cohort',
  'derived.finding.cell_drift': 'Early warning: cells drifting apart week over week',
  'derived.finding.high_temp_dwell': 'Early warning: chronic high temperature',
  'derived.finding.high_soc_dwell': 'Early warning: chronic high state of charge',
};

export function alarmTitle(code: string): string {
  return ALARM_CATALOGUE.byCode.get(code)?.title ?? DERIVED_TITLES[code] ?? code;
}
