import { z } from 'zod';
import { quickOrZod } from './quick-or-zod.js';

/** An item of a kind this reader does not know (a newer minor version), kept whole. */
export interface UnknownKind {
  kind: 'unknown';
  originalKind: string;
  body: Record<string, unknown>;
}

type KindItem = { kind: string } & Record<string, unknown>;

/** An object with a 1–64 character `kind`, as z.looseObject({ kind }) accepts it. */
function isKindItem(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return false;
  }
  const kind = (v as { kind?: unknown }).kind;
  return typeof kind === 'string' && kind.length >= 1 && kind.length <= 64;
}

/**
 * The list before each item's own schema: checked in one loop (zod's looseObject copied every
 * item, every key, once here and again in the item's schema), zod for anything else.
 */
function itemList(max: number) {
  const slow = z
    .array(z.looseObject({ kind: z.string().min(1).max(64) }))
    .min(1)
    .max(max);
  const quick = (v: unknown) => {
    if (!Array.isArray(v) || v.length < 1 || v.length > max) {
      return false;
    }
    for (let i = 0; i < v.length; i++) {
      if (!isKindItem(v[i])) {
        return false;
      }
    }
    return true;
  };
  return quickOrZod<KindItem[]>(quick, slow);
}

/**
 * A list of `{ kind, ... }` items where known kinds are validated by `known` and unknown kinds
 * are set aside instead of refused, so an older reader accepts a newer minor version. Issues of
 * a known item keep their index in the path. Shared by telemetry samples and events.
 */
export function kindListSchema<T>(known: z.ZodType<T>, knownKinds: ReadonlySet<string>, max: number) {
  return itemList(max).transform((items, ctx) => {
    const parsedKnown: T[] = [];
    const unknown: UnknownKind[] = [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as KindItem;
      if (!knownKinds.has(item.kind)) {
        unknown.push({ kind: 'unknown', originalKind: item.kind, body: item });
        continue;
      }
      const parsed = known.safeParse(item);
      if (parsed.success) {
        parsedKnown.push(parsed.data);
        continue;
      }
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
      }
    }
    return { known: parsedKnown, unknown };
  });
}
