/**
 * The store's state as plain data and back. The state keeps rooms, streams,
 * users, publishers, players (and, with `mediaHealth()`, per-user, per-stream
 * and per-room media health) in {@link PersistentMap}s, which JSON writes as
 * `{ "size": 1 }`; the Redux DevTools extension shows, stores and sends back
 * JSON, so the devtools connection converts both ways.
 */
import { isNumber, isObject } from '../core/guards.js';
import type { MediaHealthState } from '../core/media-health.js';
import { PersistentMap } from '../core/persistent-map.js';
import { PLAYER_STATES, PUBLISHER_STATES, REASON_PHASE, ROOM_REASONS } from '../core/states.js';
import type { LiveStream, PlayerStatus, PublisherStatus, RoomStatus, RoomUser, StatusState } from '../core/status.js';

/**
 * `T` as plain data: every {@link PersistentMap} an object keyed by its keys.
 *
 * @example
 * ```ts
 * const users: Plain<PersistentMap<RoomUser>> = { u2: { userID: 'u2', joinedAt: 0 } };
 * ```
 */
export type Plain<T> =
  T extends PersistentMap<infer V>
    ? { readonly [key: string]: Plain<V> }
    : T extends readonly (infer U)[]
      ? readonly Plain<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Plain<T[K]> }
        : T;

/**
 * A room as plain data: its streams and users as objects keyed by streamID and userID.
 *
 * @example
 * ```ts
 * const room: PlainRoomStatus = toPlainState(store.getState()).rooms['r1']!;
 * room.users['u2']?.userName;
 * ```
 */
export type PlainRoomStatus = Plain<RoomStatus>;

/**
 * {@link StatusState} as plain data (what JSON and the Redux DevTools extension can hold).
 *
 * @example
 * ```ts
 * const plain: PlainStatusState = toPlainState(store.getState());
 * plain.rooms['r1']?.phase; // 'connected'
 * ```
 */
export type PlainStatusState = Plain<StatusState>;

// A PersistentMap, recognised by shape too: a state made by another copy of
// the package (ESM and CommonJS both loaded) holds that copy's class.
const isMapLike = (value: unknown): value is PersistentMap<unknown> =>
  value instanceof PersistentMap ||
  (isObject(value) && typeof value['forEach'] === 'function' && typeof value['get'] === 'function' && isNumber(value['size']));

/**
 * The state as plain objects and arrays, every PersistentMap written out as
 * an object keyed by its keys; keys named like secrets (token, password) are
 * `'[redacted]'`. JSON-safe; {@link fromPlainState} reads it back.
 *
 * @example
 * ```ts
 * JSON.stringify(toPlainState(store.getState())); // '{"rooms":{"r1":{"roomID":"r1",...'
 * ```
 */
export function toPlainState(state: StatusState): PlainStatusState {
  return toPlain(state) as PlainStatusState;
}

// Keys whose values never leave for the extension, in actions or state.
// Tokens never enter the store; this holds even for an app's own dispatches.
const SECRET_KEY = /token|secret|password/i;

/**
 * Any value as JSON data: PersistentMaps as objects, secret-named keys
 * redacted. Internal to the devtools entry.
 *
 * @internal
 */
export function toPlain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, v: unknown) =>
      SECRET_KEY.test(key) && typeof v !== 'object' ? '[redacted]' : isMapLike(v) ? Object.fromEntries(v.entries()) : v,
    ),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => isObject(value) && !Array.isArray(value);
const isNullableNumber = (value: unknown) => value === null || isNumber(value);

/** Entries of a keyed object whose values are records that pass `valid` (and carry their key as `idField`, when given); throws otherwise. */
function entriesOf<V>(value: unknown, idField: string | null, valid: (item: Record<string, unknown>) => boolean): [string, V][] {
  if (!isRecord(value)) throw new TypeError('not an object');
  return Object.entries(value).map(([key, item]) => {
    if (!isRecord(item) || (idField !== null && item[idField] !== key) || !valid(item)) throw new TypeError(`${key} is malformed`);
    return [key, item as V];
  });
}
const mapOf = <V>(value: unknown, idField: string | null, valid: (item: Record<string, unknown>) => boolean = () => true) =>
  PersistentMap.from(entriesOf<V>(value, idField, valid));

