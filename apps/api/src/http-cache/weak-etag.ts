import { createHash } from 'node:crypto';

/**
 * A weak validator of a JSON body: the same body always gives the same tag, any change gives
 * another. Weak because equal JSON is what it promises, not byte-equal encodings (RFC 9110 §8.8.1).
 */
export function weakEtag(json: string): string {
  return `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an `If-None-Match` value matches `etag` by weak comparison (RFC 9110 §13.1.2): `*`, or
 * any listed tag with the same opaque value, `W/` or not.
 */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) {
    return false;
  }
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
