/**
 * The simulator's timing and error codes. Times from ZEGO's documents are marked
 * with their source; the rest are the simulator's own choices, named here so
 * tests and stories can refer to them instead of repeating numbers.
 */

/**
 * T1 ≈ T0 + 120 ms: LOGINING then LOGINED about 120 ms after loginRoom ("Express SDK: disconnection and reconnection" and the Web "Room connection status").
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
 * T6' ≈ T5' + 100 ms) this long after it happened ("Express SDK: disconnection and reconnection" and the Web "Room connection status"). The
 * simulator uses the same delay for stream ADD/DELETE and logout.
 *
 * @example
 * ```ts
 * clock.advance(LOGIN_LATENCY_MS + PROPAGATION_DELAY_MS); // T2: the others list the new user
 * ```
 */
export const PROPAGATION_DELAY_MS = 100;

/**
 * Simulator choice (not in ZEGO's documents): PUBLISH_REQUESTING to PUBLISHING.
 *
 * @example
 * ```ts
 * engine.startPublishingStream('host-main');
 * clock.advance(PUBLISH_LATENCY_MS); // PUBLISHING; others get the ADD PROPAGATION_DELAY_MS later
 * ```
 */
export const PUBLISH_LATENCY_MS = 100;

/**
 * Simulator choice (not in ZEGO's documents): PLAY_REQUESTING to PLAYING.
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
 * NO_PLAY with {@link SimulatorErrorCode.PLAY_RETRY_FAILED}. "Express SDK: disconnection and reconnection"
 * ("Handling Host Network Issues from the Audience Side") says the SDK
 * retries in the background and then reports an errorCode != 0, without a
 * time; 10 s is well inside the 90 s heartbeat timeout, so the audience sees
 * NO_PLAY before the stream DELETE, as that document's order suggests.
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
  /** RECONNECTING on the web surface (the Web "Room connection status"; native SDKs send 1002051). */
  RECONNECTING: 1000017,
  /** LOGIN_FAILED: token wrong or expired (the Web "Room connection status" and "Express SDK: disconnection and reconnection"). */
  TOKEN_EXPIRED: 1002033,
  /** LOGIN_FAILED after the retry time with no server: what web SDK 3.12 sends. */
  LOGIN_TIMEOUT: 1002031,
  /** RECONNECT_FAILED when the retry budget is spent (the Web "Room connection status"). */
  RECONNECT_FAILED: 1002053,
  /** KICKOUT: the same userID logged in elsewhere (the Web "Room connection status"). */
  KICKED_DUPLICATE_LOGIN: 1002050,
  /** KICKOUT: the server-side kick-out API (the Web "Room connection status"). */
  KICKED_BY_SERVER: 1002055,
  /** LOGOUT_FAILED: logoutRoom for a room this engine is not in (the Web "Room connection status", multi-room). */
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
  /**
   * KICKOUT when the room's token expired and was not renewed: web SDK 3.12.0
   * (handlePushKickout, kick-out reason 4 "zpush token expired") reports it as
   * its TOKEN_EXPIRED, `{ code: 1102018, msg: 'token expired' }`, with
   * extendedData `{"custom_kickout_message":"token expired; kickout reason: 4"}`.
   */
  TOKEN_EXPIRED_KICKOUT: 1102018,
  /** deviceError: the published camera or microphone was unplugged (web SDK 3.12.0, "the device is unplugged"). */
  DEVICE_UNPLUGGED: 1006006,
  /** createZegoStream rejects: access denied by the browser or the system (`NotAllowedError`). */
  DEVICE_NOT_ALLOWED: 1103064,
  /** createZegoStream rejects: the device cannot be read, e.g. another app holds it (`NotReadableError`). */
  DEVICE_NOT_READABLE: 1103065,
  /** createZegoStream rejects: getUserMedia failed otherwise, e.g. no such device (`NotFoundError`). */
  GET_MEDIA_FAILED: 1103061,
  /** Simulator-only: a call the engine cannot take now (not logged in, crashed, cancelled). */
  INVALID_CALL: -1,
});

/**
 * Quality callbacks come every 3 s: `publishQualityUpdate` and
 * `playQualityUpdate` ("每 3 秒回调一次", web SDK 3.12 declarations) and the
 * local user's `networkQuality` (its 3 s interval in ZegoExpressWebRTC 3.12.0).
 *
 * @example
 * ```ts
 * clock.advance(QUALITY_INTERVAL_MS); // the next playQualityUpdate
 * ```
 */
export const QUALITY_INTERVAL_MS = 3_000;

/**
 * The web SDK holds the first RECONNECTING of an outage back for 8 s and
 * drops it if the connection is back by then (ZegoExpressWebRTC 3.12.0,
 * `_roomStateHandle`); `goOffline` follows it (`dropNetwork` reports at once).
 *
 * @example
 * ```ts
 * engine.goOffline();
 * clock.advance(WEB_RECONNECTING_DELAY_MS); // RECONNECTING 1000017
 * ```
 */
export const WEB_RECONNECTING_DELAY_MS = 8_000;

/**
 * `tokenWillExpire` comes 30 s before the token expires (web SDK 3.12
 * `renewToken` declaration: "在过期前30s会触发tokenWillExpire回调"); at once
 * when less is left.
 *
 * @example
 * ```ts
 * engine.expireTokenIn(60_000);
 * clock.advance(60_000 - TOKEN_WARNING_LEAD_MS); // tokenWillExpire(roomID)
 * ```
 */
export const TOKEN_WARNING_LEAD_MS = 30_000;

/**
 * Simulator choice: how long a token given to `renewToken` lasts when the
 * room sets no `tokenLifetimeMs` (an hour, the lifetime ZEGO's token samples use).
 *
 * @example
 * ```ts
 * engine.renewToken(freshToken, 'room-1'); // expires DEFAULT_TOKEN_LIFETIME_MS from now
 * ```
 */
export const DEFAULT_TOKEN_LIFETIME_MS = 3_600_000;

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
  'networkQuality',
  'publishQualityUpdate',
  'playQualityUpdate',
  'remoteCameraStatusUpdate',
  'remoteMicStatusUpdate',
  'tokenWillExpire',
  'deviceError',
  'videoDeviceStateChanged',
  'audioDeviceStateChanged',
  'screenSharingEnded',
  'exceptionUpdate',
] as const;
