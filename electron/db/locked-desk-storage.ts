// A locked desk serves no data: the storage shared with renderers answers
// reads of application collections only while someone is signed in, and holds
// back their change events meanwhile (events carry documents). Creating and
// closing storage instances stays open, and RxDB's internal collections are
// untouched, so a renderer's database can open on the sign-in screen. A page
// that was open before the lock re-creates its database after sign-in, since
// the events it missed leave its caches behind (renderer/app/auth/AuthGate.tsx).
import { filter } from 'rxjs';
import type { RxStorage, RxStorageInstance } from 'rxdb';
import { isApplicationCollection } from '../../shared/db/collections.ts';
import { DESK_LOCKED, DESK_LOCKED_MESSAGE } from '../../shared/contract/storage-refusal.ts';

export class DeskLockedError extends Error {
  constructor() {
    super(DESK_LOCKED_MESSAGE);
    this.name = DESK_LOCKED;
  }
}

/** Every method that answers with documents, counts or attachments. */
const readMethods = [
  'query',
  'count',
  'findDocumentsById',
  'getAttachmentData',
  'getChangedDocumentsSince',
] as const;

export function servedOnlyWhileSignedIn<I, O>(
  base: RxStorage<I, O>,
  signedIn: () => boolean,
): RxStorage<I, O> {
  return {
    name: base.name,
    rxdbVersion: base.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await base.createStorageInstance(params);
      if (!isApplicationCollection(params.collectionName)) return instance;
      return refuseReadsWhileLocked(instance, signedIn);
    },
  };
}

function refuseReadsWhileLocked<D, I, O>(
  instance: RxStorageInstance<D, I, O>,
  signedIn: () => boolean,
): RxStorageInstance<D, I, O> {
  return new Proxy(instance, {
    get(target, property, receiver) {
      if ((readMethods as readonly PropertyKey[]).includes(property)) {
        const read = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) =>
          signedIn() ? read.apply(target, args) : Promise.reject(new DeskLockedError());
      }
      if (property === 'changeStream') {
        return () => target.changeStream().pipe(filter(() => signedIn()));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
