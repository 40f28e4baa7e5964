'use client';

import { StateBadge, StatTile } from '@fleet/ui';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import { createUnitFormatter, formatAge, MISSING } from '../../../lib/format/units';
import { useLatestSample } from '../../strings/[id]/use-latest-sample';
import styles from './site.module.css';
import type { LatestPackSample } from './site-types';

interface LiveValuesProps {
  stringId: string;
  initial: LatestPackSample | null;
  /** The server's clock at render time, so the first client render prints the same age. */
  serverNow: number;
}

const pair = (a: string, b: string) => (a === MISSING && b === MISSING ? MISSING : `${a} / ${b}`);

/** One string's live values, refreshed every 2 s without a reload. */
export function LiveValues({ stringId, initial, serverNow }: LiveValuesProps) {
  const { t, locale } = useI18n();
  const { sample, now, problem } = useLatestSample(stringId, initial, serverNow);
  const l = t.site.live;
  const u = createUnitFormatter(locale);
  if (!sample) {
    return (
      <p className="state-message" data-testid="live-no-data">
        {l.noData}
      </p>
    );
  }
  const powerKw = (sample.packVoltageDv * sample.packCurrentDa) / 100 / 1000;
  const { cellMaxMv: max, cellMinMv: min } = sample;
  return (
    <div aria-live="polite" data-testid="live-values">
      {problem ? (
        <p className={styles.problem} role="status">
          {interpolate(l.paused, { problem })}
        </p>
      ) : null}
      <div className={styles.liveGrid}>
        <StatTile label={l.soc} value={u.percent(sample.socPct)} testId="live-soc" />
        <StatTile label={l.soh} value={u.percent(sample.sohPct)} testId="live-soh" />
        <StatTile label={l.voltage} value={u.voltsDv(sample.packVoltageDv)} testId="live-voltage" />
        <StatTile label={l.current} value={u.ampsDa(sample.packCurrentDa)} testId="live-current" />
        <StatTile label={l.power} value={u.kilowatts(powerKw)} testId="live-power" />
        <StatTile label={l.state} value={<StateBadge state={sample.state} testId="live-state" />} />
        <StatTile label={l.bmsTemp} value={u.celsiusDc(sample.bmsTempDc)} />
        <StatTile
          label={l.cellTemps}
          value={pair(u.celsiusDc(sample.cellTempMinDc), u.celsiusDc(sample.cellTempMaxDc))}
        />
        <StatTile label={l.cellRange} value={pair(u.millivolts(min), u.millivolts(max))} />
        <StatTile
          label={l.spread}
          value={max === null || min === null ? MISSING : u.millivolts(max - min)}
          testId="live-spread"
        />
        <StatTile
          label={l.age}
          value={<time dateTime={sample.ts}>{formatAge(sample.ts, now, t)}</time>}
          testId="live-age"
        />
      </div>
    </div>
  );
}
