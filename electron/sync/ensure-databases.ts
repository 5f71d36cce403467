// Each collection's database must exist on the server before its replication
// starts: it is created when missing (which needs a CouchDB user allowed to
// create databases; otherwise the clinic's administrator creates them once).
// Also the first check that the server speaks CouchDB at all.
import type { CouchAnswer, GuardedClient } from './guarded-fetch.ts';
import { failures } from './failures.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const couchError = (answer: CouchAnswer) =>
  isObject(answer.body) && typeof answer.body['error'] === 'string'
    ? failures.serverError(answer.status)
    : failures.notCouchDb();

export async function ensureDatabase(
  client: GuardedClient,
  url: string,
  database: string,
): Promise<void> {
  const info = await client.request(url, undefined, {
    check(_url, answer) {
      if (answer.status === 200) {
        if (isObject(answer.body) && typeof answer.body['db_name'] === 'string') return;
        throw failures.notCouchDb();
      }
      if (answer.status === 404 && isObject(answer.body) && answer.body['error'] === 'not_found')
        return;
      throw couchError(answer);
    },
  });
  if (info.status === 200) return;
  // A user who may not create databases gets 401 or 403 here although the
  // name and password are right: say that in words.
  await client.request(
    url,
    { method: 'PUT' },
    {
      passStatuses: [401, 403],
      check(_url, answer) {
        // 412: another desk created it a moment ago.
        if (answer.status === 201 || answer.status === 202 || answer.status === 412) return;
        if (answer.status === 401 || answer.status === 403)
          throw failures.missingDatabase(database);
        throw couchError(answer);
      },
    },
  );
}
