/**
 * The relational shape both sides of the drift test are reduced to: what schema.prisma says
 * and what the migrated database has. Names are database names (@@map/@map applied).
 */
export interface ColumnModel {
  /** PostgreSQL's format_type() spelling, e.g. `timestamp(3) with time zone`, `"Role"` unquoted. */
  type: string;
  nullable: boolean;
  /** Normalised default expression, or null when the database sets none (e.g. @default(uuid())). */
  default: string | null;
}

export interface TableModel {
  columns: Map<string, ColumnModel>;
  primaryKey: string[];
  /** Signatures such as `UNIQUE (gateway_id, bus, bms_address)` and `INDEX (tenant_id)`. */
  indexes: Set<string>;
  /** Signatures such as `FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE ON UPDATE CASCADE`. */
  foreignKeys: Set<string>;
}

export interface SchemaModel {
  enums: Map<string, string[]>;
  tables: Map<string, TableModel>;
}

export function indexSignature(unique: boolean, columns: string[]): string {
  return `${unique ? 'UNIQUE' : 'INDEX'} (${columns.join(', ')})`;
}

export function foreignKeySignature(fk: {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}): string {
  return `FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES ${fk.refTable} (${fk.refColumns.join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}
