import type { LatestPackSample } from '../../../lib/api/types';

/** Body of GET /strings/[id]/latest (the route handler the live view polls). */
export type LatestResponse = { sample: LatestPackSample | null } | { error: string };
