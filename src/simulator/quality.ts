/**
 * Quality reports: what each engine's user has as a network (up and down
 * grades, set as a fault or a profile over time, and per stream), and the
 * callbacks that report it every 3 s, as the web SDK 3.12 sends them:
 * - `publishQualityUpdate(streamID, stats)` while a stream is PUBLISHING and
 *   `playQualityUpdate(streamID, stats)` while it is PLAYING ("每 3 秒回调一次",
 *   the declarations); nothing while the SDK retries, so a cut-off stream
 *   goes quiet;
 * - `networkQuality(userID, up, down)` for the publisher of each played stream
 *   (the grade the server relays). When those grades stop, the SDK's 3 s
 *   poll says −1 after two silent polls (ZegoExpressWebRTC 3.12.0,
 *   `startPollNetworkQuality`; it says 4 after four, later than a simulated
 *   player retries);
 * - `networkQuality('', up, down)` for the local user, every 3 s while it
 *   publishes or plays (its `startPublishNetWorkQuality` interval), −1 for
 *   the direction it does not use. Simulator choice: silent while the
 *   engine's network is cut off (what the SDK then says is not documented).
 *
 * Reports run only while someone listens to them: a test or story that does
 * not ask for quality sees no extra timers.
 *
 * Internal: not exported from the package.
 */
import type { SimulatedPlayStats, SimulatedPublishStats } from './callbacks.js';
import { QUALITY_INTERVAL_MS } from './constants.js';
import type { Effects } from './effects.js';
import {
  dead,
  playedListing,
  publisherOf,
  reachable,
  type EngineState,
  type Grade,
  type LocalStreamState,
  type PlayerState,
  type PublisherState,
  type World,
} from './world.js';

/** A network grade change: either direction, or both. */
export interface NetworkGrades {
  upstream?: Grade | undefined;
  downstream?: Grade | undefined;
}

/** One step of a network profile: `afterMs` from when the profile is set. */
export interface NetworkProfileStep extends NetworkGrades {
  afterMs: number;
}

/** What {@link createQuality} returns. @internal */
export interface Quality {
  /** A publisher went PUBLISHING: its reports start (when someone listens). */
  publishing(engine: EngineState, streamID: string, publisher: PublisherState): void;
  /** A player went PLAYING: its reports start (when someone listens). */
  playing(engine: EngineState, streamID: string, player: PlayerState): void;
  /** A listener was added: start what has become worth reporting. */
  wake(engine: EngineState): void;
  /** Sets the user's network grades now (cancels a profile still running); false for a bad grade. */
  setNetwork(engine: EngineState, grades: NetworkGrades): boolean;
  /** Plays grades over time; false (and nothing scheduled) for a bad step. */
  setProfile(engine: EngineState, steps: readonly NetworkProfileStep[]): boolean;
  /** One stream's grade (the worse of it and the network counts), or null to clear; false for a bad grade. */
  setStream(engine: EngineState, streamID: string, grade: Grade | null): boolean;
}

/** A grade the SDK can report: −1 … 4. @internal */
export const isGrade = (value: unknown): value is Grade => Number.isInteger(value) && (value as number) >= -1 && (value as number) <= 4;

/** The worst known grade of several (−1 only when none is known). */
function worst(...grades: (Grade | undefined)[]): Grade {
  const known = grades.filter((grade): grade is Grade => grade !== undefined && grade >= 0);
  return known.length > 0 ? (Math.max(...known) as Grade) : -1;
}

// Simulator choice: the figures a report carries at each grade (0 excellent … 4 die);
// bitrates in kbps, loss in unit 1, delay in ms. −1 (unknown) reports zeros.
const FIGURES = [
  { videoBitrate: 1200, audioBitrate: 48, fps: 15, delay: 40, loss: 0 },
  { videoBitrate: 900, audioBitrate: 48, fps: 15, delay: 90, loss: 0.01 },
  { videoBitrate: 500, audioBitrate: 40, fps: 12, delay: 200, loss: 0.05 },
  { videoBitrate: 200, audioBitrate: 24, fps: 6, delay: 400, loss: 0.15 },
  { videoBitrate: 20, audioBitrate: 4, fps: 1, delay: 1000, loss: 0.4 },
] as const;
const UNKNOWN = { videoBitrate: 0, audioBitrate: 0, fps: 0, delay: 0, loss: 0 } as const;
const figures = (grade: Grade) => (grade >= 0 ? FIGURES[grade as 0 | 1 | 2 | 3 | 4] : UNKNOWN);

