// How one RxDB collection (at one schema version) is laid out as an SQLite
// table: the document as JSON, a few plain columns the storage itself needs,
// and one BLOB column per schema index holding RxDB's index string, each with
// its own SQLite index so that a query reads only its range.

import type { RxDocumentData, RxJsonSchema } from 'rxdb/plugins/core';
import {
  getIndexableStringMonad,
  getPrimaryFieldOfPrimaryKey,
  getSchemaByObjectPath,
} from 'rxdb/plugins/core';

export type IndexColumn = {
  /** The schema index, e.g. ['_deleted', 'patientId', 'occurredAt', 'id']. */
  readonly fields: readonly string[];
  /** Quoted column name in the table. */
  readonly column: string;
  /** RxDB's index string of a document for this index. */
  readonly indexString: (doc: RxDocumentData<unknown>) => string;
};

export type TableLayout = {
  /** Unquoted table name: collection and schema version. */
  readonly tableName: string;
  /** Quoted, ready to splice into SQL. */
  readonly table: string;
  readonly primaryPath: string;
  readonly indexColumns: readonly IndexColumn[];
  /** Index columns by their fields joined with ','. */
  readonly byFields: ReadonlyMap<string, IndexColumn>;
  /** The index RxDB adds for getChangedDocumentsSince: ['_meta.lwt', primary]. */
  readonly changesIndex: IndexColumn;
};

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function tableNameFor(collectionName: string, schemaVersion: number): string {
  return `${collectionName}__v${schemaVersion}`;
}

export function indexKeyOf(fields: readonly string[]): string {
  return fields.join(',');
}

export function buildTableLayout(
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<unknown>>,
): TableLayout {
  const tableName = tableNameFor(collectionName, schema.version);
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey as never) as string;
  const schemaIndexes = (schema.indexes ?? []).map((index) =>
    Array.isArray(index) ? [...(index as string[])] : [index as string],
  );
  const changesFields = ['_meta.lwt', primaryPath];
  if (!schemaIndexes.some((fields) => indexKeyOf(fields) === indexKeyOf(changesFields))) {
    // RxDB's fillWithDefaultSettings always adds it; a hand-made schema may not.
    schemaIndexes.push(changesFields);
  }
  const indexColumns: IndexColumn[] = schemaIndexes.map((fields, position) => ({
    fields,
    column: quoteIdentifier(`k${position}`),
    indexString: getIndexableStringMonad(schema as never, fields) as (
      doc: RxDocumentData<unknown>,
    ) => string,
  }));
  const byFields = new Map(indexColumns.map((column) => [indexKeyOf(column.fields), column]));
  const changesIndex = byFields.get(indexKeyOf(changesFields));
  if (!changesIndex) throw new Error('unreachable: the changes index was just added');
  return {
    tableName,
    table: quoteIdentifier(tableName),
    primaryPath,
    indexColumns,
    byFields,
    changesIndex,
  };
}

/** The statements that create the table and its indexes (idempotent). */
export function createTableSql(layout: TableLayout): string {
  const keyColumns = layout.indexColumns.map((c) => `, ${c.column} BLOB NOT NULL`).join('');
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${layout.table} (id TEXT NOT NULL UNIQUE, deleted INTEGER NOT NULL, lwt REAL NOT NULL, rev TEXT NOT NULL, data TEXT NOT NULL${keyColumns})`,
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${layout.tableName}__cleanup`)} ON ${layout.table} (deleted, lwt)`,
    ...layout.indexColumns.map(
      (c, position) =>
        `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${layout.tableName}__k${position}`)} ON ${layout.table} (${c.column})`,
    ),
  ];
  return statements.join(';\n');
}

/** What the meta table remembers about a table, to detect a changed schema. */
export function layoutSignature(
  layout: TableLayout,
  schema: RxJsonSchema<RxDocumentData<unknown>>,
): string {
  // The stored keys depend on the indexed fields' types, lengths and ranges too.
  const fieldShape = (field: string) => {
    const part = getSchemaByObjectPath(schema as never, field) as
      Record<string, unknown> | undefined;
    return part
      ? [field, part.type, part.maxLength, part.minimum, part.maximum, part.multipleOf]
      : [field];
  };
  return JSON.stringify({
    primary: layout.primaryPath,
    indexes: layout.indexColumns.map((c) => c.fields.map(fieldShape)),
  });
}
