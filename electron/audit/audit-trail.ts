// The Audit screen's rows: who recorded which journal entry, who last edited
// which document (patients, services, plans, funders, staff, settings), and the
// desk's access events — when, on which desk — filtered by person, kind and
// time, newest first.
import type { MangoQuerySelector } from 'rxdb';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/entry.ts';
import type {
  AuditCategory,
  AuditRow,
  AuthOperationResults,
} from '../../shared/contract/domains/auth.ts';
import type { ValidOperationArgs } from '../../shared/contract/operations.ts';
import { readAccessEvents } from './access-log.ts';
import { idTimePrefix } from './id-time.ts';

const DEFAULT_LIMIT = 2000;
/** Who did things that no staff member did. */
const SPECIAL_NAMES: Record<string, string> = {
  cli: 'Command line',
  system: 'Punchcard (first start)',
};
const DAY_MS = 86_400_000;

export async function auditTrail(
  db: PunchcardDatabase,
  dataDirectory: string,
  filter: ValidOperationArgs<'auditTrail'>,
): Promise<AuthOperationResults['auditTrail']> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const from = filter.from ? new Date(filter.from).toISOString() : '';
  const to = filter.to ? new Date(filter.to).toISOString() : '';
  const inRange = (at: string) => (!from || at >= from) && (!to || at < to);
  const category = categoryFilter(filter.kind);
  const wants = (rowCategory: AuditCategory, kind: string) =>
    category === null
      ? true
      : category === 'kind'
        ? kind === filter.kind
        : category === rowCategory;
  const byStaff = (staffId: string) => !filter.staffId || staffId === filter.staffId;

  const names = new Map<string, string>();
  for (const doc of await db.catalog.find({ selector: { type: 'staff' } }).exec()) {
    names.set(doc.id, doc.name);
  }
  const rows: AuditRow[] = [];
  const row = (partial: Omit<AuditRow, 'staffName'>): AuditRow => ({
    ...partial,
    staffName: names.get(partial.staffId) ?? SPECIAL_NAMES[partial.staffId] ?? '',
  });

  if (category === null || category === 'entry' || category === 'kind') {
    // Entry ids begin with the time they were made (see electron/core/ids.ts): an
    // index range on the primary key, a day wider than asked for clock skew.
    const idRange: Record<string, string> = {};
    if (from) idRange['$gte'] = idTimePrefix(Date.parse(from) - DAY_MS);
    if (to) idRange['$lt'] = idTimePrefix(Date.parse(to) + DAY_MS);
    const selector: MangoQuerySelector<JournalEntry> = {};
    if (from || to) selector.id = idRange;
    if (filter.staffId) selector.staffId = filter.staffId;
    if (category === 'kind' && filter.kind) selector.kind = filter.kind as JournalEntry['kind'];
    const entries = await db.journal
      .find({ selector, sort: [{ id: 'desc' }], limit: limit + 1 })
      .exec();
    for (const doc of entries) {
      if (!inRange(doc.recordedAt) || !wants('entry', doc.kind)) continue;
      rows.push(
        row({
          at: doc.recordedAt,
          category: 'entry',
          kind: doc.kind,
          staffId: doc.staffId,
          deskId: doc.deskId,
          subject: doc.number || doc.id,
          id: doc.id,
          patientId: doc.patientId,
          detail: [doc.reasonCode, doc.memo].filter(Boolean).join(' — '),
        }),
      );
    }
  }

  if (category === null || category === 'edit' || category === 'kind') {
    const catalog = await db.catalog.find().exec();
    for (const doc of catalog) {
      if (doc.type === 'counter') continue;
      if (!inRange(doc.updatedAt) || !byStaff(doc.updatedBy) || !wants('edit', doc.type)) continue;
      rows.push(
        row({
          at: doc.updatedAt,
          category: 'edit',
          kind: doc.type,
          staffId: doc.updatedBy,
          deskId: doc.deskId,
          subject: doc.name,
          id: doc.id,
          patientId: '',
          detail: doc.createdAt === doc.updatedAt ? 'created' : 'changed',
        }),
      );
    }
    const patients = await db.patients.find().exec();
    for (const doc of patients) {
      if (!inRange(doc.updatedAt) || !byStaff(doc.updatedBy) || !wants('edit', 'patient')) continue;
      rows.push(
        row({
          at: doc.updatedAt,
          category: 'edit',
          kind: 'patient',
          staffId: doc.updatedBy,
          deskId: doc.deskId,
          subject: `${doc.firstName} ${doc.lastName}`.trim(),
          id: doc.id,
          patientId: doc.id,
          detail: doc.createdAt === doc.updatedAt ? 'created' : 'changed',
        }),
      );
    }
  }

  if (category === null || category === 'access' || category === 'kind') {
    // Newest first, so events in the same millisecond keep their newest-first order too.
    for (const event of readAccessEvents(dataDirectory).reverse()) {
      const actor = event.staffId || event.subjectId;
      if (!inRange(event.at) || !byStaff(actor) || !wants('access', event.kind)) continue;
      rows.push(
        row({
          at: event.at,
          category: 'access',
          kind: event.kind,
          staffId: actor,
          deskId: event.deskId,
          subject: names.get(event.subjectId) ?? event.subjectId,
          id: '',
          patientId: '',
          detail: event.detail,
        }),
      );
    }
  }

  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

function categoryFilter(kind: string | undefined): AuditCategory | 'kind' | null {
  if (!kind) return null;
  if (kind === 'entry' || kind === 'edit' || kind === 'access') return kind;
  return 'kind';
}
