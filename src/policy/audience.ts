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
import type { Clock } from '../core/clock.js';
import type { StatusEvent } from '../core/events.js';
import { isId, isObject } from '../core/guards.js';
import { toPlayerState } from '../core/states.js';
import type { LiveStream } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { createPolicyKit, isThenable, type RetrySlot } from './engine-call.js';

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

/** The policy's own bookkeeping for one stream it plays (the replay slot: timer, due, attempt, gaveUp). */
interface Played extends RetrySlot {
  readonly streamID: string;
  readonly roomID: string;
  /** startPlayingStream was called (once the entry is released, stopPlayingStream too if it had to be). */
  started?: boolean;
  /** Id of the latest start call; a result of any other call is stale. */
  call?: number;
  /** onMediaStream got a media object that has not been withdrawn with `null`. */
  hasMedia?: boolean;
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
  // Handlers run one at a time (`run`): the store calls listeners synchronously,
  // also for the events this policy dispatches from inside a handler.
  const { run, emit, fail, clear, reset, schedule, listen } = createPolicyKit(
    store,
    options.clock ?? store.clock,
    'player',
    options.replayDelayMs,
    3000, // seed 003: "for example, 3 seconds later"
    options.maxReplayAttempts,
    3,
  );
  const played = new Map<string, Played>();
  let attached = true;
  let lastCall = 0;

  const inScope = (roomID: string): boolean => onlyRoomID === undefined || roomID === onlyRoomID;
  const room = (roomID: string) => store.getState().rooms.get(roomID);
  /** The user is in the room (phase connected: LOGINED or RECONNECTED): streams can be played. */
  const connected = (roomID: string): boolean => room(roomID)?.phase === 'connected';
  /** The stream, if it is live in the room, whatever the room's phase. */
  const live = (roomID: string, streamID: string): LiveStream | undefined => room(roomID)?.streams.get(streamID);
  /** The stream, if it is live in a room the user is in: it can be played now. */
  const playable = (roomID: string, streamID: string): LiveStream | undefined =>
    connected(roomID) ? live(roomID, streamID) : undefined;
  /** The policy is attached and the entry is still its own: not released, not replaced. */
  const owned = (entry: Played): boolean => attached && played.get(entry.streamID) === entry;

  /** Calls app or engine code; a throw is recorded on the player, and `undefined` returned. */
  function guard<T>(streamID: string, call: string, task: () => T): T | undefined {
    try {
      return task();
    } catch (error) {
      fail(streamID, call, error);
      return undefined;
    }
  }

  const accepts = (stream: LiveStream, roomID: string): boolean =>
    !shouldPlay || !!guard(stream.streamID, 'shouldPlay', () => shouldPlay(stream, roomID) === true);

  function deliver(streamID: string, media: PlayedMedia<E> | null): void {
    if (onMediaStream) guard(streamID, 'onMediaStream', () => onMediaStream(streamID, media));
  }

