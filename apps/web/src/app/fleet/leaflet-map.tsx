'use client';

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { MapTiles } from '../../config/map-tiles';
import styles from './fleet.module.css';
import type { FleetSite } from './fleet-types';
import { LEVEL_VARIABLE, levelOf } from './map-colours';

export interface LeafletMapProps {
  sites: FleetSite[];
  tiles?: MapTiles;
  /** The marker's tooltip, in the reader's language. */
  labelOf(site: FleetSite): string;
  onSelect(siteId: string): void;
  /** Called once when a tile fails to load (the map then stays on its plain background). */
  onTilesFailed(): void;
}

function colour(variable: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || '#888';
}

/**
 * Leaflet, loaded only in the browser. Circle markers on one canvas (thousands stay cheap),
 * coloured by the site's worst open alarm; a tile layer only when the server configured one.
 */
export default function LeafletMap({ sites, tiles, labelOf, onSelect, onTilesFailed }: LeafletMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!element.current) {
      return;
    }
    const map = L.map(element.current, { preferCanvas: true, worldCopyJump: true });
    if (tiles) {
      let reported = false;
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 })
        .on('tileerror', () => {
          if (!reported) {
            reported = true;
            onTilesFailed();
          }
        })
        .addTo(map);
    }
    const markers = sites.map((site) => {
      const fill = colour(LEVEL_VARIABLE[levelOf(site)]);
      return L.circleMarker([site.latitude ?? 0, site.longitude ?? 0], {
        radius: 8,
        color: colour('--fleet-text'),
        weight: 1,
        fillColor: fill,
        fillOpacity: 0.9,
      })
        .bindTooltip(labelOf(site))
        .on('click', () => onSelect(site.siteId))
        .addTo(map);
    });
    const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.2), { maxZoom: 12 });
    } else {
      map.setView([50, 10], 4);
    }
    setReady(true);
    return () => {
      map.remove();
    };
  }, [sites, tiles, labelOf, onSelect, onTilesFailed]);
  return <div ref={element} className={styles.mapCanvas} data-testid="fleet-map" data-ready={ready} />;
}
