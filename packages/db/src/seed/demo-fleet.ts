import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The demo fleet as data (`infra/demo/demo-fleet.json`): the seed creates it in the database and
 * `npm start` runs one simulator and one edge agent per gateway from the same file, so the two
 * can never disagree.
 */
export const demoFleetSchema = z.object({
  tenant: z.object({ name: z.string().min(1), slug: z.string().regex(/^[a-z0-9-]+$/) }),
  installer: z.object({ email: z.email(), password: z.string().min(8), name: z.string().min(1) }),
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
      }),
    )
    .min(1),
});

export type DemoFleet = z.infer<typeof demoFleetSchema>;

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
