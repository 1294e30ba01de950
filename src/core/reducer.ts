/**
 * statusReducer: the one pure function from (state, event) to state. Total:
 * any input — unknown reasons or types, NaN codes, duplicates, out-of-order
 * times, malformed extendedData — yields a valid state and never throws.
 * Unchanged slices keep their identity, so selectors stay cheap.
 */
import type {
  RetryTarget,
  RoomStateChangedEvent,
  RoomStreamUpdateEvent,
  RoomUserUpdateEvent,
  StatusEvent,
  ZegoStream,
  ZegoUser,
} from './events.js';
import { PersistentMap } from './persistent-map.js';
import { toPlayerState, toPublisherState, toRoomReason, type RoomReason } from './states.js';
import {
  STREAM_DELETE_REASONS,
  createPlayerStatus,
  createPublisherStatus,
  createRoomStatus,
  type LiveStream,
  type PlayerStatus,
  type PublisherStatus,
  type RemovedStream,
  type RoomStatus,
  type RoomUser,
  type StatusState,
} from './status.js';

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** extendedData as text: strings kept, objects (iOS sends an NSDictionary) serialized, the rest dropped. */
function extendedText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return null;
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/**
 * Parses extendedData when it is a JSON object; `null` for plain text (web
 * LOGIN_FAILED sends "login timeout"), malformed JSON or anything else.
 *
 * @example
 * ```ts
 * parseExtendedData('{"stream_delete_reason":2}'); // { stream_delete_reason: 2 }
 * parseExtendedData('login timeout');              // null
 * ```
 */
