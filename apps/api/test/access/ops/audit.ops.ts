import { ORG_ADMINS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** The audit log: org admins read their organisation's events (a foreign admin only its own). */
export const ops: OpSpec[] = [
  { op: 'GET /api/audit', allowed: ORG_ADMINS, foreign: 'own-data', request: () => ({ path: '/audit' }) },
];
