import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/**
 * The live stream: every role may open it on site A1 (support through its grant, the owner
 * through its invitation); tenant B's admin gets 404 for A1 like for any foreign id. The walk
 * reads the status line and cancels the never-ending body.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/stream',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    stream: true,
    request: (w) => ({ path: `/stream?site=${w.a.siteId}`, headers: { accept: 'text/event-stream' } }),
  },
];
