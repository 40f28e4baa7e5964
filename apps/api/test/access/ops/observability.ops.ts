import type { OpSpec } from './op-spec.js';

/**
 * Probes for load balancers and orchestrators: public, and they answer the same to everyone
 * (no tenant data). GET /metrics is not an /api route: it is served to loopback or a bearer
 * METRICS_TOKEN only (tested in test/observability.medium.spec.ts and service-kit).
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/health/live',
    allowed: 'public',
    foreign: 'own-data',
    request: () => ({ path: '/health/live' }),
  },
  {
    op: 'GET /api/health/ready',
    allowed: 'public',
    foreign: 'own-data',
    request: () => ({ path: '/health/ready' }),
  },
];
