/**
 * What the web and the native adapters share: attaching handlers to an engine
 * so that nothing an engine sends can throw back into the SDK, detaching
 * exactly what was attached, and turning raw callback values into the core's
 * {@link StatusEvent}s. The two adapters differ only in how a callback's
 * arguments are laid out (web: objects and strings, seed 002; native:
 * positional arguments and numbers, seed 003 tables) and in the SDK's
 * default retry budget.
 *
 * Internal: not exported from the package.
 */
// Core modules imported one by one (not the barrel) so the adapters pull in only what they use.
import type { StatusEvent, UpdateType, ZegoStream, ZegoUser } from '../core/events.js';
import { toPlayerState, toPublisherState, toRoomReason } from '../core/states.js';
import type { StatusStore } from '../core/store.js';

/** The five callbacks both adapters listen to (DESIGN §4). */
export const ADAPTER_EVENTS = [
  'roomStateChanged',
  'publisherStateUpdate',
  'playerStateUpdate',
  'roomStreamUpdate',
  'roomUserUpdate',
] as const;

/** One of {@link ADAPTER_EVENTS}. */
export type AdapterEventName = (typeof ADAPTER_EVENTS)[number];

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
 * it does not know (DESIGN §4), meaning nothing was registered.
 */
export interface EngineEmitterLike {
  on(event: AdapterEventName, callback: EngineCallback): unknown;
  off(event: AdapterEventName, callback: EngineCallback): unknown;
}

