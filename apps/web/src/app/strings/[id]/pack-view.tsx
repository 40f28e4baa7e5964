'use client';

import { Card, currentDirection, StateBadge, StatTile } from '@fleet/ui';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { LatestPackSample } from '../../../lib/api/types';
import { formatSiteTime } from '../../../lib/format/site-time';
import { createUnitFormatter, formatAge, MISSING } from '../../../lib/format/units';
import styles from './string.module.css';

/** "cell #12" for a cell or sensor number, as the BMS numbers them (0- or 1-based is unknown). */
function numbered(template: string, no: number | null): string | undefined {
  return no === null ? undefined : interpolate(template, { no });
}

/** Raw status words, shown as hex; "none" when no bit is set. Bit names are not decoded yet. */
function bits(value: number | null, t: Dictionary): string {
  if (value === null) {
    return MISSING;
  }
  return value === 0 ? t.string.none : `0x${value.toString(16).padStart(4, '0')}`;
}

function flag(value: boolean | null, t: Dictionary): string {
  if (value === null) {
    return MISSING;
  }
  return value ? t.string.forbidden : t.string.allowed;
}

/** Spread between the highest and lowest cell; a dash when either is missing. */
function spread(sample: LatestPackSample, mv: (v: number | null) => string): string {
  const { cellMaxMv: max, cellMinMv: min } = sample;
  return max === null || min === null ? MISSING : mv(max - min);
}

interface PackViewProps {
  sample: LatestPackSample;
  /** Passed in so server and browser render the same text. */
  now: number;
  /** The site's IANA zone: the sample time is shown on the site's clock (passed, never the browser's). */
  timeZone: string;
}

/** All values of one pack sample. */
export function PackView({ sample, now, timeZone }: PackViewProps) {
  const { t, locale } = useI18n();
  const u = createUnitFormatter(locale);
  const direction = t.string[currentDirection(sample.packCurrentDa)];
  return (
    <>
      <div className={styles.meta}>
        <StateBadge state={sample.state} testId="state" />
        <span>
          {t.string.sample}{' '}
          <time dateTime={sample.ts} data-testid="sample-ts">
            {formatSiteTime(sample.ts, timeZone, locale, { seconds: true })}
          </time>{' '}
          (<span data-testid="sample-age">{formatAge(sample.ts, now, t)}</span>)
        </span>
      </div>
      <div className={styles.primary}>
        <StatTile
          label={t.string.packVoltage}
          value={u.voltsDv(sample.packVoltageDv)}
          testId="pack-voltage"
        />
        <StatTile
          label={t.string.current}
          value={u.ampsDa(sample.packCurrentDa)}
          hint={<span data-testid="current-direction">{direction}</span>}
          testId="pack-current"
        />
        <StatTile label={t.string.soc} value={u.percent(sample.socPct)} testId="soc" />
        <StatTile label={t.string.soh} value={u.percent(sample.sohPct)} testId="soh" />
      </div>
      <div className={styles.secondary}>
        <Card title={t.string.temperatures}>
          <div className={styles.tiles}>
            <StatTile label={t.string.bms} value={u.celsiusDc(sample.bmsTempDc)} testId="bms-temp" />
            <StatTile
              label={t.string.cellMax}
              value={u.celsiusDc(sample.cellTempMaxDc)}
              hint={numbered(t.string.sensorNo, sample.cellTempMaxNo)}
              testId="cell-temp-max"
            />
            <StatTile
              label={t.string.cellMin}
              value={u.celsiusDc(sample.cellTempMinDc)}
              hint={numbered(t.string.sensorNo, sample.cellTempMinNo)}
              testId="cell-temp-min"
            />
          </div>
        </Card>
        <Card title={t.string.cellVoltages}>
          <div className={styles.tiles}>
            <StatTile
              label={t.string.max}
              value={u.millivolts(sample.cellMaxMv)}
              hint={numbered(t.string.cellNo, sample.cellMaxNo)}
              testId="cell-max"
            />
            <StatTile
              label={t.string.min}
              value={u.millivolts(sample.cellMinMv)}
              hint={numbered(t.string.cellNo, sample.cellMinNo)}
              testId="cell-min"
            />
            <StatTile label={t.string.spread} value={spread(sample, u.millivolts)} testId="cell-spread" />
          </div>
        </Card>
        <Card title={t.string.limits}>
          <dl className={styles.facts}>
            <dt>{t.string.chargeCutoff}</dt>
            <dd>{u.voltsDv(sample.chargeCutoffDv)}</dd>
            <dt>{t.string.dischargeCutoff}</dt>
            <dd>{u.voltsDv(sample.dischargeCutoffDv)}</dd>
            <dt>{t.string.chargeLimit}</dt>
            <dd>{u.ampsDa(sample.chargeLimitDa)}</dd>
            <dt>{t.string.dischargeLimit}</dt>
            <dd>{u.ampsDa(sample.dischargeLimitDa)}</dd>
            <dt>{t.string.charging2}</dt>
            <dd>{flag(sample.chargeForbidden, t)}</dd>
            <dt>{t.string.discharging2}</dt>
            <dd>{flag(sample.dischargeForbidden, t)}</dd>
            <dt>{t.string.alarmBits}</dt>
            <dd data-testid="alarm-bits">{bits(sample.alarmBits, t)}</dd>
            <dt>{t.string.protectionBits}</dt>
            <dd data-testid="protection-bits">{bits(sample.protectionBits, t)}</dd>
            <dt>{t.string.errorBits}</dt>
            <dd>{bits(sample.errorBits, t)}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}
