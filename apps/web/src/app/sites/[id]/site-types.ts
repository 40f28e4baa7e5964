// Names for the generated response schemas the site view reads (lib/api/types.ts is shared; these
// are the site view's own).
import type { components } from '../../../lib/api/schema.gen';

type Schemas = components['schemas'];

export type SiteDetail = Schemas['SiteDetail'];
export type SiteString = SiteDetail['strings'][number];
export type StringCells = Schemas['StringCells'];
export type StringModule = Schemas['StringModule'];
export type SiteEnergy = Schemas['SiteEnergy'];
export type Alarm = Schemas['Alarm'];
export type LatestPackSample = Schemas['LatestPackSample'];
export type HeatmapMode = 'voltage' | 'temperature';
