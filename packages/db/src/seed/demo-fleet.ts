import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The demo fleet as data (`infra/demo/demo-fleet.json`): the seed creates it in the database and
 * `npm start` runs one simulator and one edge agent per gateway from the same file, so the two
 * can never disagree.
 */
const person = z.object({ email: z.email(), password: z.string().min(8), name: z.string().min(1) });

export const demoFleetSchema = z.object({
  tenant: z.object({ name: z.string().min(1), slug: z.string().regex(/^[a-z0-9-]+$/) }),
  installer: person,
  /** More members of the tenant; an owner sees only the sites (by gateway id) listed. */
  people: z
    .array(
      person.extend({
        role: z.enum(['org_admin', 'installer', 'technician', 'support', 'owner']),
        sites: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  /** A support desk organisation with one support user and a grant on the listed sites (by gateway id). */
  supportDesk: z
    .object({
      name: z.string().min(1),
      slug: z.string().regex(/^[a-z0-9-]+$/),
      user: person,
      grantedSites: z.array(z.string()).min(1),
    })
    .optional(),
  gateways: z
    .array(
      z.object({
        gatewayId: z.string().regex(/^[a-z0-9-]{3,64}$/),
        site: z.string().min(1),
        bus: z.string().min(1),
        addresses: z.array(z.number().int().min(0).max(15)).min(1),
        modules: z.number().int().min(5).max(15),
        moduleType: z.enum(['H48050', 'H48074', 'OTHER']),
        mbms: z.string().min(1).optional(),
        /** Where the site is (the fleet map); without them the town in the site name decides. */
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
      }),
    )
    .min(1),
});

export type DemoFleet = z.infer<typeof demoFleetSchema>;

// Town centres of the demo sites' towns (rounded public coordinates), so the fleet map has
// plausible places for a demo file that names none.
const DEMO_TOWNS: Record<string, { latitude: number; longitude: number }> = {
  Freiburg: { latitude: 47.999, longitude: 7.842 },
  Ulm: { latitude: 48.398, longitude: 9.992 },
  Augsburg: { latitude: 48.371, longitude: 10.898 },
  München: { latitude: 48.137, longitude: 11.575 },
  Stuttgart: { latitude: 48.776, longitude: 9.183 },
};

/** The demo site's coordinates: the file's own, else its town's (the text after the comma), else none. */
export function demoSiteCoordinates(
  gateway: DemoFleet['gateways'][number],
): { latitude: number; longitude: number } | null {
  if (gateway.latitude !== undefined && gateway.longitude !== undefined) {
    return { latitude: gateway.latitude, longitude: gateway.longitude };
  }
  const town = gateway.site.split(',').at(1)?.trim();
  return (town && DEMO_TOWNS[town]) || null;
}

/** Path of the demo fleet file in a checkout (works from src/ and dist/). */
export const DEFAULT_DEMO_FLEET_PATH = fileURLToPath(
  new URL('../../../../infra/demo/demo-fleet.json', import.meta.url),
);

/** Reads and validates a demo fleet file; throws naming the file and the bad field. */
export function loadDemoFleet(path = DEFAULT_DEMO_FLEET_PATH): DemoFleet {
  const parsed = demoFleetSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path} is not a valid demo fleet: ${issues}`);
  }
  return parsed.data;
}
