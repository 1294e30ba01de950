/**
 * The shape of the store's state: per room, per publisher, per player.
 */
import { nonNegative } from './guards.js';
import { PersistentMap } from './persistent-map.js';
import type { PlayerStateName, PublisherStateName, RoomPhase, RoomReason } from './states.js';
import type { ZegoStream, ZegoUser } from './events.js';

/**
 * Why a stream was deleted, from web `roomStreamUpdate` extendedData
 * `stream_delete_reason` (DESIGN §2): 1 stopped, 2 heartbeat timeout,
 * 3 repeated login, 4 kicked, 5 disconnected, 6 removed by server.
 *
 * @example
 * ```ts
 * const reason: StreamDeleteReason = 'heartbeat-timeout';
 * ```
 */
export type StreamDeleteReason =
  | 'stopped'
  | 'heartbeat-timeout'
  | 'repeated-login'
  | 'kicked'
  | 'disconnected'
  | 'removed-by-server';

/**
 * `stream_delete_reason` codes 1–6 in order.
 *
 * @example
 * ```ts
 * STREAM_DELETE_REASONS[1]; // 'heartbeat-timeout' (code 2)
 * ```
 */
export const STREAM_DELETE_REASONS: readonly StreamDeleteReason[] = [
  'stopped',
  'heartbeat-timeout',
  'repeated-login',
  'kicked',
  'disconnected',
  'removed-by-server',
];

/**
 * A live stream in a room.
 *
 * @example
 * ```ts
 * const stream: LiveStream = { streamID: 's1', user: { userID: 'host' }, addedAt: 0 };
 * ```
 */
export interface LiveStream extends ZegoStream {
  readonly addedAt: number;
}

/**
 * A stream recently deleted from a room, and why.
 *
 * @example
 * ```ts
 * room.removedStreams[0]?.deleteReason; // 'heartbeat-timeout'
 * ```
 */
export interface RemovedStream extends ZegoStream {
  readonly removedAt: number;
  /** Named reason, or `null` when extendedData had none or an unknown code. */
  readonly deleteReason: StreamDeleteReason | null;
  /** The raw `stream_delete_reason` number, when there was one. */
  readonly deleteReasonCode: number | null;
}

/**
 * A user present in a room.
 *
 * @example
 * ```ts
 * room.users.get('u2')?.joinedAt;
 * ```
 */
export interface RoomUser extends ZegoUser {
  readonly joinedAt: number;
}

/**
 * Details of a KICKOUT (1002050 signed in elsewhere, 1002055 server kick API).
 *
 * @example
 * ```ts
 * if (room.kickout?.code === 1002050) showSignedInElsewhere();
 * ```
 */
export interface KickoutDetails {
  readonly code: number;
  readonly at: number;
  /** A custom message carried in extendedData JSON, as plain text. */
  readonly message: string | null;
  /** The raw extendedData, kept as text. */
  readonly extendedData: string | null;
}

/**
 * The last error a room reported (LOGIN_FAILED, RECONNECT_FAILED, KICKOUT,
 * LOGOUT_FAILED). Once the room has failed or was kicked out, a LOGOUT_FAILED
 * (the app's cleanup logout of a room the SDK already left) does not replace
 * it: it is the error that explains the phase.
 *
 * @example
 * ```ts
 * room.lastError?.code; // 1002033
 * ```
 */
export interface RoomError {
  readonly code: number;
  readonly reason: RoomReason;
  readonly at: number;
  readonly extendedData: string | null;
}

/**
 * Everything known about one room.
 *
 * @example
 * ```ts
 * const room: RoomStatus = selectRoom(store.getState(), 'r1');
 * if (room.phase === 'reconnecting') console.log(room.retryDeadline! - clock.now(), 'ms left');
 * ```
 */
