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
import { deviceIssueReason, deviceOfCode, DEVICE_ISSUE_REASONS } from './device-error.js';
import type { StatusEvent } from './events.js';
import { isId, isNumber, isObject } from './guards.js';
import { PersistentMap } from './persistent-map.js';
import type { RoomStatus, StatusState } from './status.js';
import type { StoreReducer } from './store.js';

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

const GRADES: readonly unknown[] = [-1, 0, 1, 2, 3, 4];
const DEVICE_KINDS: readonly unknown[] = ['camera', 'microphone', 'speaker', 'screen'];
// Text from outside (SDK error messages, device labels) is kept short.
const MAX_TEXT = 200;

/** A QualityGrade, or -1 (unknown) for anything else: 7, NaN, '3'. */
const toGrade = (value: unknown): QualityGrade => (GRADES.includes(value) ? (value as QualityGrade) : -1);
const text = (value: unknown): string | null => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : null);
const figure = (value: unknown): number | null => (isNumber(value) && value >= 0 ? value : null);
const deviceKind = (value: unknown): DeviceKind | null => (DEVICE_KINDS.includes(value) ? (value as DeviceKind) : null);

const inSession = (room: RoomStatus | undefined): boolean =>
  room !== undefined && (room.phase === 'connecting' || room.phase === 'connected' || room.phase === 'reconnecting');

function anyRoom(state: StatusState, test: (room: RoomStatus) => boolean): boolean {
  let found = false;
  state.rooms.forEach((room) => (found ||= test(room)));
  return found;
}

/**
 * Whether media health may keep anything about a stream: it is live in a
 * room, played or published. Rooms are few (one per login), so this stays
 * O(log n) per event.
 */
