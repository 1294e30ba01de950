/**
 * The adapter for the native SDKs' JavaScript bindings (React Native,
 * Electron, ...): numeric enums (ZegoRoomStateChangedReason 0–8,
 * ZegoPublisherState / ZegoPlayerState 0–2, ZegoUpdateType 0 Add / 1 Delete;
 * the tables of "Express SDK: disconnection and reconnection") and positional callback arguments.
 */
import { NATIVE_ROOM_RETRY_TIME_MS } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { connectEngine, type AdapterEventName, type EngineCallback } from './connect-engine.js';

/**
 * The callbacks the native adapter registers, by name (the same names as the web SDK's).
 *
 * @example
 * ```ts
 * const name: ZegoNativeEventName = 'roomStreamUpdate';
 * ```
 */
export type ZegoNativeEventName = AdapterEventName;

/**
 * The smallest part of a native engine (e.g. React Native's
 * `ZegoExpressEngine.instance()`) the adapter uses.
 *
 * @example
 * ```ts
 * import ZegoExpressEngine from 'zego-express-engine-reactnative';
 * const engine: ZegoNativeEngineLike = ZegoExpressEngine.instance();
 * ```
 */
export interface ZegoNativeEngineLike {
  on(event: ZegoNativeEventName, callback: EngineCallback): unknown;
  off(event: ZegoNativeEventName, callback: EngineCallback): unknown;
}

/**
 * Options for {@link connectZegoNative}.
 *
 * @example
 * ```ts
 * // The app called setEngineConfig({ advancedConfig: { room_retry_time: '300' } }):
 * const options: ZegoNativeAdapterOptions = { roomRetryTimeMs: 300_000 };
 * ```
 */
export interface ZegoNativeAdapterOptions {
  /**
   * The engine's retry budget in ms (`room_retry_time`, seconds, set with
   * setEngineConfig). Default 20 min, the native SDKs' ("Express SDK: disconnection and reconnection").
   */
  roomRetryTimeMs?: number | undefined;
}

/**
 * Connects a native-SDK engine to a status store, like {@link connectZegoWeb}
 * but for positional callbacks with numeric enums:
 * `roomStateChanged(roomID, reason, errorCode, extendedData)`,
 * `publisherStateUpdate(streamID, state, errorCode, extendedData)`,
 * `playerStateUpdate(streamID, state, errorCode, extendedData)`,
 * `roomStreamUpdate(roomID, updateType, streamList, extendedData)`,
 * `roomUserUpdate(roomID, updateType, userList)`. Returns `disconnect()`.
 *
 * @example
 * ```ts
 * const engine = await ZegoExpressEngine.createEngineWithProfile(profile);
 * const store = createStatusStore();
 * const disconnect = connectZegoNative(engine, store);
 * // ... on unmount:
 * disconnect();
 * ```
 */
export function connectZegoNative(
  engine: ZegoNativeEngineLike,
  store: StatusStore,
  options: ZegoNativeAdapterOptions = {},
): () => void {
  return connectEngine(engine, store, options.roomRetryTimeMs, NATIVE_ROOM_RETRY_TIME_MS, false);
}
