/** The fleet map's tile layer, when one is configured; read on the server, handed to the client. */
export interface MapTiles {
  /** Leaflet URL template, e.g. `https://tile.example.org/{z}/{x}/{y}.png`. */
  url: string;
  attribution: string;
}

/**
 * MAP_TILE_URL (+ MAP_TILE_ATTRIBUTION). Unset or not an http(s) template with {z}, {x} and {y}:
 * no tiles, and the map draws the sites on a plain background. No default server on purpose:
 * public tile servers have usage policies a deployment has to accept for itself.
 */
export function mapTiles(): MapTiles | undefined {
  const url = process.env.MAP_TILE_URL?.trim();
  if (!url || !/^https?:\/\//.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) {
    return undefined;
  }
  return { url, attribution: process.env.MAP_TILE_ATTRIBUTION?.trim() ?? '' };
}
