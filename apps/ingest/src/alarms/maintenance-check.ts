import type { MaintenanceSpan } from '@fleet/db';

/** Whether a window of the site covers `at` (windows are [startsAt, endsAt)). */
export function maintenanceCheck(spans: MaintenanceSpan[], siteId: string): (at: number) => boolean {
  const own = spans.filter((s) => s.siteId === siteId);
  return (at) => own.some((s) => s.startsAt.getTime() <= at && at < s.endsAt.getTime());
}
