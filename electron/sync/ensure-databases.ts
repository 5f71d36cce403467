// Each collection's database must exist on the server before its replication
// starts: it is created when missing (which needs a CouchDB user allowed to
// create databases; otherwise the clinic's administrator creates them once).
// Also the first check that the server speaks CouchDB at all.
import type { GuardedClient } from './guarded-fetch.ts';
import { failures } from './failures.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function ensureDatabase(
  client: GuardedClient,
  url: string,
  database: string,
): Promise<void> {
  const info = await client.request(url);
  if (info.status === 200) {
    if (isObject(info.body) && typeof info.body['db_name'] === 'string') return;
    throw failures.notCouchDb();
  }
  if (!(info.status === 404 && isObject(info.body) && info.body['error'] === 'not_found')) {
    throw isObject(info.body) && typeof info.body['error'] === 'string'
      ? failures.serverError(info.status)
      : failures.notCouchDb();
  }
  // A user who may not create databases gets 401 or 403 here although the
  // name and password are right: pass those through to say so in words.
  const created = await client.request(url, { method: 'PUT' }, [401, 403]);
  // 412: another desk created it a moment ago.
  if (created.status === 201 || created.status === 202 || created.status === 412) return;
  if (created.status === 403 || created.status === 401) throw failures.missingDatabase(database);
  throw isObject(created.body) && typeof created.body['error'] === 'string'
    ? failures.serverError(created.status)
    : failures.notCouchDb();
}
