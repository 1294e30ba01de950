/**
 * What the web and the native adapters share: attaching handlers to an engine
 * so that nothing an engine sends can throw back into the SDK, detaching
 * exactly what was attached, and turning raw callback values into the core's
 * {@link StatusEvent}s. The two adapters differ only in how a callback's
 * arguments are laid out (web: publisher and player states as one object,
 * the Web "Room connection status"; native: positional arguments and numbers, the tables of "Express SDK: disconnection and reconnection") and in
 * the SDK's default retry budget.
 *
 * Internal: not exported from the package.
 */
// Core modules imported one by one (not the barrel) so the adapters pull in only what they use.
import type { StatusEvent, UpdateType, ZegoStream, ZegoUser } from '../core/events.js';
import { inDevelopment } from '../core/dev.js';
import { codeOr, extendedDataText, isId, isObject, nonNegative } from '../core/guards.js';
import { toPlayerState, toPublisherState, toRoomReason } from '../core/states.js';
import type { StatusStore } from '../core/store.js';

/**
 * The five callbacks both adapters listen to, registered in this
 * order: roomStateChanged, publisherStateUpdate, playerStateUpdate,
 * roomStreamUpdate, roomUserUpdate. Each becomes the core event of the same name.
 *
 * @example
 * ```ts
 * const name: AdapterEventName = 'roomStreamUpdate';
 * ```
 */
export type AdapterEventName =
  | 'roomStateChanged'
  | 'publisherStateUpdate'
  | 'playerStateUpdate'
  | 'roomStreamUpdate'
  | 'roomUserUpdate';

/**
 * A callback as the adapters register it: any arguments, nothing returned.
 * `any` rather than `unknown` parameters, so that an SDK whose `on` is typed
 * per event (`on<K>(event: K, callBack: ZegoEvent[K])`) accepts it.
 *
 * @example
 * ```ts
 * const log: EngineCallback = (...args) => console.log(args);
 * engine.on('roomStateChanged', log);
 * ```
 */
export type EngineCallback = (...args: any[]) => void;

/**
 * The least an engine must offer: `on` and `off` by event name. Return values
 * are ignored except an explicit `false`, which the web SDK gives for an event
 * it does not know (web SDK 3.12), meaning nothing was registered.
 *
 * @internal
 */
export interface EngineEmitterLike {
  on(event: AdapterEventName, callback: EngineCallback): unknown;
  off(event: AdapterEventName, callback: EngineCallback): unknown;
}

/** An event's fields without `type` (the callback's name) and `at` (stamped on dispatch), or `undefined` to drop it. */
type Fields = Record<string, unknown> | undefined;


/**
 * Stores already warned that events came for a room whose login they never
 * saw: one warning each. Created by the first warning, so a production
 * bundle, which has no warnings, does not create it.
 */
let warned: WeakSet<StatusStore> | undefined;

/** Its properties if `value` is an object; else an object with none (no prototype either). @internal */
export const propsOf = (value: unknown): Record<string, unknown> => (isObject(value) ? value : { __proto__: null });

/** Error codes arrive as numbers; a numeric string is read as its number; anything else means "no error" (0). @internal */
export const readErrorCode = (value: unknown): number => codeOr(value, 0);

/** `{ extendedData }` to spread into an event, when there is any (as text: the web SDK sends JSON or plain text). */
function withExtendedData(value: unknown) {
  const extendedData = extendedDataText(value);
  return extendedData !== undefined && { extendedData };
}

/** `ADD`/`DELETE` in any spelling, or ZegoUpdateType 0 Add / 1 Delete (native SDKs, "Room connection status"). @internal */
export function readUpdateType(value: unknown): UpdateType | undefined {
  const upper = typeof value === 'string' ? value.toUpperCase() : value === 0 ? 'ADD' : value === 1 ? 'DELETE' : undefined;
  return upper === 'ADD' || upper === 'DELETE' ? upper : undefined;
}

/** A user with a userID, reduced to `{ userID, userName? }`. */
function readUser(value: unknown): ZegoUser | undefined {
  const { userID, userName } = propsOf(value);
  if (!isId(userID)) return undefined;
  return typeof userName === 'string' ? { userID, userName } : { userID };
}

/**
 * A stream with a streamID, reduced to `{ streamID, user?, extraInfo? }`:
 * the SDK's play URLs and media objects never enter the store.
 */
function readStream(value: unknown): ZegoStream | undefined {
  const { streamID, user, extraInfo } = propsOf(value);
  if (!isId(streamID)) return undefined;
  const owner = readUser(user);
  return Object.assign({ streamID }, owner && { user: owner }, typeof extraInfo === 'string' && { extraInfo });
}

/**
 * A roomStreamUpdate / roomUserUpdate reader: the list's valid items, each
 * reduced by `read`; nothing for a bad roomID, update type or an empty list.
 */
function listReader<T>(key: 'streamList' | 'userList', read: (item: unknown) => T | undefined) {
  return (roomID: unknown, rawType: unknown, list: unknown, extendedData: unknown): Fields => {
    const updateType = readUpdateType(rawType);
    const items = Array.isArray(list) ? list.flatMap((item: unknown) => read(item) ?? []) : [];
    if (!updateType || !isId(roomID) || items.length === 0) return undefined;
    // roomUserUpdate has no extendedData (its callback has three arguments).
    return { roomID, updateType, [key]: items, ...(key === 'streamList' && withExtendedData(extendedData)) };
  };
}

