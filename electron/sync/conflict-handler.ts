// The declared conflict rule for editable documents: the version with the
// latest `updatedAt` wins; on a tie the greater `deskId` wins; on a tie again
// the greater canonical JSON text wins (RxDB's conflict handlers see documents
// without their revision, so the content stands in for it, as CouchDB's own
// winner choice uses revision hashes). The order is total, so every desk picks
// the same winner whichever side it sees as "local". The loser goes to the
// audit trail. Insert-only documents (journal entries) never really conflict;
// if the same one arrives twice it is equal and nothing is recorded.
import type { RxConflictHandler, RxJsonSchema, WithDeleted } from 'rxdb';
import { canonicalJson } from '../core/canonical-json.ts';
import type { ConflictAuditTrail } from './conflict-audit.ts';

type AnyDoc = Record<string, unknown>;

/** Fields that belong to one desk's storage, not to the document. */
const localOnlyFields = new Set(['_meta', '_rev', '_attachments']);

function replicatedContent(doc: AnyDoc): AnyDoc {
  const out: AnyDoc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!localOnlyFields.has(key)) out[key] = value;
  }
  if (out['_deleted'] === false) delete out['_deleted'];
  return out;
}

function compareText(a: unknown, b: unknown): number {
  const x = typeof a === 'string' ? a : '';
  const y = typeof b === 'string' ? b : '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareUpdatedAt(a: unknown, b: unknown): number {
  const x = typeof a === 'string' ? Date.parse(a) : Number.NaN;
  const y = typeof b === 'string' ? Date.parse(b) : Number.NaN;
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x < y ? -1 : 1;
  return compareText(a, b);
}

/** Positive when `a` wins over `b` by the declared rule; 0 only for equal content. */
export function compareVersions(a: AnyDoc, b: AnyDoc): number {
  return (
    compareUpdatedAt(a['updatedAt'], b['updatedAt']) ||
    compareText(a['deskId'], b['deskId']) ||
    compareText(canonicalJson(replicatedContent(a)), canonicalJson(replicatedContent(b)))
  );
}

export function sameVersion(a: AnyDoc, b: AnyDoc): boolean {
  return canonicalJson(replicatedContent(a)) === canonicalJson(replicatedContent(b));
}

const declaredRule = Symbol('punchcard.latestUpdateWins');

export interface LatestUpdateWinsOptions {
  collection: string;
  primaryKey: string;
  audit: ConflictAuditTrail;
  now?: () => Date;
}

export function latestUpdateWinsConflictHandler<T>(
  options: LatestUpdateWinsOptions,
): RxConflictHandler<T> {
  const now = options.now ?? (() => new Date());
  const handler: RxConflictHandler<T> = {
    isEqual: (a, b) => sameVersion(a as AnyDoc, b as AnyDoc),
    resolve: async (input) => {
      const local = input.newDocumentState as AnyDoc;
      const remote = input.realMasterState as AnyDoc;
      if (sameVersion(local, remote)) return input.realMasterState;
      const localWins = compareVersions(local, remote) > 0;
      const [kept, discarded] = localWins ? [local, remote] : [remote, local];
      options.audit.record({
        collection: options.collection,
        documentId: String(remote[options.primaryKey] ?? local[options.primaryKey]),
        kept: replicatedContent(kept),
        discarded: replicatedContent(discarded),
        resolvedAt: now().toISOString(),
      });
      return (localWins ? input.newDocumentState : input.realMasterState) as WithDeleted<T>;
    },
  };
  Object.defineProperty(handler, declaredRule, { value: true });
  return handler;
}

/** True for handlers made here: sync refuses collections without the declared rule. */
export function hasDeclaredConflictRule(handler: unknown): boolean {
  return typeof handler === 'object' && handler !== null && declaredRule in handler;
}

interface CollectionCreator {
  schema: RxJsonSchema<never> | { primaryKey: unknown };
}

/**
 * The collection creators with the declared conflict rule added, for
 * `db.addCollections(withConflictHandlers(collectionSchemas, audit))`.
 */
export function withConflictHandlers<C extends Record<string, CollectionCreator>>(
  creators: C,
  audit: ConflictAuditTrail,
  now?: () => Date,
): { [K in keyof C]: C[K] & { conflictHandler: RxConflictHandler<unknown> } } {
  const out: Record<string, unknown> = {};
  for (const [name, creator] of Object.entries(creators)) {
    const primaryKey = creator.schema.primaryKey;
    if (typeof primaryKey !== 'string') {
      throw new Error(
        `The collection "${name}" has a composite primary key; give it its own conflict rule.`,
      );
    }
    out[name] = {
      ...creator,
      conflictHandler: latestUpdateWinsConflictHandler({
        collection: name,
        primaryKey,
        audit,
        ...(now ? { now } : {}),
      }),
    };
  }
  return out as { [K in keyof C]: C[K] & { conflictHandler: RxConflictHandler<unknown> } };
}
