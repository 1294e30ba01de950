/**
 * attachAudiencePolicy: keeps an audience's playback in step with the room,
 * as seed 003 tells the audience to ("Handling Host Network Issues from the
 * Audience Side", "Handling Host Crashes from the Audience Side"):
 * - stream DELETE: stopPlayingStream at once, never replay it — "to avoid
 *   falling into a replay infinite loop, the audience should stop playback
 *   promptly when receiving a stream deleted notification";
 * - stream ADD: startPlayingStream (the host republished, or restarted);
 * - NO_PLAY with errorCode ≠ 0 (the SDK's own retries are spent): play again
 *   after ≈3 s, a bounded number of times, "do not continuously retry".
 *
 * It only calls the engine and dispatches its own events; time comes from the
 * injected Clock, so the 90 s heartbeat timeout (seed 003) runs in a test in
 * a millisecond.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { StatusEvent } from '../core/events.js';
import { toPlayerState } from '../core/states.js';
import type { LiveStream, StatusState } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { createSerialRunner, failureOf, isThenable } from './engine-call.js';

/**
 * The part of an engine the audience policy calls: the web SDK's
 * `ZegoExpressEngine` (`startPlayingStream` resolves with the remote
 * MediaStream), the simulator's engine, or a native SDK wrapped to this shape.
 *
 * @example
 * ```ts
 * import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
 * const engine: AudienceEngine = new ZegoExpressEngine(appID, server); // the real SDK fits
 * const fake: AudienceEngine = { startPlayingStream: async () => null, stopPlayingStream: () => {} };
 * ```
 */
export interface AudienceEngine {
  startPlayingStream(streamID: string, options?: unknown): Promise<unknown> | unknown;
  stopPlayingStream(streamID: string): void;
}

/**
 * What an engine's `startPlayingStream` resolves with: `MediaStream` for the
 * web SDK, `unknown` for an engine typed only as {@link AudienceEngine}.
 *
 * @example
 * ```ts
 * type WebMedia = PlayedMedia<ZegoExpressEngine>; // MediaStream
 * ```
 */
export type PlayedMedia<E extends AudienceEngine> = Awaited<ReturnType<E['startPlayingStream']>>;

/**
 * Options for {@link attachAudiencePolicy}.
 *
 * @example
 * ```ts
 * const options: AudiencePolicyOptions<ZegoExpressEngine> = {
 *   engine, store,
 *   shouldPlay: (stream) => stream.user?.userID === hostID,
 *   onMediaStream: (streamID, media) => { video.srcObject = media; },
 * };
 * ```
 */
export interface AudiencePolicyOptions<E extends AudienceEngine = AudienceEngine> {
  /** Plays and stops streams. Its calls never throw into the app: failures land in the store. */
  engine: E;
  /** Where room, stream and player events arrive (through an adapter) and where the schedule is shown. */
  store: StatusStore;
  /** Time and timers. Default: `store.clock`. */
  clock?: Clock;
  /** Wait before replaying a failed play: 3 s, as seed 003 suggests ("for example, 3 seconds later"). */
  replayDelayMs?: number;
  /** Replays per outage before giving up (default 3); the count starts over on PLAYING, a new ADD or `retry`. */
  maxReplayAttempts?: number;
  /** Which live streams to play (default: every stream). Called with the stream and its roomID. */
  shouldPlay?: (stream: LiveStream, roomID: string) => boolean;
  /** Second argument of `startPlayingStream` (web: `ZegoWebPlayOption`), or a function giving it per stream. */
  playOptions?: object | ((stream: LiveStream, roomID: string) => object | undefined);
  /** Gets the media `startPlayingStream` resolved with, and `null` once that playback stops or is dropped. */
  onMediaStream?: (streamID: string, media: PlayedMedia<E> | null) => void;
  /** Manage only this room's streams (multi-room). Default: every room the user is in. */
  roomID?: string;
}

/**
 * A running audience policy.
 *
 * @example
 * ```ts
 * const policy: AudiencePolicy = attachAudiencePolicy({ engine, store });
 * retryButton.onclick = () => policy.retry('host-main');
 * window.addEventListener('pagehide', () => policy.detach());
 * ```
 */