  function start(entry: Played, stream: LiveStream, replayAttempt?: number): void {
    if (!attached) return;
    const { streamID } = entry;
    const call = ++lastCall;
    // Bookkeeping first: an engine may emit playerStateUpdate synchronously.
    entry.started = true;
    entry.due = false;
    entry.call = call;
    if (replayAttempt) emit('replayStarted', streamID, { attempt: replayAttempt });
    const opts =
      typeof playOptions === 'function'
        ? guard(streamID, 'playOptions', () => (playOptions as (stream: LiveStream, roomID: string) => object | undefined)(stream, entry.roomID))
        : playOptions;
    let result: unknown;
    try {
      result = opts === undefined ? engine.startPlayingStream(streamID) : engine.startPlayingStream(streamID, opts);
    } catch (error) {
      startFailed(entry, error);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (media) => run(() => resolved(entry, call, media)),
        (error: unknown) =>
          run(() => {
            if (isCurrent(entry, call)) startFailed(entry, error); // else the stream was stopped meanwhile: its failure is moot
          }),
      );
    } else {
      resolved(entry, call, result);
    }
  }

  function startFailed(entry: Played, error: unknown): void {
    fail(entry.streamID, 'startPlayingStream', error);
    failed(entry);
  }

  /** `call` is the entry's latest start and the entry is still the policy's own. */
  const isCurrent = (entry: Played, call: number): boolean => owned(entry) && entry.call === call;

  function resolved(entry: Played, call: number, media: unknown): void {
    if (isCurrent(entry, call)) {
      if (isObject(media)) {
        entry.hasMedia = true;
        deliver(entry.streamID, media as PlayedMedia<E>);
      }
    } else if (attached && isObject(media) && !played.get(entry.streamID)?.started) {
      // A start that resolved after its stream was deleted, left or replaced:
      // nobody wants it. Stop it unless a newer start owns this streamID now;
      // after detach everything was stopped already.
      try {
        engine.stopPlayingStream(entry.streamID);
      } catch {
        // The stream is gone from the policy; there is no player to record on.
      }
    }
  }

  /** A play failed: schedule one replay, or give up once the attempts are spent. A deleted stream is never replayed (seed 003). */
  function failed(entry: Played): void {
    schedule(entry, entry.streamID, owned(entry) && !!live(entry.roomID, entry.streamID), (attempt) => {
      if (!owned(entry)) return;
      const stream = live(entry.roomID, entry.streamID);
      if (!stream) return;
      if (connected(entry.roomID)) start(entry, stream, attempt);
      else entry.due = true; // Room reconnecting: the SDK cannot play now; replay on RECONNECTED.
    });
  }

  function begin(roomID: string, stream: LiveStream): void {
    if (!attached) return;
    const entry: Played = { streamID: stream.streamID, roomID, timer: null, attempt: 0 };
    played.set(entry.streamID, entry);
    reset(entry, entry.streamID); // clears the store's replay bookkeeping left from an earlier outage
    start(entry, stream);
  }

  /** Forgets a stream: pending replay cancelled, media withdrawn; `stop` also calls stopPlayingStream. */
  function release(entry: Played, stop: boolean): void {
    const { streamID } = entry;
    if (played.get(streamID) !== entry) return;
    // From here on the entry is no one's: entries are never put back, so
    // whatever a start of it still resolves with is stale (`isCurrent`), and
    // it can be released only once.
    played.delete(streamID);
    if (clear(entry)) emit('replayCancelled', streamID);
    if (stop && entry.started) guard(streamID, 'stopPlayingStream', () => engine.stopPlayingStream(streamID));
    if (entry.hasMedia) deliver(streamID, null);
  }

  /** Plays every accepted live stream of a connected room that is not played yet, and replays that fell due. */
  function sync(roomID: string): void {
    const current = room(roomID);
    if (current?.phase !== 'connected') return;
    current.streams.forEach((stream, streamID) => {
      if (!attached || !accepts(stream, roomID)) return;
      const entry = played.get(streamID);
      if (!entry) begin(roomID, stream);
      else if (entry.due && entry.roomID === roomID) start(entry, stream, entry.attempt);
    });
  }

  function handle(event: StatusEvent): void {
    if (!attached) return;
    if (event.type === 'playerStateUpdate') {
      const entry = played.get(event.streamID); // keys are valid IDs: no need to check this one
      if (!entry) return;
      const name = toPlayerState(event.state);
      if (name === 'PLAYING') {
        // Success ends the outage. The reducer resets the store's schedule on a
        // change to PLAYING; this also covers a repeated PLAYING, which the
        // reducer drops as a duplicate.
        reset(entry, entry.streamID);
      } else if (name === 'NO_PLAY' && typeof event.errorCode === 'number' && event.errorCode !== 0 && entry.started) {
        // Seed 003: NO_PLAY with errorCode ≠ 0 — the SDK's own retries are spent.
        failed(entry);
      }
      return;
    }
    if (event.type !== 'roomStateChanged' && event.type !== 'roomStreamUpdate') return;
    const { roomID } = event;
    if (!isId(roomID) || !inScope(roomID)) return;
    if (event.type === 'roomStateChanged') {
      // Read the phase the reducer settled on rather than the raw reason, so a
      // malformed or duplicate event is judged exactly as the store judged it.
      // A room left with LOGOUT is dropped from the store: absent reads as idle.
      const phase = room(roomID)?.phase ?? 'idle';
      if (phase === 'connected') sync(roomID);
      else if (phase !== 'reconnecting') {
        // Out of the room (logout, kick-out, failure): the SDK ended its plays,
        // no engine call. Logging in anew (a LOGINING empties the room's lists,
        // e.g. after a LOGOUT this store missed): stop whatever may still play.
        for (const entry of [...played.values()]) if (entry.roomID === roomID) release(entry, phase === 'connecting');
      }
      return;
    }
    const { updateType, streamList } = event;
    if (!Array.isArray(streamList)) return;
    for (const item of streamList as unknown[]) {
      const streamID = (item as { streamID?: unknown } | null)?.streamID;
      if (!isId(streamID)) continue;
      const entry = played.get(streamID);
      if (updateType === 'DELETE') {
        // Seed 003: on "stream deleted", stopPlayingStream at once.
        if (entry?.roomID === roomID) release(entry, true);
      } else if (updateType === 'ADD') {
        const stream = playable(roomID, streamID);
        if (!stream || !accepts(stream, roomID)) continue;
        if (!entry) {
          begin(roomID, stream);
        } else if (entry.gaveUp && entry.roomID === roomID) {
          // A new ADD is a new chance: the policy had given up on the old outage.
          reset(entry, streamID);
          start(entry, stream);
        }
      }
    }
  }

  const unsubscribe = listen(handle);

  // Streams already live when the policy attaches are played at once.
  run(() =>
    store.getState().rooms.forEach((_, roomID) => {
      if (inScope(roomID)) sync(roomID);
    }),
  );

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
        if (!entry) {
          store.getState().rooms.forEach((_, roomID) => {
            const stream = inScope(roomID) && !played.has(streamID) && playable(roomID, streamID);
            if (stream && accepts(stream, roomID)) begin(roomID, stream);
          });
        } else if (entry.gaveUp || entry.timer !== null || entry.due) {
          // Gave up, or a replay is pending (not playing or starting): play now, counting afresh.
          const stream = live(entry.roomID, streamID);
          const now = connected(entry.roomID);
          reset(entry, streamID);
          if (stream) {
            if (now) start(entry, stream);
            else entry.due = true; // reconnecting: play on RECONNECTED
          }
        }
      });
    },
  };
}
