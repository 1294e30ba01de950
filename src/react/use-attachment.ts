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
 * const adapters = createAttachmentCache<() => void>();
 * ```
 */
export function createAttachmentCache<H>(): AttachmentCache<H> {
  return new WeakMap();
}

/**
 * Attaches `attach()` for (`engine`, `store`) while mounted and returns a ref
 * to its handle; shares a live attachment for the same pair, and detaches one
 * microtask after the last user unmounts. `engine` null/undefined attaches nothing.
 *
 * @example
 * ```ts
 * const handle = useAttachment(cache, engine, store, () => connectZegoWeb(engine!, store), (disconnect) => disconnect());
 * ```
 */
export function useAttachment<H>(
  cache: AttachmentCache<H>,
  engine: object | null | undefined,
  store: object,
  attach: () => H,
  detach: (handle: H) => void,
): { readonly current: H | null } {
  const handle = useRef<H | null>(null);
  const latest = useRef({ attach, detach });
  latest.current = { attach, detach };

  useEffect(() => {
    if (!engine) return undefined;
    let byStore = cache.get(engine);
    if (!byStore) cache.set(engine, (byStore = new WeakMap()));
    let entry = byStore.get(store);
    if (!entry) {
      entry = { handle: latest.current.attach(), refs: 0 };
      byStore.set(store, entry);
    }
    entry.refs += 1;
    handle.current = entry.handle;
    const owned = entry;
    const stores = byStore;
    const release = latest.current.detach;
    return () => {
      owned.refs -= 1;
      if (handle.current === owned.handle) handle.current = null;
      if (owned.refs > 0) return;
      queueMicrotask(() => {
        if (owned.refs > 0 || stores.get(store) !== owned) return;
        stores.delete(store);
        release(owned.handle);
      });
    };
  }, [cache, engine, store]);

  return handle;
}