export interface AudiencePolicy {
  /**
   * Stops everything: pending replays are cancelled (the clock keeps no timer
   * of this policy), every stream this policy started is stopped with
   * `stopPlayingStream` and reported as `null` media, and no event is handled
   * after. A start that resolves later is ignored. Idempotent.
   */
  detach(): void;
  /**
   * Plays `streamID` again now, with a fresh attempt count: for a stream the
   * policy gave up on, or one whose replay is pending. Does nothing for a
   * stream that is playing or starting, that is not live in a room the user
   * is in, or that `shouldPlay` rejects.
   */
  retry(streamID: string): void;
}

/** The policy's own bookkeeping for one stream it plays. */
interface Played {
  readonly streamID: string;
  readonly roomID: string;
  /** startPlayingStream was called and stopPlayingStream has not been since. */
  started: boolean;
  /** Id of the latest start call; a result of any other call is stale. */
  call: number;
  /** The pending replay, if any: one at most (seed 003: "do not continuously retry"). */
  timer: TimerHandle | null;
  /** A replay fell due while the room was reconnecting; it is made on RECONNECTED. */
  due: boolean;
  /** Replays made or scheduled in this outage. */
  attempt: number;
  gaveUp: boolean;
  /** onMediaStream got a media object that has not been withdrawn with `null`. */
  hasMedia: boolean;
}

const DEFAULT_REPLAY_DELAY_MS = 3000;
const DEFAULT_MAX_REPLAY_ATTEMPTS = 3;

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const nonNegative = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
const isMedia = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A stream that is live in a room the user is in (phase connected: LOGINED or RECONNECTED). */
function playable(state: StatusState, roomID: string, streamID: string): LiveStream | undefined {
  const room = state.rooms.get(roomID);
  return room && room.phase === 'connected' ? room.streams.get(streamID) : undefined;
}

function isLive(state: StatusState, roomID: string, streamID: string): boolean {
  return state.rooms.get(roomID)?.streams.has(streamID) ?? false;
}

/**
 * Attaches the audience playback policy to a store fed by an adapter
 * (`connectZegoWeb` / `connectZegoNative`). Behaviour, after seed 003:
 * - a stream ADD in a room the user is in (phase connected), and every stream
 *   already live at attach time or when a room reaches LOGINED/RECONNECTED:
 *   `startPlayingStream` for each stream `shouldPlay` accepts;
 * - a stream DELETE: `stopPlayingStream` at once, pending replay cancelled,
 *   `onMediaStream(streamID, null)`; a start resolving later is dropped;
 * - `NO_PLAY` with errorCode ≠ 0, or a start that throws or rejects: one
 *   replay after `replayDelayMs`, shown in the store as
 *   `player.replay = { attempt, dueAt }`; after `maxReplayAttempts` replays
 *   in one outage, `player.gaveUp` and no more calls until a new ADD or
 *   `retry(streamID)`; PLAYING starts the count over;
 * - LOGOUT, KICKOUT, LOGIN_FAILED or RECONNECT_FAILED of a room: everything
 *   for that room cancelled, without an engine call (the user has left the
 *   room; its stream list is gone with it);
 * - engine throws and rejections are recorded as `engineCallFailed` on the
 *   player, never thrown.
 *
 * @returns `{ detach, retry }` — see {@link AudiencePolicy}.
 *
 * @example
 * ```ts
 * const store = createStatusStore();
 * const disconnect = connectZegoWeb(engine, store);
 * const policy = attachAudiencePolicy({
 *   engine,
 *   store,
 *   onMediaStream: (streamID, media) => { videos[streamID]!.srcObject = media; },
 * });
 * await engine.loginRoom(roomID, token, user);
 * // later
 * policy.detach();
 * disconnect();
 * ```
 */