export interface RoomStatus {
  readonly roomID: string;
  readonly reason: RoomReason;
  readonly phase: RoomPhase;
  readonly errorCode: number;
  /** When the current reason was entered. */
  readonly since: number;
  /** When the last LOGINING began, while still logging in. */
  readonly loginStartedAt: number | null;
  /** Start of the current outage, kept across repeated RECONNECTING; null unless reconnecting. */
  readonly reconnectingSince: number | null;
  /** When the SDK gives up: outage (or login) start + retry budget (20 min native, 5 min web; seed 003 / 002). */
  readonly retryDeadline: number | null;
  /** When other users will see this user leave: outage start + 90 s heartbeat timeout (seed 003). */
  readonly heartbeatDeadline: number | null;
  readonly streams: PersistentMap<LiveStream>;
  /** Most recent deletes first, capped by `removedStreamLimit`. */
  readonly removedStreams: readonly RemovedStream[];
  readonly users: PersistentMap<RoomUser>;
  readonly kickout: KickoutDetails | null;
  readonly lastError: RoomError | null;
}

/**
 * A policy's retry schedule for one stream, so a UI can show "Retrying in 3 s".
 *
 * @example
 * ```ts
 * const left = player.replay ? player.replay.dueAt - clock.now() : null;
 * ```
 */
export interface ReplaySchedule {
  readonly attempt: number;
  readonly dueAt: number;
}

/**
 * An engine call that failed (threw or rejected).
 *
 * @example
 * ```ts
 * player.lastError?.call; // 'startPlayingStream'
 * ```
 */
export interface EngineCallError {
  readonly call: string;
  readonly errorCode: number;
  readonly message: string | null;
  readonly at: number;
}

interface StreamStatusBase {
  readonly streamID: string;
  readonly errorCode: number;
  readonly since: number;
  /** The pending retry, if one is scheduled. */
  readonly replay: ReplaySchedule | null;
  /** Retries made in the current outage; reset on PLAYING / PUBLISHING. */
  readonly attempts: number;
  /** The policy spent its attempts and stopped. */
  readonly gaveUp: boolean;
  readonly lastError: EngineCallError | null;
}

/**
 * A published stream's state.
 *
 * @example
 * ```ts
 * selectPublisher(store.getState(), 'me').state; // 'PUBLISHING'
 * ```
 */
export interface PublisherStatus extends StreamStatusBase {
  readonly state: PublisherStateName;
}

/**
 * A played stream's state, with the audience policy's replay bookkeeping.
 *
 * @example
 * ```ts
 * const p = selectPlayer(store.getState(), 'host-main');
 * if (p.gaveUp) showRetryButton();
 * ```
 */
export interface PlayerStatus extends StreamStatusBase {
  readonly state: PlayerStateName;
}

/**
 * Tunables that the reducer reads from the state.
 *
 * @example
 * ```ts
 * createInitialStatus({ roomRetryTimeMs: 5 * 60_000 }).config.heartbeatTimeoutMs; // 90000
 * ```
 */
export interface StatusConfig {
  /** SDK retry budget: 20 min on native SDKs (seed 003), 5 min on web (seed 002). */
  readonly roomRetryTimeMs: number;
  /** Heartbeat timeout after which others see a dropped user leave: 90 s (seed 003). */
  readonly heartbeatTimeoutMs: number;
  /** Cap on `removedStreams` per room, so memory stays bounded. */
  readonly removedStreamLimit: number;
}

/**
 * The whole state.
 *
 * @example
 * ```ts
 * const state: StatusState = store.getState();
 * state.rooms.size;
 * ```
 */
export interface StatusState {
  readonly rooms: PersistentMap<RoomStatus>;
  readonly publishers: PersistentMap<PublisherStatus>;
  readonly players: PersistentMap<PlayerStatus>;
  /**
   * The room most recently asked to log in (or, when none was, the first room
   * the user was seen in); the default for selectors without a roomID. It
   * stays after that room is left: selectors then give the room's idle
   * default ("Not connected"), never another room the app did not ask for.
   */
  readonly currentRoomID: string | null;
  /**
   * Rooms recently left (LOGOUT, a failure, a kick-out), most recent first, at
   * most {@link LEFT_ROOM_LIMIT}. Until a new LOGINING, late events for a room
   * left with LOGOUT are dropped; and a room still out when it falls off this
   * list leaves `rooms`, so the map stays bounded however many rooms a session visits.
   */
  readonly leftRoomIDs: readonly string[];
  readonly config: StatusConfig;
}

