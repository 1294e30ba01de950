/**
 * statusReducer: the one pure function from (state, event) to state. Total:
 * any input — unknown reasons or types, NaN codes, duplicates, out-of-order
 * times, malformed extendedData — yields a valid state and never throws.
 * Unchanged slices keep their identity, so selectors stay cheap.
 */
import type { RoomStateChangedEvent, RoomStreamUpdateEvent, RoomUserUpdateEvent, StatusEvent, ZegoUser } from './events.js';
import { clip, codeOr, extendedDataText, isId, isNumber, isObject, nonNegative, numberOr } from './guards.js';
import { PersistentMap } from './persistent-map.js';
import { REASON_PHASE, toPlayerState, toPublisherState, toRoomReason, type RoomPhase } from './states.js';
import {
  LEFT_ROOM_LIMIT,
  STREAM_DELETE_REASONS,
  createPlayerStatus,
  createPublisherStatus,
  createRoomStatus,
  type PlayerStatus,
  type PublisherStatus,
  type RemovedStream,
  type RoomStatus,
  type StatusState,
} from './status.js';


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
  if (isObject(extendedData)) return extendedData;
  // JSON text that starts with '{' can only parse to an object.
  if (typeof extendedData === 'string' && extendedData.trimStart()[0] === '{') {
    try {
      return JSON.parse(extendedData);
    } catch {
      // Malformed JSON: no data.
    }
  }
  return null;
}

// The kick-out API's custom reason is not named in the seeds; these are the
// keys seen in ZEGO payloads and common app conventions. Shown as text only.
const KICKOUT_MESSAGE_KEYS = ['custom_kickout_message', 'customReason', 'custom_reason', 'message', 'reason'];
const MAX_MESSAGE_LENGTH = 500;

function kickoutMessage(data: Readonly<Record<string, unknown>> | null): string | null {
  for (const key of KICKOUT_MESSAGE_KEYS) {
    const value = data?.[key];
    if (typeof value === 'string' && value.trim()) return clip(value, MAX_MESSAGE_LENGTH);
  }
  return null;
}

