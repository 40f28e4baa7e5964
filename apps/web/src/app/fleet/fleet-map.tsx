'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { MapTiles } from '../../config/map-tiles';
import { useI18n } from '../../i18n/client';
import { interpolate } from '../../i18n/dictionary';
import styles from './fleet.module.css';
import { type FleetViewQuery, fleetSearch } from './fleet-query';
import type { FleetSite, FleetSites } from './fleet-types';
import { LEVEL_VARIABLE, LEVELS, levelOf, splitByCoordinates } from './map-colours';

// Leaflet touches `window` on import: loaded in the browser only, after the table.
const LeafletMap = dynamic(() => import('./leaflet-map'), {
  ssr: false,
  loading: () => <MapLoading />,
});

function MapLoading() {
  return (
    <p className="state-message" aria-busy="true">
      {useI18n().t.fleet.mapLoading}
    </p>
  );
}

interface FleetMapProps {
  sites: FleetSites | undefined;
  tiles?: MapTiles;
  query: FleetViewQuery;
}

/** The map of the scope's sites, its legend, and the sites it cannot place. */
export function FleetMap({ sites, tiles, query }: FleetMapProps) {
  const { t } = useI18n();
  const router = useRouter();
  const [tilesFailed, setTilesFailed] = useState(false);
  const labelOf = useCallback(
    (site: FleetSite) =>
      interpolate(t.fleet.mapMarker, {
        name: site.name,
        strings:
          site.stringCount === 1 ? t.fleet.totalOne : interpolate(t.fleet.total, { n: site.stringCount }),
        severity: site.worstSeverity ? t.severity[site.worstSeverity] : t.fleet.mapNoAlarm,
      }),
    [t],
  );
  const onSelect = useCallback(
    (siteId: string) => router.push(`/fleet?${fleetSearch({ ...query, site: [siteId] })}`),
    [router, query],
  );
  const onTilesFailed = useCallback(() => setTilesFailed(true), []);
  if (!sites) {
    return <p className="state-message">{t.fleet.sitesFailed}</p>;
  }
  const { placed, unplaced } = splitByCoordinates(sites.sites);
  return (
    <div className={styles.map}>
      <section aria-label={t.fleet.map} className={styles.mapFrame}>
        <LeafletMap
          sites={placed}
          tiles={tiles}
          labelOf={labelOf}
          onSelect={onSelect}
          onTilesFailed={onTilesFailed}
        />
      </section>
      <p className={styles.mapNote} data-testid="fleet-map-note">
        {!tiles ? t.fleet.mapNoTiles : tilesFailed ? t.fleet.mapTilesFailed : ''}
        {sites.truncated ? ` ${interpolate(t.fleet.sitesTruncated, { n: sites.sites.length })}` : ''}
      </p>
      <ul className={styles.legend} aria-label={t.fleet.legend}>
        {LEVELS.filter((l) => l !== 'major').map((level) => (
          <li key={level}>
            <span
              className={styles.swatch}
              style={{ background: `var(${LEVEL_VARIABLE[level]})` }}
              aria-hidden="true"
            />
            {level === 'none'
              ? t.fleet.noAlarm
              : level === 'critical'
                ? `${t.severity.critical} / ${t.severity.major}`
                : t.severity[level]}
          </li>
        ))}
      </ul>
      {placed.length > 0 ? (
        // The markers are drawn on a canvas, out of reach of keyboard and screen reader: the same
        // sites, their tooltip text and the same click (filter the table to the site) as links.
        <details className={styles.mapSites} data-testid="fleet-map-sites">
          <summary>{interpolate(t.fleet.mapSites, { n: placed.length })}</summary>
          <ul className={styles.unplaced}>
            {placed.map((site) => (
              <li key={site.siteId} data-level={levelOf(site)}>
                <a href={`/fleet?${fleetSearch({ ...query, site: [site.siteId] })}`}>{labelOf(site)}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h2 className={styles.subheading}>{t.fleet.withoutCoordinates}</h2>
      {unplaced.length === 0 ? (
        <p className={styles.muted}>{t.fleet.withoutCoordinatesNone}</p>
      ) : (
        <ul className={styles.unplaced} data-testid="fleet-unplaced">
          {unplaced.map((site) => (
            <li key={site.siteId} data-level={levelOf(site)}>
              <a href={`/fleet?${fleetSearch({ ...query, site: [site.siteId] })}`}>{site.name}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
