/**
 * The plays of one engine, shared by every audience policy attached to it: a
 * stream is played at most once per engine, whatever the number of rooms and
 * policies, stopped only when no policy wants it any more, and
 * `retry()` reaches it from any of them.
 *
 * What is shared with whom, and when it is released:
 * - `registries` maps an engine to its {@link EnginePlays} while a policy is
 *   attached to it (a WeakMap: it never keeps an engine alive); the entry
 *   goes when the last policy detaches and nothing plays.
 * - `EnginePlays.plays` maps a streamID to its {@link Play}: one
 *   startPlayingStream at a time, one media object, one replay schedule,
 *   whoever asked. A Play lists its holds: which policy wants it, for which of
 *   that policy's rooms (the stream is live there and `shouldPlay` accepted
 *   it). A DELETE in a room, leaving a room, or a detach takes holds away; the
 *   Play is released (replay cancelled, stopped, `null` handed out) with its
 *   last hold, never before.
 * - `EnginePlays.run` is one task queue for all these policies: a dispatch or
 *   an engine callback that re-enters another policy's listener waits its
 *   turn, so every handler sees each Play whole.
 *
 * Replays back off ("Express SDK: disconnection and reconnection", "Handling Host Network Issues from the Audience
 * Side"): while the host is away the audience's plays fail, and only after
 * the 90 s heartbeat timeout is the stream deleted; so a live stream is not
 * given up before that window, counted from its first failure, has passed.
 *
 * Internal: not exported from the package.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import { isObject } from '../core/guards.js';
import { shared } from '../core/shared.js';
import type { LiveStream } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { createRunQueue, isThenable, type PolicyKit, type RunQueue } from './engine-call.js';

/**
 * The delay before replay `attempt` (1-based) after a failure at `now`: the
 * base delay doubled per attempt (3, 6, 12, 24 s ...), never past the end of
 * the heartbeat window while it lasts, and the last allowed attempt
 * (`maxAttempts`) waits for the window's end, so a host back inside the window
 * is caught. Never shorter than the base delay: no tight loop.
 *
 * @example
 * ```ts
 * replayDelayFor(5, 45_000, 90_000, 3000, 5); // 45_000: the fifth replay is at the window's end, 90 s
 * ```
 *
 * @internal
 */
export function replayDelayFor(attempt: number, now: number, windowEnd: number, baseMs: number, maxAttempts: number): number {
  const doubled = baseMs * 2 ** Math.min(attempt - 1, 30);
  const untilEnd = windowEnd - now;
  if (untilEnd > 0 && (attempt >= maxAttempts || doubled > untilEnd)) return Math.max(untilEnd, baseMs);
  return doubled;
}

/**
 * The fewest replays whose doubling backoff from `baseMs` spans `windowMs`
 * (at least one): 5 for 3 s and the 90 s heartbeat window (3 + 6 + 12 + 24 =
 * 45 s falls short; the fifth, capped at the window's end, is at 90 s).
 *
 * @example
 * ```ts
 * replaysForWindow(3000, 90_000); // 5
 * ```
 *
 * @internal
 */
export function replaysForWindow(baseMs: number, windowMs: number): number {
  if (!(baseMs > 0)) return 1;
  let replays = 1;
  while (replays < 30 && baseMs * (2 ** replays - 1) < windowMs) replays++;
  return replays;
}

/** What a policy lends the shared plays of its engine. @internal */
export interface PlayHolder {
  /** Dispatches this policy's events into its store. */
  readonly kit: PolicyKit;
  readonly store: StatusStore;
  readonly clock: Clock;
  readonly replayDelayMs: number;
  readonly maxReplayAttempts: number;
  /** The stream, if live in this room (whatever the room's phase). */
  live(roomID: string, streamID: string): LiveStream | undefined;
  /** The user is in the room (LOGINED / RECONNECTED): a stream there can be played now. */
  connected(roomID: string): boolean;
  /** The second argument of startPlayingStream for this stream, if any. */
  playOptions(stream: LiveStream, roomID: string): object | undefined;
  /** Hands the play's media, or `null`, to the app. */
  deliver(streamID: string, media: object | null): void;
  /** Takes hold of the stream if it is live in a connected room of this policy that it accepts; true if it did. */
  claim(streamID: string): boolean;
}

