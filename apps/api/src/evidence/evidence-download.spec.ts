import { createHash } from 'node:crypto';
import type { EvidencePackRow } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { downloadName, reprDigest } from './evidence-download.js';

describe('evidence download headers', () => {
  it('names the file by string and the period’s first and last day', () => {
    const pack = {
      stringId: '1a2b3c4d-0000-4000-8000-000000000000',
      periodFrom: new Date('2026-01-01T00:00:00Z'),
      periodTo: new Date('2027-01-01T00:00:00Z'),
    } as EvidencePackRow;
    expect(downloadName(pack, 'zip')).toBe('evidence-1a2b3c4d-2026-01-01-2026-12-31.zip');
  });

  it('gives the SHA-256 as an RFC 9530 Repr-Digest', () => {
    const hex = createHash('sha256').update('hello').digest('hex');
    expect(reprDigest(hex)).toBe(`sha-256=:${createHash('sha256').update('hello').digest('base64')}:`);
  });
});
