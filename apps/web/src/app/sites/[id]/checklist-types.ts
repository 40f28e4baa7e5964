import type { components } from '../../../lib/api/schema.gen';

export type CommissioningStatus = components['schemas']['SiteCommissioningStatus'];
export type ChecklistItem = CommissioningStatus['items'][number];

/** Body of GET /sites/[id]/checklist (the route handler the checklist panel polls). */
export type ChecklistResponse = { status: CommissioningStatus } | { error: string };
