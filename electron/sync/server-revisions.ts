// What one sync session has seen of the server's document revisions, so that
// a pulled version the server has since replaced can be recognised when it
// reaches the desk (see stale-pull-guard.ts for why that matters).
//
// CouchDB revisions are "<generation>-<hash>"; a document's revision tree only
// grows, so once the server is known to hold generation N of a document, every
// later answer lists a leaf revision of generation N or more (style=all_docs
// lists every leaf). An answer whose leaves are all older than N was therefore
// read before the server got generation N: it is outdated.
//
// Learned from every answer the replication receives: pushes (_bulk_docs), the
// conflict check before a push (_all_docs) and pulls (_changes). A version the
// pull delivered is remembered by a hash of its content with the generation
// it came with; when RxDB later writes that content into the desk, the guard
// asks whether a newer generation is known by then. Content it cannot match
// (never delivered, or forgotten) is never called outdated: the guard fails
// open to RxDB's own behaviour. Memory is bounded per database.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.ts';

export interface ServerRevisions {
  /** Learns from a successful, already checked CouchDB answer to `url`. */
  learn(url: string, init: RequestInit | undefined, body: unknown): void;
  /**
   * True when `doc` (as the pull writes it into the desk's collection, whose
   * documents live in `database` on the server) was delivered by an answer the
   * server has since superseded with a later revision of the same document.
   */
  isOutdated(database: string, primaryPath: string, doc: Record<string, unknown>): boolean;
}

interface DocumentKnowledge {
  /** The highest revision generation the server is known to have had. */
  generation: number;
  /** Content hash → generation of the answer that delivered it. */
  delivered: Map<string, number>;
}

const maxVersionsPerDocument = 8;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function generationOf(rev: unknown): number | undefined {
  if (typeof rev !== 'string') return undefined;
  const generation = Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
  return Number.isSafeInteger(generation) && generation > 0 ? generation : undefined;
}

function hashOf(content: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(content)).digest('base64');
}

/** The replicated content of a document as CouchDB holds it (id and revision aside). */
function contentOfServerDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_id' || key === '_rev' || key === '_attachments') continue;
    if (key === '_deleted' && value !== true) continue;
    out[key] = value;
  }
  return out;
}

/** The same for a document as RxDB writes it into the desk. */
function contentOfDeskDoc(
  doc: Record<string, unknown>,
  primaryPath: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === primaryPath || key === '_meta' || key === '_rev' || key === '_attachments') {
      continue;
    }
    if (key === '_deleted' && value !== true) continue;
    out[key] = value;
  }
  return out;
}

function databaseOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter((part) => part !== '')[0] ?? '');
}

export function createServerRevisions(options: { maxDocumentsPerDatabase?: number } = {}) {
  const limit = options.maxDocumentsPerDatabase ?? 20_000;
  const byDatabase = new Map<string, Map<string, DocumentKnowledge>>();

  function knowledgeOf(database: string, id: string): DocumentKnowledge {
    let documents = byDatabase.get(database);
    if (documents === undefined) {
      documents = new Map();
      byDatabase.set(database, documents);
    }
    let known = documents.get(id);
    if (known === undefined) {
      known = { generation: 0, delivered: new Map() };
      // A Map keeps insertion order: forgetting the least recently seen
      // document keeps memory bounded (it is then never called outdated).
      if (documents.size >= limit) {
        const oldest = documents.keys().next().value;
        if (oldest !== undefined) documents.delete(oldest);
      }
    } else {
      documents.delete(id);
    }
    documents.set(id, known);
    return known;
  }

  function saw(database: string, id: unknown, generation: number | undefined): void {
    if (typeof id !== 'string' || generation === undefined) return;
    const known = knowledgeOf(database, id);
    if (generation > known.generation) known.generation = generation;
  }

  function learnChanges(database: string, body: Record<string, unknown>): void {
    const rows = body['results'];
    if (!Array.isArray(rows)) return;
    for (const row of rows) {
      if (!isObject(row) || typeof row['id'] !== 'string' || !isObject(row['doc'])) continue;
      const doc = row['doc'];
      let generation = generationOf(doc['_rev']) ?? 0;
      for (const change of Array.isArray(row['changes']) ? row['changes'] : []) {
        generation = Math.max(
          generation,
          isObject(change) ? (generationOf(change['rev']) ?? 0) : 0,
        );
      }
      if (generation === 0) continue;
      const known = knowledgeOf(database, row['id']);
      if (generation > known.generation) known.generation = generation;
      const hash = hashOf(contentOfServerDoc(doc));
      const before = known.delivered.get(hash) ?? 0;
      known.delivered.delete(hash);
      known.delivered.set(hash, Math.max(before, generation));
      // Versions that were never written (the desk had them already) pile up otherwise.
      if (known.delivered.size > maxVersionsPerDocument) {
        const oldest = known.delivered.keys().next().value;
        if (oldest !== undefined) known.delivered.delete(oldest);
      }
    }
  }

  return {
    learn(url, init, body) {
      const parsed = new URL(url);
      const database = databaseOf(parsed);
      if (parsed.pathname.endsWith('/_changes')) {
        if (isObject(body)) learnChanges(database, body);
      } else if (parsed.pathname.endsWith('/_bulk_docs')) {
        // Only ordinary edits make new revisions on top of the server's.
        if (typeof init?.body === 'string' && init.body.includes('"new_edits":false')) return;
        if (!Array.isArray(body)) return;
        for (const row of body) {
          if (isObject(row) && row['ok'] === true)
            saw(database, row['id'], generationOf(row['rev']));
        }
      } else if (parsed.pathname.endsWith('/_all_docs')) {
        const rows = isObject(body) ? body['rows'] : undefined;
        for (const row of Array.isArray(rows) ? rows : []) {
          if (isObject(row) && isObject(row['value'])) {
            saw(database, row['id'], generationOf(row['value']['rev']));
          }
        }
      }
    },
    isOutdated(database, primaryPath, doc) {
      const id = doc[primaryPath];
      if (typeof id !== 'string') return false;
      const known = byDatabase.get(database)?.get(id);
      if (known === undefined) return false;
      const hash = hashOf(contentOfDeskDoc(doc, primaryPath));
      const deliveredWith = known.delivered.get(hash);
      if (deliveredWith === undefined) return false;
      // Delivered and now written (or refused): the record has done its job.
      known.delivered.delete(hash);
      return deliveredWith < known.generation;
    },
  } satisfies ServerRevisions;
}
