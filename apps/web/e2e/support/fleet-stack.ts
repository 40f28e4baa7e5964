// biome-ignore lint/style/noRestrictedImports: the fleet e2e test and bench:web seed their own database
import type { PgPool, PrismaClient } from '@fleet/db';
import { startWebStack } from './web-stack.js';

export interface FleetStack<Seed> {
  webUrl: string;
  /** The API's origin, for processes that call it directly (a simulated gateway enrolling). */
  apiUrl: string;
  seed: Seed;
  diagnostics(): string;
  stop(): Promise<void>;
}

/**
 * A fresh migrated database filled by `seed`, then the built API and web app (production build)
 * on free ports, both answering before this resolves.
 */
export async function startFleetStack<Seed>(
  root: string,
  seed: (prisma: PrismaClient, pool: PgPool) => Promise<Seed>,
): Promise<FleetStack<Seed>> {
  const stack = await startWebStack(root, {
    seed,
    // No MAP_TILE_URL: the map draws its markers on a plain background (nothing leaves the machine).
    webEnv: { MAP_TILE_URL: '' },
  });
  const { webUrl, apiUrl, diagnostics, stop } = stack;
  return { webUrl, apiUrl, seed: stack.seed, diagnostics, stop };
}
