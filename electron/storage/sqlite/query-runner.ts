// Runs RxDB queries and counts against the table. RxDB's query planner has
// already chosen an index and a key range; here that range becomes a SELECT
// over the index's column, and only what the index cannot answer (the rest of
// the selector, a sort the index does not give) is done in JavaScript with
// RxDB's own matcher and comparator.

import type {
  FilledMangoQuery,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxQueryPlan,
} from 'rxdb/plugins/core';
import {
  getQueryMatcher,
  getQueryPlan,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb/plugins/core';
import type { SharedConnection } from './connection-registry.ts';
import { prepared } from './connection-registry.ts';
import { encodeIndexKey } from './index-key.ts';
import type { IndexColumn, TableLayout } from './table-layout.ts';
import { indexKeyOf } from './table-layout.ts';

type Doc = RxDocumentData<unknown>;
type Schema = RxJsonSchema<Doc>;

export type QueryContext = {
  readonly connection: SharedConnection;
  readonly layout: TableLayout;
  readonly schema: Schema;
};

type KeyRange = {
  readonly column: IndexColumn;
  readonly lower: Uint8Array;
  readonly upper: Uint8Array;
  readonly inclusiveStart: boolean;
  readonly inclusiveEnd: boolean;
};

type DataRow = { data: string };

function parseRows(rows: unknown[]): Doc[] {
  const docs: Doc[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) docs[i] = JSON.parse((rows[i] as DataRow).data) as Doc;
  return docs;
}

/** The planner's range as index keys, or undefined when the index has no column. */
function keyRangeOf(context: QueryContext, plan: RxQueryPlan): KeyRange | undefined {
  const column = context.layout.byFields.get(indexKeyOf(plan.index));
  if (!column) return undefined;
  return {
    column,
    lower: encodeIndexKey(
      getStartIndexStringFromLowerBound(context.schema, plan.index, plan.startKeys as never),
    ),
    upper: encodeIndexKey(
      getStartIndexStringFromUpperBound(context.schema, plan.index, plan.endKeys as never),
    ),
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
  };
}

function rangeWhere(range: KeyRange): string {
  const c = range.column.column;
  return `${c} ${range.inclusiveStart ? '>=' : '>'} ? AND ${c} ${range.inclusiveEnd ? '<=' : '<'} ?`;
}

/**
 * The planner only reports an index order for ascending sorts. A sort that is
 * descending on every field is the index read backwards; checking that with
 * the planner itself (flipped sort, same index) avoids re-deriving its rules.
 */
function descendingIndexGivesSort(
  schema: Schema,
  query: FilledMangoQuery<unknown>,
  plan: RxQueryPlan,
): boolean {
  const sort = query.sort as Record<string, 'asc' | 'desc'>[];
  if (sort.length === 0 || !sort.every((part) => Object.values(part)[0] === 'desc')) return false;
  const ascending = sort.map((part) =>
    Object.fromEntries(Object.keys(part).map((key) => [key, 'asc' as const])),
  );
  const flipped = { ...query, sort: ascending, index: plan.index } as FilledMangoQuery<unknown>;
  return getQueryPlan(schema, flipped).sortSatisfiedByIndex;
}

export function runQuery(context: QueryContext, preparedQuery: PreparedQuery<unknown>): Doc[] {
  const { query, queryPlan: plan } = preparedQuery;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const { connection, layout, schema } = context;
  const range = keyRangeOf(context, plan);
  if (!range) return scanEverything(context, query, skip, limit);

  let direction: 'ASC' | 'DESC' | undefined;
  if (plan.sortSatisfiedByIndex) direction = 'ASC';
  else if (descendingIndexGivesSort(schema, query, plan)) direction = 'DESC';
  const matcher = plan.selectorSatisfiedByIndex
    ? undefined
    : getQueryMatcher(schema, query as never);
  const where = `SELECT data FROM ${layout.table} WHERE ${rangeWhere(range)}`;

  if (direction && !matcher) {
    // Everything is answered by the index: let SQLite skip and limit.
    const sql = `${where} ORDER BY ${range.column.column} ${direction} LIMIT ? OFFSET ?`;
    const sqlLimit = limit === Infinity ? -1 : limit;
    return parseRows(prepared(connection, sql).all(range.lower, range.upper, sqlLimit, skip));
  }
  if (direction && matcher) {
    // Index order is the result order: stop reading once skip + limit matched.
    const wanted = skip + limit;
    const found: Doc[] = [];
    if (wanted <= 0) return found;
    const sql = `${where} ORDER BY ${range.column.column} ${direction}`;
    for (const row of prepared(connection, sql).iterate(range.lower, range.upper)) {
      const doc = JSON.parse((row as DataRow).data) as Doc;
      if (matcher(doc) && found.push(doc) >= wanted) break;
    }
    return found.slice(skip);
  }
  // The sort is not the index order: read the range, then filter and sort.
  let docs = parseRows(prepared(connection, where).all(range.lower, range.upper));
  if (matcher) docs = docs.filter((doc) => matcher(doc));
  docs.sort(getSortComparator(schema, query as never) as (a: Doc, b: Doc) => number);
  return docs.slice(skip, skip + limit);
}

/** For a query that names an index the schema does not have. */
function scanEverything(
  context: QueryContext,
  query: FilledMangoQuery<unknown>,
  skip: number,
  limit: number,
): Doc[] {
  const matcher = getQueryMatcher(context.schema, query as never);
  const docs = parseRows(
    prepared(context.connection, `SELECT data FROM ${context.layout.table}`).all(),
  ).filter((doc) => matcher(doc));
  docs.sort(getSortComparator(context.schema, query as never) as (a: Doc, b: Doc) => number);
  return docs.slice(skip, skip + limit);
}

export function runCount(context: QueryContext, preparedQuery: PreparedQuery<unknown>): number {
  const { query, queryPlan: plan } = preparedQuery;
  const range = keyRangeOf(context, plan);
  if (!range)
    return scanEverything(
      context,
      { ...query, skip: 0, limit: undefined } as FilledMangoQuery<unknown>,
      0,
      Infinity,
    ).length;
  const { connection, layout, schema } = context;
  if (plan.selectorSatisfiedByIndex) {
    const sql = `SELECT count(*) AS n FROM ${layout.table} WHERE ${rangeWhere(range)}`;
    return (prepared(connection, sql).get(range.lower, range.upper) as { n: number }).n;
  }
  const matcher = getQueryMatcher(schema, query as never);
  let count = 0;
  const sql = `SELECT data FROM ${layout.table} WHERE ${rangeWhere(range)}`;
  for (const row of prepared(connection, sql).iterate(range.lower, range.upper)) {
    if (matcher(JSON.parse((row as DataRow).data) as Doc)) count++;
  }
  return count;
}
