/**
 * What every decoder returns instead of throwing or returning null (STYLE.md §8).
 * `corrupt` carries a reason a human can act on.
 */
export type DecodeResult<T> = { status: 'ok'; value: T } | { status: 'corrupt'; reason: string };

export function ok<T>(value: T): DecodeResult<T> {
  return { status: 'ok', value };
}

export function corrupt<T = never>(reason: string): DecodeResult<T> {
  return { status: 'corrupt', reason };
}

/** Runs `decode` only when `data` has exactly `length` bytes. */
export function withLength<T>(
  data: Uint8Array,
  length: number,
  what: string,
  decode: (data: Uint8Array) => T,
): DecodeResult<T> {
  if (data.length !== length) {
    return corrupt(`${what}: expected ${length} data bytes, got ${data.length}`);
  }
  return ok(decode(data));
}
