/**
 * The media-health events: what the SDK says about network quality, remote
 * cameras and microphones, token expiry, local devices and stream exceptions,
 * plus what the browser says (autoplay blocked, offline). They are a union of
 * their own, {@link MediaHealthEvent}, accepted by `store.dispatch` next to
 * {@link StatusEvent}; only a store created with the `mediaHealth()` extension
 * keeps them (the core reducer ignores them), so apps that do not opt in pay
 * nothing for them.
 *
 * SDK events keep the web SDK's event names (`networkQuality`,
 * `playQualityUpdate`, `remoteCameraStatusUpdate`, `tokenWillExpire`,
 * `deviceError`, `exceptionUpdate`, `autoplayFailed`); the native adapter maps
 * its own names (`playerQualityUpdate`, `remoteCameraStateUpdate`,
 * `roomTokenWillExpire`, `localDeviceExceptionOccurred`) onto them.
 */

/**
 * ZEGO's quality grade, as the web SDK's `QualityGrade` numbers it: −1
 * unknown, 0 excellent, 1 good, 2 middle, 3 poor, 4 die (the native
 * `ZegoStreamQualityLevel` numbers 0–4 the same and says Unknown with 5; the
 * native adapter turns that into −1).
 *
 * @example
 * ```ts
 * const grade: QualityGrade = 3; // poor
 * ```
 */
export type QualityGrade = -1 | 0 | 1 | 2 | 3 | 4;

/**
 * A remote camera or microphone as `remoteCameraStatusUpdate` /
 * `remoteMicStatusUpdate` report it: on (`'OPEN'`) or off (`'MUTE'`).
 *
 * @example
 * ```ts
 * const camera: RemoteDeviceStatus = 'MUTE'; // show the placeholder, not a black tile
 * ```
 */
export type RemoteDeviceStatus = 'OPEN' | 'MUTE';

/**
 * Which local device a device event is about.
 *
 * @example
 * ```ts
 * const device: DeviceKind = 'camera';
 * ```
 */
export type DeviceKind = 'camera' | 'microphone' | 'speaker' | 'screen';

/**
 * What went wrong with a local device, in words a UI can act on:
 * - `denied`: the browser (or the user) refused access (`NotAllowedError`, 1103064);
 * - `denied-by-system`: the operating system refused it ("Permission denied by system");
 * - `not-found`: no such device (`NotFoundError`);
 * - `in-use`: another app holds it, or the hardware failed to start (`NotReadableError`, 1103065);
 * - `overconstrained`: no device meets the requested settings (`OverconstrainedError`, 1103066);
 * - `insecure`: the page is not HTTPS, or a policy forbids capture (`SecurityError`, 1103053);
 * - `unplugged`: it was unplugged mid-call (1006006);
 * - `unstable`: it may be loose, capture is abnormal (1106007, 1106008);
 * - `ended`: its track ended (1106009, 1106010), or screen sharing was stopped;
 * - `cancelled`: the user closed the screen picker (1103042);
 * - `unsupported`: the browser cannot do it (1103002, 1103043);
 * - `unknown`: anything else.
 *
 * @example
 * ```ts
 * const reason: DeviceIssueReason = 'denied';
 * ```
 */
export type DeviceIssueReason =
  | 'denied'
  | 'denied-by-system'
  | 'not-found'
  | 'in-use'
  | 'overconstrained'
  | 'insecure'
  | 'unplugged'
  | 'unstable'
  | 'ended'
  | 'cancelled'
  | 'unsupported'
  | 'unknown';

/**
 * Autoplay blocked for a stream: everything (`'all'`: not even muted playback
 * started) or only its sound (`'audio'`: the picture plays muted).
 *
 * @example
 * ```ts
 * const blocked: AutoplayBlocked = 'audio'; // "Turn on sound"
 * ```
 */
export type AutoplayBlocked = 'all' | 'audio';

/**
 * A token renewal's progress, as `attachTokenRenewal` (or the app) reports it.
 *
 * @example
 * ```ts
 * const status: TokenRenewalStatus = 'renewing';
 * ```
 */
export type TokenRenewalStatus = 'renewing' | 'renewed' | 'failed';

/**
 * The few figures of one quality report a UI shows. Every field is optional
 * in the event (what the SDK did not report stays unknown); the adapters fill
 * them from the web `ZegoPublishStats` / `ZegoPlayStats` or the native
 * `ZegoPublishStreamQuality` / `ZegoPlayStreamQuality`.
 *
 * @example
 * ```ts
 * const stats: StreamQualityStats = { videoQuality: 1, audioQuality: 0, videoBitrate: 820, videoFPS: 15, packetLossRate: 0.01 };
 * ```
 */
