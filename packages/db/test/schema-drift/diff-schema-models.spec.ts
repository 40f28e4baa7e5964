import { describe, expect, it } from 'vitest';
import { diffSchemaModels } from './diff-schema-models.js';
import { prismaSchemaModel } from './prisma-schema-model.js';

const base = `
datasource db {
  provider = "postgresql"
}
enum Kind {
  a
  b
}
model Owner {
  id     String  @id @default(uuid()) @db.Uuid
  name   String  @default("x")
  things Thing[]
  @@map("owner")
}
model Thing {
  id      Int      @id @default(autoincrement())
  ownerId String   @map("owner_id") @db.Uuid
  kind    Kind     @default(a)
  at      DateTime @default(now()) @db.Timestamptz(3)
  owner   Owner    @relation(fields: [ownerId], references: [id], onDelete: Cascade)
  @@unique([ownerId, kind])
  @@map("thing")
}`;

const drift = (expected: string, actual: string) =>
  diffSchemaModels(prismaSchemaModel(expected), prismaSchemaModel(actual));

describe('diffSchemaModels', () => {
  it('finds nothing between identical schemas', () => {
    expect(drift(base, base)).toEqual([]);
  });

  it('reports a field the other side lacks, in both directions', () => {
    const extra = base.replace(
      'name   String  @default("x")',
      'name   String  @default("x")\n  note String?',
    );
    expect(drift(extra, base)).toEqual(['table owner: column note missing in the database']);
    expect(drift(base, extra)).toEqual(['table owner: column note in the database but not in schema.prisma']);
  });

  it('reports type, nullability and default changes', () => {
    const changed = base
      .replace('@default(now()) @db.Timestamptz(3)', '@db.Timestamptz(6)')
      .replace('name   String ', 'name   String?');
    expect(drift(base, changed)).toEqual([
      'table owner: column name nullable is false in schema.prisma, true in the database',
      'table thing: column at type is "timestamp(3) with time zone" in schema.prisma, "timestamp(6) with time zone" in the database',
      'table thing: column at default is "CURRENT_TIMESTAMP" in schema.prisma, null in the database',
    ]);
  });

  it('reports enum values, unique indexes and referential actions', () => {
    const changed = base
      .replace('  b\n}', '  b\n  c\n}')
      .replace('@@unique([ownerId, kind])', '@@index([ownerId])')
      .replace('onDelete: Cascade', 'onDelete: Restrict');
    expect(drift(base, changed)).toEqual([
      'enum Kind: schema has [a, b], database has [a, b, c]',
      'table thing: index UNIQUE (owner_id, kind) missing in the database',
      'table thing: index INDEX (owner_id) not in schema.prisma',
      'table thing: foreign key FOREIGN KEY (owner_id) REFERENCES owner (id) ON DELETE CASCADE ON UPDATE CASCADE missing in the database',
      'table thing: foreign key FOREIGN KEY (owner_id) REFERENCES owner (id) ON DELETE RESTRICT ON UPDATE CASCADE not in schema.prisma',
    ]);
  });
});
