'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { RANGE_PRESETS, type RangeChoice, trendsSearch, zoomOutRange } from '../../../../lib/charts/range';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import { fromZonedInput, siteTimeZone, toZonedInput } from '../../../../lib/format/site-time';
import styles from './trends.module.css';

interface RangeControlsProps {
  choice: RangeChoice;
  range: TimeRange;
  compare: string[];
  onNavigate: (range: TimeRange) => void;
  /** The site's IANA zone: the form's times are entered and shown on the site's clock. */
  timeZone: string;
}

/**
 * Presets are links and the custom range is a GET form (both work by keyboard and without
 * script); times are entered on the site's clock and the form says which zone that is (the
 * server reads a submitted value in the same zone).
 */
export function RangeControls({ choice, range, compare, onNavigate, timeZone }: RangeControlsProps) {
  const { t } = useI18n();
  const words = t.trends.range;
  const zone = { zone: siteTimeZone(timeZone) };
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const from = fromZonedInput(String(form.get('from') ?? ''), timeZone);
    const to = fromZonedInput(String(form.get('to') ?? ''), timeZone);
    event.preventDefault();
    if (!(from < to)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onNavigate({ from, to });
  };
  return (
    <section className={styles.controls} aria-label={words.legend}>
      <nav aria-label={words.legend} className={styles.presets}>
        {RANGE_PRESETS.map((preset) => (
          <Link
            key={preset}
            href={trendsSearch(preset, compare)}
            className="fleet-button"
            aria-current={choice === preset ? 'true' : undefined}
            data-testid={`range-${preset}`}
            scroll={false}
          >
            {words.presets[preset]}
          </Link>
        ))}
      </nav>
      <form method="get" className={styles.custom} onSubmit={submit} noValidate>
        <fieldset>
          <legend>{words.custom}</legend>
          <p id="range-zone" className={styles.hint} data-testid="range-zone">
            {interpolate(words.zoneHint, zone)}
          </p>
          <label>
            {interpolate(words.from, zone)}
            <input
              type="datetime-local"
              name="from"
              defaultValue={toZonedInput(range.from, timeZone)}
              required
              aria-describedby="range-zone"
            />
          </label>
          <label>
            {interpolate(words.to, zone)}
            <input
              type="datetime-local"
              name="to"
              defaultValue={toZonedInput(range.to, timeZone)}
              required
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? 'range-zone range-invalid' : 'range-zone'}
            />
          </label>
          {compare.length > 0 ? <input type="hidden" name="compare" value={compare.join(',')} /> : null}
          <button type="submit" className="fleet-button fleet-button--primary" data-testid="range-apply">
            {words.apply}
          </button>
          {choice === 'custom' ? (
            <button
              type="button"
              className="fleet-button"
              onClick={() => onNavigate(zoomOutRange(range, Date.now()))}
            >
              {words.zoomOut}
            </button>
          ) : null}
        </fieldset>
        {invalid ? (
          <p id="range-invalid" role="alert" className={styles.invalid}>
            {words.invalid}
          </p>
        ) : null}
      </form>
    </section>
  );
}