/** One stream played on the engine. */
interface Play {
  readonly streamID: string;
  /** Who wants it: each holding policy, with its rooms where the stream is live. */
  readonly holds: Map<PlayHolder, Set<string>>;
  /** The holders handed `media`: they get `null` when the playback ends. */
  readonly handed: Set<PlayHolder>;
  /** What the current start resolved with, until the playback ends. */
  media: object | null;
  /** startPlayingStream was called (so stopPlayingStream is due when it is released). */
  started: boolean;
  /** Id of the latest start: a result of any other call is stale. */
  call: number;
  /** The pending replay, and the clock it was set on. */
  timer: TimerHandle | null;
  timerClock: Clock | null;
  /** A replay fell due while no room listing it was connected: made when one is. */
  due: boolean;
  /** Replays made or scheduled in this outage. */
  attempt: number;
  gaveUp: boolean;
  /** When this outage's first failure came: the heartbeat window is counted from it. */
  firstFailureAt: number | null;
  /** The policy whose DELETE, leave or detach released the play: a start resolving later is stopped while it is attached. */
  releasedBy: PlayHolder | null;
}

/**
 * The shared plays of one engine, as the policies on it use them.
 *
 * @example
 * ```ts
 * const plays = enginePlays(engine);
 * plays.run(() => plays.hold(holder, 'room-1', stream, true));
 * ```
 *
 * @internal
 */
export interface EnginePlays {
  /** The queue every handler of the engine's policies runs on. */
  readonly run: RunQueue;
  /** A policy attaches: `retry` of another policy may ask it to claim a stream. */
  join(holder: PlayHolder): void;
  /** The policy wants `stream` for `roomID`: played now unless the engine plays it already; `rearm` replays one given up on (a new ADD). */
  hold(holder: PlayHolder, roomID: string, stream: LiveStream, rearm: boolean): void;
  /** The stream was deleted from `roomID`: stopped (stopPlayingStream) if no other hold is left. */
  deleted(holder: PlayHolder, roomID: string, streamID: string): void;
  /** The user left `roomID`: its holds go, without an engine call (the SDK ends what it played there). */
  left(holder: PlayHolder, roomID: string): void;
  /** A playerStateUpdate of the engine. */
  player(streamID: string, state: string, errorCode: unknown): void;
  /** `roomID` is connected again: due replays are made; on RECONNECTED, plays given up on are re-armed. */
  connected(holder: PlayHolder, roomID: string, reconnected: boolean): void;
  /** Users (re)joined `roomID`: plays of their streams given up on are re-armed. */
  joined(holder: PlayHolder, roomID: string, userIDs: ReadonlySet<string>): void;
  /** Plays `streamID` again now (given up or waiting), or has a policy of the engine claim it. */
  retry(holder: PlayHolder, streamID: string): void;
  /** The policy detaches: its holds go; what nobody else holds is stopped and reported as `null`. */
  detach(holder: PlayHolder): void;
}

/** Minimal engine surface (the audience policy's `AudienceEngine`). */
interface PlayingEngine {
  startPlayingStream(streamID: string, options?: unknown): unknown;
  stopPlayingStream(streamID: string): void;
}

// One registry however the package is loaded (ESM and CommonJS both): core/shared.ts.
const registries = shared('engine plays', () => new WeakMap<object, EnginePlays>());

/**
 * The shared plays of `engine`, created on first use.
 *
 * @example
 * ```ts
 * const a = enginePlays(engine);
 * a === enginePlays(engine); // true while a policy is attached
 * ```
 *
 * @internal
 */
export function enginePlays(engine: PlayingEngine): EnginePlays {
  // Not an object (bad input): nothing to share with; its calls fail and are recorded on the player.
  if (Object(engine) !== engine) return createEnginePlays(engine);
  let registry = registries.get(engine);
  if (!registry) registries.set(engine, (registry = createEnginePlays(engine)));
  return registry;
}