export function attachAudiencePolicy<E extends AudienceEngine>(options: AudiencePolicyOptions<E>): AudiencePolicy {
  const { engine, store, shouldPlay, playOptions, onMediaStream, roomID: onlyRoomID } = options;
  const clock = options.clock ?? store.clock;
  const replayDelayMs = nonNegative(options.replayDelayMs, DEFAULT_REPLAY_DELAY_MS);
  const maxReplayAttempts = Math.floor(nonNegative(options.maxReplayAttempts, DEFAULT_MAX_REPLAY_ATTEMPTS));
  const played = new Map<string, Played>();
  let attached = true;
  let lastCall = 0;
  // Handlers run one at a time: the store calls listeners synchronously, also
  // for the events this policy dispatches from inside a handler.
  const run = createSerialRunner(() => {
    // Only a bug of ours could land here; the app and the SDK must never see it.
  });

  const inScope = (roomID: string): boolean => onlyRoomID === undefined || roomID === onlyRoomID;

  function emit(event: StatusEvent): void {
    try {
      store.dispatch(event);
    } catch {
      // Another listener threw; the reducer has already applied the event.
    }
  }

  function recordFailure(streamID: string, call: string, error: unknown): void {
    emit({ type: 'engineCallFailed', target: 'player', streamID, call, ...failureOf(error), at: clock.now() });
  }

  function accepts(stream: LiveStream, roomID: string): boolean {
    if (!shouldPlay) return true;
    try {
      return shouldPlay(stream, roomID) === true;
    } catch (error) {
      recordFailure(stream.streamID, 'shouldPlay', error);
      return false;
    }
  }

  function optionsFor(stream: LiveStream, roomID: string): object | undefined {
    if (typeof playOptions !== 'function') return playOptions;
    try {
      return (playOptions as (stream: LiveStream, roomID: string) => object | undefined)(stream, roomID);
    } catch (error) {
      recordFailure(stream.streamID, 'playOptions', error);
      return undefined;
    }
  }

  function deliver(streamID: string, media: PlayedMedia<E> | null): void {
    if (!onMediaStream) return;
    try {
      onMediaStream(streamID, media);
    } catch (error) {
      recordFailure(streamID, 'onMediaStream', error);
    }
  }

  /** Clears the store's replay bookkeeping left from an earlier outage (new ADD, retry). */
  function resetStore(streamID: string): void {
    const player = store.getState().players.get(streamID);
    if (player && (player.attempts > 0 || player.gaveUp || player.replay !== null)) {
      emit({ type: 'replayCancelled', target: 'player', streamID, reset: true, at: clock.now() });
    }
  }

  function clearTimer(entry: Played): boolean {
    if (entry.timer === null) return false;
    clock.clearTimeout(entry.timer);
    entry.timer = null;
    return true;
  }

  function resetAttempts(entry: Played): void {
    clearTimer(entry);
    entry.due = false;
    entry.attempt = 0;
    entry.gaveUp = false;
    resetStore(entry.streamID);
  }

  function start(entry: Played, stream: LiveStream, replayAttempt: number | null): void {
    if (!attached) return;
    const call = ++lastCall;
    // Bookkeeping first: an engine may emit playerStateUpdate synchronously.
    entry.started = true;
    entry.due = false;
    entry.call = call;
    if (replayAttempt !== null) {
      emit({ type: 'replayStarted', target: 'player', streamID: entry.streamID, attempt: replayAttempt, at: clock.now() });
    }
    const opts = optionsFor(stream, entry.roomID);
    let result: unknown;
    try {
      result = opts === undefined ? engine.startPlayingStream(entry.streamID) : engine.startPlayingStream(entry.streamID, opts);
    } catch (error) {
      recordFailure(entry.streamID, 'startPlayingStream', error);
      failed(entry);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (media) => run(() => resolved(entry, call, media)),
        (error: unknown) => run(() => rejected(entry, call, error)),
      );
    } else {
      resolved(entry, call, result);
    }
  }

  function isCurrent(entry: Played, call: number): boolean {
    return attached && played.get(entry.streamID) === entry && entry.call === call && entry.started;
  }

  function resolved(entry: Played, call: number, media: unknown): void {
    if (isCurrent(entry, call)) {
      if (isMedia(media)) {
        entry.hasMedia = true;
        deliver(entry.streamID, media as PlayedMedia<E>);
      }
      return;
    }
    // A start that resolved after its stream was deleted, left or replaced:
    // nobody wants it. Stop it unless a newer start owns this streamID now;
    // after detach everything was stopped already.
    if (!attached || !isMedia(media) || played.get(entry.streamID)?.started) return;
    try {
      engine.stopPlayingStream(entry.streamID);
    } catch {
      // The stream is gone from the policy; there is no player to record on.
    }
  }

  function rejected(entry: Played, call: number, error: unknown): void {
    if (!isCurrent(entry, call)) return; // the stream was stopped meanwhile: its failure is moot
    recordFailure(entry.streamID, 'startPlayingStream', error);
    failed(entry);
  }

  /** A play failed: schedule one replay, or give up once the attempts are spent. */
  function failed(entry: Played): void {
    if (!attached || played.get(entry.streamID) !== entry) return;
    if (entry.timer !== null || entry.due || entry.gaveUp) return; // never two pending replays
    if (!isLive(store.getState(), entry.roomID, entry.streamID)) return; // a deleted stream is never replayed (seed 003)
    if (entry.attempt >= maxReplayAttempts) {
      entry.gaveUp = true;
      emit({ type: 'replayGaveUp', target: 'player', streamID: entry.streamID, attempts: entry.attempt, at: clock.now() });
      return;
    }
    const attempt = ++entry.attempt;
    const dueAt = clock.now() + replayDelayMs;
    entry.timer = clock.setTimeout(() => run(() => fire(entry, attempt)), replayDelayMs);
    emit({ type: 'replayScheduled', target: 'player', streamID: entry.streamID, attempt, dueAt, at: clock.now() });
  }

  function fire(entry: Played, attempt: number): void {
    entry.timer = null;
    if (!attached || played.get(entry.streamID) !== entry) return;
    const state = store.getState();
    const stream = playable(state, entry.roomID, entry.streamID);
    if (stream) {
      start(entry, stream, attempt);
    } else if (isLive(state, entry.roomID, entry.streamID)) {
      // Room reconnecting: the SDK cannot play now; replay on RECONNECTED.
      entry.due = true;
    }
  }

  function begin(roomID: string, stream: LiveStream): void {
    if (!attached) return;
    const entry: Played = {
      streamID: stream.streamID,
      roomID,
      started: false,
      call: 0,
      timer: null,
      due: false,
      attempt: 0,
      gaveUp: false,
      hasMedia: false,
    };
    played.set(stream.streamID, entry);
    resetStore(stream.streamID);
    start(entry, stream, null);
  }

  /** Forgets a stream: pending replay cancelled, media withdrawn; `stop` also calls stopPlayingStream. */
  function release(entry: Played, stop: boolean): void {
    if (played.get(entry.streamID) !== entry) return;
    played.delete(entry.streamID);
    entry.call = ++lastCall; // whatever a start still resolves with is stale now
    const hadReplay = clearTimer(entry) || entry.due;
    entry.due = false;
    if (hadReplay) emit({ type: 'replayCancelled', target: 'player', streamID: entry.streamID, at: clock.now() });
    if (stop && entry.started) {
      try {
        engine.stopPlayingStream(entry.streamID);
      } catch (error) {
        recordFailure(entry.streamID, 'stopPlayingStream', error);
      }
    }
    entry.started = false;
    if (entry.hasMedia) {
      entry.hasMedia = false;
      deliver(entry.streamID, null);
    }
  }

  /** Plays every accepted live stream of a connected room that is not played yet, and replays that fell due. */
  function sync(roomID: string): void {
    const room = store.getState().rooms.get(roomID);
    if (!room || room.phase !== 'connected') return;
    room.streams.forEach((stream, streamID) => {
      if (!attached || !accepts(stream, roomID)) return;
      const entry = played.get(streamID);
      if (!entry) begin(roomID, stream);
      else if (entry.due && entry.roomID === roomID) start(entry, stream, entry.attempt > 0 ? entry.attempt : null);
    });
  }

  function leaveRoom(roomID: string): void {
    for (const entry of [...played.values()]) {
      // No engine call: the user is out of the room (logout, kick-out, failure).
      if (entry.roomID === roomID) release(entry, false);
    }
  }

  function onRoomState(roomID: unknown): void {
    if (!isId(roomID) || !inScope(roomID)) return;
    // Read the phase the reducer settled on rather than the raw reason, so a
    // malformed or duplicate event is judged exactly as the store judged it.
    const phase = store.getState().rooms.get(roomID)?.phase;
    if (phase === 'connected') sync(roomID);
    else if (phase === 'idle' || phase === 'failed' || phase === 'kicked') leaveRoom(roomID);
  }

  function onStreamUpdate(roomID: unknown, updateType: unknown, streamList: unknown): void {
    if (!isId(roomID) || !inScope(roomID) || !Array.isArray(streamList)) return;
    for (const item of streamList as unknown[]) {
      const streamID = (item as { streamID?: unknown } | null)?.streamID;
      if (!isId(streamID)) continue;
      const entry = played.get(streamID);
      if (updateType === 'DELETE') {
        // Seed 003: on "stream deleted", stopPlayingStream at once.
        if (entry && entry.roomID === roomID) release(entry, true);
        continue;
      }
      if (updateType !== 'ADD') continue;
      const stream = playable(store.getState(), roomID, streamID);
      if (!stream || !accepts(stream, roomID)) continue;
      if (!entry) {
        begin(roomID, stream);
      } else if (entry.gaveUp && entry.roomID === roomID) {
        // A new ADD is a new chance: the policy had given up on the old outage.
        resetAttempts(entry);
        start(entry, stream, null);
      }
    }
  }

  function onPlayerState(streamID: unknown, state: unknown, errorCode: unknown): void {
    if (!isId(streamID)) return;
    const entry = played.get(streamID);
    if (!entry) return;
    const name = toPlayerState(state);
    if (name === 'PLAYING') {
      // Success ends the outage. The reducer resets the store's schedule on a
      // change to PLAYING; resetAttempts also covers a repeated PLAYING, which
      // the reducer drops as a duplicate.
      resetAttempts(entry);
    } else if (name === 'NO_PLAY' && typeof errorCode === 'number' && errorCode !== 0 && entry.started) {
      // Seed 003: NO_PLAY with errorCode ≠ 0 — the SDK's own retries are spent.
      failed(entry);
    }
  }

  function handle(event: StatusEvent): void {
    if (!attached) return;
    switch (event.type) {
      case 'roomStateChanged':
        onRoomState(event.roomID);
        return;
      case 'roomStreamUpdate':
        onStreamUpdate(event.roomID, event.updateType, event.streamList);
        return;
      case 'playerStateUpdate':
        onPlayerState(event.streamID, event.state, event.errorCode);
        return;
      case 'publisherStateUpdate':
      case 'roomUserUpdate':
      case 'replayScheduled':
      case 'replayStarted':
      case 'replayGaveUp':
      case 'replayCancelled':
      case 'engineCallFailed':
        return;
      default:
        event satisfies never;
    }
  }

  const unsubscribe = store.subscribeEvents((event) => {
    if (attached) run(() => handle(event));
  });

  // Streams already live when the policy attaches are played at once.
  run(() => {
    store.getState().rooms.forEach((_, roomID) => {
      if (inScope(roomID)) sync(roomID);
    });
  });

  return {
    detach() {
      if (!attached) return;
      attached = false; // first: an onMediaStream(null) below must not start anything again
      unsubscribe();
      for (const entry of [...played.values()]) release(entry, true);
    },
    retry(streamID) {
      run(() => {
        if (!attached || !isId(streamID)) return;
        const entry = played.get(streamID);
        if (entry) {
          if (!entry.gaveUp && entry.timer === null && !entry.due) return; // playing or starting
          const state = store.getState();
          const stream = playable(state, entry.roomID, streamID);
          resetAttempts(entry);
          if (stream) start(entry, stream, null);
          else if (isLive(state, entry.roomID, streamID)) entry.due = true; // reconnecting: play on RECONNECTED
          return;
        }
        store.getState().rooms.forEach((room, roomID) => {
          const stream = inScope(roomID) && !played.has(streamID) ? playable(store.getState(), roomID, streamID) : undefined;
          if (stream && accepts(stream, roomID)) begin(roomID, stream);
        });
      });
    },
  };
}
