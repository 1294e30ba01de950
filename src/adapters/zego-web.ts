/**
 * The adapter for the web SDK (`zego-express-engine-webrtc`): string enums
 * ('LOGINING', 'PLAY_REQUESTING', 'ADD'), publisher and player states as one
 * object argument (the Web "Room connection status"; the 3.12 declarations).
 */
import { WEB_ROOM_RETRY_TIME_MS } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { connectEngine, type AdapterEventName, type EngineCallback } from './connect-engine.js';

/**
 * The callbacks the web adapter registers, by name.
 *
 * @example
 * ```ts
 * const name: ZegoWebEventName = 'roomStateChanged';
 * ```
 */
export type ZegoWebEventName = AdapterEventName;

/**
 * The smallest part of `ZegoExpressEngine` the web adapter uses. The real
 * class is assignable to it (checked at compile time against the SDK's
 * declarations in `test/types/zego-web-engine.test-d.ts`), and so is the
 * simulator's engine.
 *
 * @example
 * ```ts
 * import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
 * const engine: ZegoWebEngineLike = new ZegoExpressEngine(appID, server);
 * ```
 */
export interface ZegoWebEngineLike {
  on(event: ZegoWebEventName, callback: EngineCallback): unknown;
  off(event: ZegoWebEventName, callback: EngineCallback): unknown;
}

/**
 * Options for {@link connectZegoWeb}.
 *
 * @example
 * ```ts
 * // The app called engine.setEngineConfig({ roomRetryTime: 60 }) (seconds):
 * const options: ZegoWebAdapterOptions = { roomRetryTimeMs: 60_000 };
 * ```
 */
export interface ZegoWebAdapterOptions {
  /**
   * The engine's retry budget in ms: match whatever the app passed to
   * `setEngineConfig({ roomRetryTime })` (seconds). Default 5 min, the web
   * SDK's (the Web "Room connection status", "重试超时时间为 5min").
   */
  roomRetryTimeMs?: number | undefined;
}

/**
 * Connects a web `ZegoExpressEngine` to a status store: each of
 * roomStateChanged, publisherStateUpdate, playerStateUpdate, roomStreamUpdate
 * and roomUserUpdate is stamped with `store.clock.now()` and dispatched as a
 * core event. Returns `disconnect()`, which removes exactly the handlers it
 * added and is safe to call twice. Bad input from the engine is dropped,
 * never thrown back into the SDK.
 *
 * @example
 * ```ts
 * const engine = new ZegoExpressEngine(appID, server);
 * const store = createStatusStore();
 * const disconnect = connectZegoWeb(engine, store);
 * await engine.loginRoom('room-1', token, { userID: 'u1' }, { userUpdate: true });
 * // ... later, e.g. in a React effect cleanup:
 * disconnect();
 * ```
 */
export function connectZegoWeb(
  engine: ZegoWebEngineLike,
  store: StatusStore,
  options: ZegoWebAdapterOptions = {},
): () => void {
  return connectEngine(engine, store, options.roomRetryTimeMs, WEB_ROOM_RETRY_TIME_MS, true);
}