function toUser(user: unknown): ZegoUser | undefined {
  if (!isObject(user) || !isId(user.userID)) return undefined;
  return { userID: user.userID, userName: typeof user.userName === 'string' ? user.userName : undefined };
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Copies with every property in one fixed order, so V8 keeps one hidden class
// for each kind of object: this is the per-event hot path (~1 µs
// per event), where `{ ...spread, override }` costs several times more.
function copyState(state: StatusState): Mutable<StatusState> {
  return {
    rooms: state.rooms,
    publishers: state.publishers,
    players: state.players,
    currentRoomID: state.currentRoomID,
    leftRoomIDs: state.leftRoomIDs,
    config: state.config,
    media: state.media,
  };
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

type RoomEvent = RoomStateChangedEvent | RoomStreamUpdateEvent | RoomUserUpdateEvent;

/** Failed or kicked out: a phase with an error that explains it. */
const fails = (phase: RoomPhase | null): boolean => phase === 'failed' || phase === 'kicked';
/** Out of the room: logged out, failed or kicked out. The SDK sends its stream and user updates only to members. */
const isOut = (phase: RoomPhase | null): boolean => phase === 'idle' || fails(phase);

// Memory stays bounded however many streams and rooms come and go: a player
// that nothing plays or shows goes — NO_PLAY, no replay pending, and listed in
// no room, live or recently removed (StreamView shows both). Rooms are bounded
// too (rooms left are dropped or capped), so this costs the same however many
// rooms the session visited. (`left`: a room the streams have just left, whose
// removed list need not be searched.)
function release(state: Mutable<StatusState>, streamIDs: readonly string[], left?: string): void {
  for (const streamID of streamIDs) {
    const player = state.players.get(streamID);
    let keep = !player || player.state !== 'NO_PLAY' || player.replay !== null;
    state.rooms.forEach((room, roomID) => {
      keep ||= room.streams.has(streamID) || (roomID !== left && room.removedStreams.some((r) => r.streamID === streamID));
    });
    if (!keep) state.players = state.players.delete(streamID);
  }
}

// The three events about one room: its state, its live streams, its users.
function reduceRoom(state: StatusState, event: RoomEvent): StatusState {
  const { roomID } = event;
  if (!isId(roomID)) return state;
  const known = state.rooms.get(roomID);
  const change = event.type === 'roomStateChanged';
  const reason = change ? toRoomReason(event.reason) : undefined;
  // A state change needs a reason and a code. Stream and user updates reach
  // members only: none for a room the user is out of.
  if (change ? !reason || !isNumber(event.errorCode) : known && isOut(known.phase)) return state;
  // A room left with LOGOUT is forgotten, and until a new login anything else
  // said about it is late (the SDK can deliver a stream ADD after the logout);
  // a LOGOUT of a room never seen has nothing to forget.
  if (!known && reason !== 'LOGINING' && (reason === 'LOGOUT' || state.leftRoomIDs.includes(roomID))) return state;
  // From a room never seen they mean the user is in it, its login unseen (the
  // app attached after loginRoom): the room joins as connected.
  const prev = known ?? createRoomStatus(roomID, event.at);
  // Time never runs backwards inside one room, whatever order events arrive in.
  const at = Math.max(event.at, prev.since);
  const next = copyRoom(prev);
  // Streams that leave the room's lists: their players may have nothing left to show.
  let dropped: string[] = [];
  if (reason) {
    const { errorCode, roomRetryTimeMs: sdkBudget, extendedData: raw } = event as RoomStateChangedEvent;
    if (known && known.reason === reason && known.errorCode === errorCode) return state; // duplicate
    const { roomRetryTimeMs, heartbeatTimeoutMs } = state.config;
    const budget = nonNegative(sdkBudget, roomRetryTimeMs);
    const extendedData = extendedDataText(raw) ?? null;
    // `to` is null for LOGOUT_FAILED: phase and timing unchanged, the user stays
    // in (and visible) until the heartbeat times out (seed 002).
    const to = REASON_PHASE[reason];
    next.reason = reason;
    next.phase = to ?? prev.phase;
    next.errorCode = errorCode;
    if (prev.reason !== reason) next.since = at;
    if (to) {
      // The web SDK keeps trying to log in for its whole retry time before
      // LOGIN_FAILED 1002031 (web SDK 3.12, as measured), so a login has a deadline too; and one
      // outage keeps its start however many RECONNECTING callbacks it brings
      // (seed 003, T3). Once connected or out, there is nothing to count down to.
      const connecting = to === 'connecting';
      const reconnecting = to === 'reconnecting';
      const start = (prev.phase === to ? (connecting ? prev.loginStartedAt : prev.reconnectingSince) : null) ?? at;
      next.loginStartedAt = connecting ? start : null;
      next.reconnectingSince = reconnecting ? start : null;
      next.retryDeadline = connecting || reconnecting ? start + budget : null;
      next.heartbeatDeadline = reconnecting ? start + heartbeatTimeoutMs : null;
    }
    // Leaving the room (logout, failure, kick-out) ends the SDK's stream and user
    // notifications, so the lists it built are no longer true; a new login
    // (LOGINING) starts from nothing: the SDK lists what is there once in.
    if (isOut(to) || to === 'connecting') {
      dropped = [...prev.streams.keys(), ...prev.removedStreams.map((r) => r.streamID)];
      next.streams = PersistentMap.empty();
      next.users = PersistentMap.empty();
      next.removedStreams = [];
    }
    // The failure and kick-out details stay until the next login.
    if (to === 'connecting') next.lastError = null;
    // A failure records its error. So does LOGOUT_FAILED, except after a failure
    // or kick-out: then the logout of a room the SDK already left failing
    // (1002002, seed 002) is cleanup noise, and the error that explains the
    // phase stays (unchanged, the error kept).
    if (fails(to) || (!to && !fails(prev.phase))) next.lastError = { code: errorCode, reason, at, extendedData };
    // Kick-out details describe the kick-out only; any other phase drops them.
    // (A kick-out's details exist only in phase kicked, which only LOGOUT_FAILED keeps.)
    if (to) next.kickout = to === 'kicked' ? { code: errorCode, at, message: kickoutMessage(parseExtendedData(extendedData)), extendedData } : null;
  } else {
    // (No reason: a stream or user update.)
    const update = event as RoomStreamUpdateEvent | RoomUserUpdateEvent;
    const { updateType } = update;
    const add = updateType === 'ADD';
    if (!add && updateType !== 'DELETE') return state;
    if (!known) {
      next.reason = 'LOGINED';
      next.phase = 'connected';
    }
    let { streams, users, removedStreams } = prev;
    if (update.type === 'roomUserUpdate') {
      for (const item of listOf(update.userList)) {
        const user = toUser(item);
        if (!user) continue;
        const { userID, userName } = user;
        if (!add) {
          users = users.delete(userID);
          continue;
        }
        const existing = users.get(userID);
        if (existing && existing.userName === userName) continue;
        users = users.set(userID, { userID, userName, joinedAt: existing?.joinedAt ?? at });
      }
    } else {
      const deleteReasonCode = add ? null : codeOr(parseExtendedData(update.extendedData)?.['stream_delete_reason'], null);
      const deleteReason = STREAM_DELETE_REASONS[(deleteReasonCode as number) - 1] ?? null;
      const deleted: RemovedStream[] = [];
      for (const item of listOf(update.streamList)) {
        const raw = item as Record<string, unknown> | null;
        const streamID = raw?.streamID;
        if (!isId(streamID)) continue;
        const existing = streams.get(streamID);
        if (add) {
          const user = toUser(raw!.user);
          const extraInfo = typeof raw!.extraInfo === 'string' ? raw!.extraInfo : undefined;
          const was = existing?.user;
          // (`user` is a new object: equal means the same IDs and names, or both absent.)
          if (existing && existing.extraInfo === extraInfo && was?.userID === user?.userID && was?.userName === user?.userName) {
            continue;
          }
          // One fixed object shape for every stream keeps this hot path monomorphic.
          streams = streams.set(streamID, { streamID, user, extraInfo, addedAt: existing?.addedAt ?? at });
          // A stream is never both live and removed.
          if (removedStreams.some((r) => r.streamID === streamID)) removedStreams = removedStreams.filter((r) => r.streamID !== streamID);
        } else if (existing) {
          // (DELETE of a stream we never saw: nothing to forget.)
          streams = streams.delete(streamID);
          deleted.unshift({ streamID, user: existing.user, extraInfo: existing.extraInfo, removedAt: at, deleteReason, deleteReasonCode });
        }
      }
      if (deleted.length > 0) {
        const all = deleted.concat(removedStreams);
        removedStreams = all.slice(0, state.config.removedStreamLimit);
        dropped = all.slice(removedStreams.length).map((r) => r.streamID);
      }
    }
    // (Even an update that changes no list shows a room never seen joined.)
    if (known && streams === prev.streams && users === prev.users && removedStreams === prev.removedStreams) return state;
    next.streams = streams;
    next.users = users;
    next.removedStreams = removedStreams;
  }
  const result = copyState(state);
  result.rooms = state.rooms.set(roomID, next);
  // LOGOUT: the room is dropped (selectors give its idle default).
  if (reason === 'LOGOUT') result.rooms = state.rooms.delete(roomID);
  if (reason === 'LOGINING' || (!known && result.currentRoomID === null)) result.currentRoomID = roomID;
  // A room left is remembered, most recent first; a new login forgets it. The
  // oldest falls off, and its room too if the user is still out of it, so
  // `rooms` stays bounded.
  const out = isOut(next.phase);
  if (reason === 'LOGINING' || out) {
    const list = state.leftRoomIDs.filter((id) => id !== roomID);
    if (out) list.unshift(roomID);
    const old = list.length > LEFT_ROOM_LIMIT && result.rooms.get(list.pop()!);
    if (old && isOut(old.phase)) result.rooms = result.rooms.delete(old.roomID);
    result.leftRoomIDs = list;
  }
  release(result, dropped, roomID);
  return result;
}

type StreamStatus = PlayerStatus | PublisherStatus;

// Players and publishers differ only in their state names; one path serves both.
function updateStreamStatus(
  state: StatusState,
  event: { readonly streamID: unknown; readonly at: number; readonly target?: unknown },
  update: (current: StreamStatus) => StreamStatus,
  target = event.target,
  ended = false,
): StatusState {
  const { streamID, at } = event;
  const key = target === 'player' ? 'players' : target === 'publisher' ? 'publishers' : null;
  if (!key || !isId(streamID)) return state;
  const map = state[key] as PersistentMap<StreamStatus>;
  const current = map.get(streamID) ?? (key === 'players' ? createPlayerStatus : createPublisherStatus)(streamID, at);
  const next = update(current);
  // An entry back at its default says nothing the default does not: drop it,
  // so players of streams long gone do not pile up. (NO_PLAY or NO_PUBLISH;
  // errorCode and attempts are finite numbers, replay and lastError objects or null.)
  const idle = next.state.startsWith('NO_') && !next.errorCode && !next.replay && !next.attempts && !next.gaveUp && !next.lastError;
  const result = copyState(state);
  result[key] = (next === current ? map : idle ? map.delete(streamID) : map.set(streamID, next)) as PersistentMap<never>;
  // A playback the app or policy ended (a stop, a cancelled replay) of a stream
  // no room lists any more: nothing plays or shows it, whatever its history.
  // (A failed play stays: the app may show a stream it plays outside the lists.)
  if (ended) release(result, [streamID]);
  return result[key] === map ? state : result;
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
  if (!isObject(event) || !isNumber(event.at)) return state;
  const { at } = event;
  switch (event.type) {
    case 'roomStateChanged':
    case 'roomStreamUpdate':
    case 'roomUserUpdate':
      return reduceRoom(state, event);
    case 'publisherStateUpdate':
    case 'playerStateUpdate': {
      const player = event.type === 'playerStateUpdate';
      const name = (player ? toPlayerState : toPublisherState)(event.state);
      const { errorCode } = event;
      if (!name || !isNumber(errorCode)) return state;
      return updateStreamStatus(
        state,
        event,
        (current) => {
          if (current.state === name && current.errorCode === errorCode) return current;
          // Success ends the outage: attempts start over (seed 003, retry once after 3–5 s per failure).
          const ok = name === 'PLAYING' || name === 'PUBLISHING';
          return {
            streamID: current.streamID,
            state: name,
            errorCode,
            since: Math.max(at, current.since),
            replay: ok ? null : current.replay,
            attempts: ok ? 0 : current.attempts,
            gaveUp: !ok && current.gaveUp,
            lastError: current.lastError,
          } as StreamStatus;
        },
        player ? 'player' : 'publisher',
        player && name === 'NO_PLAY' && errorCode === 0,
      );
    }
    case 'replayScheduled': {
      const { attempt, dueAt } = event;
      if (!isNumber(attempt) || !isNumber(dueAt)) return state;
      return updateStreamStatus(state, event, (s) => ({
        ...s,
        replay: { attempt, dueAt },
        attempts: Math.max(s.attempts, attempt),
        gaveUp: false,
      }));
    }
    case 'replayStarted': {
      const { attempt } = event;
      if (!isNumber(attempt)) return state;
      return updateStreamStatus(state, event, (s) =>
        s.replay === null && s.attempts >= attempt ? s : { ...s, replay: null, attempts: Math.max(s.attempts, attempt) },
      );
    }
    case 'replayGaveUp': {
      const attempts = numberOr(event.attempts, 0);
      return updateStreamStatus(state, event, (s) =>
        s.gaveUp && s.replay === null ? s : { ...s, replay: null, gaveUp: true, attempts: Math.max(s.attempts, attempts) },
      );
    }
    case 'replayCancelled':
      return updateStreamStatus(
        state,
        event,
        (s) => {
          if (event.reset) {
            return s.replay === null && s.attempts === 0 && !s.gaveUp ? s : { ...s, replay: null, attempts: 0, gaveUp: false };
          }
          return s.replay === null ? s : { ...s, replay: null };
        },
        event.target,
        true,
      );
    case 'engineCallFailed': {
      const errorCode = numberOr(event.errorCode, -1);
      const call = typeof event.call === 'string' ? event.call : 'unknown';
      const message = typeof event.message === 'string' ? clip(event.message, MAX_MESSAGE_LENGTH) : null;
      return updateStreamStatus(state, event, (s) => ({ ...s, lastError: { call, errorCode, message, at } }));
    }
    default:
      event satisfies never;
      return state;
  }
}
