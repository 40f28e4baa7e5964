import {
  Card,
  currentDirection,
  formatAge,
  formatCurrentDa,
  formatMv,
  formatPct,
  formatSpreadMv,
  formatTempDc,
  formatTimestampUtc,
  formatVoltageDv,
  StateBadge,
  StatTile,
} from '@fleet/ui';
import type { LatestPackSample } from '../../../lib/api/types';
import styles from './string.module.css';

/** "#12" for a cell or sensor number, as the BMS numbers them (0- or 1-based is unknown). */
function numbered(prefix: string, no: number | null): string | undefined {
  return no === null ? undefined : `${prefix} #${no}`;
}

/** Raw status words, shown as hex; "none" when no bit is set. Bit names are not decoded yet. */
function bits(value: number | null): string {
  if (value === null) {
    return '—';
  }
  return value === 0 ? 'none' : `0x${value.toString(16).padStart(4, '0')}`;
}

function flag(value: boolean | null): string {
  if (value === null) {
    return '—';
  }
  return value ? 'forbidden' : 'allowed';
}

/** All values of one pack sample. `now` is passed in so server and browser render the same text. */
export function PackView({ sample, now }: { sample: LatestPackSample; now: number }) {
  const direction = currentDirection(sample.packCurrentDa);
  return (
    <>
      <div className={styles.meta}>
        <StateBadge state={sample.state} testId="state" />
        <span>
          Sample{' '}
          <time dateTime={sample.ts} data-testid="sample-ts">
            {formatTimestampUtc(sample.ts)}
          </time>{' '}
          (<span data-testid="sample-age">{formatAge(sample.ts, now)}</span>)
        </span>
      </div>
      <div className={styles.primary}>
        <StatTile label="Pack voltage" value={formatVoltageDv(sample.packVoltageDv)} testId="pack-voltage" />
        <StatTile
          label="Current"
          value={formatCurrentDa(sample.packCurrentDa)}
          hint={<span data-testid="current-direction">{direction}</span>}
          testId="pack-current"
        />
        <StatTile label="State of charge" value={formatPct(sample.socPct)} testId="soc" />
        <StatTile label="State of health" value={formatPct(sample.sohPct)} testId="soh" />
      </div>
      <div className={styles.secondary}>
        <Card title="Temperatures">
          <div className={styles.tiles}>
            <StatTile label="BMS" value={formatTempDc(sample.bmsTempDc)} testId="bms-temp" />
            <StatTile
              label="Cell max"
              value={formatTempDc(sample.cellTempMaxDc)}
              hint={numbered('sensor', sample.cellTempMaxNo)}
              testId="cell-temp-max"
            />
            <StatTile
              label="Cell min"
              value={formatTempDc(sample.cellTempMinDc)}
              hint={numbered('sensor', sample.cellTempMinNo)}
              testId="cell-temp-min"
            />
          </div>
        </Card>
        <Card title="Cell voltages">
          <div className={styles.tiles}>
            <StatTile
              label="Max"
              value={formatMv(sample.cellMaxMv)}
              hint={numbered('cell', sample.cellMaxNo)}
              testId="cell-max"
            />
            <StatTile
              label="Min"
              value={formatMv(sample.cellMinMv)}
              hint={numbered('cell', sample.cellMinNo)}
              testId="cell-min"
            />
            <StatTile
              label="Spread"
              value={formatSpreadMv(sample.cellMaxMv, sample.cellMinMv)}
              testId="cell-spread"
            />
          </div>
        </Card>
        <Card title="Limits and status">
          <dl className={styles.facts}>
            <dt>Charge cut-off</dt>
            <dd>{formatVoltageDv(sample.chargeCutoffDv)}</dd>
            <dt>Discharge cut-off</dt>
            <dd>{formatVoltageDv(sample.dischargeCutoffDv)}</dd>
            <dt>Charge limit</dt>
            <dd>{formatCurrentDa(sample.chargeLimitDa)}</dd>
            <dt>Discharge limit</dt>
            <dd>{formatCurrentDa(sample.dischargeLimitDa)}</dd>
            <dt>Charging</dt>
            <dd>{flag(sample.chargeForbidden)}</dd>
            <dt>Discharging</dt>
            <dd>{flag(sample.dischargeForbidden)}</dd>
            <dt>Alarm bits</dt>
            <dd data-testid="alarm-bits">{bits(sample.alarmBits)}</dd>
            <dt>Protection bits</dt>
            <dd data-testid="protection-bits">{bits(sample.protectionBits)}</dd>
            <dt>Error bits</dt>
            <dd>{bits(sample.errorBits)}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}
