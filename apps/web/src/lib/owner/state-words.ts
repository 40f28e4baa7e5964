import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { UnitFormatter } from '../format/units';
import { formatLocalTime } from './local-time';
import type { SystemState } from './system-state';

/** The state in words: "Charging at 2.4 kW", "Idle", "Offline since 14:05" (site time). */
export function stateWords(
  state: SystemState,
  at: { now: number; timeZone: string },
  t: Dictionary,
  units: UnitFormatter,
): string {
  const words = t.owner.today;
  switch (state.kind) {
    case 'charging':
    case 'discharging':
      return interpolate(words[state.kind], { power: units.kilowatts(state.powerKw) });
    case 'idle':
      return words.idle;
    case 'offline':
      return interpolate(words.offlineSince, {
        time: formatLocalTime(state.since, at.now, at.timeZone, units.locale),
      });
    case 'no-data':
      return words.noData;
  }
}
