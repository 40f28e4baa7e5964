import type pg from 'pg';
import {
  type ColumnModel,
  foreignKeySignature,
  indexSignature,
  type SchemaModel,
  type TableModel,
} from './schema-model.js';

const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Columns of a relation by attribute number, in the order of an int2vector. */
const COLUMNS_OF = (vector: string, rel: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${vector}) WITH ORDINALITY k(num, ord)
          JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.ord)`;

/**
 * The public schema of a live database as a SchemaModel, from pg_catalog. Tables created by
 * hand-written SQL only (time series, Prisma's ledger) and partitions are left out.
 */
export async function databaseSchemaModel(
  client: pg.ClientBase,
  sqlOnlyTables: string[],
): Promise<SchemaModel> {
  const enums = new Map<string, string[]>();
  const enumRows = await client.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
  );
  for (const row of enumRows.rows) {
    enums.set(row.name, [...(enums.get(row.name) ?? []), row.label]);
  }
  const tableRows = await client.query<{ oid: number; name: string }>(
    `SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1)`,
    [sqlOnlyTables],
  );
  const tables = new Map<string, TableModel>();
  for (const table of tableRows.rows) {
    tables.set(table.name, await tableModel(client, table.oid));
  }
  return { enums, tables };
}

async function tableModel(client: pg.ClientBase, oid: number): Promise<TableModel> {
  const columns = await client.query<{ name: string; type: string; notnull: boolean; def: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [oid],
  );
  const indexes = await client.query<{ primary: boolean; unique: boolean; columns: string[] }>(
    `SELECT i.indisprimary AS primary, i.indisunique AS unique, ${COLUMNS_OF('i.indkey', 'i.indrelid')} AS columns
       FROM pg_index i WHERE i.indrelid = $1`,
    [oid],
  );
  const fks = await client.query<{
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    del: string;
    upd: string;
  }>(
    `SELECT ${COLUMNS_OF('c.conkey', 'c.conrelid')} AS columns, c.confrelid::regclass::text AS ref_table,
            ${COLUMNS_OF('c.confkey', 'c.confrelid')} AS ref_columns, c.confdeltype AS del, c.confupdtype AS upd
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = $1`,
    [oid],
  );
  return {
    columns: new Map(columns.rows.map((c) => [c.name, columnModel(c)])),
    primaryKey: indexes.rows.find((i) => i.primary)?.columns ?? [],
    indexes: new Set(indexes.rows.filter((i) => !i.primary).map((i) => indexSignature(i.unique, i.columns))),
    foreignKeys: new Set(
      fks.rows.map((f) =>
        foreignKeySignature({
          columns: f.columns,
          refTable: f.ref_table.replaceAll('"', ''),
          refColumns: f.ref_columns,
          onDelete: ACTIONS[f.del] ?? f.del,
          onUpdate: ACTIONS[f.upd] ?? f.upd,
        }),
      ),
    ),
  };
}

function columnModel(row: { type: string; notnull: boolean; def: string | null }): ColumnModel {
  return { type: row.type.replaceAll('"', ''), nullable: !row.notnull, default: normaliseDefault(row.def) };
}

/** `'Europe/Berlin'::text` → `Europe/Berlin`, `nextval('x_seq'::regclass)` → `autoincrement()`. */
function normaliseDefault(expression: string | null): string | null {
  if (expression === null) {
    return null;
  }
  if (/^nextval\(/.test(expression)) {
    return 'autoincrement()';
  }
  const literal = /^'((?:[^']|'')*)'::[\w\s."[\]()]+$/.exec(expression);
  if (literal) {
    return literal[1]!.replaceAll("''", "'");
  }
  return expression.replace(/^\((-?[\d.]+)\)$/, '$1');
}
