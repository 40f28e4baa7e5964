import { ORG_ADMINS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/**
 * Weekly fleet report (issue 10): organisation-level, for org admins; each caller gets its own
 * organisation's report. The walk's API has no SMTP server, so a send answers 200 with the run
 * marked failed (kept for the schedule to retry once mail is configured).
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/reports/weekly/preview',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    request: () => ({ path: '/reports/weekly/preview' }),
  },
  {
    op: 'POST /api/reports/weekly/send',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    request: () => ({ path: '/reports/weekly/send' }),
  },
];
