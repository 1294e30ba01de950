/**
 * trackLogin: the store takes a login's promise into account, so a login
 * started before anything listened to the engine still reaches it.
 */
import { isId, isObject, numberOr } from './guards.js';
import type { RoomReason } from './states.js';
import type { StatusStore } from './store.js';

/**
 * Options of {@link trackLogin}.
 *
 * @example
 * ```ts
 * const options: TrackLoginOptions = { roomRetryTimeMs: 20_000 };
 * ```
 */
export interface TrackLoginOptions {
  /**
   * The engine's retry budget in ms (`roomRetryTime` × 1000), for the login's
   * deadline when the kit puts the room in LOGINING itself. Default: the store's.
   */
  roomRetryTimeMs?: number | undefined;
}

/**
 * Tells the store about a login from its promise (what `loginRoom` returns):
 * LOGINING at once if the store has not seen this login (the room is not
 * logging in, connected or reconnecting there), LOGINED when the promise
 * resolves, LOGIN_FAILED with the error's `code` (and `msg` as extendedData)
 * when it rejects — the web SDK rejects `{ code, msg }` (ZEGO's web API
 * reference, `loginRoom`). An outcome is applied only while the
 * store still shows this very login pending: a newer SDK event (its own
 * LOGINED or LOGIN_FAILED, a RECONNECTING, a LOGOUT, another login) always
 * wins. Returns `login` itself, so it can wrap the call.
 *
 * Use it when the store may miss the SDK's own LOGINING: an adapter attached
 * after `loginRoom` (a room screen that mounts once joined). An adapter
 * attached where the engine is created needs none of this.
 *
 * @example
 * ```ts
 * const joined = trackLogin(store, 'live-1', zg.loginRoom('live-1', token, user));
 * await joined; // the store says LOGINED by now, whoever listened to the engine
 * ```
 */
export function trackLogin<T>(store: StatusStore, roomID: string, login: PromiseLike<T>, options: TrackLoginOptions = {}): PromiseLike<T> {
  if (!isId(roomID)) return login;
  const room = () => store.getState().rooms.get(roomID);
  // (The reducer falls back to the store's budget when this one is missing or bad.)
  const dispatch = (reason: RoomReason, errorCode = 0, extendedData?: string) =>
    store.dispatch({ type: 'roomStateChanged', roomID, reason, errorCode, roomRetryTimeMs: options.roomRetryTimeMs, extendedData, at: store.clock.now() });
  const phase = room()?.phase;
  if (phase !== 'connecting' && phase !== 'connected' && phase !== 'reconnecting') dispatch('LOGINING');
  const startedAt = room()?.loginStartedAt;
  // Only while the store still shows this very login pending.
  const pending = (): boolean => room()?.phase === 'connecting' && room()!.loginStartedAt === startedAt;
  Promise.resolve(login).then(
    // (A promise resolving `false` says nothing: older web SDKs resolved it on failure.)
    (value) => value !== false && pending() && dispatch('LOGINED'),
    (error: unknown) => {
      const { code, msg } = isObject(error) ? error : {};
      if (pending()) dispatch('LOGIN_FAILED', numberOr(code, -1), typeof msg === 'string' ? msg : undefined);
    },
  );
  return login;
}
