/**
 * What holds for every state the reducer can return, whatever events came
 * before (issue 17): one `checkInvariants(state)` for the fuzz suites and the
 * reducer's tables, and `plainState(state)` to compare whole states.
 * Checked with plain comparisons rather than `expect` (the reducer fuzz calls
 * this after each of ~200,000 events).
 */
import type { PersistentMap } from '../../src/core/persistent-map.js';
import { PLAYER_STATES, PUBLISHER_STATES, REASON_PHASE, ROOM_REASONS } from '../../src/core/states.js';
import type { PlayerStatus, PublisherStatus, RoomStatus, StatusState } from '../../src/core/status.js';

const PHASES: readonly string[] = ['idle', 'connecting', 'connected', 'reconnecting', 'failed', 'kicked'];
/** The reducer's cap on stored text (kick-out messages, engine call errors). */
const MAX_MESSAGE_LENGTH = 500;

/** Throws, naming the broken invariant and the object it was broken on. */
function holds(condition: boolean, invariant: string, subject: unknown): void {
  if (condition) return;
  const shown = JSON.stringify(subject, (_, value) => (value && typeof value.toArray === 'function' ? value.toArray() : value));
  throw new Error(`invariant broken: ${invariant}\n${shown}`);
}

const finite = (...values: unknown[]) => values.every((value) => Number.isFinite(value));
const shortText = (text: string | null) => text === null || text.length <= MAX_MESSAGE_LENGTH;

/** Every entry is stored under its own ID. */
function keyedBy<V>(map: PersistentMap<V>, id: (value: V) => string, what: string): void {
  map.forEach((value, key) => holds(id(value) === key, `${what} stored under its own ID (${key})`, value));
}

function checkRoom(room: RoomStatus, state: StatusState): void {
  const { config } = state;
  const check = (condition: boolean, invariant: string) => holds(condition, `room ${room.roomID}: ${invariant}`, room);
  check(room.roomID.length > 0, 'non-empty roomID');
  check((ROOM_REASONS as readonly string[]).includes(room.reason), 'a known reason');
  check(PHASES.includes(room.phase), 'a known phase');
  // Every reason but LOGOUT_FAILED fixes the phase; LOGOUT_FAILED keeps the one before.
  const phase = REASON_PHASE[room.reason];
  check(phase === null || room.phase === phase, 'the phase of its reason');
  check(finite(room.errorCode, room.since), 'finite errorCode and since');

  // Timing fields exist exactly in the phases that count down, and agree with each other.
  const connecting = room.phase === 'connecting';
  const reconnecting = room.phase === 'reconnecting';
  check((room.loginStartedAt !== null) === connecting, 'loginStartedAt exactly while connecting');
  check((room.reconnectingSince !== null) === reconnecting, 'reconnectingSince exactly while reconnecting');
  check((room.heartbeatDeadline !== null) === reconnecting, 'heartbeatDeadline exactly while reconnecting');
  check((room.retryDeadline !== null) === (connecting || reconnecting), 'retryDeadline exactly while connecting or reconnecting');
  const start = room.loginStartedAt ?? room.reconnectingSince;
  if (start !== null) {
    check(start <= room.since, 'the login or outage starts no later than its reason');
    check(room.retryDeadline! >= start, 'retryDeadline not before the login or outage start');
  }
  if (reconnecting) check(room.heartbeatDeadline === room.reconnectingSince! + config.heartbeatTimeoutMs, 'heartbeatDeadline = outage start + heartbeat timeout');

  // Kick-out details exactly while kicked; failures keep the error that explains them.
  check((room.kickout !== null) === (room.phase === 'kicked'), 'kick-out details exactly while kicked');
  if (room.kickout) {
    check(room.lastError?.reason === 'KICKOUT' && room.lastError.code === room.kickout.code, 'the kick-out is the last error');
    check(shortText(room.kickout.message), 'kick-out message within its cap');
  }
  if (room.phase === 'failed') check(REASON_PHASE[room.lastError?.reason ?? 'LOGOUT'] === 'failed', 'the failure is the last error');

  // Lists: keyed by ID; removed streams bounded, unique and never live.
  keyedBy(room.streams, (s) => s.streamID, `room ${room.roomID} stream`);
  keyedBy(room.users, (u) => u.userID, `room ${room.roomID} user`);
  room.streams.forEach((s) => check(finite(s.addedAt), `stream ${s.streamID} has a finite addedAt`));
  room.users.forEach((u) => check(finite(u.joinedAt), `user ${u.userID} has a finite joinedAt`));
  check(room.removedStreams.length <= config.removedStreamLimit, 'removedStreams within removedStreamLimit');
  const removed = new Set<string>();
  for (const { streamID, removedAt } of room.removedStreams) {
    check(!removed.has(streamID), `${streamID} removed once`);
    check(!room.streams.has(streamID), `${streamID} not both live and removed`);
    check(finite(removedAt), `${streamID} has a finite removedAt`);
    removed.add(streamID);
  }
}

