import type { SchemaModel, TableModel } from './schema-model.js';

/**
 * Every way the database differs from schema.prisma, as readable lines (empty when in sync).
 * `expected` is the Prisma side, `actual` the migrated database.
 */
export function diffSchemaModels(expected: SchemaModel, actual: SchemaModel): string[] {
  const problems: string[] = [];
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) {
      problems.push(`enum ${name}: missing in the database`);
    } else if (found.join() !== values.join()) {
      problems.push(`enum ${name}: schema has [${values.join(', ')}], database has [${found.join(', ')}]`);
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) {
      problems.push(`enum ${name}: in the database but not in schema.prisma`);
    }
  }
  for (const [name, table] of expected.tables) {
    const found = actual.tables.get(name);
    if (found) {
      problems.push(...diffTables(name, table, found));
    } else {
      problems.push(`table ${name}: missing in the database`);
    }
  }
  for (const name of actual.tables.keys()) {
    if (!expected.tables.has(name)) {
      problems.push(
        `table ${name}: in the database but not in schema.prisma (add it, or list it as SQL-only)`,
      );
    }
  }
  return problems;
}

function diffTables(table: string, expected: TableModel, actual: TableModel): string[] {
  const problems: string[] = [];
  for (const [name, column] of expected.columns) {
    const found = actual.columns.get(name);
    if (!found) {
      problems.push(`table ${table}: column ${name} missing in the database`);
      continue;
    }
    for (const key of ['type', 'nullable', 'default'] as const) {
      if (column[key] !== found[key]) {
        problems.push(
          `table ${table}: column ${name} ${key} is ${JSON.stringify(column[key])} in schema.prisma, ` +
            `${JSON.stringify(found[key])} in the database`,
        );
      }
    }
  }
  for (const name of actual.columns.keys()) {
    if (!expected.columns.has(name)) {
      problems.push(`table ${table}: column ${name} in the database but not in schema.prisma`);
    }
  }
  if (expected.primaryKey.join() !== actual.primaryKey.join()) {
    problems.push(
      `table ${table}: primary key (${expected.primaryKey.join(', ')}) in schema.prisma, ` +
        `(${actual.primaryKey.join(', ')}) in the database`,
    );
  }
  problems.push(...diffSets(table, 'index', expected.indexes, actual.indexes));
  problems.push(...diffSets(table, 'foreign key', expected.foreignKeys, actual.foreignKeys));
  return problems;
}

function diffSets(table: string, what: string, expected: Set<string>, actual: Set<string>): string[] {
  return [
    ...[...expected]
      .filter((s) => !actual.has(s))
      .map((s) => `table ${table}: ${what} ${s} missing in the database`),
    ...[...actual]
      .filter((s) => !expected.has(s))
      .map((s) => `table ${table}: ${what} ${s} not in schema.prisma`),
  ];
}
