/**
 * The `mediaHealth()` store extension: the media-health reducer (core) plus
 * the engine callbacks `connectZegoWeb` / `connectZegoNative` register for it
 * and the browser's online/offline listener the web adapter attaches. Apps
 * that do not pass it to `createStatusStore` ship none of this.
 *
 * Callback shapes: web, the zego-express-engine-webrtc 3.12 declarations
 * (ZegoExpressEntity.web.d.ts: `networkQuality(userID, upstreamQuality,
 * downstreamQuality)`, `publishQualityUpdate(streamID, ZegoPublishStats)`,
 * `playQualityUpdate(streamID, ZegoPlayStats)`,
 * `remoteCameraStatusUpdate(streamID, 'OPEN' | 'MUTE')`,
 * `remoteMicStatusUpdate(streamID, 'OPEN' | 'MUTE')`,
 * `deviceError(errorCode, deviceName)`,
 * `videoDeviceStateChanged(updateType, deviceInfo)`,
 * `audioDeviceStateChanged(updateType, deviceType, deviceInfo)`,
 * `screenSharingEnded(mediaStream)`, `exceptionUpdate(streamID, { code, message })`;
 * ZegoExpressEntity.rtm.d.ts: `tokenWillExpire(roomID)`); native, the React
 * Native SDK's ZegoExpressEventHandler.d.ts (`networkQuality`,
 * `publisherQualityUpdate`, `playerQualityUpdate`, `remoteCameraStateUpdate`,
 * `remoteMicStateUpdate`, `roomTokenWillExpire(roomID, remainTimeInSecond)`,
 * `localDeviceExceptionOccurred(exceptionType, deviceType, deviceID)`).
 */
import type { DeviceIssueReason, DeviceKind, QualityGrade, StreamQualityStats } from '../core/media-events.js';
import { isId, isNumber } from '../core/guards.js';
import { withMediaHealth } from '../core/media-health.js';
import type { EngineEventReader, ExtensionAdapter, StatusExtension, StatusStore } from '../core/store.js';
import { propsOf, readErrorCode, readUpdateType } from './connect-engine.js';

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
   * `offline` events (default true; nothing happens without a `window`, as in
   * server rendering or React Native).
   */
  browserConnectivity?: boolean;
}

type Fields = Record<string, unknown> | undefined;

/** A number, or undefined (what StreamQualityStats leaves out). */
const num = (value: unknown): number | undefined => (isNumber(value) ? value : undefined);

/** Drops the keys whose value is undefined, so an event carries only what the SDK said. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** A reader for `(streamID, ...)` callbacks: nothing without a streamID. */
const forStream =
  (read: (...args: any[]) => Fields): EngineEventReader =>
  (streamID: unknown, ...args: unknown[]) =>
    isId(streamID) ? read(streamID, ...args) : undefined;

/** The worse of two loss rates the SDK gave, or undefined. */
const worseRate = (a: unknown, b: unknown): number | undefined => {
  const rates = [a, b].filter(isNumber);
  return rates.length > 0 ? Math.max(...rates) : undefined;
};

/** web ZegoPublishStats / ZegoPlayStats -> StreamQualityStats. */
function webStats(stats: unknown): StreamQualityStats {
  const { video, audio, peerToPeerPacketLostRate } = propsOf(stats);
  const v = propsOf(video);
  const a = propsOf(audio);
  return defined({
    videoQuality: num(v.videoQuality) as QualityGrade | undefined,
    audioQuality: num(a.audioQuality) as QualityGrade | undefined,
    videoBitrate: num(v.videoBitrate),
    audioBitrate: num(a.audioBitrate),
    videoFPS: num(v.videoFPS),
    // Play stats carry the end-to-end loss (unit 1 since 2.13.0); otherwise the worse track's.
    packetLossRate: num(peerToPeerPacketLostRate) ?? worseRate(v.videoPacketsLostRate, a.audioPacketsLostRate),
    videoMuted: v.muteState === undefined ? undefined : v.muteState === '1',
    audioMuted: a.muteState === undefined ? undefined : a.muteState === '1',
  });
}

