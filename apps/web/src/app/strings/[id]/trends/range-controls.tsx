'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import {
  fromUtcInput,
  RANGE_PRESETS,
  type RangeChoice,
  toUtcInput,
  trendsSearch,
  zoomOutRange,
} from '../../../../lib/charts/range';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import styles from './trends.module.css';

interface RangeControlsProps {
  choice: RangeChoice;
  range: TimeRange;
  compare: string[];
  onNavigate: (range: TimeRange) => void;
}

/**
 * Presets are links and the custom range is a GET form (both work by keyboard and without
 * script); times are entered and shown in UTC like everywhere on the dashboard.
 */
export function RangeControls({ choice, range, compare, onNavigate }: RangeControlsProps) {
  const { t } = useI18n();
  const words = t.trends.range;
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const from = fromUtcInput(String(form.get('from') ?? ''));
    const to = fromUtcInput(String(form.get('to') ?? ''));
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
          <label>
            {words.from}
            <input type="datetime-local" name="from" defaultValue={toUtcInput(range.from)} required />
          </label>
          <label>
            {words.to}
            <input
              type="datetime-local"
              name="to"
              defaultValue={toUtcInput(range.to)}
              required
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? 'range-invalid' : undefined}
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
