/**
 * The simulated room server's state and its engines' state, kept apart as
 * they are in reality (the server's presence and stream lists; each client's
 * room, publisher and player states), plus the questions the transitions ask
 * of them. No timers and no callbacks here: those are effects.ts.
 *
 * Internal: not exported from the package.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { ZegoUser } from '../core/events.js';
import { isId } from '../core/guards.js';
import type { PlayerStateName, PublisherStateName, RoomReason } from '../core/states.js';
import type { SimulatedMediaStream } from './media.js';
import type { SimulatedCallback, SimulatedError } from './room.js';

/**
 * ZEGO's quality grade: −1 unknown, 0 excellent, 1 good, 2 middle, 3 poor, 4 die (web `QualityGrade`).
 *
 * @example
 * ```ts
 * const poor: Grade = 3;
 * host.setNetworkQuality({ upstream: poor });
 * ```
 */
export type Grade = -1 | 0 | 1 | 2 | 3 | 4;

/**
 * A local capture device the simulated browser has.
 *
 * @example
 * ```ts
 * const device: DeviceKindName = 'camera';
 * host.unplugDevice(device);
 * ```
 */
export type DeviceKindName = 'camera' | 'microphone';

/**
 * Why the simulated browser refuses a capture device (what getUserMedia would reject with).
 *
 * @example
 * ```ts
 * const fault: DeviceFault = 'denied';
 * host.setDeviceFault('camera', fault);
 * ```
 */
export type DeviceFault = 'denied' | 'denied-by-system' | 'not-found' | 'in-use';

/** A capture device of one engine's simulated browser. @internal */
export interface DeviceState {
  readonly kind: DeviceKindName;
  readonly deviceID: string;
  readonly deviceName: string;
  /** Plugged in (false after unplugDevice). */
  present: boolean;
  /** What opening it fails with, if anything. */
  fault: DeviceFault | null;
}

/** A stream createZegoStream made: what it captures and what its owner turned off. @internal */
export interface LocalStreamState {
  readonly media: SimulatedMediaStream;
  readonly source: 'camera' | 'screen';
  readonly video: boolean;
  readonly audio: boolean;
  /** mutePublishStreamVideo(stream, true). */
  videoMuted: boolean;
  /** mutePublishStreamAudio(stream, true). */
  audioMuted: boolean;
  /** enableVideoCaptureDevice(stream, false). */
  captureOff: boolean;
  /** Its camera / microphone was unplugged while it captured. */
  cameraLost: boolean;
  micLost: boolean;
  /** destroyStream, or the screen sharing ended. */
  ended: boolean;
}

/** What a player's side was last told of a stream's camera and microphone. @internal */
export interface RemoteStatus {
  camera: 'OPEN' | 'MUTE';
  microphone: 'OPEN' | 'MUTE';
}

/** @internal */
export type SessionStatus = 'logining' | 'connected' | 'reconnecting' | 'orphaned' | 'ended';

/** A roomStateChanged the client is to hear. @internal */
export interface RoomNotice {
  readonly reason: RoomReason;
  readonly code: number;
  readonly extendedData: string;
}

/** A call's promise, settled later by a transition. @internal */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  /** A real failure: the app should handle it, as with the SDK. */
  reject(error: SimulatedError): void;
  /** The app itself ended the call (logout, stop): rejected, but not reported as unhandled. */
  cancel(error: SimulatedError): void;
}

/** One engine's login to one room, as the server and the client both know it. @internal */
export interface Session {
  readonly engine: EngineState;
  readonly roomID: string;
  readonly user: ZegoUser;
  readonly userUpdate: boolean;
  status: SessionStatus;
  /** Listed as present by the server (others have been or will be told). */
  present: boolean;
  /** What this client has been told: users and streams it believes are in the room. */
  readonly seenUsers: Set<string>;
  readonly seenStreams: Set<string>;
  loginTimer: TimerHandle | null;
  heartbeat: TimerHandle | null;
  budget: TimerHandle | null;
  login: Deferred<boolean> | null;
  /** A kick-out decided while this client was cut off, delivered when it comes back. */
  notice: RoomNotice | null;
  /** RECONNECTING not said yet: the web SDK holds the first one back ≈8 s (goOffline). */
  reconnectingNotice: TimerHandle | null;
  /** When the session's token expires (clock ms), or null for a token that does not. */
  tokenExpiresAt: number | null;
  /** tokenWillExpire, due 30 s before the expiry. */
  tokenWarning: TimerHandle | null;
  /** The expiry itself: the server kicks the session out. */
  tokenExpiry: TimerHandle | null;
}

