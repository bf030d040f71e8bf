import type { CoreContext } from '../core-context';
import type { StoredDocument } from '../store/document';

/**
 * Documents another capability opened that data care must reach: the wipe, the retention purge,
 * backup and restore work on resume-codes.json, which the lessons capability owns. Keyed by the
 * core's context, so two cores in one process (tests) never see each other's documents, and the
 * one in-memory copy is shared instead of a second StoredDocument racing on the same file.
 */
const registry = new WeakMap<CoreContext, Map<string, StoredDocument<unknown>>>();

export function shareDocument<T>(ctx: CoreContext, name: string, doc: StoredDocument<T>): void {
  let documents = registry.get(ctx);
  if (!documents) registry.set(ctx, (documents = new Map()));
  documents.set(name, doc as StoredDocument<unknown>);
}

export function sharedDocument<T>(ctx: CoreContext, name: string): StoredDocument<T> | undefined {
  return registry.get(ctx)?.get(name) as StoredDocument<T> | undefined;
}
