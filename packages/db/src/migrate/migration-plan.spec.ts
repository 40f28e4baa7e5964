import { describe, expect, it } from 'vitest';
import { type MigrationFile, migrationChecksum } from './migration-file.js';
import { type AppliedMigration, planMigrations } from './migration-plan.js';

const file = (name: string, sql = `-- ${name}`): MigrationFile => ({
  name,
  sql,
  checksum: migrationChecksum(sql),
});
const applied = (f: MigrationFile, extra: Partial<AppliedMigration> = {}): AppliedMigration => ({
  migrationName: f.name,
  checksum: f.checksum,
  finishedAt: new Date(),
  rolledBackAt: null,
  logs: null,
  ...extra,
});

describe('planMigrations', () => {
  const a = file('20260101000000_a');
  const b = file('20260102000000_b');

  it('returns the files not applied yet, in order', () => {
    expect(planMigrations([a, b], []).map((f) => f.name)).toEqual([a.name, b.name]);
    expect(planMigrations([a, b], [applied(a)]).map((f) => f.name)).toEqual([b.name]);
    expect(planMigrations([a, b], [applied(a), applied(b)])).toEqual([]);
  });

  it('refuses when an applied migration was edited', () => {
    const edited = { ...a, checksum: migrationChecksum('-- edited') };
    expect(() => planMigrations([edited, b], [applied(a)])).toThrow(
      expect.objectContaining({ code: 'checksum-mismatch', message: expect.stringContaining(a.name) }),
    );
  });

  it('refuses when a failed attempt is recorded, and names the fix', () => {
    const failed = applied(b, { finishedAt: null, logs: 'division by zero' });
    expect(() => planMigrations([a, b], [applied(a), failed])).toThrow(
      expect.objectContaining({
        code: 'failed-migration',
        message: expect.stringContaining('rolled_back_at'),
      }),
    );
  });

  it('runs a migration again once its failed attempt is marked rolled back', () => {
    const rolledBack = applied(b, { finishedAt: null, rolledBackAt: new Date() });
    expect(planMigrations([a, b], [applied(a), rolledBack]).map((f) => f.name)).toEqual([b.name]);
  });

  it('refuses when the database has a migration this checkout lacks', () => {
    expect(() => planMigrations([a], [applied(a), applied(b)])).toThrow(
      expect.objectContaining({ code: 'missing-file' }),
    );
  });
});

describe('migrationChecksum', () => {
  it('is the sha256 hex Prisma stores', () => {
    // sha256("") — the well-known empty-input digest (FIPS 180-4 test vector).
    expect(migrationChecksum('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