/** A stream the server lists in its owner's room. @internal */
export interface ServerStream {
  readonly streamID: string;
  readonly owner: Session;
  flowing: boolean;
}

/** @internal */
export interface PublisherState {
  /** The room the stream is published in. */
  readonly roomID: string;
  state: PublisherStateName;
  timer: TimerHandle | null;
  /** What it publishes, when the app passed a stream createZegoStream made. */
  readonly local: LocalStreamState | null;
  /** The next publishQualityUpdate, every 3 s while PUBLISHING and someone listens. */
  quality: TimerHandle | null;
}

/** @internal */
export interface PlayerState {
  state: PlayerStateName;
  timer: TimerHandle | null;
  giveUp: TimerHandle | null;
  pending: Deferred<SimulatedMediaStream> | null;
  media: SimulatedMediaStream | null;
  /** The next playQualityUpdate and the publisher's networkQuality, every 3 s. */
  quality: TimerHandle | null;
  /** The publisher's userID, once a quality grade of it arrived (the SDK's poll then runs). */
  publisherUserID: string | null;
  /** Polls since the last grade of the publisher arrived. */
  missedGrades: number;
  /** What this player was told of the publisher's camera and microphone. */
  remote: RemoteStatus;
}

/** @internal */
export interface EngineState {
  readonly user: ZegoUser;
  readonly listeners: Map<string, Set<SimulatedCallback>>;
  network: boolean;
  crashed: boolean;
  /** destroyEngine() was called: refuses every call, emits nothing. */
  destroyed: boolean;
  /** enableMultiRoom(true) before the first loginRoom: one session per room. */
  multiRoom: boolean;
  /** loginRoom was called once: enableMultiRoom is too late. */
  everLoggedIn: boolean;
  /** The engine's logins by roomID: at most one without multi-room. */
  readonly sessions: Map<string, Session>;
  readonly publishers: Map<string, PublisherState>;
  readonly players: Map<string, PlayerState>;
  failPlayCode: number | null;
  failPublishCode: number | null;
  tokenExpired: boolean;
  /** The network as this engine's user has it: grades its quality reports say. */
  upstream: Grade;
  downstream: Grade;
  /** Per-stream grades set with setStreamQuality (the worse of it and the network counts). */
  readonly streamQuality: Map<string, Grade>;
  /** Steps of a network profile still to come. */
  readonly profile: Set<TimerHandle>;
  /** The local user's networkQuality ('' userID), every 3 s while it publishes or plays. */
  networkTimer: TimerHandle | null;
  /** Streams createZegoStream made, by the object it resolved with. */
  readonly localStreams: Map<object, LocalStreamState>;
  readonly devices: { readonly camera: DeviceState; readonly microphone: DeviceState };
  /** The browser has granted camera / microphone access once (device change events need it). */
  mediaGranted: boolean;
  /** The browser refuses playback until a user gesture: sound only, or everything. */
  autoplay: 'sound' | 'all' | null;
  /** Its simulated ZegoStreamViews that autoplay refused, to resume on a gesture. */
  readonly blockedViews: Set<() => void>;
  /** The browser's own online flag (navigator.onLine) and where online/offline are fired. */
  onLine: boolean;
  readonly connectivity: EventTarget | null;
  /** The server refuses the next renewToken calls (the local call still returns true, as the SDK's does). */
  refuseRenewal: boolean;
}

