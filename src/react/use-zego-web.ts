/**
 * `connectZegoWeb` as a hook: connected while mounted, once per engine and store.
 */
import { connectZegoWeb, type ZegoWebAdapterOptions, type ZegoWebEngineLike } from '../adapters/zego-web.js';
import type { StatusStore } from '../core/store.js';
import { useStatusStore } from './context.js';
import { createAttachmentCache, useAttachment } from './use-attachment.js';

const connections = createAttachmentCache<{ detach(): void }>('useZegoWeb');

/**
 * Options for {@link useZegoWeb}: the adapter's, plus an explicit store.
 *
 * @example
 * ```ts
 * const options: UseZegoWebOptions = { roomRetryTimeMs: 60_000 };
 * ```
 */
export interface UseZegoWebOptions extends ZegoWebAdapterOptions {
  store?: StatusStore | undefined;
}

/**
 * Feeds the store from a web `ZegoExpressEngine` while the component is
 * mounted. StrictMode-safe: the engine gets exactly one set of handlers. The
 * options are read when the engine or store changes. `null` connects nothing
 * (an engine created later).
 *
 * @example
 * ```tsx
 * function Room({ engine }: { engine: ZegoExpressEngine }) {
 *   useZegoWeb(engine);
 *   return <ReconnectingBanner />;
 * }
 * ```
 */
export function useZegoWeb(engine: ZegoWebEngineLike | null | undefined, options: UseZegoWebOptions = {}): void {
  const store = useStatusStore(options.store);
  useAttachment(connections, engine, store, () => ({ detach: connectZegoWeb(engine!, store, options) }));
}