/** Native ZegoStreamQualityLevel: 0 Excellent … 4 Die as on the web, 5 Unknown -> -1. */
const nativeGrade = (value: unknown): QualityGrade | undefined => (value === 5 ? -1 : (num(value) as QualityGrade | undefined));

/** native ZegoPublishStreamQuality / ZegoPlayStreamQuality -> StreamQualityStats. */
const nativeStats = (fps: 'videoSendFPS' | 'videoRenderFPS') => (quality: unknown) => {
  const q = propsOf(quality);
  return defined<StreamQualityStats>({
    level: nativeGrade(q.level),
    videoBitrate: num(q.videoKBPS),
    audioBitrate: num(q.audioKBPS),
    videoFPS: num(q[fps]),
    rtt: num(q.rtt),
    packetLossRate: num(q.packetLostRate),
  });
};

const WEB_READERS: Record<string, EngineEventReader> = {
  networkQuality: (userID, upstreamQuality, downstreamQuality) =>
    isId(userID) ? { userID, upstreamQuality, downstreamQuality } : undefined,
  publishQualityUpdate: forStream((streamID, stats) => ({ streamID, stats: webStats(stats) })),
  playQualityUpdate: forStream((streamID, stats) => ({ streamID, stats: webStats(stats) })),
  remoteCameraStatusUpdate: forStream((streamID, status) => ({ streamID, status })),
  remoteMicStatusUpdate: forStream((streamID, status) => ({ streamID, status })),
  tokenWillExpire: (roomID) => (isId(roomID) ? { roomID } : undefined),
  deviceError: (errorCode, deviceName) => ({ errorCode: readErrorCode(errorCode), ...(typeof deviceName === 'string' && { deviceName }) }),
  videoDeviceStateChanged: (updateType, deviceInfo) => deviceChange('camera', updateType, deviceInfo),
  audioDeviceStateChanged: (updateType, deviceType, deviceInfo) =>
    deviceChange(deviceType === 'Input' ? 'microphone' : deviceType === 'Output' ? 'speaker' : undefined, updateType, deviceInfo),
  screenSharingEnded: () => ({}),
  exceptionUpdate: forStream((streamID, data) => ({ streamID, code: propsOf(data).code })),
};

/** video/audioDeviceStateChanged -> deviceStateChanged. */
function deviceChange(device: DeviceKind | undefined, rawType: unknown, deviceInfo: unknown): Fields {
  const updateType = readUpdateType(rawType);
  if (!device || !updateType) return undefined;
  const { deviceID, deviceName } = propsOf(deviceInfo);
  return defined({
    type: 'deviceStateChanged',
    device,
    updateType,
    deviceID: typeof deviceID === 'string' ? deviceID : undefined,
    deviceName: typeof deviceName === 'string' ? deviceName : undefined,
  });
}

/**
 * Native ZegoRemoteDeviceState: 0 Open; 1–14 the device is off (9 Disable and
 * 10 Mute by the user, the others an error, an interruption or the app in the
 * background); anything else (15, "remote SDK too old to say") is not reported.
 */
const remoteState = (state: unknown) => (state === 0 ? 'OPEN' : Number.isInteger(state) && (state as number) >= 1 && (state as number) <= 14 ? 'MUTE' : undefined);

/** Native ZegoDeviceExceptionType -> reason (0 Unknown, 1 Generic, 7, 8, 12, 13 and the rest: unknown). */
const NATIVE_EXCEPTION: { readonly [type: number]: DeviceIssueReason } = {
  2: 'not-found', // InvalidId
  3: 'denied', // PermissionNotGranted
  4: 'unstable', // ZeroCaptureFps
  5: 'in-use', // DeviceOccupied
  6: 'unplugged', // DeviceUnplugged
  9: 'in-use', // SiriIsRecording
  10: 'unstable', // SoundLevelTooLow
  11: 'in-use', // MagneticCase
};
/** Native ZegoDeviceType: 1 Camera, 2 Microphone, 3 Speaker (0 Unknown, 4 AudioDevice: not one of ours). */
const NATIVE_DEVICE: readonly (DeviceKind | undefined)[] = [undefined, 'camera', 'microphone', 'speaker'];

const remoteDevice = (type: string) => forStream((streamID, state) => {
  const status = remoteState(state);
  return status && { type, streamID, status };
});