/** Everything the simulated room holds. @internal */
export interface World {
  readonly clock: Clock;
  readonly heartbeatTimeoutMs: number;
  readonly roomRetryTimeMs: number;
  /** Sessions the server knows (logged in, until they end on the server). */
  readonly sessions: Set<Session>;
  /**
   * The server's stream lists, keyed by {@link listingKey}: one streamID can
   * be listed in two rooms at once, a stale listing of a cut-off or crashed
   * session and its user's new one elsewhere, until the stale session's
   * heartbeat times out ("Express SDK: disconnection and reconnection").
   */
  readonly streams: Map<string, ServerStream>;
  /** Engines that can still act: created, not destroyed, not crashed. */
  readonly engines: Set<EngineState>;
  /** How long a token given to loginRoom or renewToken lasts; null: loginRoom tokens do not expire. */
  readonly tokenLifetimeMs: number | null;
}

/** The key of a stream listed in a room. @internal */
export const listingKey = (roomID: string, streamID: string): string => `${roomID}\n${streamID}`;

/** A crashed or destroyed engine: refuses every call and hears nothing. @internal */
export const dead = (engine: EngineState): boolean => engine.crashed || engine.destroyed;

/** The server can reach this client now: logged in, network up, app alive. @internal */
export const reachable = (session: Session): boolean =>
  session.status === 'connected' && session.engine.network && !dead(session.engine);

/** The listings a session owns. @internal */
export const ownedStreams = (world: World, session: Session): ServerStream[] =>
  [...world.streams.values()].filter((stream) => stream.owner === session);

/** The listings of `streamID` in the rooms where the server can reach `engine`: what it can play. @internal */
export function visibleListings(world: World, engine: EngineState, streamID: string): ServerStream[] {
  const visible: ServerStream[] = [];
  for (const session of engine.sessions.values()) {
    const stream = reachable(session) ? world.streams.get(listingKey(session.roomID, streamID)) : undefined;
    if (stream) visible.push(stream);
  }
  return visible;
}

/** The engine's session in a room it is connected to, if any (the first when none is named). @internal */
export function connectedSession(engine: EngineState, roomID?: string): Session | undefined {
  if (roomID !== undefined) {
    const session = engine.sessions.get(roomID);
    return session?.status === 'connected' ? session : undefined;
  }
  for (const session of engine.sessions.values()) if (session.status === 'connected') return session;
  return undefined;
}

/** @internal */
export function createWorld(clock: Clock, heartbeatTimeoutMs: number, roomRetryTimeMs: number, tokenLifetimeMs: number | null = null): World {
  return { clock, heartbeatTimeoutMs, roomRetryTimeMs, tokenLifetimeMs, sessions: new Set(), streams: new Map(), engines: new Set() };
}

/** The engine publishing `streamID` in the room of a listing, and its publisher, if it still publishes it. @internal */
export function publisherOf(stream: ServerStream): { engine: EngineState; publisher: PublisherState } | undefined {
  const { engine } = stream.owner;
  const publisher = engine.publishers.get(stream.streamID);
  return publisher && publisher.roomID === stream.owner.roomID ? { engine, publisher } : undefined;
}

/** The listing a player of `streamID` on `engine` plays: the first one that carries media. @internal */
export function playedListing(world: World, engine: EngineState, streamID: string): ServerStream | undefined {
  return visibleListings(world, engine, streamID).find((stream) => stream.flowing);
}

/** A user as the SDK takes it: a non-empty userID, an optional userName. @internal */
export function userOf(value: unknown): ZegoUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { userID, userName } = value as Record<string, unknown>;
  if (!isId(userID)) return undefined;
  return typeof userName === 'string' ? { userID, userName } : { userID };
}

/** @internal */
export function failure(code: number, msg: string): SimulatedError {
  return { code, msg };
}

/** A rejected promise the caller may ignore without an unhandled-rejection report (a refused call). @internal */
export function quietRejection<T>(error: SimulatedError): Promise<T> {
  const promise = Promise.reject(error);
  promise.catch(() => undefined);
  return promise;
}

/** @internal */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: SimulatedError) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    promise,
    resolve,
    reject,
    cancel(error) {
      promise.catch(() => undefined);
      reject(error);
    },
  };
}
