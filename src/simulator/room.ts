/**
 * A simulated ZEGO room server with any number of simulated engines, each
 * with the web SDK's surface (the Web "Room connection status"; as web SDK 3.12 behaves), reproducing the "Express SDK: disconnection and reconnection"
 * timelines on an injected {@link Clock}: the server side (who is present,
 * which streams are listed, heartbeat timeouts) and each client side (room,
 * publisher and player states) are kept apart, as they are in reality, so
 * others learn of a change late (≈100 ms) or only at the heartbeat timeout.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { ZegoUser } from '../core/events.js';
import { isId, nonNegative } from '../core/guards.js';
import type { PlayerStateName, PublisherStateName, RoomReason } from '../core/states.js';
import { HEARTBEAT_TIMEOUT_MS, WEB_ROOM_RETRY_TIME_MS } from '../core/status.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
} from './constants.js';
import { createTestPattern, stopSimulatedMedia, type SimulatedMediaStream } from './media.js';

/**
 * Options for {@link createSimulatedRoom}.
 *
 * @example
 * ```ts
 * const options: SimulatedRoomOptions = { clock: createManualClock(), roomRetryTimeMs: 5 * 60_000 };
 * ```
 */
export interface SimulatedRoomOptions {
  /** Every delay and timeout runs on this clock (only `now`, `setTimeout`, `clearTimeout`). */
  clock: Clock;
  /** When others see a dropped user leave: 90 s ("Express SDK: disconnection and reconnection"). */
  heartbeatTimeoutMs?: number | undefined;
  /** The engines' retry budget: default 5 min, the web SDK's (the Web "Room connection status"). */
  roomRetryTimeMs?: number | undefined;
}

/**
 * A failed call, as the web SDK rejects: `{ code, msg }` (web SDK 3.12).
 *
 * @example
 * ```ts
 * engine.loginRoom('r1', token, user).catch((error: SimulatedError) => console.log(error.code));
 * ```
 */
export interface SimulatedError {
  readonly code: number;
  readonly msg: string;
}

/**
 * The `config` of loginRoom (web `ZegoRoomConfig`).
 *
 * @example
 * ```ts
 * const config: SimulatedRoomConfig = { userUpdate: true };
 * ```
 */
export interface SimulatedRoomConfig {
  /** roomUserUpdate is only sent to users who asked for it, as in the SDK ("Express SDK: disconnection and reconnection", isUserStatusNotify). */
  userUpdate?: boolean | undefined;
  maxMemberCount?: number | undefined;
}

/**
 * A callback registered with {@link SimulatedEngine.on}.
 *
 * @example
 * ```ts
 * const onRoom: SimulatedCallback = (roomID, reason) => console.log(roomID, reason);
 * ```
 */
export type SimulatedCallback = (...args: any[]) => void;

/**
 * The events a simulated engine emits, with the web SDK's names and arguments.
 *
 * @example
 * ```ts
 * SIMULATED_EVENTS.includes('roomStreamUpdate'); // true
 * ```
 */
export const SIMULATED_EVENTS = [
  'roomStateChanged',
  'publisherStateUpdate',
  'playerStateUpdate',
  'roomStreamUpdate',
  'roomUserUpdate',
] as const;

/**
 * A fake `ZegoExpressEngine`: the web SDK's surface the adapter and the
 * policies use, plus fault controls.
 *
 * @example
 * ```ts
 * const host = room.createEngine({ userID: 'host', userName: 'Host' });
 * connectZegoWeb(host, store);
 * await host.loginRoom('room-1', 'token', { userID: 'host' }, { userUpdate: true });
 * host.startPublishingStream('host-main');
 * host.dropNetwork(); // RECONNECTING 1000017 at once
 * ```
 */
export interface SimulatedEngine {
  /** The user this engine was created for (loginRoom may name another). */
  readonly user: ZegoUser;
  /** Registers a callback; `false` for an event the simulator does not emit (like web SDK 3.12). */
  on(event: string, callback: SimulatedCallback): boolean;
  /** Removes one callback, or every callback of the event when none is given. */
  off(event: string, callback?: SimulatedCallback): boolean;
  /**
   * LOGINING at once, LOGINED after ≈120 ms ("Express SDK: disconnection and reconnection" T1) and resolves `true`;
   * rejects `{ code, msg }` with LOGIN_FAILED on failure. The token is
   * neither kept nor logged.
   */
  loginRoom(roomID: string, token: string, user?: ZegoUser, config?: SimulatedRoomConfig): Promise<boolean>;
  /** LOGOUT at once; others see the user and its streams leave ≈100 ms later. */
  logoutRoom(roomID?: string): void;
  /** PUBLISH_REQUESTING at once, PUBLISHING after {@link PUBLISH_LATENCY_MS}; `false` when not in a room. */
  startPublishingStream(streamID: string, localStream?: unknown, publishOption?: unknown): boolean;
  /** NO_PUBLISH at once; others get the stream DELETE (stream_delete_reason 1) ≈100 ms later. */
  stopPublishingStream(streamID: string): boolean;
  /**
   * PLAY_REQUESTING at once, PLAYING after {@link PLAY_LATENCY_MS} resolving
   * with a test-pattern MediaStream (or a stand-in outside browsers); NO_PLAY
   * with an errorCode and a rejection when the stream is not live or a
   * failure was injected. The media's tracks are stopped when the played
   * stream ends: stopPlayingStream, NO_PLAY with an errorCode, logout,
   * kick-out, RECONNECT_FAILED, crash, or the room's dispose(). A repeated
   * start of the same stream resolves with the media it already plays.
   */
  startPlayingStream(streamID: string, playOption?: unknown): Promise<SimulatedMediaStream>;
  /** NO_PLAY (errorCode 0) at once; the played media's tracks end. */
  stopPlayingStream(streamID: string): void;

