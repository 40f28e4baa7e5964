import type { ScopeArg } from '../access/index.js';
import type { PgPool } from '../client.js';
import { readFleetList } from './fleet-list.js';
import type { FleetListOptions, FleetListPage } from './fleet-list.types.js';
import { type FleetSiteRow, readFleetSites } from './fleet-sites.js';

/**
 * The fleet view's reads (issue 9): the filtered, sorted, keyset-paged list of strings and the
 * sites for the map. Built on the API's scoped pool, so row-level security applies beneath the
 * scope filter every query carries.
 */
export class FleetRepository {
  constructor(private readonly pool: PgPool) {}

  /** A cursor of another sort or direction, or one not handed out, throws InvalidFleetListCursorError. */
  list(scope: ScopeArg, options: FleetListOptions = {}): Promise<FleetListPage> {
    return readFleetList(this.pool, scope, options);
  }

  sites(scope: ScopeArg): Promise<{ sites: FleetSiteRow[]; truncated: boolean }> {
    return readFleetSites(this.pool, scope);
  }
}
