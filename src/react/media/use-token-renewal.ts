/**
 * `attachTokenRenewal` as a hook: attached while mounted, once per engine,
 * store and roomID (StrictMode-safe, like useAudiencePolicy).
 */
import { useMemo, useRef } from 'react';
import type { StatusStore } from '../../core/store.js';
import { attachTokenRenewal, type TokenRenewal, type TokenRenewalOptions } from '../../policy/token-renewal.js';
import { useStatusStore } from '../context.js';
import { createAttachmentCache, useAttachment } from '../use-attachment.js';
import { useMediaHealthWarning } from './media-health-warning.js';

const renewals = createAttachmentCache<TokenRenewal>();

/**
 * Options of {@link useTokenRenewal}: the policy's, with an optional explicit store.
 *
 * @example
 * ```ts
 * const options: UseTokenRenewalOptions = { engine: zg, roomID: 'live-1', fetchToken: (roomID) => api.token(roomID) };
 * ```
 */
export interface UseTokenRenewalOptions extends Omit<TokenRenewalOptions, 'store' | 'engine'> {
  /** `null` / `undefined` attaches nothing (an engine created later). */
  engine: TokenRenewalOptions['engine'] | null | undefined;
  store?: StatusStore;
}

/**
 * What {@link useTokenRenewal} returns.
 *
 * @example
 * ```tsx
 * const { renew } = useTokenRenewal({ engine: zg, roomID, fetchToken });
 * <button onClick={renew}>Renew now</button>;
 * ```
 */
export interface TokenRenewalControls {
  /** Fetches a token and renews now (e.g. after a failure); nothing while detached. */
  renew(): void;
}

/**
 * Keeps the room's token fresh while mounted: on the SDK's `tokenWillExpire`
 * (30 s before expiry, "Express SDK: token authentication") it calls
 * `fetchToken(roomID)` and hands the token to `engine.renewToken`, retrying a
 * failure while time is left. Progress is in the store (`ReconnectingBanner`
 * shows "Session expiring" with a countdown, and a failure); the token never
 * is. One renewal per engine, store and roomID however often it mounts;
 * `fetchToken` may change on every render (the latest is used); the other
 * options are read when the engine, store or roomID changes. Needs the
 * `mediaHealth()` extension (it carries `tokenWillExpire` into the store).
 *
 * @example
 * ```tsx
 * function Room({ roomID }: { roomID: string }) {
 *   useZegoWeb(zg);
 *   useTokenRenewal({ engine: zg, roomID, fetchToken: (id) => fetch(`/token?room=${id}`).then((r) => r.text()) });
 *   return <ReconnectingBanner roomID={roomID} />;
 * }
 * ```
 */
export function useTokenRenewal(options: UseTokenRenewalOptions): TokenRenewalControls {
  const store = useStatusStore(options.store);
  useMediaHealthWarning('useTokenRenewal', store);
  const latest = useRef(options);
  latest.current = options;
  const handle = useAttachment(
    renewals,
    options.engine,
    store,
    () => attachTokenRenewal({ ...latest.current, engine: latest.current.engine!, store, fetchToken: (roomID) => latest.current.fetchToken(roomID) }),
    options.roomID,
  );
  return useMemo(() => ({ renew: () => handle.current?.renew() }), [handle]);
}