/** A retry budget given in options when it is a non-negative number, else the SDK's default. */
export function retryBudget(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Turns one callback's arguments into an event without `at`, or `undefined` to drop it. */
export type EventReader = (...args: unknown[]) => DistributiveOmitAt<StatusEvent> | undefined;

type DistributiveOmitAt<E> = E extends StatusEvent ? Omit<E, 'at'> : never;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Error codes arrive as numbers; a numeric string is read as its number; anything else means "no error" (0). */
export function readErrorCode(value: unknown): number {
  if (isNumber(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    if (Number.isFinite(number)) return number;
  }
  return 0;
}

/**
 * extendedData as text. The web SDK sends JSON text on some events and plain
 * text on others ("login timeout", DESIGN §4); iOS/RN send a dictionary
 * object, kept as its JSON text so the store holds plain strings only.
 */
export function readExtendedData(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return undefined;
  try {
    return JSON.stringify(value) ?? undefined;
  } catch {
    return undefined; // cycles, BigInt: dropped rather than thrown into the SDK
  }
}

/** `ADD`/`DELETE` in any spelling, or ZegoUpdateType 0 Add / 1 Delete (native, seed 000/003). */
export function readUpdateType(value: unknown): UpdateType | undefined {
  if (value === 0) return 'ADD';
  if (value === 1) return 'DELETE';
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return upper === 'ADD' || upper === 'DELETE' ? upper : undefined;
}

function readUser(value: unknown): ZegoUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { userID, userName } = value as Record<string, unknown>;
  if (!isId(userID)) return undefined;
  return typeof userName === 'string' ? { userID, userName } : { userID };
}

/** Users with a userID, each reduced to `{ userID, userName? }`; anything else left out. */
export function readUserList(value: unknown): ZegoUser[] {
  if (!Array.isArray(value)) return [];
  const users: ZegoUser[] = [];
  for (const item of value) {
    const user = readUser(item);
    if (user) users.push(user);
  }
  return users;
}

/**
 * Streams with a streamID, each reduced to `{ streamID, user?, extraInfo? }`:
 * the SDK's play URLs and media objects never enter the store (DESIGN §3).
 */
export function readStreamList(value: unknown): ZegoStream[] {
  if (!Array.isArray(value)) return [];
  const streams: ZegoStream[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const { streamID, user, extraInfo } = item as Record<string, unknown>;
    if (!isId(streamID)) continue;
    const owner = readUser(user);
    streams.push(
      Object.assign({ streamID }, owner && { user: owner }, typeof extraInfo === 'string' && { extraInfo }),
    );
  }
  return streams;
}

/** The fields an event reader found, before they become a {@link StatusEvent}. */
export interface RoomStateFields {
  roomID: unknown;
  reason: unknown;
  errorCode: unknown;
  extendedData: unknown;
}

/**
 * A roomStateChanged event, or `undefined` for an unknown reason or a missing
 * roomID. Reasons are kept exactly as the SDK says them: the web SDK ends its
 * retries with RECONNECT_FAILED carrying 1002053 or 1002031 (issue 4) and
 * both reach the store unchanged.
 */
export function roomStateEvent(fields: RoomStateFields, roomRetryTimeMs: number): DistributiveOmitAt<StatusEvent> | undefined {
  const reason = toRoomReason(fields.reason);
  if (!reason || !isId(fields.roomID)) return undefined;
  const extendedData = readExtendedData(fields.extendedData);
  return {
    type: 'roomStateChanged',
    roomID: fields.roomID,
    reason,
    errorCode: readErrorCode(fields.errorCode),
    roomRetryTimeMs,
    ...(extendedData !== undefined && { extendedData }),
  };
}

/** The fields of a publisher or player state callback. */
export interface StreamStateFields {
  streamID: unknown;
  state: unknown;
  errorCode: unknown;
  extendedData: unknown;
}

/** A publisherStateUpdate event, or `undefined` for an unknown state or a missing streamID. */
export function publisherStateEvent(fields: StreamStateFields): DistributiveOmitAt<StatusEvent> | undefined {
  const state = toPublisherState(fields.state);
  if (!state || !isId(fields.streamID)) return undefined;
  const extendedData = readExtendedData(fields.extendedData);
  return {
    type: 'publisherStateUpdate',
    streamID: fields.streamID,
    state,
    errorCode: readErrorCode(fields.errorCode),
    ...(extendedData !== undefined && { extendedData }),
  };
}

/** A playerStateUpdate event, or `undefined` for an unknown state or a missing streamID. */
export function playerStateEvent(fields: StreamStateFields): DistributiveOmitAt<StatusEvent> | undefined {
  const state = toPlayerState(fields.state);
  if (!state || !isId(fields.streamID)) return undefined;
  const extendedData = readExtendedData(fields.extendedData);
  return {
    type: 'playerStateUpdate',
    streamID: fields.streamID,
    state,
    errorCode: readErrorCode(fields.errorCode),
    ...(extendedData !== undefined && { extendedData }),
  };
}

/** A roomStreamUpdate event, or `undefined` for a bad roomID, update type or an empty list. */
export function roomStreamEvent(
  roomID: unknown,
  updateType: unknown,
  streamList: unknown,
  extendedData: unknown,
): DistributiveOmitAt<StatusEvent> | undefined {
  const type = readUpdateType(updateType);
  const streams = readStreamList(streamList);
  if (!type || !isId(roomID) || streams.length === 0) return undefined;
  const data = readExtendedData(extendedData);
  return { type: 'roomStreamUpdate', roomID, updateType: type, streamList: streams, ...(data !== undefined && { extendedData: data }) };
}

/** A roomUserUpdate event, or `undefined` for a bad roomID, update type or an empty list. */
export function roomUserEvent(roomID: unknown, updateType: unknown, userList: unknown): DistributiveOmitAt<StatusEvent> | undefined {
  const type = readUpdateType(updateType);
  const users = readUserList(userList);
  if (!type || !isId(roomID) || users.length === 0) return undefined;
  return { type: 'roomUserUpdate', roomID, updateType: type, userList: users };
}

/**
 * Registers one guarded handler per reader and returns the function that
 * removes exactly those handlers. Guarantees (issue 4): a handler never throws
 * into the SDK; a handler called after disconnect does nothing; an `on` that
 * throws skips that one handler; disconnect is idempotent and uses the very
 * function references that were registered.
 */
export function connectEngine(
  engine: EngineEmitterLike,
  store: StatusStore,
  readers: Readonly<Record<AdapterEventName, EventReader>>,
): () => void {
  let connected = true;
  const attached: [AdapterEventName, EngineCallback][] = [];
  for (const name of ADAPTER_EVENTS) {
    const read = readers[name];
    const handler: EngineCallback = (...args: unknown[]) => {
      if (!connected) return;
      try {
        const event = read(...args);
        if (event) store.dispatch({ ...event, at: store.clock.now() } as StatusEvent);
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
  return () => {
    if (!connected) return;
    connected = false;
    for (const [name, handler] of attached.splice(0)) {
      try {
        engine.off(name, handler);
      } catch {
        // Already gone on the engine's side; the handler is inert anyway.
      }
    }
  };
}
