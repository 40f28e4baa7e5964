import { z } from 'zod';

/** An item of a kind this reader does not know (a newer minor version), kept whole. */
export interface UnknownKind {
  kind: 'unknown';
  originalKind: string;
  body: Record<string, unknown>;
}

/**
 * A list of `{ kind, ... }` items where known kinds are validated by `known` and unknown kinds
 * are set aside instead of refused, so an older reader accepts a newer minor version. Issues of
 * a known item keep their index in the path. Shared by telemetry samples and events.
 */
export function kindListSchema<T>(known: z.ZodType<T>, knownKinds: ReadonlySet<string>, max: number) {
  return z
    .array(z.looseObject({ kind: z.string().min(1).max(64) }))
    .min(1)
    .max(max)
    .transform((items, ctx) => {
      const parsedKnown: T[] = [];
      const unknown: UnknownKind[] = [];
      items.forEach((item, index) => {
        if (!knownKinds.has(item.kind)) {
          unknown.push({ kind: 'unknown', originalKind: item.kind, body: item });
          return;
        }
        const parsed = known.safeParse(item);
        if (parsed.success) {
          parsedKnown.push(parsed.data);
          return;
        }
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
        }
      });
      return { known: parsedKnown, unknown };
    });
}