export interface StreamQualityStats {
  /** The SDK's own overall grade (native `level`); when absent, the worst of the video and audio grades. */
  readonly level?: QualityGrade;
  /** `video.videoQuality` (web). */
  readonly videoQuality?: QualityGrade;
  /** `audio.audioQuality` (web). */
  readonly audioQuality?: QualityGrade;
  /** Video bitrate in kbps (web `videoBitrate`, native `videoKBPS`). */
  readonly videoBitrate?: number;
  /** Audio bitrate in kbps (web `audioBitrate`, native `audioKBPS`). */
  readonly audioBitrate?: number;
  /** Video frame rate in f/s (web `videoFPS`, native send / render FPS). */
  readonly videoFPS?: number;
  /** Round-trip time in ms (native `rtt`; web 3.12 reports none). */
  readonly rtt?: number;
  /** Packet loss, 0.0–1.0 (native `packetLostRate`; web play `peerToPeerPacketLostRate`, else the worse track's rate). */
  readonly packetLossRate?: number;
  /** `video.muteState === '1'` (web): the publisher turned the video track off. */
  readonly videoMuted?: boolean;
  /** `audio.muteState === '1'` (web): the publisher turned the audio track off. */
  readonly audioMuted?: boolean;
}

interface MediaEventBase {
  /** When it happened, ms on the store's clock. */
  readonly at: number;
}

/**
 * `networkQuality(userID, upstreamQuality, downstreamQuality)`: one user's
 * network, for users who publish (and the local user; native SDKs name the
 * local user with an empty userID, kept as `''`).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'networkQuality', userID: 'host', upstreamQuality: 3, downstreamQuality: 1, at: clock.now() });
 * ```
 */
export interface NetworkQualityEvent extends MediaEventBase {
  readonly type: 'networkQuality';
  readonly userID: string;
  readonly upstreamQuality: QualityGrade;
  readonly downstreamQuality: QualityGrade;
}

/**
 * `publishQualityUpdate(streamID, stats)` / `playQualityUpdate(streamID, stats)`,
 * every 3 s while publishing or playing, reduced to {@link StreamQualityStats}.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'playQualityUpdate', streamID: 'host-main', stats: { videoQuality: 3, audioQuality: 1 }, at: clock.now() });
 * ```
 */
export interface StreamQualityEvent extends MediaEventBase {
  readonly type: 'publishQualityUpdate' | 'playQualityUpdate';
  readonly streamID: string;
  readonly stats: StreamQualityStats;
}

/**
 * `remoteCameraStatusUpdate(streamID, status)` / `remoteMicStatusUpdate(streamID, status)`:
 * the publisher of a played stream turned its camera or microphone on or off.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE', at: clock.now() });
 * ```
 */
export interface RemoteDeviceStatusEvent extends MediaEventBase {
  readonly type: 'remoteCameraStatusUpdate' | 'remoteMicStatusUpdate';
  readonly streamID: string;
  readonly status: RemoteDeviceStatus;
}

/**
 * `tokenWillExpire(roomID)`: the room's token expires soon. The web SDK sends
 * it 30 s before expiry (no figure); native SDKs send the seconds left, which
 * the adapter passes as `remainingMs`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'tokenWillExpire', roomID: 'r1', at: clock.now() }); // expires at +30 s
 * ```
 */
export interface TokenWillExpireEvent extends MediaEventBase {
  readonly type: 'tokenWillExpire';
  readonly roomID: string;
  /** Time left before expiry, when the SDK says (native); default 30 s (web). */
  readonly remainingMs?: number;
}

/**
 * A token renewal started, succeeded or failed (`attachTokenRenewal` sends
 * these). Never carries the token.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'tokenRenewal', roomID: 'r1', status: 'failed', errorCode: -1, message: 'fetch failed', retryAt: clock.now() + 5000, at: clock.now() });
 * ```
 */
export interface TokenRenewalEvent extends MediaEventBase {
  readonly type: 'tokenRenewal';
  readonly roomID: string;
  readonly status: TokenRenewalStatus;
  /** With `failed`: the error's code (-1 when it had none). */
  readonly errorCode?: number;
  /** With `failed`: the error's text (never the token). */
  readonly message?: string;
  /** With `failed`: when the next attempt is due, if one is scheduled. */
  readonly retryAt?: number;
}

/**
 * A local device failed: the web SDK's `deviceError(errorCode, deviceName)`,
 * the native `localDeviceExceptionOccurred`, or a rejected
 * `createZegoStream` / `getUserMedia` turned into an event by
 * `deviceErrorEvent(error, { device })`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError', at: clock.now() });
 * ```
 */