/** 20 minutes: the native SDKs' default reconnection time (seed 003). */
export const NATIVE_ROOM_RETRY_TIME_MS = 20 * 60_000;
/** 5 minutes: the web SDK's retry time (seed 002, "重试超时时间为 5min"). */
export const WEB_ROOM_RETRY_TIME_MS = 5 * 60_000;
/** 90 seconds: the server's heartbeat timeout (seed 003). */
export const HEARTBEAT_TIMEOUT_MS = 90_000;
/** Default cap on remembered deleted streams per room. */
export const DEFAULT_REMOVED_STREAM_LIMIT = 50;
/**
 * How many recently left rooms the store remembers (see `StatusState.leftRoomIDs`).
 *
 * @example
 * ```ts
 * store.getState().leftRoomIDs.length <= LEFT_ROOM_LIMIT; // always
 * ```
 */
export const LEFT_ROOM_LIMIT = 32;

/**
 * Options for {@link createInitialStatus} and `createStatusStore`.
 *
 * @example
 * ```ts
 * const options: StatusOptions = { roomRetryTimeMs: WEB_ROOM_RETRY_TIME_MS };
 * ```
 */
export type StatusOptions = Partial<StatusConfig>;

/**
 * The state before anything happened: no rooms, publishers or players.
 *
 * @example
 * ```ts
 * const state = createInitialStatus({ heartbeatTimeoutMs: 90_000 });
 * const next = statusReducer(state, { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
 * ```
 */
export function createInitialStatus(options: StatusOptions = {}): StatusState {
  return {
    rooms: PersistentMap.empty(),
    publishers: PersistentMap.empty(),
    players: PersistentMap.empty(),
    currentRoomID: null,
    leftRoomIDs: [],
    config: {
      roomRetryTimeMs: nonNegative(options.roomRetryTimeMs, NATIVE_ROOM_RETRY_TIME_MS),
      heartbeatTimeoutMs: nonNegative(options.heartbeatTimeoutMs, HEARTBEAT_TIMEOUT_MS),
      removedStreamLimit: Math.floor(nonNegative(options.removedStreamLimit, DEFAULT_REMOVED_STREAM_LIMIT)),
    },
  };
}

/**
 * A room nobody has heard of: LOGOUT, phase idle, nothing listed.
 *
 * @example
 * ```ts
 * createRoomStatus('r1').reason; // 'LOGOUT'
 * ```
 */
export function createRoomStatus(roomID: string, at = 0): RoomStatus {
  return {
    roomID,
    reason: 'LOGOUT',
    phase: 'idle',
    errorCode: 0,
    since: at,
    loginStartedAt: null,
    reconnectingSince: null,
    retryDeadline: null,
    heartbeatDeadline: null,
    streams: PersistentMap.empty(),
    removedStreams: [],
    users: PersistentMap.empty(),
    kickout: null,
    lastError: null,
  };
}

/**
 * A publisher that has not published: NO_PUBLISH.
 *
 * @example
 * ```ts
 * createPublisherStatus('me').state; // 'NO_PUBLISH'
 * ```
 */
export function createPublisherStatus(streamID: string, at = 0): PublisherStatus {
  return streamStatus(streamID, 'NO_PUBLISH', at);
}

/**
 * A player that has not played: NO_PLAY.
 *
 * @example
 * ```ts
 * createPlayerStatus('host-main').state; // 'NO_PLAY'
 * ```
 */
export function createPlayerStatus(streamID: string, at = 0): PlayerStatus {
  return streamStatus(streamID, 'NO_PLAY', at);
}

function streamStatus<S>(streamID: string, state: S, since: number) {
  return { streamID, state, errorCode: 0, since, replay: null, attempts: 0, gaveUp: false, lastError: null };
}
