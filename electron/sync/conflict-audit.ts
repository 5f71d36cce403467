// The conflict audit trail: every version that lost a conflict is kept here
// with the version that won, so a person can look at what was overwritten.
// It lives on the desk that resolved the conflict (in memory, and in a JSON
// lines file in the data directory when one is given).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { BehaviorSubject, type Observable } from 'rxjs';
import { canonicalJson } from '../core/canonical-json.ts';

export interface ConflictRecord {
  collection: string;
  documentId: string;
  /** The version every desk ends with. */
  kept: Record<string, unknown>;
  /** The version that lost; it is kept only here. */
  discarded: Record<string, unknown>;
  resolvedAt: string;
}

export interface ConflictAuditTrail {
  record(entry: ConflictRecord): void;
  entries(): readonly ConflictRecord[];
  readonly entries$: Observable<readonly ConflictRecord[]>;
}

export interface ConflictAuditOptions {
  /** Append-only JSON lines file; read back when the trail is created. */
  filePath?: string;
}

export function createConflictAuditTrail(options: ConflictAuditOptions = {}): ConflictAuditTrail {
  const keyOf = (e: ConflictRecord) =>
    `${e.collection}\u0000${e.documentId}\u0000${canonicalJson(e.kept)}\u0000${canonicalJson(e.discarded)}`;
  const initial: ConflictRecord[] =
    options.filePath !== undefined && existsSync(options.filePath)
      ? readFileSync(options.filePath, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as ConflictRecord)
      : [];
  const keys = new Set(initial.map(keyOf));
  const subject = new BehaviorSubject<readonly ConflictRecord[]>(initial);
  return {
    record(entry) {
      // The replication may resolve the same pair again after a retry: keep it once.
      const key = keyOf(entry);
      if (keys.has(key)) return;
      keys.add(key);
      if (options.filePath !== undefined) {
        appendFileSync(options.filePath, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      }
      subject.next([...subject.getValue(), entry]);
    },
    entries: () => subject.getValue(),
    entries$: subject.asObservable(),
  };
}