  /** Cuts this engine off: RECONNECTING at once; others lose it at + heartbeat timeout. */
  dropNetwork(): void;
  /** Brings the network back: RECONNECTED, or the pending login continues. */
  restoreNetwork(): void;
  /** Server kick-out (default 1002055), with an optional custom message in extendedData. */
  kick(code?: number, message?: string): void;
  /** The app dies without logging out: no more callbacks; the session lingers until the heartbeat timeout. */
  crash(): void;
  /** The next startPlayingStream ends in NO_PLAY with this code. */
  failNextPlay(code: number): void;
  /** The next startPublishingStream ends in NO_PUBLISH with this code. */
  failNextPublish(code: number): void;
  /** The next loginRoom fails with LOGIN_FAILED 1002033. */
  expireToken(): void;

  /** Callbacks currently registered, for one event or all. */
  listenerCount(event?: string): number;
  /** False between dropNetwork and restoreNetwork. */
  readonly networkUp: boolean;
  /** True after crash(). */
  readonly crashed: boolean;
}

/**
 * A simulated room server shared by several engines.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const room = createSimulatedRoom({ clock });
 * const alice = room.createEngine({ userID: 'a', userName: 'Alice' });
 * const bob = room.createEngine({ userID: 'b', userName: 'Bob' });
 * ```
 */
export interface SimulatedRoom {
  readonly clock: Clock;
  readonly heartbeatTimeoutMs: number;
  readonly roomRetryTimeMs: number;
  /** A new engine for this user, sharing the room server with the others. */
  createEngine(user: ZegoUser): SimulatedEngine;
  /** Users the server lists as present in a room, now. */
  users(roomID: string): ZegoUser[];
  /** Streams the server lists in a room, now. */
  streams(roomID: string): SimulatedStreamInfo[];
  /**
   * Cancels every timer the simulator has pending and stops every engine's
   * played media (each test pattern's real-time redraws end with its tracks),
   * for unmounting a playground. No callbacks are sent: the engines' states
   * are left as they were.
   */
  dispose(): void;
}

/**
 * A stream as the simulated server lists it.
 *
 * @example
 * ```ts
 * room.streams('room-1')[0]; // { streamID: 'host-main', user: { userID: 'host' }, extraInfo: '', flowing: true }
 * ```
 */
export interface SimulatedStreamInfo {
  readonly streamID: string;
  readonly user: ZegoUser;
  readonly extraInfo: string;
  /** Media is arriving (false while the host is cut off or crashed). */
  readonly flowing: boolean;
}

type SessionStatus = 'logining' | 'connected' | 'reconnecting' | 'orphaned' | 'ended';

interface RoomNotice {
  readonly reason: RoomReason;
  readonly code: number;
  readonly extendedData: string;
}

interface Session {
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

interface ServerStream {
  readonly streamID: string;
  readonly owner: Session;
  flowing: boolean;
}

interface PublisherState {
  state: PublisherStateName;
  timer: TimerHandle | null;
}

interface PlayerState {
  state: PlayerStateName;
  timer: TimerHandle | null;
  giveUp: TimerHandle | null;
  pending: Deferred<SimulatedMediaStream> | null;
  media: SimulatedMediaStream | null;
}

interface EngineState {
  readonly user: ZegoUser;
  readonly listeners: Map<string, Set<SimulatedCallback>>;
  network: boolean;
  crashed: boolean;
  session: Session | null;
  readonly publishers: Map<string, PublisherState>;
  readonly players: Map<string, PlayerState>;
  failPlayCode: number | null;
  failPublishCode: number | null;
  tokenExpired: boolean;
}


function userOf(value: unknown): ZegoUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { userID, userName } = value as Record<string, unknown>;
  if (!isId(userID)) return undefined;
  return typeof userName === 'string' ? { userID, userName } : { userID };
}

function failure(code: number, msg: string): SimulatedError {
  return { code, msg };
}

