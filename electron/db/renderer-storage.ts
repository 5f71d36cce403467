// The storage the main process shares with renderers. Renderers read the
// application's collections through RxDB, but change them only by operations
// (validated, audited commands run here). So every storage instance a renderer
// opens on an application collection refuses writes and destructive calls;
// RxDB's own bookkeeping collections (internal metadata) stay writable because
// the renderer's database needs them to open.
import type { RxStorage, RxStorageInstance } from 'rxdb';
import { isApplicationCollection } from '../../shared/db/collections.ts';

export class RendererWriteRefused extends Error {
  constructor(collectionName: string, method: string) {
    super(
      `The window may not ${method} the "${collectionName}" collection directly; ` +
        'changes go through the main process operations.',
    );
    this.name = 'RendererWriteRefused';
  }
}

const refusedMethods = ['bulkWrite', 'cleanup', 'remove'] as const;

export function readOnlyForRenderers<I, O>(base: RxStorage<I, O>): RxStorage<I, O> {
  return {
    name: base.name,
    rxdbVersion: base.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await base.createStorageInstance(params);
      if (!isApplicationCollection(params.collectionName)) return instance;
      return refuseWrites(instance, params.collectionName);
    },
  };
}

function refuseWrites<D, I, O>(
  instance: RxStorageInstance<D, I, O>,
  collectionName: string,
): RxStorageInstance<D, I, O> {
  return new Proxy(instance, {
    get(target, property, receiver) {
      if ((refusedMethods as readonly PropertyKey[]).includes(property)) {
        return () => Promise.reject(new RendererWriteRefused(collectionName, String(property)));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
