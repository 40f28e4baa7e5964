// Names for the generated topology schemas (issue 10) the site view reads.
import type { components } from '../../../lib/api/schema.gen';

type Schemas = components['schemas'];

export type SiteTopology = Schemas['SiteTopology'];
export type FoundString = Schemas['TopologyFoundString'];
export type TopologyMismatch = Schemas['TopologyMismatch'];
export type TopologyPlace = Schemas['TopologyPlace'];
export type ExpectedString = Schemas['TopologyExpectedString'];
