'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Dictionary } from '../../i18n/en';
import styles from './alarms.module.css';
import { type AlarmFilters, SEVERITIES, STATUSES } from './filters';

interface FilterFormProps {
  filters: AlarmFilters;
  sites: { id: string; name: string; strings: { id: string; name: string }[] }[];
  t: Dictionary;
}

/**
 * A plain GET form: the filters go into the URL, so the server renders the filtered first page.
 * The string select appears once a site is chosen and lists that site's strings only.
 */
export function FilterForm({ filters, sites, t }: FilterFormProps) {
  const [site, setSite] = useState(filters.site ?? '');
  const strings = sites.find((s) => s.id === site)?.strings ?? [];
  return (
    <form method="get" action="/alarms" className={styles.filters} aria-label={t.alarms.filters}>
      <label>
        <span>{t.alarms.status}</span>
        <select name="status" defaultValue={filters.status ?? ''} data-testid="filter-status">
          <option value="">{t.alarms.any}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.alarms.severity}</span>
        <select name="severity" defaultValue={filters.severity ?? ''} data-testid="filter-severity">
          <option value="">{t.alarms.any}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t.severity[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.alarms.site}</span>
        <select
          name="site"
          value={site}
          onChange={(event) => setSite(event.target.value)}
          data-testid="filter-site"
        >
          <option value="">{t.alarms.any}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {strings.length > 0 ? (
        <label>
          <span>{t.alarms.string}</span>
          <select
            key={site}
            name="string"
            defaultValue={site === filters.site ? (filters.string ?? '') : ''}
            data-testid="filter-string"
          >
            <option value="">{t.alarms.any}</option>
            {strings.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className={styles.filterButtons}>
        <button type="submit" className="fleet-button fleet-button--primary">
          {t.alarms.apply}
        </button>
        <Link href="/alarms" className="fleet-button">
          {t.alarms.reset}
        </Link>
      </div>
    </form>
  );
}
