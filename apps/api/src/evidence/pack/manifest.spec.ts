import { describe, expect, it } from 'vitest';
import { manifestJson } from './manifest.js';

describe('manifestJson', () => {
  it('lists every file with its hash and size, the string, the period and when it was made', () => {
    const sut = JSON.parse(
      manifestJson({
        generator: 'g',
        generatorVersion: '1.0.0',
        packId: 'p1',
        stringId: 's1',
        stringName: 'String 1',
        period: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
        generatedAt: new Date('2027-01-02T03:04:05Z'),
        files: [
          { name: 'identity.csv', sha256: 'ab'.repeat(32), bytes: 10 },
          { name: 'evidence-report.pdf', sha256: 'cd'.repeat(32), bytes: 2000 },
        ],
      }),
    );
    expect(sut).toEqual({
      generator: 'g',
      generatorVersion: '1.0.0',
      packId: 'p1',
      stringId: 's1',
      stringName: 'String 1',
      period: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      generatedAt: '2027-01-02T03:04:05.000Z',
      hashAlgorithm: 'sha256',
      files: [
        { name: 'identity.csv', sha256: 'ab'.repeat(32), bytes: 10 },
        { name: 'evidence-report.pdf', sha256: 'cd'.repeat(32), bytes: 2000 },
      ],
    });
  });
});