export function parseExtendedData(extendedData: unknown): Readonly<Record<string, unknown>> | null {
  if (extendedData !== null && typeof extendedData === 'object') return extendedData as Record<string, unknown>;
  if (typeof extendedData !== 'string' || !extendedData.trimStart().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(extendedData);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

// The kick-out API's custom reason is not named in the seeds; these are the
// keys seen in ZEGO payloads and common app conventions. Shown as text only.
const KICKOUT_MESSAGE_KEYS = ['custom_kickout_message', 'customReason', 'custom_reason', 'message', 'reason'];
const MAX_MESSAGE_LENGTH = 500;

function kickoutMessage(data: Readonly<Record<string, unknown>> | null): string | null {
  if (!data) return null;
  for (const key of KICKOUT_MESSAGE_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value.slice(0, MAX_MESSAGE_LENGTH);
  }
  return null;
}

function toUser(user: unknown): ZegoUser | undefined {
  if (user === null || typeof user !== 'object') return undefined;
  const { userID, userName } = user as Record<string, unknown>;
  if (!isId(userID)) return undefined;
  return { userID, userName: typeof userName === 'string' ? userName : undefined };
}

function sameUser(a: ZegoUser | undefined, b: ZegoUser | undefined): boolean {
  return a === b || (!!a && !!b && a.userID === b.userID && a.userName === b.userName);
}

function roomOf(state: StatusState, roomID: string, at: number): RoomStatus {
  return state.rooms.get(roomID) ?? createRoomStatus(roomID, at);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Copies with every property in one fixed order, so V8 keeps one hidden class
// for each kind of object: this is the per-event hot path (DESIGN §3, ~1 µs
// per event), where `{ ...spread, override }` costs several times more.
function copyState(state: StatusState): Mutable<StatusState> {
  const { rooms, publishers, players, currentRoomID, config } = state;
  return { rooms, publishers, players, currentRoomID, config };
}

function copyRoom(room: RoomStatus): Mutable<RoomStatus> {
  return {
    roomID: room.roomID,
    reason: room.reason,
    phase: room.phase,
    errorCode: room.errorCode,
    since: room.since,
    loginStartedAt: room.loginStartedAt,
    reconnectingSince: room.reconnectingSince,
    retryDeadline: room.retryDeadline,
    heartbeatDeadline: room.heartbeatDeadline,
    streams: room.streams,
    removedStreams: room.removedStreams,
    users: room.users,
    kickout: room.kickout,
    lastError: room.lastError,
  };
}

function withRoom(state: StatusState, room: RoomStatus): StatusState {
  const next = copyState(state);
  next.rooms = state.rooms.set(room.roomID, room);
  return next;
}

function withStreamMap(state: StatusState, key: StreamMapKey, map: PersistentMap<StreamStatus>): StatusState {
  const next = copyState(state);
  if (key === 'players') next.players = map as PersistentMap<PlayerStatus>;
  else next.publishers = map as PersistentMap<PublisherStatus>;
  return next;
}

// No login or outage under way: nothing to count down to.
const CONNECTED_TIMING = Object.freeze({
  loginStartedAt: null,
  reconnectingSince: null,
  retryDeadline: null,
  heartbeatDeadline: null,
});

// Leaving the room (logout, failure, kick-out) ends the SDK's stream and user
// notifications, so the lists it built are no longer true.
const LEFT_ROOM = Object.freeze({
  ...CONNECTED_TIMING,
  streams: PersistentMap.empty<LiveStream>(),
  users: PersistentMap.empty<RoomUser>(),
});

function reduceRoomState(state: StatusState, event: RoomStateChangedEvent): StatusState {
  const reason: RoomReason | undefined = toRoomReason(event.reason);
  const { roomID, errorCode } = event;
  if (!reason || !isId(roomID) || !isNumber(errorCode)) return state;
  const known = state.rooms.get(roomID);
  if (known && known.reason === reason && known.errorCode === errorCode) return state; // duplicate
  const prev = known ?? createRoomStatus(roomID, event.at);
  // Time never runs backwards inside one room, whatever order events arrive in.
  const at = Math.max(event.at, prev.since);
  const budget = isNumber(event.roomRetryTimeMs) && event.roomRetryTimeMs >= 0 ? event.roomRetryTimeMs : state.config.roomRetryTimeMs;
  const extendedData = extendedText(event.extendedData);
  const base = { ...prev, reason, errorCode, since: prev.reason === reason ? prev.since : at };
  const error = { code: errorCode, reason, at, extendedData };
  let next: RoomStatus;
  switch (reason) {
    case 'LOGINING': {
      // The web SDK keeps trying to log in for its whole retry time before
      // LOGIN_FAILED 1002031 (DESIGN §4), so a login has a deadline too.
      const start = prev.phase === 'connecting' && prev.loginStartedAt !== null ? prev.loginStartedAt : at;
      next = { ...base, phase: 'connecting', ...CONNECTED_TIMING, loginStartedAt: start, retryDeadline: start + budget };
      break;
    }
    case 'LOGINED':
    case 'RECONNECTED':
      next = { ...base, phase: 'connected', ...CONNECTED_TIMING };
      break;
    case 'RECONNECTING': {
      // One outage, however many RECONNECTING callbacks it brings (seed 003, T3).
      const start = prev.phase === 'reconnecting' && prev.reconnectingSince !== null ? prev.reconnectingSince : at;
      next = {
        ...base,
        phase: 'reconnecting',
        loginStartedAt: null,
        reconnectingSince: start,
        retryDeadline: start + budget,
        heartbeatDeadline: start + state.config.heartbeatTimeoutMs,
      };
      break;
    }
    case 'LOGIN_FAILED':
    case 'RECONNECT_FAILED':
      next = { ...base, phase: 'failed', ...LEFT_ROOM, lastError: error };
      break;
    case 'KICKOUT':
      next = {
        ...base,
        phase: 'kicked',
        ...LEFT_ROOM,
        lastError: error,
        kickout: { code: errorCode, at, message: kickoutMessage(parseExtendedData(extendedData)), extendedData },
      };
      break;
    case 'LOGOUT':
      next = { ...base, phase: 'idle', ...LEFT_ROOM };
      break;
    case 'LOGOUT_FAILED':
      // Phase unchanged: the user stays in (and visible) until the heartbeat times out (seed 002).
      next = { ...base, phase: prev.phase, lastError: error };
      break;
    default:
      reason satisfies never;
      return state;
  }
  // Kick-out details describe the kick-out only; any other phase drops them.
  if (next.phase !== 'kicked' && next.kickout !== null) next = { ...next, kickout: null };
  const rooms = state.rooms.set(roomID, next);
  return reason === 'LOGINING' && state.currentRoomID !== roomID
    ? { ...state, rooms, currentRoomID: roomID }
    : { ...state, rooms };
}

function deleteReasonOf(extendedData: unknown): Pick<RemovedStream, 'deleteReason' | 'deleteReasonCode'> {
  const code = parseExtendedData(extendedData)?.['stream_delete_reason'];
  const number = typeof code === 'string' && code.trim() !== '' ? Number(code) : code;
  if (!isNumber(number)) return { deleteReason: null, deleteReasonCode: null };
  return { deleteReason: STREAM_DELETE_REASONS[number - 1] ?? null, deleteReasonCode: number };
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function reduceStreams(state: StatusState, event: RoomStreamUpdateEvent): StatusState {
  const { roomID, updateType } = event;
  if (!isId(roomID) || (updateType !== 'ADD' && updateType !== 'DELETE')) return state;
  const prev = roomOf(state, roomID, event.at);
  const at = Math.max(event.at, prev.since);
  let streams = prev.streams;
  let removedStreams = prev.removedStreams;
  if (updateType === 'ADD') {
    for (const item of listOf(event.streamList)) {
      const raw = item as Partial<ZegoStream> | null;
      if (!raw || !isId(raw.streamID)) continue;
      const user = toUser(raw.user);
      const extraInfo = typeof raw.extraInfo === 'string' ? raw.extraInfo : undefined;
      const existing = streams.get(raw.streamID);
      if (existing && sameUser(existing.user, user) && existing.extraInfo === extraInfo) continue;
      const streamID = raw.streamID;
      // One fixed object shape for every stream keeps this hot path monomorphic.
      streams = streams.set(streamID, { streamID, user, extraInfo, addedAt: existing?.addedAt ?? at });
      // A stream is never both live and removed.
      if (removedStreams.length > 0 && removedStreams.some((r) => r.streamID === streamID)) {
        removedStreams = removedStreams.filter((r) => r.streamID !== streamID);
      }
    }
  } else {
    const why = deleteReasonOf(event.extendedData);
    const deleted: RemovedStream[] = [];
    for (const item of listOf(event.streamList)) {
      const streamID = (item as Partial<ZegoStream> | null)?.streamID;
      if (!isId(streamID)) continue;
      const existing = streams.get(streamID);
      if (!existing) continue; // DELETE of a stream we never saw: nothing to forget.
      streams = streams.delete(streamID);
      const { user, extraInfo } = existing;
      deleted.unshift({ streamID, user, extraInfo, removedAt: at, deleteReason: why.deleteReason, deleteReasonCode: why.deleteReasonCode });
    }
    if (deleted.length > 0) {
      const all = deleted.concat(removedStreams);
      removedStreams = all.slice(0, state.config.removedStreamLimit);
      const evicted = all.slice(removedStreams.length);
      if (evicted.length > 0) return forgetPlayers(withRoom(state, withStreams(prev, streams, removedStreams)), evicted);
    }
  }
  if (streams === prev.streams && removedStreams === prev.removedStreams) return state;
  return withRoom(state, withStreams(prev, streams, removedStreams));
}

function withStreams(room: RoomStatus, streams: RoomStatus['streams'], removedStreams: RoomStatus['removedStreams']): RoomStatus {
  const next = copyRoom(room);
  next.streams = streams;
  next.removedStreams = removedStreams;
  return next;
}

// Memory stays bounded however many streams come and go: a stream that falls
// off removedStreams, is live in no room and whose player has stopped with
// nothing pending has nothing left to show, so its player entry goes too.
function forgetPlayers(state: StatusState, evicted: readonly RemovedStream[]): StatusState {
  let players = state.players;
  for (const { streamID } of evicted) {
    const player = players.get(streamID);
    if (!player || player.state !== 'NO_PLAY' || player.replay !== null) continue;
    let live = false;
    state.rooms.forEach((room) => (live ||= room.streams.has(streamID)));
    if (!live) players = players.delete(streamID);
  }
  return players === state.players ? state : withStreamMap(state, 'players', players);
}

function reduceUsers(state: StatusState, event: RoomUserUpdateEvent): StatusState {
  const { roomID, updateType } = event;
  if (!isId(roomID) || (updateType !== 'ADD' && updateType !== 'DELETE')) return state;
  const prev = roomOf(state, roomID, event.at);
  let users = prev.users;
  for (const item of listOf(event.userList)) {
    const user = toUser(item);
    if (!user) continue;
    if (updateType === 'DELETE') {
      users = users.delete(user.userID);
      continue;
    }
    const existing = users.get(user.userID);
    if (existing && existing.userName === user.userName) continue;
    const { userID, userName } = user;
    users = users.set(userID, { userID, userName, joinedAt: existing?.joinedAt ?? Math.max(event.at, prev.since) });
  }
  if (users === prev.users) return state;
  const room = copyRoom(prev);
  room.users = users;
  return withRoom(state, room);
}

type StreamMapKey = 'players' | 'publishers';
type StreamStatus = PlayerStatus | PublisherStatus;

function updateStreamStatus(
  state: StatusState,
  key: StreamMapKey,
  streamID: unknown,
  at: number,
  update: (current: StreamStatus) => StreamStatus,
): StatusState {
  if (!isId(streamID)) return state;
  // Players and publishers differ only in their state names; one path serves both.
  const map = state[key] as PersistentMap<StreamStatus>;
  const current = map.get(streamID) ?? (key === 'players' ? createPlayerStatus(streamID, at) : createPublisherStatus(streamID, at));
  const next = update(current);
  if (next === current) return state;
  // An entry back at its default says nothing the default does not: drop it,
  // so players of streams long gone do not pile up.
  const idle = next.state === 'NO_PLAY' || next.state === 'NO_PUBLISH';
  if (idle && next.errorCode === 0 && next.replay === null && next.attempts === 0 && !next.gaveUp && next.lastError === null) {
    const without = map.delete(streamID);
    return without === map ? state : withStreamMap(state, key, without);
  }
  return withStreamMap(state, key, map.set(streamID, next));
}

function reduceStreamState(
  state: StatusState,
  key: StreamMapKey,
  streamID: unknown,
  name: StreamStatus['state'] | undefined,
  errorCode: unknown,
  at: number,
): StatusState {
  if (!name || !isNumber(errorCode)) return state;
  return updateStreamStatus(state, key, streamID, at, (current: StreamStatus) => {
    if (current.state === name && current.errorCode === errorCode) return current;
    const since = Math.max(at, current.since);
    // Success ends the outage: attempts start over (seed 003, retry once after 3–5 s per failure).
    const ok = name === 'PLAYING' || name === 'PUBLISHING';
    return {
      streamID: current.streamID,
      state: name,
      errorCode,
      since,
      replay: ok ? null : current.replay,
      attempts: ok ? 0 : current.attempts,
      gaveUp: ok ? false : current.gaveUp,
      lastError: current.lastError,
    } as StreamStatus;
  });
}

function targetKey(target: RetryTarget): StreamMapKey | undefined {
  return target === 'player' ? 'players' : target === 'publisher' ? 'publishers' : undefined;
}

function reducePolicy(
  state: StatusState,
  target: RetryTarget,
  streamID: unknown,
  at: number,
  update: (current: StreamStatus) => StreamStatus,
): StatusState {
  const key = targetKey(target);
  return key ? updateStreamStatus(state, key, streamID, at, update) : state;
}

/**
 * The pure reducer behind the store.
 *
 * @example
 * ```ts
 * let state = createInitialStatus();
 * state = statusReducer(state, { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
 * state = statusReducer(state, { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: 120 });
 * selectRoom(state, 'r1').phase; // 'connected'
 * ```
 */
export function statusReducer(state: StatusState, event: StatusEvent): StatusState {
  if (event === null || typeof event !== 'object' || !isNumber(event.at)) return state;
  const { at } = event;
  switch (event.type) {
    case 'roomStateChanged':
      return reduceRoomState(state, event);
    case 'roomStreamUpdate':
      return reduceStreams(state, event);
    case 'roomUserUpdate':
      return reduceUsers(state, event);
    case 'publisherStateUpdate':
      return reduceStreamState(state, 'publishers', event.streamID, toPublisherState(event.state), event.errorCode, at);
    case 'playerStateUpdate':
      return reduceStreamState(state, 'players', event.streamID, toPlayerState(event.state), event.errorCode, at);
    case 'replayScheduled': {
      const { attempt, dueAt } = event;
      if (!isNumber(attempt) || !isNumber(dueAt)) return state;
      return reducePolicy(state, event.target, event.streamID, at, (s) => ({
        ...s,
        replay: { attempt, dueAt },
        attempts: Math.max(s.attempts, attempt),
        gaveUp: false,
      }));
    }
    case 'replayStarted': {
      const { attempt } = event;
      if (!isNumber(attempt)) return state;
      return reducePolicy(state, event.target, event.streamID, at, (s) =>
        s.replay === null && s.attempts >= attempt ? s : { ...s, replay: null, attempts: Math.max(s.attempts, attempt) },
      );
    }
    case 'replayGaveUp': {
      const attempts = isNumber(event.attempts) ? event.attempts : 0;
      return reducePolicy(state, event.target, event.streamID, at, (s) =>
        s.gaveUp && s.replay === null ? s : { ...s, replay: null, gaveUp: true, attempts: Math.max(s.attempts, attempts) },
      );
    }
    case 'replayCancelled':
      return reducePolicy(state, event.target, event.streamID, at, (s) => {
        if (event.reset) {
          return s.replay === null && s.attempts === 0 && !s.gaveUp ? s : { ...s, replay: null, attempts: 0, gaveUp: false };
        }
        return s.replay === null ? s : { ...s, replay: null };
      });
    case 'engineCallFailed': {
      const errorCode = isNumber(event.errorCode) ? event.errorCode : -1;
      const call = typeof event.call === 'string' ? event.call : 'unknown';
      const message = typeof event.message === 'string' ? event.message.slice(0, MAX_MESSAGE_LENGTH) : null;
      return reducePolicy(state, event.target, event.streamID, at, (s) => ({ ...s, lastError: { call, errorCode, message, at } }));
    }
    default:
      event satisfies never;
      return state;
  }
}
