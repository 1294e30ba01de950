/**
 * One attachment (adapter or policy) per engine and store, however many times
 * React mounts the effect. StrictMode mounts, unmounts and mounts again at
 * once; a plain attach/detach would subscribe twice, and the audience policy
 * would start, stop and restart every live stream. Here the detach waits one
 * microtask and is cancelled if the same engine and store are attached again
 * meanwhile, so the engine sees exactly one set of handlers and one play.
 */
import { useEffect, useRef } from 'react';

interface Attachment<H> {
  readonly handle: H;
  refs: number;
}

/**
 * A cache of live attachments keyed by engine then store; one per kind of attachment.
 *
 * @example
 * ```ts
 * const policies: AttachmentCache<AudiencePolicy> = createAttachmentCache();
 * ```
 */
export type AttachmentCache<H> = WeakMap<object, WeakMap<object, Attachment<H>>>;

/**
 * Creates an {@link AttachmentCache}.
 *
 * @example
 * ```ts
 * const adapters = createAttachmentCache<{ detach(): void }>();
 * ```
 */
export function createAttachmentCache<H>(): AttachmentCache<H> {
  return new WeakMap();
}

/**
 * Attaches `attach()` for (`engine`, `store`) while mounted and returns a ref
 * to its handle; shares a live attachment for the same pair, and calls the
 * handle's `detach()` one microtask after the last user unmounts. `engine`
 * null/undefined attaches nothing. `attach` is the one of the render that
 * (re)ran the effect, i.e. the latest when the engine or store changes.
 *
 * @example
 * ```ts
 * const handle = useAttachment(cache, engine, store, () => ({ detach: connectZegoWeb(engine!, store) }));
 * ```
 */
export function useAttachment<H extends { detach(): void }>(
  cache: AttachmentCache<H>,
  engine: object | null | undefined,
  store: object,
  attach: () => H,
): { readonly current: H | null } {
  const handle = useRef<H | null>(null);

  useEffect(() => {
    if (!engine) return undefined;
    let byStore = cache.get(engine);
    if (!byStore) cache.set(engine, (byStore = new WeakMap()));
    const stores = byStore;
    let entry = stores.get(store);
    if (!entry) stores.set(store, (entry = { handle: attach(), refs: 0 }));
    const owned = entry;
    owned.refs += 1;
    handle.current = owned.handle;
    return () => {
      owned.refs -= 1;
      if (handle.current === owned.handle) handle.current = null;
      if (owned.refs > 0) return;
      queueMicrotask(() => {
        if (owned.refs > 0 || stores.get(store) !== owned) return;
        stores.delete(store);
        owned.handle.detach();
      });
    };
  }, [cache, engine, store]);

  return handle;
}