export interface DeviceErrorEvent extends MediaEventBase {
  readonly type: 'deviceError';
  /** The SDK's error code (1103064, 1006006, ...); 0 when there is none (a DOMException). */
  readonly errorCode: number;
  /** The DOMException's name (`NotAllowedError`, ...), when it was one. */
  readonly errorName?: string;
  /** Which device, when known (the web `deviceError` 1006006 does not say). */
  readonly device?: DeviceKind;
  /** The device's label, as the SDK or the browser gives it. */
  readonly deviceName?: string;
  /** Derived from `errorCode` / `errorName` when absent. */
  readonly reason?: DeviceIssueReason;
}

/**
 * A camera, microphone or speaker was plugged in or removed: the web
 * `videoDeviceStateChanged(updateType, deviceInfo)` (camera) and
 * `audioDeviceStateChanged(updateType, deviceType, deviceInfo)` (`Input`
 * microphone, `Output` speaker).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'deviceStateChanged', device: 'camera', updateType: 'DELETE', deviceID: 'abc', deviceName: 'USB Camera', at: clock.now() });
 * ```
 */
export interface DeviceStateChangedEvent extends MediaEventBase {
  readonly type: 'deviceStateChanged';
  readonly device: DeviceKind;
  readonly updateType: 'ADD' | 'DELETE';
  readonly deviceID?: string;
  readonly deviceName?: string;
}

/**
 * `screenSharingEnded(mediaStream)`: the user stopped sharing from the
 * browser's own control (the stream object is not kept).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'screenSharingEnded', at: clock.now() });
 * ```
 */
export interface ScreenSharingEndedEvent extends MediaEventBase {
  readonly type: 'screenSharingEnded';
}

/**
 * The app got a device working again (a retried `createZegoStream` resolved):
 * clears the device's issue, or every issue without `device`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'deviceRecovered', device: 'camera', at: clock.now() });
 * ```
 */
export interface DeviceRecoveredEvent extends MediaEventBase {
  readonly type: 'deviceRecovered';
  readonly device?: DeviceKind;
}

/**
 * `exceptionUpdate(streamID, { code, message })`: 1001–1010 a problem began
 * (capture or send frame rate / bitrate / volume too low, decode failed,
 * render frame rate too low), 2001–2010 the same one ended (code − 1000 + 2000).
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'exceptionUpdate', streamID: 'host-main', code: 1010, at: clock.now() }); // "Video is stuttering"
 * ```
 */
export interface ExceptionUpdateEvent extends MediaEventBase {
  readonly type: 'exceptionUpdate';
  readonly streamID: string;
  readonly code: number;
}

/**
 * The browser refused to start a stream's playback without a user gesture:
 * sent by `StreamView` when `play()` rejects with `NotAllowedError`, and by a
 * `ZegoStreamView`'s `autoplayFailed`.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'autoplayFailed', streamID: 'host-main', blocked: 'audio', at: clock.now() });
 * ```
 */
export interface AutoplayFailedEvent extends MediaEventBase {
  readonly type: 'autoplayFailed';
  readonly streamID: string;
  readonly blocked: AutoplayBlocked;
}

/**
 * A blocked stream plays (with sound) after all, e.g. after a click.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'autoplayResumed', streamID: 'host-main', at: clock.now() });
 * ```
 */
export interface AutoplayResumedEvent extends MediaEventBase {
  readonly type: 'autoplayResumed';
  readonly streamID: string;
}

/**
 * The browser's `offline` / `online` events (`navigator.onLine`). The room's
 * phase stays what the SDK says; this is a fact of its own.
 *
 * @example
 * ```ts
 * store.dispatch({ type: 'offline', at: clock.now() });
 * ```
 */
export interface ConnectivityEvent extends MediaEventBase {
  readonly type: 'offline' | 'online';
}

/**
 * Every media-health event.
 *
 * @example
 * ```ts
 * function isAboutStream(event: MediaHealthEvent): boolean {
 *   return 'streamID' in event;
 * }
 * ```
 */
export type MediaHealthEvent =
  | NetworkQualityEvent
  | StreamQualityEvent
  | RemoteDeviceStatusEvent
  | TokenWillExpireEvent
  | TokenRenewalEvent
  | DeviceErrorEvent
  | DeviceStateChangedEvent
  | ScreenSharingEndedEvent
  | DeviceRecoveredEvent
  | ExceptionUpdateEvent
  | AutoplayFailedEvent
  | AutoplayResumedEvent
  | ConnectivityEvent;
