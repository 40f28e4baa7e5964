import { describe, expect, it } from 'vitest';
import { noneMatchHits, weakEtag } from './weak-etag.js';

describe('weakEtag', () => {
  it('is the same for the same JSON and differs for any change', () => {
    expect(weakEtag('{"a":1}')).toBe(weakEtag('{"a":1}'));
    expect(weakEtag('{"a":1}')).not.toBe(weakEtag('{"a":2}'));
    expect(weakEtag('{"a":1}')).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
  });
});

describe('noneMatchHits', () => {
  const tag = 'W/"abc"';
  it('matches a listed tag weakly, and *', () => {
    expect(noneMatchHits('W/"abc"', tag)).toBe(true);
    expect(noneMatchHits('"x", "abc"', tag)).toBe(true);
    expect(noneMatchHits('*', tag)).toBe(true);
  });
  it('does not match another tag or no header', () => {
    expect(noneMatchHits('W/"abd"', tag)).toBe(false);
    expect(noneMatchHits(undefined, tag)).toBe(false);
  });
});