function createEnginePlays(engine: PlayingEngine): EnginePlays {
  const run = createRunQueue();
  const plays = new Map<string, Play>();
  const holders = new Set<PlayHolder>();
  let lastCall = 0;

  /** Calls `task` once per store among the play's holders (several policies may share one store). */
  function tell(play: Play, task: (kit: PolicyKit) => void): void {
    const stores = new Set<StatusStore>();
    for (const holder of play.holds.keys()) {
      if (stores.has(holder.store)) continue;
      stores.add(holder.store);
      task(holder.kit);
    }
  }

  const current = (play: Play, call: number): boolean => plays.get(play.streamID) === play && play.call === call;

  /** A held room where the stream can be played now, with its holder and the stream. */
  function playable(play: Play): [PlayHolder, string, LiveStream] | undefined {
    for (const [holder, rooms] of play.holds) {
      for (const roomID of rooms) {
        const stream = holder.connected(roomID) ? holder.live(roomID, play.streamID) : undefined;
        if (stream) return [holder, roomID, stream];
      }
    }
    return undefined;
  }

  /** The stream is live in a held room, connected or not. */
  const listed = (play: Play): boolean =>
    [...play.holds].some(([holder, rooms]) => [...rooms].some((roomID) => holder.live(roomID, play.streamID)));

  /** The policy whose options drive the play's replays: its first holder. */
  const driver = (play: Play): PlayHolder | undefined => play.holds.keys().next().value;

  function hand(play: Play, holder: PlayHolder): void {
    if (!play.media || play.handed.has(holder)) return;
    play.handed.add(holder);
    holder.deliver(play.streamID, play.media);
  }

  /** The playback ended (failed, stopped, released): every holder handed its media gets `null`. */
  function withdraw(play: Play): void {
    play.media = null;
    const handed = [...play.handed];
    play.handed.clear();
    for (const holder of handed) holder.deliver(play.streamID, null);
  }

  function clearTimer(play: Play): boolean {
    const pending = play.due || play.timer !== null;
    if (play.timer !== null) play.timerClock?.clearTimeout(play.timer);
    play.timer = null;
    play.timerClock = null;
    play.due = false;
    return pending;
  }

  function start(play: Play, replayAttempt?: number): void {
    const where = playable(play);
    if (!where) {
      // No held room is connected: the SDK cannot play now; play on LOGINED / RECONNECTED.
      if (listed(play)) play.due = true;
      return;
    }
    const [holder, roomID, stream] = where;
    const { streamID } = play;
    const call = ++lastCall;
    // Bookkeeping first: an engine may emit playerStateUpdate synchronously.
    play.started = true;
    play.due = false;
    play.call = call;
    if (replayAttempt) tell(play, (kit) => kit.emit('replayStarted', streamID, { attempt: replayAttempt }));
    const options = holder.playOptions(stream, roomID);
    let result: unknown;
    try {
      result = options === undefined ? engine.startPlayingStream(streamID) : engine.startPlayingStream(streamID, options);
    } catch (error) {
      startFailed(play, holder, error);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (media) => run(() => resolved(play, call, media)),
        (error: unknown) =>
          run(() => {
            if (current(play, call)) startFailed(play, holder, error); // else stopped or replaced meanwhile: moot
          }),
      );
    } else {
      resolved(play, call, result);
    }
  }

  function startFailed(play: Play, holder: PlayHolder, error: unknown): void {
    holder.kit.fail(play.streamID, 'startPlayingStream', error);
    failed(play);
  }

  function resolved(play: Play, call: number, media: unknown): void {
    if (!isObject(media)) return;
    if (current(play, call)) {
      play.media = media;
      for (const holder of play.holds.keys()) hand(play, holder);
    } else if (plays.get(play.streamID) !== play && holders.has(play.releasedBy!) && !plays.get(play.streamID)?.started) {
      // A start that resolved after its play was released (deleted, left): nobody
      // wants it. Stop it unless a newer play of this streamID has started; after
      // a detach, everything was stopped already.
      try {
        engine.stopPlayingStream(play.streamID);
      } catch {
        // The play is gone: there is no player to record on.
      }
    }
  }

  /**
   * A play failed (NO_PLAY with errorCode ≠ 0, or its start threw or
   * rejected): its media is dead, so `null` goes out; one replay is scheduled
   * with the backoff, or the play is given up once the attempts are spent. A
   * stream no held room lists is never replayed ("Express SDK: disconnection and reconnection").
   */
  function failed(play: Play): void {
    withdraw(play);
    const holder = driver(play);
    if (!holder || play.timer !== null || play.due || play.gaveUp || !listed(play)) return;
    const { streamID } = play;
    const now = holder.clock.now();
    play.firstFailureAt ??= now;
    if (play.attempt >= holder.maxReplayAttempts) {
      play.gaveUp = true;
      tell(play, (kit) => kit.emit('replayGaveUp', streamID, { attempts: play.attempt }));
      return;
    }
    const attempt = ++play.attempt;
    const windowEnd = play.firstFailureAt + holder.store.getState().config.heartbeatTimeoutMs;
    const delay = replayDelayFor(attempt, now, windowEnd, holder.replayDelayMs, holder.maxReplayAttempts);
    const { clock } = holder;
    play.timerClock = clock;
    play.timer = clock.setTimeout(
      () =>
        run(() => {
          play.timer = null;
          play.timerClock = null;
          if (plays.get(streamID) === play) start(play, attempt);
        }),
      delay,
    );
    tell(play, (kit) => kit.emit('replayScheduled', streamID, { attempt, dueAt: now + delay }));
  }

  /** The outage is over (PLAYING, a new ADD, a re-arm, `retry`): the count and the window start over. */
  function reset(play: Play): void {
    clearTimer(play);
    play.attempt = 0;
    play.gaveUp = false;
    play.firstFailureAt = null;
    tell(play, (kit) => kit.forget(play.streamID));
  }

  function rearm(play: Play): void {
    reset(play);
    start(play);
  }

  /** Forgets a play: replay cancelled, stopped if `stop` and started, `null` handed out. */
  function release(play: Play, by: PlayHolder, stop: boolean): void {
    const { streamID } = play;
    if (plays.get(streamID) !== play) return;
    // From here on the play is no one's: plays are never put back, so whatever
    // a start of it still resolves with is stale (`current`).
    plays.delete(streamID);
    play.releasedBy = by;
    if (clearTimer(play)) tell(play, (kit) => kit.emit('replayCancelled', streamID));
    // Engine calls never throw out of here: a throw is recorded on the player in `by`'s store.
    if (stop && play.started) by.kit.guard(streamID, 'stopPlayingStream', () => engine.stopPlayingStream(streamID));
    withdraw(play);
    play.holds.clear();
  }

  /** Takes `holder`'s hold for `roomID` away (every room with `roomID` undefined); the last hold releases the play. */
  function letGo(play: Play, holder: PlayHolder, roomID: string | undefined, stop: boolean): void {
    const rooms = play.holds.get(holder);
    if (!rooms || (roomID !== undefined && !rooms.has(roomID))) return;
    const lastRoom = roomID === undefined || rooms.size === 1;
    if (lastRoom && play.holds.size === 1) {
      release(play, holder, stop);
      return;
    }
    if (!lastRoom) {
      rooms.delete(roomID!);
      return;
    }
    play.holds.delete(holder);
    // The play goes on for others. A detached policy hears nothing more; one
    // still attached keeps the media it was handed and gets `null` when the
    // playback ends. A store no other holder shares stops showing the replay.
    if (!holders.has(holder)) play.handed.delete(holder);
    if ((play.timer !== null || play.due) && ![...play.holds.keys()].some((other) => other.store === holder.store)) {
      holder.kit.emit('replayCancelled', play.streamID);
    }
  }

  const heldBy = (holder: PlayHolder, roomID: string): Play[] =>
    [...plays.values()].filter((play) => play.holds.get(holder)?.has(roomID));

  return {
    run,
    join(holder) {
      holders.add(holder);
    },
    hold(holder, roomID, stream, rearmGivenUp) {
      const { streamID } = stream;
      let play = plays.get(streamID);
      if (!play) {
        play = {
          streamID,
          holds: new Map([[holder, new Set([roomID])]]),
          handed: new Set(),
          media: null,
          started: false,
          call: 0,
          timer: null,
          timerClock: null,
          due: false,
          attempt: 0,
          gaveUp: false,
          firstFailureAt: null,
          releasedBy: null,
        };
        plays.set(streamID, play);
        holder.kit.forget(streamID); // clears the store's replay bookkeeping left from an earlier outage
        start(play);
        return;
      }
      let rooms = play.holds.get(holder);
      if (!rooms) play.holds.set(holder, (rooms = new Set()));
      rooms.add(roomID);
      hand(play, holder);
      // A new ADD is a new chance: the policy had given up on the old outage.
      if (rearmGivenUp && play.gaveUp) rearm(play);
    },
    deleted(holder, roomID, streamID) {
      const play = plays.get(streamID);
      if (play) letGo(play, holder, roomID, true);
    },
    left(holder, roomID) {
      for (const play of heldBy(holder, roomID)) letGo(play, holder, roomID, false);
    },
    player(streamID, state, errorCode) {
      const play = plays.get(streamID);
      if (!play) return;
      if (state === 'PLAYING') {
        // Success ends the outage. The reducer resets the store's schedule on a
        // change to PLAYING; this also covers a repeated PLAYING, which the
        // reducer drops as a duplicate.
        reset(play);
      } else if (state === 'NO_PLAY' && typeof errorCode === 'number' && errorCode !== 0 && play.started) {
        // Seed 003: NO_PLAY with errorCode ≠ 0 — the SDK's own retries are spent.
        failed(play);
      }
    },
    connected(holder, roomID, reconnected) {
      for (const play of heldBy(holder, roomID)) {
        if (play.due) start(play, play.attempt);
        // The viewer's own outage may be why its plays failed: a new chance.
        else if (reconnected && play.gaveUp) rearm(play);
      }
    },
    joined(holder, roomID, userIDs) {
      for (const play of heldBy(holder, roomID)) {
        const userID = holder.live(roomID, play.streamID)?.user?.userID;
        if (play.gaveUp && userID !== undefined && userIDs.has(userID)) rearm(play);
      }
    },
    retry(holder, streamID) {
      const play = plays.get(streamID);
      if (play) {
        // Given up, or a replay is pending (not playing or starting): play now, counting afresh.
        if (play.gaveUp || play.timer !== null || play.due) rearm(play);
        return;
      }
      if (holder.claim(streamID)) return;
      for (const other of holders) if (other !== holder && other.claim(streamID)) return;
    },
    detach(holder) {
      holders.delete(holder);
      for (const play of [...plays.values()]) letGo(play, holder, undefined, true);
      if (holders.size === 0 && plays.size === 0) registries.delete(engine);
    },
  };
}
