// Names for the generated response schemas the fleet view uses (schema.gen.ts; never by hand).
import type { components } from '../../lib/api/schema.gen';

type Schemas = components['schemas'];

export type FleetRow = Schemas['FleetRow'];
export type FleetRowCohort = Schemas['FleetRowCohort'];
export type FleetPage = Schemas['FleetPage'];
export type FleetSite = Schemas['FleetSite'];
export type FleetSites = Schemas['FleetSites'];
export type SavedView = Schemas['SavedView'];