/** A rejected promise the caller may ignore without an unhandled-rejection report (a refused call). */
function quietRejection<T>(error: SimulatedError): Promise<T> {
  const promise = Promise.reject(error);
  promise.catch(() => undefined);
  return promise;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  /** A real failure: the app should handle it, as with the SDK. */
  reject(error: SimulatedError): void;
  /** The app itself ended the call (logout, stop): rejected, but not reported as unhandled. */
  cancel(error: SimulatedError): void;
}

function deferred<T>(): Deferred<T> {
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

/** A stream as roomStreamUpdate lists it. */
interface StreamListItem {
  readonly streamID: string;
  readonly user?: ZegoUser | undefined;
  readonly extraInfo: string;
}

/**
 * Creates a simulated room server. Engines made with `createEngine` see each
 * other through it with the documented delays, all on `options.clock`.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const room = createSimulatedRoom({ clock, roomRetryTimeMs: 5 * 60_000 });
 * const a = room.createEngine({ userID: 'a' });
 * const b = room.createEngine({ userID: 'b' });
 * const storeB = createStatusStore({ clock });
 * connectZegoWeb(b, storeB);
 * void b.loginRoom('r1', 'token', { userID: 'b' }, { userUpdate: true });
 * void a.loginRoom('r1', 'token', { userID: 'a' });
 * clock.advance(220); // T2 ≈ T1 + 100 ms: B's store lists A
 * ```
 */
export function createSimulatedRoom(options: SimulatedRoomOptions): SimulatedRoom {
  const { clock } = options;
  const heartbeatTimeoutMs = nonNegative(options.heartbeatTimeoutMs, HEARTBEAT_TIMEOUT_MS);
  const roomRetryTimeMs = nonNegative(options.roomRetryTimeMs, WEB_ROOM_RETRY_TIME_MS);
  const sessions = new Set<Session>();
  const streams = new Map<string, ServerStream>();
  const engines = new Set<EngineState>();
  const timers = new Set<TimerHandle>();

  // ---- time: only the injected clock ------------------------------------------------

  function after(ms: number, run: () => void): TimerHandle {
    const handle: TimerHandle = clock.setTimeout(() => {
      timers.delete(handle);
      run();
    }, ms);
    timers.add(handle);
    return handle;
  }

  function cancel(handle: TimerHandle | null): null {
    if (handle !== null) {
      clock.clearTimeout(handle);
      timers.delete(handle);
    }
    return null;
  }

  // ---- client side: callbacks to the app ----------------------------------------

  function emit(engine: EngineState, event: string, ...args: unknown[]): void {
    if (engine.crashed) return; // a dead app hears nothing
    const listeners = engine.listeners.get(event);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(...args);
      } catch (error) {
        // The app's bug must not break the simulated server; surface it without unwinding us.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function emitRoom(engine: EngineState, roomID: string, reason: RoomReason, code: number, extendedData = ''): void {
    emit(engine, 'roomStateChanged', roomID, reason, code, extendedData);
  }

  function setPublisher(engine: EngineState, streamID: string, publisher: PublisherState, state: PublisherStateName, code = 0): void {
    if (publisher.state === state && code === 0) return;
    publisher.state = state;
    emit(engine, 'publisherStateUpdate', { streamID, state, errorCode: code, extendedData: '' });
  }

  function setPlayer(engine: EngineState, streamID: string, player: PlayerState, state: PlayerStateName, code = 0): void {
    if (player.state === state && code === 0) return;
    player.state = state;
    emit(engine, 'playerStateUpdate', { streamID, state, errorCode: code, extendedData: '' });
  }

  // ---- server to others: user and stream lists ----------------------------------

  function streamInfo(stream: ServerStream): StreamListItem {
    return { streamID: stream.streamID, user: stream.owner.user, extraInfo: '' };
  }

  function reachable(session: Session): boolean {
    return session.status === 'connected' && session.engine.network && !session.engine.crashed;
  }

  /** Tells one client about users, skipping what it already knows. */
  function deliverUsers(receiver: Session, updateType: 'ADD' | 'DELETE', users: readonly ZegoUser[]): void {
    if (!reachable(receiver) || !receiver.userUpdate) return;
    const news = users.filter((user) =>
      updateType === 'ADD' ? !receiver.seenUsers.has(user.userID) : receiver.seenUsers.has(user.userID),
    );
    if (news.length === 0) return;
    for (const user of news) {
      if (updateType === 'ADD') receiver.seenUsers.add(user.userID);
      else receiver.seenUsers.delete(user.userID);
    }
    emit(receiver.engine, 'roomUserUpdate', receiver.roomID, updateType, news);
  }

  /** Tells one client about streams, skipping what it already knows. */
  function deliverStreams(
    receiver: Session,
    updateType: 'ADD' | 'DELETE',
    list: readonly StreamListItem[],
    extendedData: string,
  ): void {
    if (!reachable(receiver)) return;
    const news = list.filter((stream) =>
      updateType === 'ADD' ? !receiver.seenStreams.has(stream.streamID) : receiver.seenStreams.has(stream.streamID),
    );
    if (news.length === 0) return;
    for (const stream of news) {
      if (updateType === 'ADD') receiver.seenStreams.add(stream.streamID);
      else receiver.seenStreams.delete(stream.streamID);
    }
    emit(receiver.engine, 'roomStreamUpdate', receiver.roomID, updateType, news, extendedData);
  }

  /**
   * Delivers to everyone else in the room after `delay`: ≈100 ms for joins
   * and leaves ("Express SDK: disconnection and reconnection" T2, T6'), 0 for what the server itself decides at a
   * heartbeat timeout (T4' ≈ T3 + 90 s is already the time others hear it).
   * Receivers are chosen at delivery time; one that is cut off then catches
   * up when it reconnects ({@link syncClient}).
   */
  function broadcast(roomID: string, subject: ZegoUser, delay: number, deliver: (receiver: Session) => void): void {
    const run = () => {
      for (const receiver of [...sessions]) {
        if (receiver.roomID === roomID && receiver.user.userID !== subject.userID) deliver(receiver);
      }
    };
    if (delay > 0) after(delay, run);
    else run();
  }

  function broadcastUser(session: Session, updateType: 'ADD' | 'DELETE', delay: number): void {
    broadcast(session.roomID, session.user, delay, (receiver) => deliverUsers(receiver, updateType, [session.user]));
  }

  function broadcastStreams(session: Session, updateType: 'ADD' | 'DELETE', list: readonly ServerStream[], delay: number, deleteReason?: number): void {
    if (list.length === 0) return;
    const infos = list.map(streamInfo);
    // Web roomStreamUpdate DELETE carries stream_delete_reason (DESIGN §2): 1 stopped,
    // 2 heartbeat timeout, 3 repeated login, 4 kicked.
    const extendedData = deleteReason === undefined ? '' : JSON.stringify({ stream_delete_reason: deleteReason });
    broadcast(session.roomID, session.user, delay, (receiver) => deliverStreams(receiver, updateType, infos, extendedData));
  }

  /** Brings a client that just logged in or reconnected up to date with the server's lists. */
  function syncClient(session: Session): void {
    const present = new Map<string, ZegoUser>();
    for (const other of sessions) {
      if (other.roomID === session.roomID && other.present && other.user.userID !== session.user.userID) {
        present.set(other.user.userID, other.user);
      }
    }
    const listed = [...streams.values()].filter(
      (stream) => stream.owner.roomID === session.roomID && stream.owner.user.userID !== session.user.userID,
    );
    const listedIDs = new Set(listed.map((stream) => stream.streamID));
    const goneUsers = [...session.seenUsers].filter((userID) => !present.has(userID)).map((userID) => ({ userID }));
    const goneStreams = [...session.seenStreams]
      .filter((streamID) => !listedIDs.has(streamID))
      .map((streamID): StreamListItem => ({ streamID, extraInfo: '' }));
    if (goneUsers.length > 0) deliverUsers(session, 'DELETE', goneUsers);
    if (goneStreams.length > 0) deliverStreams(session, 'DELETE', goneStreams, '');
    deliverUsers(session, 'ADD', [...present.values()]);
    deliverStreams(session, 'ADD', listed.map(streamInfo), '');
  }

  // ---- media flow: players follow the publisher -----------------------------------

  function ownedStreams(session: Session): ServerStream[] {
    return [...streams.values()].filter((stream) => stream.owner === session);
  }

  /**
   * The one way a player's played stream ends on the client: its timers stop
   * and its media is released (the tracks stop, which ends a test pattern's
   * real-time redraws). Callers then drop or replace the player.
   */
  function releasePlayer(player: PlayerState): void {
    player.timer = cancel(player.timer);
    player.giveUp = cancel(player.giveUp);
    stopSimulatedMedia(player.media);
    player.media = null;
  }

  function startGiveUp(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.giveUp !== null) return;
    player.giveUp = after(PLAYER_RETRY_TIMEOUT_MS, () => {
      player.giveUp = null;
      if (player.state === 'PLAY_REQUESTING') {
        failPlayer(engine, streamID, player, SimulatorErrorCode.PLAY_RETRY_FAILED, 'play retry failed');
      }
    });
  }

  function failPlayer(engine: EngineState, streamID: string, player: PlayerState, code: number, msg: string): void {
    // NO_PLAY with an error: the SDK's retries are spent and nothing plays any more; a
    // player that never resumes must not keep a pattern moving (the app replays with a new start).
    releasePlayer(player);
    setPlayer(engine, streamID, player, 'NO_PLAY', code);
    const pending = player.pending;
    player.pending = null;
    pending?.reject(failure(code, msg));
  }

  /** Where a requesting player gets to: PLAYING when media flows, NO_PLAY when there is no such stream, else keep retrying. */
  function tryPlay(engine: EngineState, streamID: string, player: PlayerState, firstAttempt: boolean): void {
    player.timer = null;
    if (engine.crashed || engine.players.get(streamID) !== player) return;
    const session = engine.session;
    const stream = streams.get(streamID);
    if (!session || !reachable(session)) return startGiveUp(engine, streamID, player);
    if (!stream || stream.owner.roomID !== session.roomID) {
      if (firstAttempt) return failPlayer(engine, streamID, player, SimulatorErrorCode.STREAM_NOT_FOUND, 'stream not found');
      return startGiveUp(engine, streamID, player);
    }
    if (!stream.flowing) return startGiveUp(engine, streamID, player);
    player.giveUp = cancel(player.giveUp);
    player.media ??= createTestPattern(streamID);
    setPlayer(engine, streamID, player, 'PLAYING');
    const pending = player.pending;
    player.pending = null;
    pending?.resolve(player.media);
  }

  function resumePlayer(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.state === 'PLAY_REQUESTING' && player.timer === null) {
      player.timer = after(PLAY_LATENCY_MS, () => tryPlay(engine, streamID, player, false));
    }
  }

  function interruptPlayer(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.state === 'NO_PLAY') return;
    player.timer = cancel(player.timer);
    // The SDK retries internally in PLAY_REQUESTING (seed 003), then gives up with an errorCode.
    setPlayer(engine, streamID, player, 'PLAY_REQUESTING');
    startGiveUp(engine, streamID, player);
  }

  function setFlowing(stream: ServerStream, flowing: boolean): void {
    if (stream.flowing === flowing) return;
    stream.flowing = flowing;
    for (const engine of engines) {
      const player = engine.players.get(stream.streamID);
      if (!player || engine.crashed) continue;
      if (flowing) resumePlayer(engine, stream.streamID, player);
      else if (player.state === 'PLAYING') interruptPlayer(engine, stream.streamID, player);
    }
  }

  // ---- sessions ------------------------------------------------------------------

  /** Takes a user's streams off the server's list and, unless `keepUser`, the user too. */
  function unlist(session: Session, delay: number, deleteReason: number, keepUser = false): void {
    const owned = ownedStreams(session);
    for (const stream of owned) {
      setFlowing(stream, false);
      streams.delete(stream.streamID);
    }
    broadcastStreams(session, 'DELETE', owned, delay, deleteReason);
    if (session.present && !keepUser) broadcastUser(session, 'DELETE', delay);
    session.present = false;
  }

  /** Ends a session on the server: its streams and presence go, its timers stop. */
  function endServerSession(session: Session, delay: number, deleteReason: number, keepUser = false): void {
    session.heartbeat = cancel(session.heartbeat);
    session.loginTimer = cancel(session.loginTimer);
    unlist(session, delay, deleteReason, keepUser);
    sessions.delete(session);
  }

  /**
   * The client learns its session is over (logout, kick-out, RECONNECT_FAILED):
   * the notice, then its publishers and players stop, and the played media is
   * released.
   */
  function finishClient(engine: EngineState, session: Session, notice: RoomNotice | null): void {
    session.budget = cancel(session.budget);
    session.loginTimer = cancel(session.loginTimer);
    if (engine.session === session) engine.session = null;
    if (notice) emitRoom(engine, session.roomID, notice.reason, notice.code, notice.extendedData);
    for (const [streamID, publisher] of engine.publishers) {
      publisher.timer = cancel(publisher.timer);
      setPublisher(engine, streamID, publisher, 'NO_PUBLISH');
    }
    engine.publishers.clear();
    for (const [streamID, player] of engine.players) {
      releasePlayer(player); // logout, kick-out, RECONNECT_FAILED: the played streams end with the session
      setPlayer(engine, streamID, player, 'NO_PLAY');
      player.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'left the room'));
    }
    engine.players.clear();
  }

  /** Server-side kick (duplicate login, kick-out API): the client hears it now, or when it is back. */
  function kickSession(session: Session, notice: RoomNotice, deleteReason: number, keepUser: boolean): void {
    endServerSession(session, PROPAGATION_DELAY_MS, deleteReason, keepUser);
    if (session.status === 'orphaned') {
      session.status = 'ended';
      return;
    }
    const { engine } = session;
    session.status = 'ended';
    if (engine.network) finishClient(engine, session, notice);
    else session.notice = notice; // still retrying on its side; it learns of the kick-out when back
  }

  function heartbeatExpired(session: Session): void {
    session.heartbeat = null;
    // T4' ≈ T3 + 90 s: others hear it now (seed 003); a dropped host's streams go too,
    // with stream_delete_reason 2 (heartbeat timeout).
    if (session.status === 'orphaned') {
      endServerSession(session, 0, 2);
      session.status = 'ended';
    } else if (session.status === 'reconnecting') unlist(session, 0, 2);
  }

  function completeLogin(session: Session): void {
    session.loginTimer = null;
    session.budget = cancel(session.budget);
    const { engine } = session;
    for (const other of [...sessions]) {
      if (other.roomID !== session.roomID || other.user.userID !== session.user.userID) continue;
      // The same userID again: a crashed app's lingering session is replaced (seed 003,
      // host crash: DELETE, then ADD on republish); a live one is kicked with 1002050.
      kickSession(other, { reason: 'KICKOUT', code: SimulatorErrorCode.KICKED_DUPLICATE_LOGIN, extendedData: '' }, 3, true);
    }
    session.status = 'connected';
    session.present = true;
    sessions.add(session);
    const login = session.login;
    session.login = null;
    emitRoom(engine, session.roomID, 'LOGINED', 0);
    login?.resolve(true);
    syncClient(session);
    broadcastUser(session, 'ADD', PROPAGATION_DELAY_MS);
  }

  function failLogin(session: Session, code: number, msg: string): void {
    const { engine } = session;
    session.loginTimer = cancel(session.loginTimer);
    session.budget = cancel(session.budget);
    session.status = 'ended';
    if (engine.session === session) engine.session = null;
    const login = session.login;
    session.login = null;
    // Web 3.12 rejects first and sends LOGIN_FAILED with the message as plain-text extendedData (DESIGN §4).
    login?.reject(failure(code, msg));
    emitRoom(engine, session.roomID, 'LOGIN_FAILED', code, msg);
  }

  function reconnectFailed(session: Session): void {
    session.budget = null;
    // T5'' = T3 + retry budget: the SDK stops trying (seed 003 / 002).
    endServerSession(session, 0, 2);
    session.status = 'ended';
    finishClient(session.engine, session, { reason: 'RECONNECT_FAILED', code: SimulatorErrorCode.RECONNECT_FAILED, extendedData: '' });
  }

  /**
   * The client is gone without a logout the server heard (crash, or logout
   * while cut off): the session lingers, media stops, until the heartbeat
   * timeout or a new login with the same userID ("Express SDK: disconnection and reconnection", host crash).
   */
  function orphan(session: Session): void {
    session.budget = cancel(session.budget);
    session.loginTimer = cancel(session.loginTimer);
    session.status = 'orphaned';
    for (const stream of ownedStreams(session)) setFlowing(stream, false);
    if (session.heartbeat !== null) return; // already counting since the network dropped
    if (session.present) session.heartbeat = after(heartbeatTimeoutMs, () => heartbeatExpired(session));
    else {
      endServerSession(session, 0, 2); // others already lost it at the heartbeat timeout
      session.status = 'ended';
    }
  }

  function goLive(engine: EngineState, streamID: string, publisher: PublisherState): void {
    publisher.timer = null;
    const session = engine.session;
    if (!session || !reachable(session)) return;
    const existing = streams.get(streamID);
    if (existing && existing.owner !== session) {
      // Someone else holds this streamID: refuse rather than take it over.
      engine.publishers.delete(streamID);
      setPublisher(engine, streamID, publisher, 'NO_PUBLISH', SimulatorErrorCode.INVALID_CALL);
      return;
    }
    setPublisher(engine, streamID, publisher, 'PUBLISHING');
    if (existing) setFlowing(existing, true);
    else {
      const stream: ServerStream = { streamID, owner: session, flowing: false };
      streams.set(streamID, stream);
      broadcastStreams(session, 'ADD', [stream], PROPAGATION_DELAY_MS);
      setFlowing(stream, true); // players still retrying (PLAY_REQUESTING) pick it up
    }
  }

  // ---- engines -------------------------------------------------------------------

  function createEngine(user: ZegoUser): SimulatedEngine {
    const identity = userOf(user);
    if (!identity) throw new TypeError('createEngine needs a user with a non-empty userID');
    const engine: EngineState = {
      user: identity,
      listeners: new Map(),
      network: true,
      crashed: false,
      session: null,
      publishers: new Map(),
      players: new Map(),
      failPlayCode: null,
      failPublishCode: null,
      tokenExpired: false,
    };
    engines.add(engine);

    const api: SimulatedEngine = {
      user: identity,
      get networkUp() {
        return engine.network;
      },
      get crashed() {
        return engine.crashed;
      },

      on(event, callback) {
        if (!(SIMULATED_EVENTS as readonly string[]).includes(event) || typeof callback !== 'function') return false;
        let set = engine.listeners.get(event);
        if (!set) engine.listeners.set(event, (set = new Set()));
        set.add(callback);
        return true;
      },

      off(event, callback) {
        const set = engine.listeners.get(event);
        if (!set) return false;
        if (callback === undefined) set.clear();
        else set.delete(callback);
        return true;
      },

      listenerCount(event) {
        if (event !== undefined) return engine.listeners.get(event)?.size ?? 0;
        let count = 0;
        for (const set of engine.listeners.values()) count += set.size;
        return count;
      },

      loginRoom(roomID, token, loginUser, config) {
        void token; // Tokens are never stored beyond this call nor logged (issue 4).
        if (engine.crashed) return quietRejection(failure(SimulatorErrorCode.INVALID_CALL, 'engine crashed'));
        if (!isId(roomID)) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'roomID is required'));
        if (engine.session) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'already in a room'));
        const session: Session = {
          engine,
          roomID,
          user: userOf(loginUser) ?? identity,
          userUpdate: config?.userUpdate === true,
          status: 'logining',
          present: false,
          seenUsers: new Set(),
          seenStreams: new Set(),
          loginTimer: null,
          heartbeat: null,
          budget: null,
          login: null,
          notice: null,
        };
        engine.session = session;
        const login = deferred<boolean>();
        session.login = login;
        emitRoom(engine, roomID, 'LOGINING', 0);
        if (engine.tokenExpired) {
          engine.tokenExpired = false;
          session.loginTimer = after(LOGIN_LATENCY_MS, () =>
            failLogin(session, SimulatorErrorCode.TOKEN_EXPIRED, 'token expired'),
          );
          return login.promise;
        }
        // With no network the SDK keeps trying for its whole retry time, then
        // LOGIN_FAILED 1002031 'login timeout' (DESIGN §4).
        session.budget = after(roomRetryTimeMs, () => failLogin(session, SimulatorErrorCode.LOGIN_TIMEOUT, 'login timeout'));
        if (engine.network) session.loginTimer = after(LOGIN_LATENCY_MS, () => completeLogin(session));
        return login.promise;
      },

      logoutRoom(roomID) {
        const session = engine.session;
        if (engine.crashed || !session) return;
        if (roomID !== undefined && roomID !== session.roomID) {
          emitRoom(engine, roomID, 'LOGOUT_FAILED', SimulatorErrorCode.LOGOUT_ROOM_NOT_FOUND);
          return;
        }
        if (session.status === 'logining') {
          session.login?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'logged out'));
          session.login = null;
        } else if (session.status === 'connected') {
          endServerSession(session, PROPAGATION_DELAY_MS, 1);
        } else if (session.status === 'reconnecting') {
          // The server cannot hear a logout from a client that is cut off: the
          // session lingers until the heartbeat timeout, as after a crash.
          orphan(session);
        }
        if (session.status !== 'orphaned') session.status = 'ended';
        finishClient(engine, session, { reason: 'LOGOUT', code: 0, extendedData: '' });
      },

      startPublishingStream(streamID) {
        const session = engine.session;
        if (engine.crashed || !isId(streamID) || !session || session.status !== 'connected') return false;
        const existing = engine.publishers.get(streamID);
        if (existing) return true; // already publishing or requesting
        const publisher: PublisherState = { state: 'NO_PUBLISH', timer: null };
        engine.publishers.set(streamID, publisher);
        setPublisher(engine, streamID, publisher, 'PUBLISH_REQUESTING');
        const failCode = engine.failPublishCode;
        engine.failPublishCode = null;
        publisher.timer = after(PUBLISH_LATENCY_MS, () => {
          publisher.timer = null;
          if (failCode !== null) {
            engine.publishers.delete(streamID);
            setPublisher(engine, streamID, publisher, 'NO_PUBLISH', failCode);
          } else goLive(engine, streamID, publisher);
        });
        return true;
      },

      stopPublishingStream(streamID) {
        const publisher = engine.publishers.get(streamID);
        if (engine.crashed || !publisher) return false;
        publisher.timer = cancel(publisher.timer);
        engine.publishers.delete(streamID);
        setPublisher(engine, streamID, publisher, 'NO_PUBLISH');
        const stream = streams.get(streamID);
        const session = engine.session;
        if (stream && session && stream.owner === session) {
          setFlowing(stream, false);
          streams.delete(streamID);
          broadcastStreams(session, 'DELETE', [stream], PROPAGATION_DELAY_MS, 1);
        }
        return true;
      },

      startPlayingStream(streamID) {
        const session = engine.session;
        if (engine.crashed) return quietRejection(failure(SimulatorErrorCode.INVALID_CALL, 'engine crashed'));
        if (!isId(streamID)) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'streamID is required'));
        if (!session || session.status !== 'connected') {
          return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'not logged in'));
        }
        const previous = engine.players.get(streamID);
        // A repeated start takes over the media the earlier one still holds (it resolves
        // with the same stream, as the app's <video> already shows it) rather than leaking it.
        const player: PlayerState = {
          state: previous?.state ?? 'NO_PLAY',
          timer: null,
          giveUp: null,
          pending: null,
          media: previous?.media ?? null,
        };
        if (previous) {
          previous.media = null;
          releasePlayer(previous);
          previous.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'replaced by a new startPlayingStream'));
        }
        engine.players.set(streamID, player);
        const play = deferred<SimulatedMediaStream>();
        player.pending = play;
        setPlayer(engine, streamID, player, 'PLAY_REQUESTING');
        const failCode = engine.failPlayCode;
        engine.failPlayCode = null;
        player.timer = after(PLAY_LATENCY_MS, () => {
          player.timer = null;
          if (failCode !== null) failPlayer(engine, streamID, player, failCode, 'play failed');
          else tryPlay(engine, streamID, player, true);
        });
        return play.promise;
      },

      stopPlayingStream(streamID) {
        const player = engine.players.get(streamID);
        if (engine.crashed || !player) return;
        releasePlayer(player); // the SDK ends the played stream's tracks
        engine.players.delete(streamID);
        setPlayer(engine, streamID, player, 'NO_PLAY');
        player.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'stopped'));
        player.pending = null;
      },

      dropNetwork() {
        if (engine.crashed || !engine.network) return;
        engine.network = false;
        const session = engine.session;
        if (!session) return;
        if (session.status === 'logining') {
          session.loginTimer = cancel(session.loginTimer); // keeps trying until the budget
          return;
        }
        if (session.status !== 'connected') return;
        session.status = 'reconnecting';
        // T3: RECONNECTING at once (1000017 on the web surface, seed 002).
        emitRoom(engine, session.roomID, 'RECONNECTING', SimulatorErrorCode.RECONNECTING);
        session.heartbeat = after(heartbeatTimeoutMs, () => heartbeatExpired(session));
        session.budget = after(roomRetryTimeMs, () => reconnectFailed(session));
        // The SDK pauses publishing and retries in PUBLISH_REQUESTING (seed 003).
        for (const [streamID, publisher] of engine.publishers) {
          publisher.timer = cancel(publisher.timer);
          setPublisher(engine, streamID, publisher, 'PUBLISH_REQUESTING');
        }
        for (const stream of ownedStreams(session)) setFlowing(stream, false);
        for (const [streamID, player] of engine.players) interruptPlayer(engine, streamID, player);
      },

      restoreNetwork() {
        if (engine.crashed || engine.network) return;
        engine.network = true;
        const session = engine.session;
        if (!session) return;
        if (session.status === 'logining') {
          session.loginTimer = after(LOGIN_LATENCY_MS, () => completeLogin(session));
          return;
        }
        if (session.status === 'ended') {
          finishClient(engine, session, session.notice);
          return;
        }
        if (session.status !== 'reconnecting') return;
        session.heartbeat = cancel(session.heartbeat);
        session.budget = cancel(session.budget);
        session.status = 'connected';
        // T5 / T5': RECONNECTED; others get the user back ≈100 ms later if they had lost it (T6').
        emitRoom(engine, session.roomID, 'RECONNECTED', 0);
        syncClient(session);
        if (!session.present) {
          session.present = true;
          broadcastUser(session, 'ADD', PROPAGATION_DELAY_MS);
        }
        // Publishing resumes by itself (seed 003, "Handling Host Network Disconnection").
        for (const [streamID, publisher] of engine.publishers) {
          publisher.timer = cancel(publisher.timer);
          publisher.timer = after(PUBLISH_LATENCY_MS, () => goLive(engine, streamID, publisher));
        }
        for (const [streamID, player] of engine.players) resumePlayer(engine, streamID, player);
      },

      kick(code = SimulatorErrorCode.KICKED_BY_SERVER, message) {
        const session = engine.session;
        if (!session || (session.status !== 'connected' && session.status !== 'reconnecting' && session.status !== 'orphaned')) return;
        const extendedData = typeof message === 'string' ? JSON.stringify({ custom_kickout_message: message }) : '';
        kickSession(session, { reason: 'KICKOUT', code, extendedData }, 4, false);
      },

      crash() {
        if (engine.crashed) return;
        engine.crashed = true;
        for (const publisher of engine.publishers.values()) publisher.timer = cancel(publisher.timer);
        for (const player of engine.players.values()) releasePlayer(player); // a dead app shows nothing
        const session = engine.session;
        if (!session) return;
        if (session.status === 'logining' || session.status === 'ended') {
          session.loginTimer = cancel(session.loginTimer);
          session.budget = cancel(session.budget);
          session.status = 'ended';
          engine.session = null;
          return;
        }
        if (session.status !== 'orphaned') orphan(session);
      },

      failNextPlay(code) {
        engine.failPlayCode = code;
      },
      failNextPublish(code) {
        engine.failPublishCode = code;
      },
      expireToken() {
        engine.tokenExpired = true;
      },
    };
    return api;
  }

  return {
    clock,
    heartbeatTimeoutMs,
    roomRetryTimeMs,
    createEngine,
    users(roomID) {
      return [...sessions].filter((s) => s.roomID === roomID && s.present).map((s) => s.user);
    },
    streams(roomID) {
      return [...streams.values()]
        .filter((stream) => stream.owner.roomID === roomID)
        .map((stream) => ({ streamID: stream.streamID, user: stream.owner.user, extraInfo: '', flowing: stream.flowing }));
    },
    dispose() {
      // The test patterns redraw on real timers of their own: stop every played stream.
      for (const engine of engines) for (const player of engine.players.values()) releasePlayer(player);
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
  };
}
