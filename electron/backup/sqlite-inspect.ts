// What we check inside a snapshot: rows per table and SQLite's own integrity check.
import type { DatabaseSync } from 'node:sqlite';

export type TableCounts = Record<string, number>;

export function countRows(db: DatabaseSync): TableCounts {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  const counts: TableCounts = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const row = db.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** `null` when SQLite says "ok", otherwise the first problems it lists. */
export function integrityProblems(db: DatabaseSync): string | null {
  const rows = db.prepare('PRAGMA integrity_check(20)').all() as { integrity_check: string }[];
  const messages = rows.map((row) => row.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.join('; ');
}

export function sameCounts(a: TableCounts, b: TableCounts): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  return (
    keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && a[key] === b[key])
  );
}
