import Form from 'next/form';
import Link from 'next/link';
import type { Dictionary } from '../../i18n/en';
import styles from './fleet.module.css';
import { FLEET_SEVERITIES, FLEET_SORTS, FLEET_STATUSES, type FleetViewQuery } from './fleet-query';

interface FilterFormProps {
  query: FleetViewQuery;
  sites: { siteId: string; name: string }[];
  t: Dictionary;
}

/**
 * A GET form (next/form: a client-side navigation when script runs, a plain GET without): the
 * filters go into the URL and the server renders the first page of the filtered view.
 */
export function FilterForm({ query, sites, t }: FilterFormProps) {
  const f = t.fleet;
  return (
    <Form action="/fleet" className={styles.filters} aria-label={f.filters} data-testid="fleet-filters">
      <label className={styles.search}>
        <span>{f.search}</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          placeholder={f.searchHint}
          maxLength={200}
        />
      </label>
      <fieldset className={styles.group}>
        <legend>{f.state}</legend>
        {FLEET_STATUSES.map((s) => (
          <label key={s} className={styles.check}>
            <input type="checkbox" name="status" value={s} defaultChecked={query.status.includes(s)} />
            {f.statuses[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{f.severity}</legend>
        {FLEET_SEVERITIES.map((s) => (
          <label key={s} className={styles.check}>
            <input type="checkbox" name="severity" value={s} defaultChecked={query.severity.includes(s)} />
            {t.severity[s]}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{f.openAlarm}</span>
        <select name="open" defaultValue={query.open ?? ''} data-testid="filter-open">
          <option value="">{f.any}</option>
          <option value="yes">{f.withOpenAlarm}</option>
          <option value="no">{f.withoutOpenAlarm}</option>
        </select>
      </label>
      <label>
        <span>{f.site}</span>
        <select name="site" defaultValue={query.site[0] ?? ''} data-testid="filter-site">
          <option value="">{f.any}</option>
          {sites.map((s) => (
            <option key={s.siteId} value={s.siteId}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{f.sort}</span>
        <select name="sort" defaultValue={query.sort} data-testid="filter-sort">
          {FLEET_SORTS.map((s) => (
            <option key={s} value={s}>
              {f.sorts[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{f.direction}</span>
        <select name="dir" defaultValue={query.dir}>
          <option value="asc">{f.ascending}</option>
          <option value="desc">{f.descending}</option>
        </select>
      </label>
      <div className={styles.filterActions}>
        <button type="submit" className="fleet-button" data-testid="fleet-apply">
          {f.apply}
        </button>
        <Link href="/fleet" className={styles.reset}>
          {f.reset}
        </Link>
      </div>
    </Form>
  );
}
