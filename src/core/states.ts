/**
 * State names and numbers exactly as the ZEGO SDKs send them (the tables of "Express SDK: disconnection and reconnection";
 * the Web "Room connection status" for the web names). The web SDK sends the strings, the native SDKs
 * (React Native, Electron, ...) the numbers.
 */

/**
 * The nine room connection states, in SDK enum order (0–8).
 *
 * @example
 * ```ts
 * ROOM_REASONS[3]; // 'RECONNECTING'
 * ```
 */
export const ROOM_REASONS = [
  'LOGINING',
  'LOGINED',
  'LOGIN_FAILED',
  'RECONNECTING',
  'RECONNECTED',
  'RECONNECT_FAILED',
  'KICKOUT',
  'LOGOUT',
  'LOGOUT_FAILED',
] as const;

/**
 * A room connection state (`ZegoRoomStateChangedReason`).
 *
 * @example
 * ```ts
 * const reason: RoomReason = 'RECONNECTING';
 * ```
 */
export type RoomReason = (typeof ROOM_REASONS)[number];

/**
 * What a room reason means for the UI: the coarse phase a banner or badge shows.
 *
 * @example
 * ```ts
 * const phase: RoomPhase = phaseOfReason('RECONNECTED') ?? 'idle'; // 'connected'
 * ```
 */
export type RoomPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'kicked';

/**
 * Publisher states in SDK enum order (0–2).
 *
 * @example
 * ```ts
 * PUBLISHER_STATES[2]; // 'PUBLISHING'
 * ```
 */
export const PUBLISHER_STATES = ['NO_PUBLISH', 'PUBLISH_REQUESTING', 'PUBLISHING'] as const;

/**
 * A publisher state (`ZegoPublisherState`).
 *
 * @example
 * ```ts
 * const state: PublisherStateName = 'PUBLISH_REQUESTING';
 * ```
 */
export type PublisherStateName = (typeof PUBLISHER_STATES)[number];

/**
 * Player states in SDK enum order (0–2).
 *
 * @example
 * ```ts
 * PLAYER_STATES[0]; // 'NO_PLAY'
 * ```
 */
export const PLAYER_STATES = ['NO_PLAY', 'PLAY_REQUESTING', 'PLAYING'] as const;

/**
 * A player state (`ZegoPlayerState`).
 *
 * @example
 * ```ts
 * const state: PlayerStateName = 'PLAYING';
 * ```
 */
export type PlayerStateName = (typeof PLAYER_STATES)[number];

function enumValues<T extends string>(names: readonly T[]): Readonly<Record<T, number>> {
  return Object.freeze(Object.fromEntries(names.map((name, index) => [name, index])) as Record<T, number>);
}

/**
 * Numeric value of each room reason, as native SDKs send it.
 *
 * @example
 * ```ts
 * RoomReasonValue.KICKOUT; // 6
 * ```
 */
export const RoomReasonValue = /* @__PURE__ */ enumValues(ROOM_REASONS);

/**
 * Numeric value of each publisher state.
 *
 * @example
 * ```ts
 * PublisherStateValue.PUBLISHING; // 2
 * ```
 */
export const PublisherStateValue = /* @__PURE__ */ enumValues(PUBLISHER_STATES);

/**
 * Numeric value of each player state.
 *
 * @example
 * ```ts
 * PlayerStateValue.PLAY_REQUESTING; // 1
 * ```
 */
export const PlayerStateValue = /* @__PURE__ */ enumValues(PLAYER_STATES);

// Lower-cased, underscore-free spellings: 'LOGIN_FAILED', 'LoginFailed' and
// 'loginFailed' (seed 002 writes the enum members that way) all meet here.
const loose = (name: string): string => name.replace(/_/g, '').toLowerCase();

function toName<T extends string>(names: readonly T[], input: unknown): T | undefined {
  // An integer indexes the names; any other number reads a missing element.
  if (typeof input === 'number') return names[input];
  if (typeof input !== 'string') return undefined;
  // The canonical name is the hot path (every adapter event): no string work for it.
  return names.includes(input as T) ? (input as T) : names.find((name) => loose(name) === loose(input));
}

/**
 * Converts an SDK value (number 0–8, or a name in any of the SDKs' spellings)
 * to a {@link RoomReason}; `undefined` for anything else.
 *
 * @example
 * ```ts
 * toRoomReason(3);             // 'RECONNECTING'
 * toRoomReason('Kickout');     // 'KICKOUT'
 * toRoomReason('KICK_OUT');    // 'KICKOUT'
 * toRoomReason(42);            // undefined
 * ```
 */
export function toRoomReason(input: unknown): RoomReason | undefined {
  return toName(ROOM_REASONS, input);
}

/**
 * Converts an SDK publisher state (0–2 or a name) to its name; `undefined` otherwise.
 *
 * @example
 * ```ts
 * toPublisherState(1); // 'PUBLISH_REQUESTING'
 * ```
 */
export function toPublisherState(input: unknown): PublisherStateName | undefined {
  return toName(PUBLISHER_STATES, input);
}

/**
 * Converts an SDK player state (0–2 or a name) to its name; `undefined` otherwise.
 *
 * @example
 * ```ts
 * toPlayerState(2); // 'PLAYING'
 * ```
 */
export function toPlayerState(input: unknown): PlayerStateName | undefined {
  return toName(PLAYER_STATES, input);
}

/**
 * The phase each reason puts the room in; `null` for LOGOUT_FAILED, which
 * leaves the phase as it was (the Web "Room connection status": after a failed logout the user stays
 * visible to others until the heartbeat times out).
 *
 * @example
 * ```ts
 * REASON_PHASE.RECONNECT_FAILED; // 'failed'
 * ```
 */
export const REASON_PHASE: Readonly<Record<RoomReason, RoomPhase | null>> = /* @__PURE__ */ Object.freeze(
  // In ROOM_REASONS' order: LOGINING, LOGINED, LOGIN_FAILED, RECONNECTING,
  // RECONNECTED, RECONNECT_FAILED, KICKOUT, LOGOUT, LOGOUT_FAILED.
  Object.fromEntries(
    (['connecting', 'connected', 'failed', 'reconnecting', 'connected', 'failed', 'kicked', 'idle', null] as const).map((phase, index) => [ROOM_REASONS[index], phase]),
  ) as Record<RoomReason, RoomPhase | null>,
);

/**
 * The phase a reason leads to, or `null` when it keeps the current phase.
 *
 * @example
 * ```ts
 * phaseOfReason('LOGINING');      // 'connecting'
 * phaseOfReason('LOGOUT_FAILED'); // null
 * ```
 */
export function phaseOfReason(reason: RoomReason): RoomPhase | null {
  return REASON_PHASE[reason];
}

/**
 * True only in LOGINED and RECONNECTED: the Web "Room connection status", "只有当房间状态是登录成功或重连成功时,
 * 推流、拉流才能正常收发音视频". Accepts a reason or anything with a `reason`.
 *
 * @example
 * ```ts
 * canPublishOrPlay('RECONNECTED');               // true
 * canPublishOrPlay(selectRoom(store.getState())); // false before login
 * ```
 */
export function canPublishOrPlay(room: RoomReason | { readonly reason: RoomReason }): boolean {
  // LOGINED and RECONNECTED are the two reasons whose phase is 'connected'.
  return REASON_PHASE[typeof room === 'string' ? room : room.reason] === 'connected';
}