function checkStream(entry: PlayerStatus | PublisherStatus, states: readonly string[], what: string): void {
  const check = (condition: boolean, invariant: string) => holds(condition, `${what} ${entry.streamID}: ${invariant}`, entry);
  check(states.includes(entry.state), 'a known state');
  check(finite(entry.errorCode, entry.since), 'finite errorCode and since');
  check(Number.isInteger(entry.attempts) && entry.attempts >= 0, 'attempts a count');
  if (entry.replay) {
    check(finite(entry.replay.dueAt, entry.replay.attempt), 'a replay with finite attempt and dueAt');
    check(entry.replay.attempt <= entry.attempts, 'the pending replay counted in attempts');
    check(!entry.gaveUp, 'no replay pending once given up');
  }
  if (entry.lastError) check(finite(entry.lastError.errorCode, entry.lastError.at) && shortText(entry.lastError.message), 'a well-formed lastError');
  // An entry back at its default is dropped, so maps do not fill with streams long gone.
  const idle =
    (entry.state === 'NO_PLAY' || entry.state === 'NO_PUBLISH') &&
    entry.errorCode === 0 &&
    entry.replay === null &&
    entry.attempts === 0 &&
    !entry.gaveUp &&
    entry.lastError === null;
  check(!idle, 'an idle entry is not kept');
}

/**
 * Asserts every invariant of a state: per room (reason and phase agree,
 * countdown fields exactly while connecting or reconnecting and consistent,
 * kick-out details exactly while kicked, the error that explains a failure,
 * lists keyed by ID, removed streams bounded, unique and not live), per
 * player and publisher (known state, finite numbers, replay bookkeeping
 * consistent, no idle entry kept) and the config.
 */
export function checkInvariants(state: StatusState): void {
  const { config, currentRoomID } = state;
  holds(finite(config.roomRetryTimeMs, config.heartbeatTimeoutMs, config.removedStreamLimit), 'config: finite numbers', config);
  holds(config.roomRetryTimeMs >= 0 && config.heartbeatTimeoutMs >= 0 && config.removedStreamLimit >= 0, 'config: not negative', config);
  holds(currentRoomID === null || currentRoomID.length > 0, 'currentRoomID null or an ID', currentRoomID);
  keyedBy(state.rooms, (room) => room.roomID, 'room');
  keyedBy(state.players, (player) => player.streamID, 'player');
  keyedBy(state.publishers, (publisher) => publisher.streamID, 'publisher');
  state.rooms.forEach((room) => checkRoom(room, state));
  state.players.forEach((player) => checkStream(player, PLAYER_STATES, 'player'));
  state.publishers.forEach((publisher) => checkStream(publisher, PUBLISHER_STATES, 'publisher'));
}

const plainMap = <V, P>(map: PersistentMap<V>, plain: (value: V) => P) =>
  Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => [key, plain(value)]));

/**
 * The whole state as plain data (maps as objects sorted by key), so two
 * states compare with `toEqual` field by field: every room with its streams,
 * users, removed streams and timestamps, every player and publisher.
 */
export function plainState(state: StatusState) {
  return {
    ...state,
    rooms: plainMap(state.rooms, (room) => ({ ...room, streams: plainMap(room.streams, (s) => s), users: plainMap(room.users, (u) => u) })),
    players: plainMap(state.players, (p) => p),
    publishers: plainMap(state.publishers, (p) => p),
  };
}
