/**
 * Token renewal without React: on `tokenWillExpire` for its room, fetch a new
 * token from the app and hand it to `engine.renewToken(token, roomID)`;
 * record progress in the store (never the token); retry a failed attempt
 * while time is left, a bounded number of times, never in a loop.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import { isId, isObject, nonNegative } from '../core/guards.js';
import type { TokenRenewalStatus } from '../core/media-events.js';
import { TOKEN_WILL_EXPIRE_LEAD_MS } from '../core/media-health.js';
import type { StatusStore, StoreEvent } from '../core/store.js';
import { failureOf, isThenable } from './engine-call.js';

/**
 * The part of an engine token renewal uses: the web `ZegoExpressEngine`'s
 * `renewToken(token, roomID?)`, which returns false when it refuses.
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
  /** The engine whose `renewToken(token, roomID)` gets the new token. */
  engine?: TokenRenewalEngine;
  /**
   * Hands the new token to the SDK instead of `engine.renewToken(token, roomID)`:
   * the native SDKs take the arguments the other way round,
   * `renewToken: (token, roomID) => engine.renewToken(roomID, token)`.
   * A throw, a rejection, or `false` is a failed attempt.
   */
  renewToken?: (token: string, roomID: string) => unknown;
  /** Where `tokenWillExpire` arrives (a store with the `mediaHealth()` extension) and progress is shown. */
  store: StatusStore;
  roomID: string;
  /** Gets a fresh token from the app's server; may throw or reject (recorded, never thrown). */
  fetchToken: (roomID: string) => Promise<string> | string;
  /** Default: the store's clock. */
  clock?: Clock;
  /** Wait before another attempt after a failure: 5 s, so a 30 s warning leaves room for a few. */
  retryDelayMs?: number;
  /** Attempts per warning, the first included (default 3). */
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
  /** Renews now, whether or not the SDK warned (a Retry button after a failure); nothing while an attempt runs. */
  renew(): void;
  /** Stops listening and cancels a pending retry; results of an attempt in flight are ignored. */
  detach(): void;
}

/** 5 s between attempts. */
const RETRY_DELAY_MS = 5_000;
/** Attempts per warning. */
const MAX_ATTEMPTS = 3;

/**
 * Renews the room's token when the SDK says it will expire (web: 30 s
 * before; "Express SDK: token authentication"): `tokenRenewal` events show
 * renewing, renewed, or failed (with the error and, when another attempt fits
 * before expiry, its time) in `selectTokenStatus`. The token goes from
 * `fetchToken` straight to the SDK: it is never dispatched, stored or logged,
 * and an error message that quotes it has it masked. A fetch or a renewal
 * that throws, rejects or returns false is a failed attempt; at most
 * `maxAttempts` per warning, each `retryDelayMs` after the last, and only
 * while the token has not expired. Leaving the room cancels a pending retry.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * connectZegoWeb(zg, store);
 * const renewal = attachTokenRenewal({
 *   engine: zg, store, roomID: 'r1',
 *   fetchToken: (roomID) => fetch(`/token?room=${roomID}`).then((r) => r.text()),
 * });
 * // ... on leave:
 * renewal.detach();
 * ```
 */
export function attachTokenRenewal(options: TokenRenewalOptions): TokenRenewal {
  const { engine, store, roomID, fetchToken } = options;
  const clock = options.clock ?? store.clock;
  const delay = nonNegative(options.retryDelayMs, RETRY_DELAY_MS);
  const max = Math.max(1, Math.floor(nonNegative(options.maxAttempts, MAX_ATTEMPTS)));
  const renewToken = options.renewToken ?? ((token: string, room: string) => engine!.renewToken(token, room));
  let attached = isId(roomID);
  // Each warning, manual renew, leave or detach starts a new round; the
  // results of an older round's attempt (a slow fetch) are ignored.
  let round = 0;
  let attempt = 0;
  let inFlight = false;
  let expiresAt: number | null = null;
  let timer: TimerHandle | null = null;

  const emit = (status: TokenRenewalStatus, fields?: object): void => {
    try {
      store.dispatch({ type: 'tokenRenewal', roomID, status, ...fields, at: clock.now() });
    } catch {
      // A listener threw; the reducer has already applied the event.
    }
  };

  const cancel = (): void => {
    round++;
    inFlight = false;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const tryOnce = (): void => {
    const mine = round;
    const current = () => attached && mine === round;
    let token: string | undefined;
    attempt++;
    inFlight = true;
    emit('renewing');
    const fail = (error: unknown): void => {
      if (!current()) return;
      inFlight = false;
      const { errorCode, message } = failureOf(error);
      const retryAt = clock.now() + delay;
      const retry = attempt < max && (expiresAt === null || retryAt < expiresAt);
      if (retry) {
        timer = clock.setTimeout(() => {
          timer = null;
          if (current()) tryOnce();
        }, delay);
      }
      // Never the token, even where an error message quotes it.
      const text = token && message ? message.split(token).join('***') : message;
      emit('failed', { errorCode, ...(text !== undefined && { message: text }), ...(retry && { retryAt }) });
    };
    const done = (result: unknown): void => {
      if (!current()) return;
      if (result === false) return fail({ message: 'renewToken returned false' });
      inFlight = false;
      expiresAt = null;
      emit('renewed');
    };
    const renew = (value: unknown): void => {
      if (!current()) return;
      if (typeof value !== 'string' || value === '') return fail({ message: 'fetchToken gave no token' });
      token = value;
      try {
        const result = renewToken(value, roomID);
        if (isThenable(result)) result.then(done, fail);
        else done(result);
      } catch (error) {
        fail(error);
      }
    };
    try {
      const fetched = fetchToken(roomID);
      if (isThenable(fetched)) fetched.then(renew, fail);
      else renew(fetched);
    } catch (error) {
      fail(error);
    }
  };

  const start = (): void => {
    if (!attached || inFlight) return;
    cancel();
    attempt = 0;
    tryOnce();
  };

  const unsubscribe = store.subscribeEvents<StoreEvent>((event, state) => {
    // Apps may dispatch anything: only this room's events, read without trusting their shape.
    if (!attached || !isObject(event) || (event as { roomID?: unknown }).roomID !== roomID) return;
    if (event.type === 'tokenWillExpire') {
      const remaining = nonNegative(event.remainingMs, TOKEN_WILL_EXPIRE_LEAD_MS);
      expiresAt = state.media?.tokens.get(roomID)?.expiresAt ?? event.at + remaining;
      start();
    } else if (event.type === 'roomStateChanged') {
      const phase = state.rooms.get(roomID)?.phase;
      if (phase !== 'connecting' && phase !== 'connected' && phase !== 'reconnecting') {
        cancel();
        expiresAt = null;
      }
    }
  });

  return {
    renew: start,
    detach() {
      if (!attached) return;
      attached = false;
      cancel();
      unsubscribe();
    },
  };
}
