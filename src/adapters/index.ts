/**
 * Engine adapters: SDK callbacks in, core {@link StatusEvent}s out.
 */
export {
  connectZegoWeb,
  type ZegoWebAdapterOptions,
  type ZegoWebEngineLike,
  type ZegoWebEventName,
} from './zego-web.js';
export {
  connectZegoNative,
  type ZegoNativeAdapterOptions,
  type ZegoNativeEngineLike,
  type ZegoNativeEventName,
} from './zego-native.js';
export type { EngineCallback } from './connect-engine.js';
export {
  mediaHealth,
  connectZegoStreamView,
  type MediaHealthOptions,
  type ZegoStreamViewLike,
} from './media-health.js';
