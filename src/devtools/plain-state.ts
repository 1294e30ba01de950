/**
 * The store's state as plain data and back. The state keeps rooms, streams,
 * users, publishers and players in {@link PersistentMap}s, which JSON writes
 * as `{ "size": 1 }`; the Redux DevTools extension shows, stores and sends
 * back JSON, so the devtools connection converts both ways.
 */
import { isNumber, isObject } from '../core/guards.js';
import { PersistentMap } from '../core/persistent-map.js';
import { PLAYER_STATES, PUBLISHER_STATES, REASON_PHASE, ROOM_REASONS } from '../core/states.js';
import type { LiveStream, PlayerStatus, PublisherStatus, RoomStatus, RoomUser, StatusState } from '../core/status.js';

/**
 * A room as plain data: its streams and users as objects keyed by streamID and userID.
 *
 * @example
 * ```ts
 * const room: PlainRoomStatus = toPlainState(store.getState()).rooms['r1']!;
 * room.users['u2']?.userName;
 * ```
 */
export interface PlainRoomStatus extends Omit<RoomStatus, 'streams' | 'users'> {
  readonly streams: { readonly [streamID: string]: LiveStream };
  readonly users: { readonly [userID: string]: RoomUser };
}

/**
 * {@link StatusState} as plain data (what JSON and the Redux DevTools extension can hold).
 *
 * @example
 * ```ts
 * const plain: PlainStatusState = toPlainState(store.getState());
 * plain.rooms['r1']?.phase; // 'connected'
 * ```
 */
export interface PlainStatusState extends Omit<StatusState, 'rooms' | 'publishers' | 'players'> {
  readonly rooms: { readonly [roomID: string]: PlainRoomStatus };
  readonly publishers: { readonly [streamID: string]: PublisherStatus };
  readonly players: { readonly [streamID: string]: PlayerStatus };
}

const plainRoom = (room: RoomStatus): PlainRoomStatus => ({
  ...room,
  streams: Object.fromEntries(room.streams),
  users: Object.fromEntries(room.users),
});

const mapValues = <V, W>(map: PersistentMap<V>, fn: (value: V) => W): { [key: string]: W } => {
  const out: { [key: string]: W } = {};
  map.forEach((value, key) => (out[key] = fn(value)));
  return out;
};

/**
 * The state as plain objects and arrays, every PersistentMap written out as
 * an object keyed by ID. JSON-safe; {@link fromPlainState} reads it back.
 *
 * @example
 * ```ts
 * JSON.stringify(toPlainState(store.getState())); // '{"rooms":{"r1":{"roomID":"r1",...'
 * ```
 */
export function toPlainState(state: StatusState): PlainStatusState {
  return {
    ...state,
    rooms: mapValues(state.rooms, plainRoom),
    publishers: mapValues(state.publishers, (publisher) => publisher),
    players: mapValues(state.players, (player) => player),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => isObject(value) && !Array.isArray(value);
const isNullableNumber = (value: unknown) => value === null || isNumber(value);

/** Entries of a keyed object whose values pass `valid` and carry their key as `idField`; throws otherwise. */
function entriesOf<V>(value: unknown, idField: string, valid: (item: Record<string, unknown>) => boolean): [string, V][] {
  if (!isRecord(value)) throw new TypeError('not an object');
  return Object.entries(value).map(([key, item]) => {
    if (!isRecord(item) || item[idField] !== key || !valid(item)) throw new TypeError(`${idField} ${JSON.stringify(key)} is malformed`);
    return [key, item as V];
  });
}

const validStream = (states: readonly string[]) => (item: Record<string, unknown>) =>
  states.includes(item['state'] as string) && isNumber(item['errorCode']) && isNumber(item['since']) && isNumber(item['attempts']);

function readRoom(room: Record<string, unknown>): boolean {
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

/**
 * Reads a {@link PlainStatusState} (e.g. a state the Redux DevTools extension
 * jumped to or imported) back into a working {@link StatusState}, with
 * PersistentMaps again. Returns `null` for anything that is not such a state,
 * so a caller can refuse it instead of storing it.
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
    const { currentRoomID, config } = plain;
    if (currentRoomID !== null && typeof currentRoomID !== 'string') return null;
    if (!['roomRetryTimeMs', 'heartbeatTimeoutMs', 'removedStreamLimit'].every((key) => isNumber(config[key]))) return null;
    const rooms = entriesOf<Record<string, unknown>>(plain['rooms'], 'roomID', readRoom).map(
      ([roomID, room]): [string, RoomStatus] => [
        roomID,
        {
          ...(room as unknown as RoomStatus),
          streams: PersistentMap.from(entriesOf<LiveStream>(room['streams'], 'streamID', (s) => isNumber(s['addedAt']))),
          users: PersistentMap.from(entriesOf<RoomUser>(room['users'], 'userID', () => true)),
        },
      ],
    );
    return {
      rooms: PersistentMap.from(rooms),
      publishers: PersistentMap.from(entriesOf<PublisherStatus>(plain['publishers'], 'streamID', validStream(PUBLISHER_STATES))),
      players: PersistentMap.from(entriesOf<PlayerStatus>(plain['players'], 'streamID', validStream(PLAYER_STATES))),
      currentRoomID,
      config: config as unknown as StatusState['config'],
    };
  } catch {
    return null;
  }
}
