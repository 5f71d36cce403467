// Documents an import creates get ids derived from their idempotency keys, so
// the same row imported again names the same patient or package and is found
// instead of created twice (also across desks: two desks importing the same
// file make the same ids, and replication merges them).
import { createHash } from 'node:crypto';

export function importedId(key: string): string {
  return `imp-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}
