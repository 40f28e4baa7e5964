import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** The last hour, which the world's one sample of string A1 falls in. */
const lastHour = () => {
  const to = new Date(Date.now() + 60_000);
  return `from=${new Date(to.getTime() - 3_600_000).toISOString()}&to=${to.toISOString()}`;
};

/** Telemetry ranges of a string: every reader of site A1; another tenant's string is a 404. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/strings/{id}/trend',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/strings/${w.a.stringId}/trend?${lastHour()}&bucket=raw` }),
  },
  {
    op: 'GET /api/strings/{id}/export',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/export?${lastHour()}&bucket=raw&format=csv` }),
  },
];
