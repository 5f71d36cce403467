// The desk's access events (sign-ins, refused sign-ins, locks, staff and PIN
// changes, PIN resets from the command line), one JSON object per line in an
// owner-only file beside the database. Shown on the Audit screen with the
// journal's entries and the documents' edits. Holds staff ids, never patient data.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessEventKind } from '../../shared/contract/domains/auth.ts';

export const ACCESS_LOG_FILE = 'access-log.jsonl';

export interface AccessEvent {
  at: string;
  kind: AccessEventKind;
  /** who did it ('' when nobody was signed in; 'cli' for the command line) */
  staffId: string;
  deskId: string;
  /** whom it was about (e.g. the staff member whose PIN was set), or '' */
  subjectId: string;
  detail: string;
}

export function appendAccessEvent(dataDirectory: string, event: AccessEvent): void {
  appendFileSync(join(dataDirectory, ACCESS_LOG_FILE), `${JSON.stringify(event)}\n`, {
    mode: 0o600,
  });
}

/** Every event, oldest first; a damaged line (a crash mid-write) is skipped. */
export function readAccessEvents(dataDirectory: string): AccessEvent[] {
  const file = join(dataDirectory, ACCESS_LOG_FILE);
  if (!existsSync(file)) return [];
  const events: AccessEvent[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as Partial<AccessEvent>;
      if (typeof parsed.at === 'string' && typeof parsed.kind === 'string') {
        events.push({
          at: parsed.at,
          kind: parsed.kind,
          staffId: String(parsed.staffId ?? ''),
          deskId: String(parsed.deskId ?? ''),
          subjectId: String(parsed.subjectId ?? ''),
          detail: String(parsed.detail ?? ''),
        });
      }
    } catch {
      // a torn last line
    }
  }
  return events;
}
