/**
 * One attachment (adapter or policy) per engine, store and key, however many
 * times React mounts the effect. StrictMode mounts, unmounts and mounts again
 * at once; a plain attach/detach would subscribe twice, and the audience
 * policy would start, stop and restart every live stream. Here the detach
 * waits one microtask and is cancelled if the same engine, store and key are
 * attached again meanwhile, so the engine sees exactly one set of handlers
 * and one play.
 */
import { useEffect, useRef } from 'react';
import { shared } from '../core/shared.js';

interface Attachment<H, U> {
  readonly handle: H;
  /** The mounted users, in mount order; once all have left, the last one stays until the detach. */
  readonly users: U[];
  /** How many users are mounted. */
  refs: number;
}

/**
 * A cache of live attachments keyed by engine, store, then key; one per kind of attachment.
 *
 * @example
 * ```ts
 * const policies: AttachmentCache<AudiencePolicy> = createAttachmentCache('useAudiencePolicy');
 * ```
 *
 * @internal
 */
export type AttachmentCache<H, U = unknown> = WeakMap<object, WeakMap<object, Map<unknown, Attachment<H, U>>>>;

/**
 * The {@link AttachmentCache} called `name`: one per page, shared by every
 * copy of this module (ESM and CommonJS both loaded), so an engine still gets
 * one attachment per store and key.
 *
 * @example
 * ```ts
 * const adapters = createAttachmentCache<{ detach(): void }>('useZegoWeb');
 * ```
 *
 * @internal
 */
export function createAttachmentCache<H, U = unknown>(name: string): AttachmentCache<H, U> {
  return shared(name, () => new WeakMap());
}

/**
 * Attaches `attach()` for (`engine`, `store`, `key`) while mounted and returns
 * a ref to its handle; shares a live attachment for the same three, and calls
 * the handle's `detach()` one microtask after the last user unmounts.
 * `engine` null/undefined attaches nothing. `attach` is the one of the render
 * that (re)ran the effect, i.e. the latest when the engine, store or key
 * changes. It gets two live views: the users, each mounted caller's `user`
 * (a stable value such as a ref) in mount order, the caller's own first; and
 * the attachments of this engine and store by key (its own added once it
 * returns, removed before its `detach()`).
 *
 * @example
 * ```ts
 * const handle = useAttachment(cache, engine, store, () => ({ detach: connectZegoWeb(engine!, store) }));
 * ```
 *
 * @internal
 */
export function useAttachment<H extends { detach(): void }, U = unknown>(
  cache: AttachmentCache<H, U>,
  engine: object | null | undefined,
  store: object,
  attach: (users: readonly U[], shared: ReadonlyMap<unknown, { readonly handle: H }>) => H,
  key?: string,
  user?: U,
): { readonly current: H | null } {
  const handle = useRef<H | null>(null);

  useEffect(() => {
    if (!engine) return undefined;
    let byStore = cache.get(engine);
    if (!byStore) cache.set(engine, (byStore = new WeakMap()));
    let byKey = byStore.get(store);
    if (!byKey) byStore.set(store, (byKey = new Map()));
    const entries = byKey;
    let entry = entries.get(key);
    if (!entry) {
      const users = [user as U];
      entries.set(key, (entry = { handle: attach(users, entries), users, refs: 1 }));
    } else {
      // Back within the microtask after all had left (StrictMode): the last one's stand-in goes.
      if (!entry.refs++) entry.users.length = 0;
      entry.users.push(user as U);
    }
    const owned = entry;
    handle.current = owned.handle;
    return () => {
      if (handle.current === owned.handle) handle.current = null;
      // The last user stays in `users` until the detach, which a new user cancels.
      if (--owned.refs) owned.users.splice(owned.users.indexOf(user as U), 1);
      else
        queueMicrotask(() => {
          if (owned.refs || entries.get(key) !== owned) return;
          entries.delete(key);
          owned.handle.detach();
        });
    };
  }, [cache, engine, store, key]);

  return handle;
}
