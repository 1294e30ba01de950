/**
 * The client side: a simulated engine with the web SDK's surface. Its calls
 * check their input as the SDK does, change the engine's own state and hand
 * the rest to the server (server.ts) and the media flow (players.ts).
 *
 * Internal: `createSimulatedRoom(...).createEngine` is the public way in.
 */
import { isId } from '../core/guards.js';
import {
  LOGIN_LATENCY_MS,
  PLAY_LATENCY_MS,
  PUBLISH_LATENCY_MS,
  SIMULATED_EVENTS,
  SimulatorErrorCode,
  WEB_RECONNECTING_DELAY_MS,
} from './constants.js';
import type { Effects } from './effects.js';
import { createHealthCalls, type HealthParts, type SimulatedEngineHealth } from './engine-health.js';
import { createDevices } from './local-media.js';
import type { SimulatedMediaStream } from './media.js';
import type { Players } from './players.js';
import type { SimulatedEngine } from './room.js';
import type { Server } from './server.js';
import {
  connectedSession,
  dead,
  deferred,
  failure,
  ownedStreams,
  quietRejection,
  reachable,
  userOf,
  type EngineState,
  type PlayerState,
  type PublisherState,
  type Session,
  type World,
} from './world.js';

/** What an engine's calls hand their work to. @internal */
export interface EngineParts extends HealthParts {
  readonly server: Server;
  readonly players: Players;
}

/** Events whose listeners start the quality reports. */
const QUALITY_EVENTS: ReadonlySet<string> = new Set(['networkQuality', 'publishQualityUpdate', 'playQualityUpdate']);

