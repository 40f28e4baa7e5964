import { StatTile } from '@fleet/ui';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter, formatAge } from '../../lib/format/units';
import { stateWords } from '../../lib/owner/state-words';
import { newestTs, systemSoc, systemStateOf } from '../../lib/owner/system-state';
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
        {stateWords(state, { now: p.now, timeZone: p.timeZone }, p.t, units)}
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
