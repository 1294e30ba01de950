/**
 * The normalized events the reducer understands. `type` is the web SDK's
 * event name (the Web "Room connection status"), payloads carry the web SDK's field names, and every
 * event carries `at`, the time in ms on the adapter's clock.
 */
import type { PlayerStateName, PublisherStateName, RoomReason } from './states.js';

/**
 * A user as the SDK describes one.
 *
 * @example
 * ```ts
 * const user: ZegoUser = { userID: 'u1', userName: 'Alice' };
 * ```
 */
export interface ZegoUser {
  readonly userID: string;
  readonly userName?: string | undefined;
}

/**
 * A stream as the SDK lists it in `roomStreamUpdate`.
 *
 * @example
 * ```ts
 * const stream: ZegoStream = { streamID: 'host-main', user: { userID: 'host' } };
 * ```
 */
export interface ZegoStream {
  readonly streamID: string;
  readonly user?: ZegoUser | undefined;
  readonly extraInfo?: string | undefined;
}

/**
 * `ADD` or `DELETE`, as the web SDK spells `ZegoUpdateType`.
 *
 * @example
 * ```ts
 * const type: UpdateType = 'DELETE';
 * ```
 */
export type UpdateType = 'ADD' | 'DELETE';

interface EventBase {
  /** When it happened, ms on the store's clock. */
  readonly at: number;
}

/**
 * `roomStateChanged(roomID, reason, errorCode, extendedData)`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1002051, at: clock.now() });
 * ```
 */
export interface RoomStateChangedEvent extends EventBase {
  readonly type: 'roomStateChanged';
  readonly roomID: string;
  readonly reason: RoomReason;
  readonly errorCode: number;
  /** Raw extendedData: JSON text on some events, plain text on others (web LOGIN_FAILED sends "login timeout"). */
  readonly extendedData?: string | undefined;
  /**
   * The SDK's retry budget for this engine (`room_retry_time` / `roomRetryTime`),
   * when the adapter knows it; otherwise the store's `roomRetryTimeMs`.
   */
  readonly roomRetryTimeMs?: number | undefined;
}

/**
 * `publisherStateUpdate({ streamID, state, errorCode })`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'publisherStateUpdate', streamID: 's1', state: 'PUBLISHING', errorCode: 0, at: clock.now() });
 * ```
 */
export interface PublisherStateUpdateEvent extends EventBase {
  readonly type: 'publisherStateUpdate';
  readonly streamID: string;
  readonly state: PublisherStateName;
  readonly errorCode: number;
  readonly extendedData?: string | undefined;
}

/**
 * `playerStateUpdate({ streamID, state, errorCode })`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'playerStateUpdate', streamID: 's1', state: 'NO_PLAY', errorCode: 1004020, at: clock.now() });
 * ```
 */
export interface PlayerStateUpdateEvent extends EventBase {
  readonly type: 'playerStateUpdate';
  readonly streamID: string;
  readonly state: PlayerStateName;
  readonly errorCode: number;
  readonly extendedData?: string | undefined;
}

/**
 * `roomStreamUpdate(roomID, updateType, streamList, extendedData)`.
 *
 * @example
 * ```ts
 * store.dispatch({
 *   type: 'roomStreamUpdate', roomID: 'r1', updateType: 'DELETE',
 *   streamList: [{ streamID: 'host-main' }],
 *   extendedData: '{"stream_delete_reason":2}', at: clock.now(),
 * });
 * ```
 */
export interface RoomStreamUpdateEvent extends EventBase {
  readonly type: 'roomStreamUpdate';
  readonly roomID: string;
  readonly updateType: UpdateType;
  readonly streamList: readonly ZegoStream[];
  readonly extendedData?: string | undefined;
}

/**
 * `roomUserUpdate(roomID, updateType, userList)`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2' }], at: clock.now() });
 * ```
 */
export interface RoomUserUpdateEvent extends EventBase {
  readonly type: 'roomUserUpdate';
  readonly roomID: string;
  readonly updateType: UpdateType;
  readonly userList: readonly ZegoUser[];
}

/**
 * Which retry bookkeeping a policy event is about: a played stream (audience
 * replay) or a published one (publisher retry).
 *
 * @example
 * ```ts
 * const target: RetryTarget = 'player';
 * ```
 */
export type RetryTarget = 'player' | 'publisher';

/**
 * A policy scheduled a retry ("Express SDK: disconnection and reconnection": retry once after 3–5 s, never in a loop).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'replayScheduled', target: 'player', streamID: 's1', attempt: 1, dueAt: clock.now() + 3000, at: clock.now() });
 * ```
 */
export interface ReplayScheduledEvent extends EventBase {
  readonly type: 'replayScheduled';
  readonly target: RetryTarget;
  readonly streamID: string;
  readonly attempt: number;
  readonly dueAt: number;
}

/**
 * A policy's scheduled retry fired and called the engine.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'replayStarted', target: 'player', streamID: 's1', attempt: 1, at: clock.now() });
 * ```
 */
export interface ReplayStartedEvent extends EventBase {
  readonly type: 'replayStarted';
  readonly target: RetryTarget;
  readonly streamID: string;
  readonly attempt: number;
}

/**
 * A policy spent its attempts and stopped retrying this stream.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'replayGaveUp', target: 'player', streamID: 's1', attempts: 3, at: clock.now() });
 * ```
 */
export interface ReplayGaveUpEvent extends EventBase {
  readonly type: 'replayGaveUp';
  readonly target: RetryTarget;
  readonly streamID: string;
  readonly attempts: number;
}

/**
 * A pending retry was cancelled (stream deleted, logout, kick-out, detach);
 * with `reset`, the attempt count and gave-up flag start over too (new ADD,
 * manual retry).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'replayCancelled', target: 'player', streamID: 's1', reset: true, at: clock.now() });
 * ```
 */
export interface ReplayCancelledEvent extends EventBase {
  readonly type: 'replayCancelled';
  readonly target: RetryTarget;
  readonly streamID: string;
  readonly reset?: boolean | undefined;
}

/**
 * An engine call made by a policy threw or rejected; kept in the store, never
 * thrown into the app or the SDK.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'engineCallFailed', target: 'player', streamID: 's1', call: 'startPlayingStream', errorCode: 1004002, message: 'stream not found', at: clock.now() });
 * ```
 */
export interface EngineCallFailedEvent extends EventBase {
  readonly type: 'engineCallFailed';
  readonly target: RetryTarget;
  readonly streamID: string;
  readonly call: string;
  readonly errorCode: number;
  readonly message?: string | undefined;
}

/**
 * Every event the reducer understands: the SDK callbacks and the policies' own.
 *
 * @example
 * ```ts
 * function describe(event: StatusEvent): string {
 *   switch (event.type) {
 *     case 'roomStateChanged': return event.reason;
 *     default: return event.type;
 *   }
 * }
 * ```
 */
export type StatusEvent =
  | RoomStateChangedEvent
  | PublisherStateUpdateEvent
  | PlayerStateUpdateEvent
  | RoomStreamUpdateEvent
  | RoomUserUpdateEvent
  | ReplayScheduledEvent
  | ReplayStartedEvent
  | ReplayGaveUpEvent
  | ReplayCancelledEvent
  | EngineCallFailedEvent;

/**
 * The `type` of every {@link StatusEvent}.
 *
 * @example
 * ```ts
 * const t: StatusEventType = 'roomStreamUpdate';
 * ```
 */
export type StatusEventType = StatusEvent['type'];
