import type { z } from 'zod';

/** undefined = valid; else zod's message for the value. */
export type FieldCheck = (value: unknown) => string | undefined;

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      innerType?: ZodInternals;
      entries?: Record<string, unknown>;
      checks?: { _zod: { def: { check: string; format?: string; value?: number; inclusive?: boolean } } }[];
    };
  };
}

/** A number schema's checks as plain bounds, or undefined when it has checks we do not mirror. */
function numberBounds(schema: ZodInternals): { min: number; max: number; int: boolean } | undefined {
  const bounds = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, int: false };
  for (const { _zod: c } of schema._zod.def.checks ?? []) {
    const d = c.def;
    if (d.check === 'number_format' && d.format === 'safeint') {
      bounds.int = true;
    } else if (d.check === 'greater_than' && d.inclusive && typeof d.value === 'number') {
      bounds.min = Math.max(bounds.min, d.value);
    } else if (d.check === 'less_than' && d.inclusive && typeof d.value === 'number') {
      bounds.max = Math.min(bounds.max, d.value);
    } else {
      return undefined;
    }
  }
  return bounds;
}

/** A cheap pre-check that only ever says "valid" for values zod accepts; false = ask zod. */
function quickAccept(schema: ZodInternals): ((v: unknown) => boolean) | undefined {
  const def = schema._zod.def;
  if (def.type === 'optional' && def.innerType) {
    const inner = quickAccept(def.innerType);
    return inner ? (v) => v === undefined || inner(v) : (v) => v === undefined;
  }
  if (def.type === 'boolean') {
    return (v) => typeof v === 'boolean';
  }
  if (def.type === 'enum' && def.entries) {
    const values = new Set(Object.values(def.entries));
    return (v) => values.has(v);
  }
  if (def.type === 'number') {
    const b = numberBounds(schema);
    return (
      b &&
      ((v) =>
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (!b.int || Number.isSafeInteger(v)) &&
        v >= b.min &&
        v <= b.max)
    );
  }
  return undefined;
}

/**
 * A field validator with zod's verdict: values the quick check accepts are valid (it mirrors
 * only the checks zod would apply: safe integer, inclusive bounds, enum, boolean); everything
 * else is decided, and explained, by zod itself. A zod call per value costs more than the check.
 */
export function fieldCheck(schema: z.ZodType): FieldCheck {
  const quick = quickAccept(schema as unknown as ZodInternals);
  const slow: FieldCheck = (v) => {
    const result = schema.safeParse(v);
    return result.success ? undefined : (result.error.issues[0]?.message ?? 'invalid');
  };
  return quick ? (v) => (quick(v) ? undefined : slow(v)) : slow;
}
