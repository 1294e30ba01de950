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

export type SessionStatus = 'logining' | 'connected' | 'reconnecting' | 'orphaned' | 'ended';

/** A roomStateChanged the client is to hear. */
export interface RoomNotice {
  readonly reason: RoomReason;
  readonly code: number;
  readonly extendedData: string;
}

/** A call's promise, settled later by a transition. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  /** A real failure: the app should handle it, as with the SDK. */
  reject(error: SimulatedError): void;
  /** The app itself ended the call (logout, stop): rejected, but not reported as unhandled. */
  cancel(error: SimulatedError): void;
}

/** One engine's login to one room, as the server and the client both know it. */
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
}

/** A stream the server lists in its owner's room. */
export interface ServerStream {
  readonly streamID: string;
  readonly owner: Session;
  flowing: boolean;
}

export interface PublisherState {
  /** The room the stream is published in. */
  readonly roomID: string;
  state: PublisherStateName;
  timer: TimerHandle | null;
}

export interface PlayerState {
  state: PlayerStateName;
  timer: TimerHandle | null;
  giveUp: TimerHandle | null;
  pending: Deferred<SimulatedMediaStream> | null;
  media: SimulatedMediaStream | null;
}

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
}

/** Everything the simulated room holds. */
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
   * heartbeat times out (seed 003).
   */
  readonly streams: Map<string, ServerStream>;
  /** Engines that can still act: created, not destroyed, not crashed. */
  readonly engines: Set<EngineState>;
}

/** The key of a stream listed in a room. */
export const listingKey = (roomID: string, streamID: string): string => `${roomID}\n${streamID}`;

/** A crashed or destroyed engine: refuses every call and hears nothing. */
export const dead = (engine: EngineState): boolean => engine.crashed || engine.destroyed;

/** The server can reach this client now: logged in, network up, app alive. */
export const reachable = (session: Session): boolean =>
  session.status === 'connected' && session.engine.network && !dead(session.engine);

/** The listings a session owns. */
export const ownedStreams = (world: World, session: Session): ServerStream[] =>
  [...world.streams.values()].filter((stream) => stream.owner === session);

/** The listings of `streamID` in the rooms where the server can reach `engine`: what it can play. */
export function visibleListings(world: World, engine: EngineState, streamID: string): ServerStream[] {
  const visible: ServerStream[] = [];
  for (const session of engine.sessions.values()) {
    const stream = reachable(session) ? world.streams.get(listingKey(session.roomID, streamID)) : undefined;
    if (stream) visible.push(stream);
  }
  return visible;
}

/** The engine's session in a room it is connected to, if any (the first when none is named). */
export function connectedSession(engine: EngineState, roomID?: string): Session | undefined {
  if (roomID !== undefined) {
    const session = engine.sessions.get(roomID);
    return session?.status === 'connected' ? session : undefined;
  }
  for (const session of engine.sessions.values()) if (session.status === 'connected') return session;
  return undefined;
}

export function createWorld(clock: Clock, heartbeatTimeoutMs: number, roomRetryTimeMs: number): World {
  return { clock, heartbeatTimeoutMs, roomRetryTimeMs, sessions: new Set(), streams: new Map(), engines: new Set() };
}

/** A user as the SDK takes it: a non-empty userID, an optional userName. */
export function userOf(value: unknown): ZegoUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { userID, userName } = value as Record<string, unknown>;
  if (!isId(userID)) return undefined;
  return typeof userName === 'string' ? { userID, userName } : { userID };
}

export function failure(code: number, msg: string): SimulatedError {
  return { code, msg };
}

/** A rejected promise the caller may ignore without an unhandled-rejection report (a refused call). */
export function quietRejection<T>(error: SimulatedError): Promise<T> {
  const promise = Promise.reject(error);
  promise.catch(() => undefined);
  return promise;
}

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
