/**
 * `connectZegoWeb` as a hook: connected while mounted, once per engine and store.
 */
import { useEffect } from 'react';
import { connectZegoWeb, type ZegoWebAdapterOptions, type ZegoWebEngineLike } from '../adapters/zego-web.js';
import { nonNegative } from '../core/guards.js';
import { WEB_ROOM_RETRY_TIME_MS } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { trackLogin } from '../core/track-login.js';
import { useStatusStore } from './context.js';
import { createAttachmentCache, useAttachment } from './use-attachment.js';

const connections = createAttachmentCache<{ detach(): void }>();

/**
 * Options for {@link useZegoWeb}: the adapter's, plus an explicit store, and
 * the login a room screen that mounts after it should take into account.
 *
 * @example
 * ```ts
 * const options: UseZegoWebOptions = { roomRetryTimeMs: 60_000, roomID: 'live-1', login };
 * ```
 */
export interface UseZegoWebOptions extends ZegoWebAdapterOptions {
  store?: StatusStore;
  /** The room `login` logs in to. */
  roomID?: string;
  /**
   * The promise `loginRoom(roomID, ...)` returned, when it was called before
   * this component mounted ("join, then show the room"): the store then
   * learns the login from it (see `trackLogin`), though the SDK's own LOGINING
   * went by before the handlers were attached.
   */
  login?: PromiseLike<unknown>;
}

/**
 * Feeds the store from a web `ZegoExpressEngine` while the component is
 * mounted. StrictMode-safe: the engine gets exactly one set of handlers. The
 * options are read when the engine or store changes. `null` connects nothing
 * (an engine created later).
 *
 * Handlers attached here miss whatever the engine said before the component
 * mounted. A room screen shown once `loginRoom` was called passes that login
 * as `{ roomID, login }`; or connect once where the engine is created with
 * `connectZegoWeb(engine, store)` and skip this hook.
 *
 * @example
 * ```tsx
 * function Room({ engine, roomID, login }: { engine: ZegoExpressEngine; roomID: string; login: Promise<boolean> }) {
 *   useZegoWeb(engine, { roomID, login });
 *   return <ReconnectingBanner roomID={roomID} />;
 * }
 * ```
 */
export function useZegoWeb(engine: ZegoWebEngineLike | null | undefined, options: UseZegoWebOptions = {}): void {
  const store = useStatusStore(options.store);
  useAttachment(connections, engine, store, () => ({ detach: connectZegoWeb(engine!, store, options) }));
  const { roomID, login } = options;
  const budget = nonNegative(options.roomRetryTimeMs, WEB_ROOM_RETRY_TIME_MS);
  useEffect(() => {
    if (roomID && login) trackLogin(store, roomID, login, { roomRetryTimeMs: budget });
  }, [store, roomID, login, budget]);
}
