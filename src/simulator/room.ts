/**
 * A simulated ZEGO room server with any number of simulated engines, each
 * with the web SDK's surface (seed 002; DESIGN §4), reproducing the seed 003
 * timelines on an injected {@link Clock}: the server side (who is present,
 * which streams are listed, heartbeat timeouts) and each client side (room,
 * publisher and player states) are kept apart, as they are in reality, so
 * others learn of a change late (≈100 ms) or only at the heartbeat timeout.
 *
 * This file is the public surface and puts the parts together, split as
 * xstate splits a machine from what runs it: world.ts (the state),
 * server.ts, players.ts and engine.ts (the transitions: server side, media
 * flow, client calls), effects.ts (timers, callbacks and media: the only
 * I/O).
 */
import type { Clock } from '../core/clock.js';
import type { ZegoUser } from '../core/events.js';
import { nonNegative } from '../core/guards.js';
import { HEARTBEAT_TIMEOUT_MS, WEB_ROOM_RETRY_TIME_MS } from '../core/status.js';
import type { PLAY_LATENCY_MS, PUBLISH_LATENCY_MS, SimulatorErrorCode } from './constants.js'; // for the {@link}s below
import { createEffects } from './effects.js';
import { createEngineFactory } from './engine.js';
import type { SimulatedMediaStream } from './media.js';
import { createPlayers } from './players.js';
import { createServer } from './server.js';
import { createWorld } from './world.js';

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
  /** When others see a dropped user leave: 90 s (seed 003). */
  heartbeatTimeoutMs?: number;
  /** The engines' retry budget: default 5 min, the web SDK's (seed 002). */
  roomRetryTimeMs?: number;
}

/**
 * A failed call, as the web SDK rejects: `{ code, msg }` (DESIGN §4).
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
  /** roomUserUpdate is only sent to users who asked for it, as in the SDK (seed 003, isUserStatusNotify). */
  userUpdate?: boolean;
  maxMemberCount?: number;
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

export { SIMULATED_EVENTS } from './constants.js';

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
  /** Registers a callback; `false` for an event the simulator does not emit (like the SDK, DESIGN §4). */
  on(event: string, callback: SimulatedCallback): boolean;
  /** Removes one callback, or every callback of the event when none is given. */
  off(event: string, callback?: SimulatedCallback): boolean;
  /**
   * Lets this engine be in several rooms at once (web SDK `enableMultiRoom`):
   * once, before the first loginRoom; `false` after that. Publishing then
   * names its room (`publishOption.roomID`, default the first room).
   */
  enableMultiRoom(enable: boolean): boolean;
  /**
   * LOGINING at once, LOGINED after ≈120 ms (Express SDK: disconnection and
   * reconnection, T1) and resolves `true`; rejects `{ code, msg }` with
   * LOGIN_FAILED on failure, and at once when already in a room (in this
   * room, with multi-room). The token is neither kept nor logged.
   */
  loginRoom(roomID: string, token: string, user?: ZegoUser, config?: SimulatedRoomConfig): Promise<boolean>;
  /**
   * LOGOUT at once (of every room without a roomID); others see the user and
   * its streams leave ≈100 ms later. Cut off from the server, the logout is
   * not heard: others see the user and its streams go at the heartbeat
   * timeout, with its reason, as after a crash.
   */
  logoutRoom(roomID?: string): void;
  /**
   * PUBLISH_REQUESTING at once, PUBLISHING after {@link PUBLISH_LATENCY_MS}; `false` when not in a room.
   * With multi-room, `publishOption.roomID` names the room (default: the first one).
   * Refused (NO_PUBLISH) when another user publishes the streamID; a listing
   * the same user left behind in another room (cut off, crashed) lingers until
   * its heartbeat timeout next to the new one.
   */
  startPublishingStream(streamID: string, localStream?: unknown, publishOption?: unknown): boolean;
  /**
   * NO_PUBLISH at once; others get the stream DELETE (stream_delete_reason 1)
   * ≈100 ms later. Cut off from the server, nothing reaches them: the DELETE
   * comes at the heartbeat timeout (reason 2), or ≈100 ms after the engine
   * reconnects (reason 1).
   */
  stopPublishingStream(streamID: string): boolean;
  /**
   * PLAY_REQUESTING at once, PLAYING after {@link PLAY_LATENCY_MS} resolving
   * with a test-pattern MediaStream (or a stand-in outside browsers); NO_PLAY
   * with an errorCode and a rejection when the stream is not live or a
   * failure was injected. The media's tracks are stopped when the played
   * stream ends: stopPlayingStream, NO_PLAY with an errorCode, logout,
   * kick-out, RECONNECT_FAILED, crash, destroyEngine, or the room's
   * dispose(). Like web SDK 3.12, a second start of a stream that is playing
   * or being requested rejects `{ code: 1103049, msg: 'repeated pull same
   * stream' }` and leaves that play alone ({@link SimulatorErrorCode.REPEATED_PLAY}).
   */
  startPlayingStream(streamID: string, playOption?: unknown): Promise<SimulatedMediaStream>;
  /** NO_PLAY (errorCode 0) at once; the played media's tracks end. */
  stopPlayingStream(streamID: string): void;

  /** Cuts this engine off: RECONNECTING at once; others lose it at + heartbeat timeout. */
  dropNetwork(): void;
  /** Brings the network back: RECONNECTED, or the pending login continues. */
  restoreNetwork(): void;
  /** Server kick-out (default 1002055), with an optional custom message in extendedData; of one room or every room. */
  kick(code?: number, message?: string, roomID?: string): void;
  /**
   * The app dies without logging out: no more callbacks; the session lingers
   * until the heartbeat timeout. The room lets go of the engine.
   */
  crash(): void;
  /**
   * The web SDK's `destroyEngine`: the engine's last call. Its rooms are
   * left (heard by the server as a logout when it can reach the engine), its
   * plays end, its callbacks are removed, every later call is refused, and
   * the room lets go of it: call it for an engine you replace.
   */
  destroyEngine(): void;
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
  /** True after destroyEngine(). */
  readonly destroyed: boolean;
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
   * Engines the room holds: created, not destroyed, not crashed. However
   * many engines a long session creates and destroys, this does not grow.
   */
  engineCount(): number;
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

/**
 * Creates a simulated room server. Engines made with `createEngine` see each
 * other through it with the seed's delays, all on `options.clock`.
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
  const world = createWorld(
    clock,
    nonNegative(options.heartbeatTimeoutMs, HEARTBEAT_TIMEOUT_MS),
    nonNegative(options.roomRetryTimeMs, WEB_ROOM_RETRY_TIME_MS),
  );
  const fx = createEffects(clock);
  const players = createPlayers(world, fx);
  const server = createServer(world, fx, players);
  return {
    clock,
    heartbeatTimeoutMs: world.heartbeatTimeoutMs,
    roomRetryTimeMs: world.roomRetryTimeMs,
    createEngine: createEngineFactory(world, fx, server, players),
    users(roomID) {
      return [...world.sessions].filter((s) => s.roomID === roomID && s.present).map((s) => s.user);
    },
    streams(roomID) {
      return [...world.streams.values()]
        .filter((stream) => stream.owner.roomID === roomID)
        .map((stream) => ({ streamID: stream.streamID, user: stream.owner.user, extraInfo: '', flowing: stream.flowing }));
    },
    engineCount: () => world.engines.size,
    dispose() {
      // The test patterns redraw on real timers of their own: stop every played stream.
      for (const engine of world.engines) for (const player of engine.players.values()) fx.releasePlayer(player);
      fx.cancelAll();
    },
  };
}
