import { describe, expect, it } from 'vitest';
import { sseComment, sseEvent } from './sse-frame.js';

describe('sse frames', () => {
  it('writes a named event with its JSON on one data line, ended by a blank line', () => {
    expect(sseEvent('alarm', { title: 'a\nb', n: 1 })).toBe(
      'event: alarm\ndata: {"title":"a\\nb","n":1}\n\n',
    );
  });

  it('writes a comment that cannot smuggle a field through a newline', () => {
    expect(sseComment('ping\ndata: x')).toBe(': ping data: x\n\n');
  });
});