const validStream = (states: readonly string[]) => (item: Record<string, unknown>) =>
  states.includes(item['state'] as string) && isNumber(item['errorCode']) && isNumber(item['since']) && isNumber(item['attempts']);

function validRoom(room: Record<string, unknown>): boolean {
  const reason = room['reason'] as RoomStatus['reason'];
  return (
    ROOM_REASONS.includes(reason) &&
    Object.values(REASON_PHASE).includes(room['phase'] as RoomStatus['phase']) &&
    (REASON_PHASE[reason] ?? room['phase']) === room['phase'] &&
    isNumber(room['errorCode']) &&
    isNumber(room['since']) &&
    ['loginStartedAt', 'reconnectingSince', 'retryDeadline', 'heartbeatDeadline'].every((key) => isNullableNumber(room[key])) &&
    Array.isArray(room['removedStreams'])
  );
}

function readMedia(media: unknown): MediaHealthState {
  if (!isRecord(media) || !Array.isArray(media['deviceIssues']) || !isNullableNumber(media['offlineSince'])) throw new TypeError('media');
  if (media['deviceChange'] !== null && !isRecord(media['deviceChange'])) throw new TypeError('media.deviceChange');
  return {
    ...(media as unknown as MediaHealthState),
    users: mapOf(media['users'], 'userID'),
    streams: mapOf(media['streams'], null),
    autoplay: mapOf(media['autoplay'], null),
    tokens: mapOf(media['tokens'], 'roomID'),
  };
}

/**
 * Reads a {@link PlainStatusState} (e.g. a state the Redux DevTools extension
 * jumped to or imported) back into a working {@link StatusState}, with
 * PersistentMaps again (the media-health slice too, when there is one).
 * Returns `null` for anything that is not such a state, so a caller can
 * refuse it instead of storing it.
 *
 * @example
 * ```ts
 * const state = fromPlainState(JSON.parse(saved));
 * if (state) store.setState(state, true);
 * ```
 */
export function fromPlainState(plain: unknown): StatusState | null {
  try {
    if (!isRecord(plain) || !isRecord(plain['config'])) return null;
    const { currentRoomID, leftRoomIDs, config } = plain;
    if (currentRoomID !== null && typeof currentRoomID !== 'string') return null;
    if (!Array.isArray(leftRoomIDs) || !leftRoomIDs.every((id) => typeof id === 'string')) return null;
    if (!['roomRetryTimeMs', 'heartbeatTimeoutMs', 'removedStreamLimit'].every((key) => isNumber(config[key]))) return null;
    const rooms = entriesOf<Record<string, unknown>>(plain['rooms'], 'roomID', validRoom).map(
      ([roomID, room]): [string, RoomStatus] => [
        roomID,
        {
          ...(room as unknown as RoomStatus),
          streams: mapOf<LiveStream>(room['streams'], 'streamID', (s) => isNumber(s['addedAt'])),
          users: mapOf<RoomUser>(room['users'], 'userID'),
        },
      ],
    );
    return {
      rooms: PersistentMap.from(rooms),
      publishers: mapOf<PublisherStatus>(plain['publishers'], 'streamID', validStream(PUBLISHER_STATES)),
      players: mapOf<PlayerStatus>(plain['players'], 'streamID', validStream(PLAYER_STATES)),
      currentRoomID,
      leftRoomIDs: leftRoomIDs as string[],
      config: config as unknown as StatusState['config'],
      ...(plain['media'] !== undefined && { media: readMedia(plain['media']) }),
    };
  } catch {
    return null;
  }
}
