/**
 * Media flow: each engine's players follow the publishers' streams. A player
 * plays a stream listed in a room its engine is connected to; while no such
 * listing carries media the SDK retries in PLAY_REQUESTING, then gives up
 * with NO_PLAY and an errorCode (seed 003, "Stream Playing Reconnection").
 *
 * Internal: not exported from the package.
 */
import { PLAYER_RETRY_TIMEOUT_MS, PLAY_LATENCY_MS, SimulatorErrorCode } from './constants.js';
import type { Effects } from './effects.js';
import { createTestPattern } from './media.js';
import { dead, failure, visibleListings, type EngineState, type PlayerState, type ServerStream, type World } from './world.js';

/** What {@link createPlayers} returns. */
export interface Players {
  /** NO_PLAY with an error: the SDK's retries are spent; the pending start rejects. */
  fail(engine: EngineState, streamID: string, player: PlayerState, code: number, msg: string): void;
  /** PLAYING when media flows, NO_PLAY when there is no such stream on a first attempt, else keep retrying. */
  tryPlay(engine: EngineState, streamID: string, player: PlayerState, firstAttempt: boolean): void;
  /** A requesting player tries again shortly (the network or the stream is back). */
  resume(engine: EngineState, streamID: string, player: PlayerState): void;
  /** The media stopped arriving: PLAY_REQUESTING while the SDK retries, then NO_PLAY. */
  interrupt(engine: EngineState, streamID: string, player: PlayerState): void;
  /** A listing starts or stops carrying media: every engine's player of the stream follows. */
  setFlowing(stream: ServerStream, flowing: boolean): void;
}

export function createPlayers(world: World, fx: Effects): Players {
  function startGiveUp(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.giveUp !== null) return;
    player.giveUp = fx.after(PLAYER_RETRY_TIMEOUT_MS, () => {
      player.giveUp = null;
      if (player.state === 'PLAY_REQUESTING') {
        fail(engine, streamID, player, SimulatorErrorCode.PLAY_RETRY_FAILED, 'play retry failed');
      }
    });
  }

  function fail(engine: EngineState, streamID: string, player: PlayerState, code: number, msg: string): void {
    // NO_PLAY with an error: the SDK's retries are spent and nothing plays any more; a
    // player that never resumes must not keep a pattern moving (the app replays with a new start).
    fx.releasePlayer(player);
    fx.setPlayer(engine, streamID, player, 'NO_PLAY', code);
    const pending = player.pending;
    player.pending = null;
    pending?.reject(failure(code, msg));
  }

  function tryPlay(engine: EngineState, streamID: string, player: PlayerState, firstAttempt: boolean): void {
    player.timer = null;
    if (dead(engine) || engine.players.get(streamID) !== player) return;
    if (![...engine.sessions.values()].some((session) => session.status === 'connected' && engine.network)) {
      return startGiveUp(engine, streamID, player);
    }
    const listings = visibleListings(world, engine, streamID);
    if (listings.length === 0) {
      if (firstAttempt) return fail(engine, streamID, player, SimulatorErrorCode.STREAM_NOT_FOUND, 'stream not found');
      return startGiveUp(engine, streamID, player);
    }
    if (!listings.some((stream) => stream.flowing)) return startGiveUp(engine, streamID, player);
    player.giveUp = fx.cancel(player.giveUp);
    player.media ??= createTestPattern(streamID);
    fx.setPlayer(engine, streamID, player, 'PLAYING');
    const pending = player.pending;
    player.pending = null;
    pending?.resolve(player.media);
  }

  function resume(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.state === 'PLAY_REQUESTING' && player.timer === null) {
      player.timer = fx.after(PLAY_LATENCY_MS, () => tryPlay(engine, streamID, player, false));
    }
  }

  function interrupt(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.state === 'NO_PLAY') return;
    player.timer = fx.cancel(player.timer);
    // The SDK retries internally in PLAY_REQUESTING (seed 003), then gives up with an errorCode.
    fx.setPlayer(engine, streamID, player, 'PLAY_REQUESTING');
    startGiveUp(engine, streamID, player);
  }

  function setFlowing(stream: ServerStream, flowing: boolean): void {
    if (stream.flowing === flowing) return;
    stream.flowing = flowing;
    for (const engine of world.engines) {
      const player = engine.players.get(stream.streamID);
      if (!player) continue;
      // Another listing of the stream this engine sees may still carry it (a host that moved rooms).
      if (visibleListings(world, engine, stream.streamID).some((listing) => listing.flowing)) resume(engine, stream.streamID, player);
      else if (player.state === 'PLAYING') interrupt(engine, stream.streamID, player);
    }
  }

  return { fail, tryPlay, resume, interrupt, setFlowing };
}