/** What a stream carries: its publisher's video / audio turned off, if so. */
interface Muted {
  readonly video: boolean;
  readonly audio: boolean;
}

const mutedOf = (local: LocalStreamState | null): Muted => ({
  video: !!local && (!local.video || local.videoMuted || local.captureOff || local.cameraLost || local.ended),
  audio: !!local && (!local.audio || local.audioMuted || local.micLost || local.ended),
});

/** web ZegoPublishStats at a grade. @internal */
export function publishStats(grade: Grade, muted: Muted = { video: false, audio: false }): SimulatedPublishStats {
  const f = figures(grade);
  const fps = muted.video ? 0 : f.fps;
  return {
    video: {
      frameHeight: 360,
      frameWidth: 640,
      googCodecName: 'H264',
      muteState: muted.video ? '1' : '0',
      videoBitrate: muted.video ? 0 : f.videoBitrate,
      videoFPS: fps,
      videoPacketsLost: 0,
      videoPacketsLostRate: f.loss,
      videoTransferFPS: fps,
      videoQuality: grade,
    },
    audio: {
      audioBitrate: muted.audio ? 0 : f.audioBitrate,
      audioCodec: 'opus',
      audioPacketsLost: 0,
      audioPacketsLostRate: f.loss,
      googCodecName: 'opus',
      muteState: muted.audio ? '1' : '0',
      audioFPS: muted.audio ? 0 : 50,
      audioQuality: grade,
    },
  };
}

/** web ZegoPlayStats at a grade. @internal */
export function playStats(grade: Grade, muted: Muted = { video: false, audio: false }): SimulatedPlayStats {
  const f = figures(grade);
  const { video, audio } = publishStats(grade, muted);
  return {
    video: {
      ...video,
      videoRenderFPS: video.videoFPS,
      videoFramesDecoded: 0,
      videoFramesDropped: 0,
      videoCumulativeDecodeTime: 0,
      videoCumulativeBreakTime: 0,
      videoCumulativeBreakRate: 0,
    },
    audio: {
      ...audio,
      audioJitter: 0,
      audioLevel: 0,
      audioSamplingRate: 48000,
      audioSendLevel: 0,
      audioCumulativeDecodeTime: 0,
      audioCumulativeBreakTime: 0,
      audioCumulativeBreakRate: 0,
    },
    peerToPeerDelay: f.delay,
    peerToPeerPacketLostRate: f.loss,
  };
}

