import { StatTile } from '@fleet/ui';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter, formatAge } from '../../lib/format/units';
import { formatLocalTime } from '../../lib/owner/local-time';
import { newestTs, type SystemState, systemSoc, systemStateOf } from '../../lib/owner/system-state';
import styles from './my-system.module.css';
import { SocGauge } from './soc-gauge';
import type { TodayData } from './today-data';

interface TodayViewProps {
  data: TodayData;
  /** The clock the ages are measured against (ticks in the browser). */
  now: number;
  timeZone: string;
  t: Dictionary;
  locale: Locale;
}

/** The state in words: "Charging at 2.4 kW", "Idle", "Offline since 14:05". */
export function stateWords(state: SystemState, p: Omit<TodayViewProps, 'data'>): string {
  const words = p.t.owner.today;
  const units = createUnitFormatter(p.locale);
  switch (state.kind) {
    case 'charging':
    case 'discharging':
      return interpolate(words[state.kind], { power: units.kilowatts(state.powerKw) });
    case 'idle':
      return words.idle;
    case 'offline':
      return interpolate(words.offlineSince, {
        time: formatLocalTime(state.since, p.now, p.timeZone, p.locale),
      });
    case 'no-data':
      return words.noData;
  }
}

/** Today: state in words, the SOC gauge, energy in and out since midnight, age of the data. */
export function TodayView({ data, ...p }: TodayViewProps) {
  const words = p.t.owner.today;
  const units = createUnitFormatter(p.locale);
  const state = systemStateOf(data.readings, p.now);
  const soc = systemSoc(data.readings);
  const last = newestTs(data.readings);
  return (
    <div className={styles.today}>
      <p className={styles.stateWords} data-testid="system-state" data-state={state.kind} aria-live="polite">
        {stateWords(state, p)}
      </p>
      {state.kind === 'no-data' ? (
        <p className="state-message" data-testid="no-data">
          {words.noDataText}
        </p>
      ) : (
        <>
          <SocGauge
            percent={soc}
            text={units.percent(soc)}
            label={interpolate(words.socGauge, { percent: units.percent(soc) })}
          />
          <div className={styles.tiles}>
            <StatTile
              label={words.chargedToday}
              value={units.kilowattHours(data.energy ? data.energy.inWh / 1000 : null)}
              testId="charged-today"
            />
            <StatTile
              label={words.dischargedToday}
              value={units.kilowattHours(data.energy ? data.energy.outWh / 1000 : null)}
              testId="discharged-today"
            />
          </div>
          <p className={styles.updated} data-testid="updated-age">
            {interpolate(words.updated, { age: formatAge(last, p.now, p.t) })}
          </p>
        </>
      )}
    </div>
  );
}