function streamAlive(state: StatusState, streamID: string): boolean {
  const player = state.players.get(streamID);
  const publisher = state.publishers.get(streamID);
  return (
    (player !== undefined && player.state !== 'NO_PLAY') ||
    (publisher !== undefined && publisher.state !== 'NO_PUBLISH') ||
    anyRoom(state, (room) => room.streams.has(streamID))
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Copies with every property in one fixed order, as the core reducer's do: a
// report per stream every 3 s is this slice's hot path, and V8 makes
// `{ ...object, [key]: value }` cost microseconds where these cost nanoseconds.
function withField<K extends keyof MediaHealthState>(media: MediaHealthState, key: K, value: MediaHealthState[K]): MediaHealthState {
  if (media[key] === value) return media;
  const { users, streams, autoplay, tokens, deviceIssues, deviceChange, offlineSince } = media;
  const next: Mutable<MediaHealthState> = { users, streams, autoplay, tokens, deviceIssues, deviceChange, offlineSince };
  next[key] = value;
  return next;
}

function withHealth<K extends keyof StreamHealth>(health: StreamHealth, key: K, value: StreamHealth[K]): StreamHealth {
  const { streamID, publishQuality, playQuality, camera, microphone, exceptions } = health;
  const next: Mutable<StreamHealth> = { streamID, publishQuality, playQuality, camera, microphone, exceptions };
  next[key] = value;
  return next;
}

function emptyStream(streamID: string): StreamHealth {
  return { streamID, publishQuality: null, playQuality: null, camera: null, microphone: null, exceptions: [] };
}

/** `media` with one stream's entry updated by `update` (unchanged when it returns its input). */
function updateStream(media: MediaHealthState, streamID: string, update: (health: StreamHealth) => StreamHealth): MediaHealthState {
  const current = media.streams.get(streamID) ?? emptyStream(streamID);
  const next = update(current);
  return next === current ? media : withField(media, 'streams', media.streams.set(streamID, next));
}

/** Forgets streams (health and autoplay blocks) that are no longer alive. */
function freeStreams(media: MediaHealthState, state: StatusState, streamIDs: Iterable<string>): MediaHealthState {
  let { streams, autoplay } = media;
  for (const streamID of streamIDs) {
    if ((streams.has(streamID) || autoplay.has(streamID)) && !streamAlive(state, streamID)) {
      streams = streams.delete(streamID);
      autoplay = autoplay.delete(streamID);
    }
  }
  return withField(withField(media, 'streams', streams), 'autoplay', autoplay);
}

function streamIDsOf(list: unknown): string[] {
  const ids: string[] = [];
  // A loop, not flatMap: this runs on every stream DELETE.
  if (Array.isArray(list)) for (const item of list as unknown[]) if (isObject(item) && isId(item.streamID)) ids.push(item.streamID);
  return ids;
}

function toQuality(stats: unknown, at: number): StreamQuality {
  const s = isObject(stats) ? stats : {};
  const videoMuted = s.videoMuted === true;
  const audioMuted = s.audioMuted === true;
  const videoQuality = toGrade(s.videoQuality);
  const audioQuality = toGrade(s.audioQuality);
  // The worse of the tracks that are on and graded (-1 is below every grade):
  // a camera turned off has no video grade to speak of.
  const worse = Math.max(videoMuted ? -1 : videoQuality, audioMuted ? -1 : audioQuality) as QualityGrade;
  const level = toGrade(s.level);
  return {
    grade: level >= 0 ? level : worse,
    videoQuality,
    audioQuality,
    videoBitrate: figure(s.videoBitrate),
    audioBitrate: figure(s.audioBitrate),
    videoFPS: figure(s.videoFPS),
    rtt: figure(s.rtt),
    packetLossRate: isNumber(s.packetLossRate) && s.packetLossRate >= 0 && s.packetLossRate <= 1 ? s.packetLossRate : null,
    videoMuted,
    audioMuted,
    at,
  };
}

/** A token entry's fields; the rest are carried over or reset by the caller. */
function tokenStatus(roomID: string, at: number, status: TokenStatus['status'], expiresAt: number | null, fields: Partial<TokenStatus> = {}): TokenStatus {
  return { roomID, status, expiresAt, error: null, retryAt: null, at, ...fields };
}

/**
 * The media-health reducer: runs after the core reducer on every dispatched
 * event, with the core's new state (so it sees rooms, streams and players as
 * they are now), and returns the slice, unchanged (same object) when the
 * event says nothing new. Pure and total: bad input (unknown grades, NaN,
 * missing IDs), duplicate and out-of-order reports leave the slice as it is
 * or store "unknown"; nothing is kept for a stream that is not live, played
 * or published, or a room that is not logged in.
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
  if (!isObject(event) || !isNumber(event.at)) return media;
  const { at } = event;
  switch (event.type) {
    case 'networkQuality': {
      // Native SDKs name the local user with '' (kept as is); anything not a string is dropped.
      const { userID } = event;
      if (typeof userID !== 'string' || !anyRoom(state, inSession)) return media;
      const previous = media.users.get(userID);
      if (previous && previous.at > at) return media; // an older report, late
      const upstream = toGrade(event.upstreamQuality);
      const downstream = toGrade(event.downstreamQuality);
      if (previous && previous.at === at && previous.upstream === upstream && previous.downstream === downstream) return media;
      return withField(media, 'users', media.users.set(userID, { userID, upstream, downstream, at }));
    }
    case 'publishQualityUpdate':
    case 'playQualityUpdate': {
      const { streamID } = event;
      if (!isId(streamID) || !streamAlive(state, streamID)) return media;
      const key = event.type === 'playQualityUpdate' ? 'playQuality' : 'publishQuality';
      return updateStream(media, streamID, (health) => {
        const previous = health[key];
        if (previous && previous.at >= at) return health; // duplicate or late
        return withHealth(health, key, toQuality(event.stats, at));
      });
    }
    case 'remoteCameraStatusUpdate':
    case 'remoteMicStatusUpdate': {
      const { streamID, status } = event;
      if (!isId(streamID) || (status !== 'OPEN' && status !== 'MUTE') || !streamAlive(state, streamID)) return media;
      const key = event.type === 'remoteCameraStatusUpdate' ? 'camera' : 'microphone';
      return updateStream(media, streamID, (health) => (health[key] === status ? health : withHealth(health, key, status)));
    }
    case 'exceptionUpdate': {
      const { streamID, code } = event;
      // 1001–1010 begin a problem, 2001–2010 end the same one.
      const begins = Number.isInteger(code) && code >= 1001 && code <= 1010;
      const ends = Number.isInteger(code) && code >= 2001 && code <= 2010;
      if (!isId(streamID) || !(begins || ends) || !streamAlive(state, streamID)) return media;
      const problem = begins ? code : code - 1000;
      return updateStream(media, streamID, (health) => {
        const active = health.exceptions.includes(problem);
        if (active === begins) return health;
        const exceptions = begins ? [...health.exceptions, problem].sort((a, b) => a - b) : health.exceptions.filter((c) => c !== problem);
        return withHealth(health, 'exceptions', exceptions);
      });
    }
    case 'autoplayFailed': {
      const { streamID, blocked } = event;
      if (!isId(streamID) || (blocked !== 'all' && blocked !== 'audio') || !streamAlive(state, streamID)) return media;
      if (media.autoplay.get(streamID)?.blocked === blocked) return media;
      return withField(media, 'autoplay', media.autoplay.set(streamID, { streamID, blocked, at }));
    }
    case 'autoplayResumed':
      return isId(event.streamID) ? withField(media, 'autoplay', media.autoplay.delete(event.streamID)) : media;
    case 'tokenWillExpire': {
      const { roomID } = event;
      if (!isId(roomID) || !inSession(state.rooms.get(roomID))) return media;
      const remaining = isNumber(event.remainingMs) && event.remainingMs >= 0 ? event.remainingMs : TOKEN_WILL_EXPIRE_LEAD_MS;
      const previous = media.tokens.get(roomID);
      if (previous && previous.at > at) return media;
      const expiresAt = at + remaining;
      // A renewal already under way stays under way; the new expiry is what its countdown shows.
      const status = previous?.status === 'renewing' ? 'renewing' : 'expiring';
      if (previous && previous.status === status && previous.expiresAt === expiresAt) return media;
      return withField(media, 'tokens', media.tokens.set(roomID, tokenStatus(roomID, at, status, expiresAt)));
    }
    case 'tokenRenewal': {
      const { roomID, status } = event;
      if (!isId(roomID) || !inSession(state.rooms.get(roomID))) return media;
      const previous = media.tokens.get(roomID);
      if (previous && previous.at > at) return media;
      const expiresAt = previous?.expiresAt ?? null;
      let next: TokenStatus;
      if (status === 'renewing') next = tokenStatus(roomID, at, status, expiresAt);
      else if (status === 'renewed') next = tokenStatus(roomID, at, status, null);
      else if (status === 'failed') {
        const error = { errorCode: isNumber(event.errorCode) ? event.errorCode : -1, message: text(event.message) };
        next = tokenStatus(roomID, at, status, expiresAt, { error, retryAt: isNumber(event.retryAt) ? event.retryAt : null });
      } else return media;
      const same =
        previous &&
        previous.status === next.status &&
        previous.expiresAt === next.expiresAt &&
        previous.retryAt === next.retryAt &&
        previous.error?.errorCode === next.error?.errorCode &&
        previous.error?.message === next.error?.message;
      if (same) return media; // the same news again
      return withField(media, 'tokens', media.tokens.set(roomID, next));
    }
    case 'deviceError': {
      const errorCode = isNumber(event.errorCode) ? event.errorCode : 0;
      const errorName = text(event.errorName);
      const issue: DeviceIssue = {
        device: deviceKind(event.device) ?? deviceOfCode(errorCode),
        reason: DEVICE_ISSUE_REASONS.includes(event.reason as DeviceIssueReason) ? event.reason! : deviceIssueReason(errorCode, errorName),
        errorCode,
        errorName,
        deviceName: text(event.deviceName),
        at,
      };
      const same = media.deviceIssues.find((i) => i.device === issue.device);
      if (same && same.reason === issue.reason && same.errorCode === errorCode && same.errorName === errorName && same.deviceName === issue.deviceName) {
        return media; // the same problem reported again
      }
      return withField(media, 'deviceIssues', [issue, ...media.deviceIssues.filter((i) => i !== same)]);
    }
    case 'screenSharingEnded':
      return reduceMediaHealth(media, { type: 'deviceError', device: 'screen', errorCode: 0, reason: 'ended', at }, state);
    case 'deviceStateChanged': {
      const device = deviceKind(event.device);
      const { updateType } = event;
      if (!device || (updateType !== 'ADD' && updateType !== 'DELETE')) return media;
      const deviceName = text(event.deviceName);
      const deviceID = text(event.deviceID);
      const last = media.deviceChange;
      const repeated = last?.device === device && last.updateType === updateType && last.deviceID === deviceID && last.deviceName === deviceName;
      let next = repeated ? media : withField(media, 'deviceChange', { device, updateType, deviceID, deviceName, at });
      // The web SDK's deviceError 1006006 names the unplugged device but not its
      // kind; the device-state DELETE that follows does: the issue is that device's.
      const unnamed = updateType === 'DELETE' && deviceName !== null && media.deviceIssues.find((i) => i.device === null && i.deviceName === deviceName);
      if (unnamed) {
        const issue = { ...unnamed, device };
        next = withField(next, 'deviceIssues', [issue, ...media.deviceIssues.filter((i) => i !== unnamed && i.device !== device)]);
      }
      return next;
    }
    case 'deviceRecovered': {
      const device = event.device === undefined ? undefined : deviceKind(event.device);
      if (device === null) return media;
      const kept = media.deviceIssues.filter((i) => device !== undefined && i.device !== device);
      return kept.length === media.deviceIssues.length ? media : withField(media, 'deviceIssues', kept);
    }
    case 'offline':
      return media.offlineSince === null ? withField(media, 'offlineSince', at) : media;
    case 'online':
      return withField(media, 'offlineSince', null);
    // The core's events free what belongs to streams, users and rooms that went.
    case 'roomStateChanged': {
      const { roomID } = event;
      if (!isId(roomID)) return media;
      let next = media;
      if (!inSession(state.rooms.get(roomID))) {
        next = withField(next, 'tokens', next.tokens.delete(roomID));
        if (!anyRoom(state, inSession)) next = withField(next, 'users', PersistentMap.empty());
      }
      // Any room event may end streams: leaving clears the room's lists, and so
      // does a new LOGINING (it starts from empty lists).
      return freeStreams(next, state, [...next.streams.keys(), ...next.autoplay.keys()]);
    }
    case 'roomStreamUpdate':
      return event.updateType === 'DELETE' ? freeStreams(media, state, streamIDsOf(event.streamList)) : media;
    case 'roomUserUpdate': {
      if (event.updateType !== 'DELETE' || !Array.isArray(event.userList)) return media;
      let { users } = media;
      for (const user of event.userList as unknown[]) {
        const userID = isObject(user) ? user.userID : undefined;
        if (isId(userID) && users.has(userID) && !anyRoom(state, (room) => room.users.has(userID))) users = users.delete(userID);
      }
      return withField(media, 'users', users);
    }
    case 'publisherStateUpdate':
    case 'playerStateUpdate':
    case 'replayScheduled':
    case 'replayStarted':
    case 'replayGaveUp':
    case 'replayCancelled':
    case 'engineCallFailed':
      return isId(event.streamID) ? freeStreams(media, state, [event.streamID]) : media;
    default:
      event satisfies never;
      return media;
  }
}

/**
 * Wraps a store reducer (the core's `statusReducer`) so that the state also
 * keeps `media`: what `mediaHealth()` does for `createStatusStore`, usable on
 * its own without the adapters.
 *
 * @example
 * ```ts
 * const reduce = withMediaHealth(statusReducer as StoreReducer);
 * let state = reduce(createInitialStatus(), { type: 'offline', at: 5 });
 * state.media?.offlineSince; // 5
 * ```
 */
export function withMediaHealth(reducer: StoreReducer): StoreReducer {
  return (prev, event) => {
    const state = reducer(prev, event);
    const media = reduceMediaHealth(prev.media ?? createMediaHealthState(), event, state);
    // Object.assign, not `{ ...state, media }`: on the reducer's objects V8
    // makes that spread cost ~15 µs an event (measured), Object.assign ~0.1 µs.
    return media === state.media ? state : Object.assign({}, state, { media });
  };
}
