import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessScope } from '@fleet/db';

/** What the request path's database pool needs to know about the request it serves. */
interface RequestScopeStore {
  scope?: AccessScope;
}

const storage = new AsyncLocalStorage<RequestScopeStore>();

/**
 * Opens a scope store for each request; AuthGuard fills it once it knows the caller. Every query
 * the request then makes through the scoped pool runs under that scope's row-level security,
 * and a query made before (or without) a resolved caller runs in the empty scope.
 */
export function requestScope() {
  return (_req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    storage.run({}, next);
  };
}

/** Records the resolved caller's scope for the rest of this request. */
export function setRequestScope(scope: AccessScope): void {
  const store = storage.getStore();
  if (store) {
    store.scope = scope;
  }
}

/** The current request's scope; undefined outside a request or before the guard ran. */
export function currentRequestScope(): AccessScope | undefined {
  return storage.getStore()?.scope;
}
