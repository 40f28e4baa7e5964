import { get_dmmf } from '@prisma/prisma-schema-wasm';
import {
  type ColumnModel,
  foreignKeySignature,
  indexSignature,
  type SchemaModel,
  type TableModel,
} from './schema-model.js';

// The DMMF as prisma-schema-wasm emits it; only the parts the drift test reads.
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
interface Dmmf {
  datamodel: {
    enums: { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] }[];
    models: DmmfModel[];
    indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }[];
  };
}

/** schema.prisma → SchemaModel, through Prisma's own schema parser (wasm, no engine download). */
export function prismaSchemaModel(schemaText: string): SchemaModel {
  const dmmf = JSON.parse(
    get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schemaText]] })),
  ) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const enumNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enums = new Map(
    dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
  );
  const tables = new Map<string, TableModel>();
  for (const model of dmmf.datamodel.models) {
    const column = (field: string) => columnName(model, field);
    const indexes = dmmf.datamodel.indexes.filter((i) => i.model === model.name);
    tables.set(tableName(model), {
      columns: new Map(
        model.fields
          .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
          .map((f) => [f.dbName ?? f.name, columnModel(f, enumNames)]),
      ),
      primaryKey: (indexes.find((i) => i.type === 'id')?.fields ?? []).map((f) => column(f.name)),
      indexes: new Set(
        indexes
          .filter((i) => i.type === 'unique' || i.type === 'normal')
          .map((i) =>
            indexSignature(
              i.type === 'unique',
              i.fields.map((f) => column(f.name)),
            ),
          ),
      ),
      foreignKeys: new Set(
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
          .map((f) => {
            const target = models.get(f.type)!;
            return foreignKeySignature({
              columns: f.relationFromFields!.map(column),
              refTable: tableName(target),
              refColumns: f.relationToFields!.map((t) => columnName(target, t)),
              // Prisma's defaults: Restrict for a required relation, SetNull for an optional one.
              onDelete: referentialAction(f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')),
              onUpdate: referentialAction(f.relationOnUpdate ?? 'Cascade'),
            });
          }),
      ),
    });
  }
  return { enums, tables };
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(model: DmmfModel, field: string): string {
  const f = model.fields.find((x) => x.name === field);
  return f?.dbName ?? field;
}

function columnModel(field: DmmfField, enumNames: Map<string, string>): ColumnModel {
  const base = field.kind === 'enum' ? enumNames.get(field.type)! : columnType(field);
  return {
    type: field.isList ? `${base}[]` : base,
    nullable: !field.isRequired,
    default: columnDefault(field),
  };
}

const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** Prisma's PostgreSQL native types, spelt the way format_type() prints them. */
function columnType(field: DmmfField): string {
  if (!field.nativeType) {
    return DEFAULT_TYPES[field.type] ?? `unmapped Prisma type ${field.type}`;
  }
  const [name, args] = field.nativeType;
  const suffix = args.length ? `(${args.join(',')})` : '';
  const simple: Record<string, string> = {
    Text: 'text',
    Uuid: 'uuid',
    Integer: 'integer',
    SmallInt: 'smallint',
    BigInt: 'bigint',
    DoublePrecision: 'double precision',
    Real: 'real',
    Boolean: 'boolean',
    Date: 'date',
    Json: 'json',
    JsonB: 'jsonb',
    ByteA: 'bytea',
    Inet: 'inet',
    Xml: 'xml',
    Money: 'money',
    Citext: 'citext',
    Oid: 'oid',
  };
  const withArgs: Record<string, string> = {
    VarChar: `character varying${suffix}`,
    Char: `character${suffix}`,
    Decimal: `numeric${suffix}`,
    Timestamp: `timestamp${suffix} without time zone`,
    Timestamptz: `timestamp${suffix} with time zone`,
    Time: `time${suffix} without time zone`,
    Timetz: `time${suffix} with time zone`,
    Bit: `bit${suffix}`,
    VarBit: `bit varying${suffix}`,
  };
  return simple[name] ?? withArgs[name] ?? `unmapped native type @db.${name}`;
}

/** The default the database itself should carry, normalised like databaseSchemaModel does. */
function columnDefault(field: DmmfField): string | null {
  if (!field.hasDefaultValue) {
    return null;
  }
  const value = field.default;
  if (value !== null && typeof value === 'object' && 'name' in value) {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'autoincrement':
        return 'autoincrement()';
      case 'dbgenerated':
        return String(fn.args[0] ?? '');
      default:
        // uuid(), cuid(), nanoid(), ulid(): generated by the client, no database default.
        return null;
    }
  }
  return String(value);
}

function referentialAction(action: string): string {
  const actions: Record<string, string> = {
    Cascade: 'CASCADE',
    Restrict: 'RESTRICT',
    NoAction: 'NO ACTION',
    SetNull: 'SET NULL',
    SetDefault: 'SET DEFAULT',
  };
  return actions[action] ?? action;
}