const NATIVE_READERS: Record<string, EngineEventReader> = {
  // userID '' is the local user (React Native SDK: "empty means local user").
  networkQuality: (userID, upstreamQuality, downstreamQuality) =>
    typeof userID === 'string'
      ? { userID, upstreamQuality: nativeGrade(upstreamQuality), downstreamQuality: nativeGrade(downstreamQuality) }
      : undefined,
  publisherQualityUpdate: forStream((streamID, quality) => ({ type: 'publishQualityUpdate', streamID, stats: nativeStats('videoSendFPS')(quality) })),
  playerQualityUpdate: forStream((streamID, quality) => ({ type: 'playQualityUpdate', streamID, stats: nativeStats('videoRenderFPS')(quality) })),
  remoteCameraStateUpdate: remoteDevice('remoteCameraStatusUpdate'),
  remoteMicStateUpdate: remoteDevice('remoteMicStatusUpdate'),
  roomTokenWillExpire: (roomID, remainTimeInSecond) =>
    isId(roomID)
      ? { type: 'tokenWillExpire', roomID, ...(isNumber(remainTimeInSecond) && remainTimeInSecond >= 0 && { remainingMs: remainTimeInSecond * 1000 }) }
      : undefined,
  localDeviceExceptionOccurred: (exceptionType, deviceType) =>
    defined({
      type: 'deviceError',
      errorCode: 0,
      reason: (Number.isInteger(exceptionType) && NATIVE_EXCEPTION[exceptionType as number]) || 'unknown',
      device: Number.isInteger(deviceType) ? NATIVE_DEVICE[deviceType as number] : undefined,
    }),
};

/** The browser's online/offline events, while the web adapter is connected; a no-op without `window`. */
function watchConnectivity(store: StatusStore): () => void {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener' | 'navigator'>>;
  if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') return () => {};
  const listener = (event: Event) => store.dispatch({ type: event.type === 'offline' ? 'offline' : 'online', at: store.clock.now() });
  target.addEventListener('offline', listener);
  target.addEventListener('online', listener);
  // Offline already when connecting: say so now, not at the next change.
  if (target.navigator?.onLine === false) store.dispatch({ type: 'offline', at: store.clock.now() });
  return () => {
    target.removeEventListener!('offline', listener);
    target.removeEventListener!('online', listener);
  };
}

/**
 * The media-health extension: pass it to `createStatusStore` and the store
 * keeps network quality, remote camera and mic, token expiry, device
 * problems, stream exceptions, autoplay and offline in `state.media`; the
 * adapters then connect the matching SDK callbacks with no extra call
 * (`connectZegoWeb` also the browser's online/offline events).
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * connectZegoWeb(engine, store); // also networkQuality, playQualityUpdate, tokenWillExpire, ...
 * ```
 */
export function mediaHealth(options: MediaHealthOptions = {}): StatusExtension {
  const web: ExtensionAdapter = { readers: WEB_READERS };
  return {
    wrap: withMediaHealth,
    web: options.browserConnectivity === false ? web : { ...web, attach: watchConnectivity },
    native: { readers: NATIVE_READERS },
  };
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
 * being blocked (`'all'`: the view says no more). Returns the function that
 * stops; a later successful play is the app's to report (`autoplayResumed`).
 *
 * @example
 * ```ts
 * const view = zg.createRemoteStreamView(remoteStream);
 * const stop = connectZegoStreamView(view, store, 'host-main');
 * view.play('remote-video', { enableAutoplayDialog: false });
 * ```
 */
export function connectZegoStreamView(view: ZegoStreamViewLike, store: StatusStore, streamID: string): () => void {
  let connected = true;
  const callback = () => {
    if (connected) store.dispatch({ type: 'autoplayFailed', streamID, blocked: 'all', at: store.clock.now() });
  };
  try {
    view.on('autoplayFailed', callback);
  } catch {
    // A view that refuses the listener reports nothing.
  }
  return () => {
    if (!connected) return;
    connected = false;
    try {
      view.off('autoplayFailed', callback);
    } catch {
      // Gone already; the callback is inert.
    }
  };
}