/** @internal */
export function createQuality(world: World, fx: Effects): Quality {
  const publishGrade = (engine: EngineState, streamID: string): Grade => worst(engine.upstream, engine.streamQuality.get(streamID));

  function armPublisher(engine: EngineState, streamID: string, publisher: PublisherState): void {
    if (publisher.quality !== null || !fx.listens(engine, 'publishQualityUpdate')) return;
    publisher.quality = fx.after(QUALITY_INTERVAL_MS, () => {
      publisher.quality = null;
      if (dead(engine) || engine.publishers.get(streamID) !== publisher || publisher.state !== 'PUBLISHING') return;
      fx.emit(engine, 'publishQualityUpdate', streamID, publishStats(publishGrade(engine, streamID), mutedOf(publisher.local)));
      armPublisher(engine, streamID, publisher);
    });
  }

  function playerTick(engine: EngineState, streamID: string, player: PlayerState): void {
    const listing = player.state === 'PLAYING' && engine.network ? playedListing(world, engine, streamID) : undefined;
    const owner = listing && reachable(listing.owner) ? publisherOf(listing) : undefined;
    if (listing && owner && owner.publisher.state === 'PUBLISHING') {
      const grade = worst(publishGrade(owner.engine, streamID), engine.downstream, engine.streamQuality.get(streamID));
      fx.emit(engine, 'playQualityUpdate', streamID, playStats(grade, mutedOf(owner.publisher.local)));
      player.publisherUserID = listing.owner.user.userID;
      player.missedGrades = 0;
      fx.emit(engine, 'networkQuality', player.publisherUserID, owner.engine.upstream, owner.engine.downstream);
    } else if (player.publisherUserID !== null) {
      // The SDK's poll: no grade for two polls -> unknown (it says 4 after four, but a
      // simulated player gives up before that, PLAYER_RETRY_TIMEOUT_MS).
      player.missedGrades += 1;
      if (player.missedGrades > 1) fx.emit(engine, 'networkQuality', player.publisherUserID, -1, -1);
    }
  }

  function armPlayer(engine: EngineState, streamID: string, player: PlayerState): void {
    if (player.quality !== null || !(fx.listens(engine, 'playQualityUpdate') || fx.listens(engine, 'networkQuality'))) return;
    player.quality = fx.after(QUALITY_INTERVAL_MS, () => {
      player.quality = null;
      if (dead(engine) || engine.players.get(streamID) !== player) return;
      playerTick(engine, streamID, player);
      // The poll goes on while the player lives (until it stops or gives up).
      if (player.state === 'PLAYING' || player.publisherUserID !== null) armPlayer(engine, streamID, player);
    });
  }

  const hasMedia = (engine: EngineState): boolean => engine.publishers.size > 0 || engine.players.size > 0;

  function armNetwork(engine: EngineState): void {
    if (engine.networkTimer !== null || !fx.listens(engine, 'networkQuality') || !hasMedia(engine)) return;
    engine.networkTimer = fx.after(QUALITY_INTERVAL_MS, () => {
      engine.networkTimer = null;
      if (dead(engine) || !hasMedia(engine)) return;
      if (engine.network) {
        const up = engine.publishers.size > 0 ? engine.upstream : -1;
        const down = engine.players.size > 0 ? engine.downstream : -1;
        fx.emit(engine, 'networkQuality', '', up, down);
      }
      armNetwork(engine);
    });
  }

  function cancelProfile(engine: EngineState): void {
    for (const handle of engine.profile) fx.cancel(handle);
    engine.profile.clear();
  }

  function apply(engine: EngineState, grades: NetworkGrades): void {
    if (grades.upstream !== undefined) engine.upstream = grades.upstream;
    if (grades.downstream !== undefined) engine.downstream = grades.downstream;
  }

  const validGrades = (grades: NetworkGrades | null | undefined): grades is NetworkGrades =>
    grades !== null &&
    typeof grades === 'object' &&
    (grades.upstream === undefined || isGrade(grades.upstream)) &&
    (grades.downstream === undefined || isGrade(grades.downstream));

  return {
    publishing(engine, streamID, publisher) {
      armPublisher(engine, streamID, publisher);
      armNetwork(engine);
    },

    playing(engine, streamID, player) {
      armPlayer(engine, streamID, player);
      armNetwork(engine);
    },

    wake(engine) {
      for (const [streamID, publisher] of engine.publishers) if (publisher.state === 'PUBLISHING') armPublisher(engine, streamID, publisher);
      for (const [streamID, player] of engine.players) if (player.state === 'PLAYING') armPlayer(engine, streamID, player);
      armNetwork(engine);
    },

    setNetwork(engine, grades) {
      if (!validGrades(grades)) return false;
      cancelProfile(engine);
      apply(engine, grades);
      return true;
    },

    setProfile(engine, steps) {
      if (!Array.isArray(steps) || !steps.every((step: NetworkProfileStep) => Number.isFinite(step?.afterMs) && step.afterMs >= 0 && validGrades(step))) return false;
      cancelProfile(engine);
      for (const step of steps) {
        const handle = fx.after(step.afterMs, () => {
          engine.profile.delete(handle);
          apply(engine, step);
        });
        engine.profile.add(handle);
      }
      return true;
    },

    setStream(engine, streamID, grade) {
      if (typeof streamID !== 'string' || (grade !== null && !isGrade(grade))) return false;
      if (grade === null) engine.streamQuality.delete(streamID);
      else engine.streamQuality.set(streamID, grade);
      return true;
    },
  };
}
