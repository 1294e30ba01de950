/**
 * The simulator's timing and error codes. Times from the seeds are marked
 * with their source; the rest are the simulator's own choices, named here so
 * tests and stories can refer to them instead of repeating numbers.
 */

/**
 * T1 ≈ T0 + 120 ms: LOGINING then LOGINED about 120 ms after loginRoom (seed 003 / 002).
 *
 * @example
 * ```ts
 * void engine.loginRoom('room-1', token, user);
 * clock.advance(LOGIN_LATENCY_MS); // LOGINED
 * ```
 */
export const LOGIN_LATENCY_MS = 120;

/**
 * ≈100 ms: other users hear of a change (join, T2 ≈ T1 + 100 ms; rejoin,
 * T6' ≈ T5' + 100 ms) this long after it happened (seed 003 / 002). The
 * simulator uses the same delay for stream ADD/DELETE and logout.
 *
 * @example
 * ```ts
 * clock.advance(LOGIN_LATENCY_MS + PROPAGATION_DELAY_MS); // T2: the others list the new user
 * ```
 */
export const PROPAGATION_DELAY_MS = 100;

/**
 * Simulator choice (not in the seeds): PUBLISH_REQUESTING to PUBLISHING.
 *
 * @example
 * ```ts
 * engine.startPublishingStream('host-main');
 * clock.advance(PUBLISH_LATENCY_MS); // PUBLISHING; others get the ADD PROPAGATION_DELAY_MS later
 * ```
 */
export const PUBLISH_LATENCY_MS = 100;

/**
 * Simulator choice (not in the seeds): PLAY_REQUESTING to PLAYING.
 *
 * @example
 * ```ts
 * const media = viewer.startPlayingStream('host-main');
 * clock.advance(PLAY_LATENCY_MS); // PLAYING; `media` resolves
 * ```
 */
export const PLAY_LATENCY_MS = 100;

/**
 * Simulator choice: how long a player keeps retrying internally
 * (PLAY_REQUESTING) while the stream carries no media before it ends in
 * NO_PLAY with {@link SimulatorErrorCode.PLAY_RETRY_FAILED}. Seed 003
 * ("Handling Host Network Issues from the Audience Side") says the SDK
 * retries in the background and then reports an errorCode != 0, without a
 * time; 10 s is well inside the 90 s heartbeat timeout, so the audience sees
 * NO_PLAY before the stream DELETE, as the seed's order suggests.
 *
 * @example
 * ```ts
 * clock.advance(PLAYER_RETRY_TIMEOUT_MS); // audience player: NO_PLAY 1004020
 * ```
 */
export const PLAYER_RETRY_TIMEOUT_MS = 10_000;

/**
 * Error codes the simulated engine sends.
 *
 * @example
 * ```ts
 * engine.kick(SimulatorErrorCode.KICKED_BY_SERVER, 'Removed by a moderator');
 * ```
 */
export const SimulatorErrorCode = Object.freeze({
  /** RECONNECTING on the web surface (seed 002; native SDKs send 1002051). */
  RECONNECTING: 1000017,
  /** LOGIN_FAILED: token wrong or expired (seed 002 / 003). */
  TOKEN_EXPIRED: 1002033,
  /** LOGIN_FAILED after the retry time with no server: what web 3.12 sends (DESIGN §4). */
  LOGIN_TIMEOUT: 1002031,
  /** RECONNECT_FAILED when the retry budget is spent (seed 002). */
  RECONNECT_FAILED: 1002053,
  /** KICKOUT: the same userID logged in elsewhere (seed 002). */
  KICKED_DUPLICATE_LOGIN: 1002050,
  /** KICKOUT: the server-side kick-out API (seed 002). */
  KICKED_BY_SERVER: 1002055,
  /** LOGOUT_FAILED: logoutRoom for a room this engine is not in (seed 002, multi-room). */
  LOGOUT_ROOM_NOT_FOUND: 1002002,
  /** Simulator choice: player NO_PLAY after its internal retries failed (no media from the host). */
  PLAY_RETRY_FAILED: 1004020,
  /** Simulator choice: player NO_PLAY for a stream that is not in the room. */
  STREAM_NOT_FOUND: 1004002,
  /**
   * startPlayingStream rejects: the stream is already playing or being
   * requested. What web SDK 3.12.0 returns (zego-express-engine-webrtc,
   * `{ code: 1103049, message: 'repeated pull same stream' }`, from its
   * setPlayStateStart when a player of the streamID exists).
   */
  REPEATED_PLAY: 1103049,
  /** Simulator-only: a call the engine cannot take now (not logged in, crashed, cancelled). */
  INVALID_CALL: -1,
});

/**
 * The events a simulated engine emits, with the web SDK's names and arguments.
 *
 * @example
 * ```ts
 * SIMULATED_EVENTS.includes('roomStreamUpdate'); // true
 * ```
 */
export const SIMULATED_EVENTS = [
  'roomStateChanged',
  'publisherStateUpdate',
  'playerStateUpdate',
  'roomStreamUpdate',
  'roomUserUpdate',
] as const;