/** The room's engine factory: `createEngine(user)`. @internal */
export function createEngineFactory(world: World, fx: Effects, parts: EngineParts) {
  const { server, players, quality } = parts;
  return function createEngine(user: unknown): SimulatedEngine {
    const identity = userOf(user);
    if (!identity) throw new TypeError('createEngine needs a user with a non-empty userID');
    const engine: EngineState = {
      user: identity,
      listeners: new Map(),
      network: true,
      crashed: false,
      destroyed: false,
      multiRoom: false,
      everLoggedIn: false,
      sessions: new Map(),
      publishers: new Map(),
      players: new Map(),
      failPlayCode: null,
      failPublishCode: null,
      tokenExpired: false,
      upstream: 0,
      downstream: 0,
      streamQuality: new Map(),
      profile: new Set(),
      networkTimer: null,
      localStreams: new Map(),
      devices: createDevices(identity.userID),
      mediaGranted: false,
      autoplay: null,
      blockedViews: new Set(),
      onLine: true,
      connectivity: typeof EventTarget === 'function' ? new EventTarget() : null,
      refuseRenewal: false,
    };
    world.engines.add(engine);
    /** Why a dead engine refuses a call. */
    const refusal = () => failure(SimulatorErrorCode.INVALID_CALL, engine.destroyed ? 'engine destroyed' : 'engine crashed');

    const calls: Omit<SimulatedEngine, keyof SimulatedEngineHealth> = {
      user: identity,
      get networkUp() {
        return engine.network;
      },
      get crashed() {
        return engine.crashed;
      },
      get destroyed() {
        return engine.destroyed;
      },

      on(event, callback) {
        if (engine.destroyed || !(SIMULATED_EVENTS as readonly string[]).includes(event) || typeof callback !== 'function') return false;
        let set = engine.listeners.get(event);
        if (!set) engine.listeners.set(event, (set = new Set()));
        set.add(callback);
        if (QUALITY_EVENTS.has(event)) quality.wake(engine);
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

      enableMultiRoom(enable) {
        // Web SDK: once per lifetime, before the first loginRoom.
        if (dead(engine) || engine.everLoggedIn || typeof enable !== 'boolean') return false;
        engine.multiRoom = enable;
        return true;
      },

      loginRoom(roomID, token, loginUser, config) {
        void token; // Tokens are never stored beyond this call nor logged (issue 4).
        if (dead(engine)) return quietRejection(refusal());
        if (!isId(roomID)) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'roomID is required'));
        if (engine.sessions.has(roomID) || (!engine.multiRoom && engine.sessions.size > 0)) {
          return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'already in a room'));
        }
        engine.everLoggedIn = true;
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
          reconnectingNotice: null,
          tokenExpiresAt: null,
          tokenWarning: null,
          tokenExpiry: null,
        };
        engine.sessions.set(roomID, session);
        const login = deferred<boolean>();
        session.login = login;
        fx.emitRoom(engine, roomID, 'LOGINING', 0);
        if (engine.tokenExpired) {
          engine.tokenExpired = false;
          session.loginTimer = fx.after(LOGIN_LATENCY_MS, () => server.failLogin(session, SimulatorErrorCode.TOKEN_EXPIRED, 'token expired'));
          return login.promise;
        }
        // With no network the SDK keeps trying for its whole retry time, then
        // LOGIN_FAILED 1002031 'login timeout' (web SDK 3.12, as measured).
        session.budget = fx.after(world.roomRetryTimeMs, () => server.failLogin(session, SimulatorErrorCode.LOGIN_TIMEOUT, 'login timeout'));
        if (engine.network) session.loginTimer = fx.after(LOGIN_LATENCY_MS, () => server.completeLogin(session));
        return login.promise;
      },

      logoutRoom(roomID) {
        if (dead(engine) || engine.sessions.size === 0) return;
        if (roomID !== undefined && !engine.sessions.has(roomID)) {
          fx.emitRoom(engine, roomID, 'LOGOUT_FAILED', SimulatorErrorCode.LOGOUT_ROOM_NOT_FOUND);
          return;
        }
        const sessions = roomID === undefined ? [...engine.sessions.values()] : [engine.sessions.get(roomID)!];
        for (const session of sessions) server.logout(session);
      },

      startPublishingStream(streamID, localStream, publishOption) {
        const roomID = engine.multiRoom ? (publishOption as { roomID?: unknown } | undefined)?.roomID : undefined;
        const session = connectedSession(engine, isId(roomID) ? roomID : undefined);
        if (dead(engine) || !isId(streamID) || !session) return false;
        if (engine.publishers.has(streamID)) return true; // already publishing or requesting
        const local = localStream !== null && typeof localStream === 'object' ? (engine.localStreams.get(localStream) ?? null) : null;
        const publisher: PublisherState = { roomID: session.roomID, state: 'NO_PUBLISH', timer: null, local, quality: null };
        engine.publishers.set(streamID, publisher);
        fx.setPublisher(engine, streamID, publisher, 'PUBLISH_REQUESTING');
        const failCode = engine.failPublishCode;
        engine.failPublishCode = null;
        publisher.timer = fx.after(PUBLISH_LATENCY_MS, () => {
          publisher.timer = null;
          if (failCode !== null) {
            engine.publishers.delete(streamID);
            fx.setPublisher(engine, streamID, publisher, 'NO_PUBLISH', failCode);
          } else server.goLive(engine, streamID, publisher);
        });
        return true;
      },

      stopPublishingStream(streamID) {
        const publisher = engine.publishers.get(streamID);
        if (dead(engine) || !publisher) return false;
        publisher.timer = fx.cancel(publisher.timer);
        engine.publishers.delete(streamID);
        fx.setPublisher(engine, streamID, publisher, 'NO_PUBLISH');
        // Heard by the server only when it can reach this client. Cut off, nothing
        // reaches the others: they see the stream go at the heartbeat timeout (seed
        // 003), or ≈100 ms after the client reconnects.
        const session = engine.sessions.get(publisher.roomID);
        if (session && reachable(session)) server.unpublish(session, streamID);
        return true;
      },

      startPlayingStream(streamID) {
        if (dead(engine)) return quietRejection(refusal());
        if (!isId(streamID)) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'streamID is required'));
        if (!connectedSession(engine)) return Promise.reject(failure(SimulatorErrorCode.INVALID_CALL, 'not logged in'));
        const previous = engine.players.get(streamID);
        // Web SDK 3.12 refuses a second start of a stream it plays or is starting.
        if (previous && previous.state !== 'NO_PLAY') {
          return Promise.reject(failure(SimulatorErrorCode.REPEATED_PLAY, 'repeated pull same stream'));
        }
        if (previous) fx.releasePlayer(previous); // what a failed play left: replaced
        const player: PlayerState = {
          state: 'NO_PLAY',
          timer: null,
          giveUp: null,
          pending: null,
          media: null,
          quality: null,
          publisherUserID: null,
          missedGrades: 0,
          remote: { camera: 'OPEN', microphone: 'OPEN' },
        };
        engine.players.set(streamID, player);
        const play = deferred<SimulatedMediaStream>();
        player.pending = play;
        fx.setPlayer(engine, streamID, player, 'PLAY_REQUESTING');
        const failCode = engine.failPlayCode;
        engine.failPlayCode = null;
        player.timer = fx.after(PLAY_LATENCY_MS, () => {
          player.timer = null;
          if (failCode !== null) players.fail(engine, streamID, player, failCode, 'play failed');
          else players.tryPlay(engine, streamID, player, true);
        });
        return play.promise;
      },

      stopPlayingStream(streamID) {
        const player = engine.players.get(streamID);
        if (dead(engine) || !player) return;
        fx.releasePlayer(player); // the SDK ends the played stream's tracks
        engine.players.delete(streamID);
        fx.setPlayer(engine, streamID, player, 'NO_PLAY');
        player.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'stopped'));
        player.pending = null;
      },

      dropNetwork() {
        cutOff(0);
      },

      restoreNetwork() {
        reconnect();
      },

      get onLine() {
        return engine.onLine;
      },
      get connectivity() {
        return engine.connectivity;
      },

      goOffline() {
        if (dead(engine) || !engine.onLine) return;
        engine.onLine = false;
        // The browser says so at once; the SDK's first RECONNECTING waits ≈8 s (web 3.12).
        fx.fireConnectivity(engine, 'offline');
        cutOff(WEB_RECONNECTING_DELAY_MS);
      },

      goOnline() {
        if (dead(engine) || engine.onLine) return;
        engine.onLine = true;
        fx.fireConnectivity(engine, 'online');
        reconnect();
      },

      kick(code = SimulatorErrorCode.KICKED_BY_SERVER, message, roomID) {
        const extendedData = typeof message === 'string' ? JSON.stringify({ custom_kickout_message: message }) : '';
        for (const session of [...engine.sessions.values()]) {
          if (roomID !== undefined && session.roomID !== roomID) continue;
          if (session.status !== 'connected' && session.status !== 'reconnecting' && session.status !== 'orphaned') continue;
          server.kick(session, { reason: 'KICKOUT', code, extendedData }, 4, false);
        }
      },

      crash() {
        if (dead(engine)) return;
        engine.crashed = true;
        letGo();
        for (const player of engine.players.values()) fx.releasePlayer(player); // a dead app shows nothing
        for (const session of [...engine.sessions.values()]) {
          if (session.status === 'logining' || session.status === 'ended') {
            session.loginTimer = fx.cancel(session.loginTimer);
            session.budget = fx.cancel(session.budget);
            session.status = 'ended';
            engine.sessions.delete(session.roomID);
          } else if (session.status !== 'orphaned') server.orphan(session);
        }
        // A crashed app never acts again: the room lets go of its engine (its
        // lingering sessions end at the heartbeat timeout).
        world.engines.delete(engine);
      },

      destroyEngine() {
        if (engine.destroyed) return;
        const wasAlive = !engine.crashed;
        engine.destroyed = true; // first: no callback from here on
        if (wasAlive) for (const session of [...engine.sessions.values()]) server.logout(session);
        letGo();
        engine.publishers.clear();
        for (const player of engine.players.values()) {
          fx.releasePlayer(player);
          player.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'engine destroyed'));
        }
        engine.players.clear();
        engine.listeners.clear();
        world.engines.delete(engine);
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
    // Defined, not spread: the health calls have getters (autoplayBlocked) that must stay live.
    const api = Object.defineProperties(calls, Object.getOwnPropertyDescriptors(createHealthCalls(fx, engine, parts))) as SimulatedEngine;

    /** The network goes: RECONNECTING after `reconnectingDelayMs` (0: at once), publishing and playing pause. */
    function cutOff(reconnectingDelayMs: number): void {
      if (dead(engine) || !engine.network) return;
      engine.network = false;
      const sessions = [...engine.sessions.values()];
      for (const session of sessions) server.drop(session, reconnectingDelayMs);
      if (!sessions.some((session) => session.status === 'reconnecting')) return;
      // The SDK pauses publishing and retries in PUBLISH_REQUESTING (seed 003).
      for (const [streamID, publisher] of engine.publishers) {
        publisher.timer = fx.cancel(publisher.timer);
        fx.setPublisher(engine, streamID, publisher, 'PUBLISH_REQUESTING');
      }
      for (const session of sessions) for (const stream of ownedStreams(world, session)) players.setFlowing(stream, false);
      for (const [streamID, player] of engine.players) players.interrupt(engine, streamID, player);
    }

    /** A dead app's own timers stop and its captured media ends (a crashed tab shows nothing). */
    function letGo(): void {
      for (const publisher of engine.publishers.values()) {
        publisher.timer = fx.cancel(publisher.timer);
        publisher.quality = fx.cancel(publisher.quality);
      }
      engine.networkTimer = fx.cancel(engine.networkTimer);
      for (const handle of engine.profile) fx.cancel(handle);
      engine.profile.clear();
      for (const local of engine.localStreams.values()) fx.stopMedia(local.media);
      engine.localStreams.clear();
      engine.blockedViews.clear();
    }

    function reconnect(): void {
      if (dead(engine) || engine.network) return;
      engine.network = true;
      for (const session of [...engine.sessions.values()]) server.restore(session);
      for (const [streamID, player] of engine.players) players.resume(engine, streamID, player);
    }

    return api;
  };
}