/**
 * Registers one guarded handler per callback of {@link AdapterEventName} and returns the
 * function that removes exactly those handlers. Reasons and states are kept
 * exactly as the SDK says them (the web SDK ends its retries with
 * RECONNECT_FAILED carrying 1002053 or 1002031, issue 4); an unknown reason or
 * state, or a missing ID, drops the callback. Guarantees (issue 4): a handler
 * never throws into the SDK; a handler called after disconnect does nothing;
 * an `on` that throws skips that one handler; disconnect is idempotent and
 * uses the very function references that were registered.
 *
 * @param roomRetryTimeMs The app's option: used when a non-negative number, else `defaultRetryTimeMs`.
 * @param objectArgs Web: publisher and player states come as one object
 *   `{ streamID, state, errorCode, extendedData }`; native: as positional arguments.
 *
 * @example
 * ```ts
 * const disconnect = connectEngine(engine, store, options.roomRetryTimeMs, WEB_ROOM_RETRY_TIME_MS, true);
 * ```
 *
 * @internal
 */
export function connectEngine(
  engine: EngineEmitterLike,
  store: StatusStore,
  roomRetryTimeMs: number | undefined,
  defaultRetryTimeMs: number,
  objectArgs: boolean,
): () => void {
  const budget = nonNegative(roomRetryTimeMs, defaultRetryTimeMs);

  /**
   * A roomStateChanged / publisherStateUpdate / playerStateUpdate reader for
   * positional arguments `(id, state, errorCode, extendedData)`: nothing for
   * an unknown reason or state, or a missing ID.
   */
  const stateReader =
    (idKey: string, stateKey: string, toState: (input: unknown) => string | undefined, extra?: object) =>
    (id: unknown, raw: unknown, errorCode: unknown, extendedData: unknown): Fields => {
      const state = toState(raw);
      if (!state || !isId(id)) return undefined;
      return { [idKey]: id, [stateKey]: state, errorCode: readErrorCode(errorCode), ...extra, ...withExtendedData(extendedData) };
    };

  /** The web SDK's publisher and player states come as one object with the same four fields. */
  const streamState = (toState: (input: unknown) => string | undefined) => {
    const read = stateReader('streamID', 'state', toState);
    if (!objectArgs) return read;
    return (result: unknown): Fields => {
      const { streamID, state, errorCode, extendedData } = propsOf(result);
      return read(streamID, state, errorCode, extendedData);
    };
  };

  // A store's extensions (mediaHealth) add callbacks of their own, after the core's.
  const extra = (store.extensions ?? []).flatMap((extension) => extension[objectArgs ? 'web' : 'native'] ?? []);
  const readers: Record<string, (...args: any[]) => Fields> = Object.assign(
    {
      roomStateChanged: stateReader('roomID', 'reason', toRoomReason, { roomRetryTimeMs: budget }),
      publisherStateUpdate: streamState(toPublisherState),
      playerStateUpdate: streamState(toPlayerState),
      roomStreamUpdate: listReader('streamList', readStream),
      roomUserUpdate: listReader('userList', readUser),
    },
    ...extra.map((adapter) => adapter.readers),
  );

  let connected = true;
  const attached: [AdapterEventName, EngineCallback][] = [];
  for (const [name, read] of Object.entries(readers) as [AdapterEventName, (...args: unknown[]) => Fields][]) {
    const handler: EngineCallback = (...args: unknown[]) => {
      if (!connected) return;
      try {
        const fields = read(...args);
        if (!fields) return;
        // In development, one warning per store when an event arrives for a room
        // the store has no record of (never logged in, not recently left), other
        // than the LOGINING that starts a login or a LOGOUT: the adapter was
        // attached after `loginRoom`, so the store missed the login. Decided
        // before the event is dispatched, given after. (Inside inDevelopment:
        // a production bundle has none of it.)
        let warning: string | undefined;
        inDevelopment(() => {
          const { roomID, reason } = fields;
          warned ??= new WeakSet();
          if (warned.has(store) || !isId(roomID) || reason === 'LOGINING' || reason === 'LOGOUT') return;
          const { rooms, leftRoomIDs } = store.getState();
          if (rooms.has(roomID) || leftRoomIDs.includes(roomID)) return;
          warned.add(store);
          // The fix in the words of the adapter in use (objectArgs: the web SDK's).
          warning =
            `zego-status-kit: ${name} for room "${roomID}", whose login this store never saw (connected after loginRoom). ` +
            `Connect where the engine is created: ${objectArgs ? 'connectZegoWeb' : 'connectZegoNative'}(zg, store); or pass the login: ` +
            (objectArgs
              ? 'trackLogin(store, roomID, zg.loginRoom(...)) or useZegoWeb(zg, { roomID, login }).'
              : 'trackLogin(store, roomID, zg.loginRoom(...)).');
        });
        store.dispatch({ type: name, ...fields, at: store.clock.now() } as StatusEvent);
        inDevelopment(() => warning && console.warn(warning));
      } catch {
        // Bad input is dropped: an exception here would surface inside the SDK's emitter.
      }
    };
    try {
      if (engine.on(name, handler) !== false) attached.push([name, handler]);
    } catch {
      // An engine that refuses one event still gets the others.
    }
  }
  // Anything else an extension feeds the store from (the browser's online/offline events).
  const detachers = extra.map((adapter) => adapter.attach?.(store));
  return () => {
    if (!connected) return;
    connected = false;
    for (const detach of detachers) detach?.();
    for (const [name, handler] of attached.splice(0)) {
      try {
        engine.off(name, handler);
      } catch {
        // Already gone on the engine's side; the handler is inert anyway.
      }
    }
  };
}
