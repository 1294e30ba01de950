/**
 * attachAudiencePolicy: keeps an audience's playback in step with the room,
 * as "Express SDK: disconnection and reconnection" tells the audience to ("Handling Host Network Issues from the
 * Audience Side", "Handling Host Crashes from the Audience Side"):
 * - stream DELETE: stopPlayingStream at once, never replay it — "to avoid
 *   falling into a replay infinite loop, the audience should stop playback
 *   promptly when receiving a stream deleted notification";
 * - stream ADD: startPlayingStream (the host republished, or restarted);
 * - NO_PLAY with errorCode ≠ 0 (the SDK's own retries are spent): play again
 *   after ≈3 s, backing off, a bounded number of times ("do not continuously
 *   retry"), but not giving up on a live stream inside the 90 s heartbeat
 *   window: only at its end is a stream whose host is away deleted.
 *
 * Plays are the engine's, not the policy's: every policy on one engine shares
 * them (engine-plays.ts), so a stream live in two rooms, or wanted by two
 * policies, is played once.
 *
 * It only calls the engine and dispatches its own events; time comes from the
 * injected Clock, so the 90 s heartbeat timeout ("Express SDK: disconnection and reconnection") runs in a test in
 * a millisecond.
 */
import type { Clock } from '../core/clock.js';
import type { StatusEvent } from '../core/events.js';
import { isId, nonNegative } from '../core/guards.js';
import { toPlayerState } from '../core/states.js';
import type { LiveStream } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { createPolicyKit } from './engine-call.js';
import { enginePlays, replaysForWindow, type PlayHolder } from './engine-plays.js';

/** "Express SDK: disconnection and reconnection": "attempts to play the stream again after a delay (for example, 3 seconds later)". */
const REPLAY_DELAY_MS = 3000;

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
  clock?: Clock | undefined;
  /**
   * Wait before the first replay of a failed play: 3 s, as "Express SDK:
   * disconnection and reconnection" suggests ("for example, 3 seconds
   * later"). Each further replay of the same outage waits twice as long (3,
   * 6, 12, 24 s ...), but none waits past the end of the heartbeat window
   * (the store's `heartbeatTimeoutMs`, 90 s, counted from the outage's first
   * failure).
   */
  replayDelayMs?: number | undefined;
  /**
   * Replays per outage before giving up. Default: the fewest whose backoff
   * spans the heartbeat window, 5 with 3 s and 90 s (at 3, 9, 21, 45 and 90 s
   * after the first failure). With fewer, the last one waits for the window's
   * end, so a stream whose host comes back inside the window is still played
   * again; with more, the backoff goes on doubling after the window. 0: never
   * replay. The count starts over on PLAYING, a new ADD, a RECONNECTED of the
   * room, a rejoin of the stream's user, or `retry`.
   */
  maxReplayAttempts?: number | undefined;
  /** Which live streams to play (default: every stream). Called with the stream and its roomID. */
  shouldPlay?: ((stream: LiveStream, roomID: string) => boolean) | undefined;
  /** Second argument of `startPlayingStream` (web: `ZegoWebPlayOption`), or a function giving it per stream. */
  playOptions?: object | ((stream: LiveStream, roomID: string) => object | undefined) | undefined;
  /**
   * Gets the media `startPlayingStream` resolved with, and `null` once that
   * playback ends: failed, stopped, deleted, left or detached. A stream that
   * another policy on the same engine still plays goes on playing: this
   * policy gets `null` when it ends.
   */
  onMediaStream?: ((streamID: string, media: PlayedMedia<E> | null) => void) | undefined;
  /** Manage only this room's streams (multi-room). Default: every room the user is in. */
  roomID?: string | undefined;
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
   * of this policy), every stream this policy plays is stopped with
   * `stopPlayingStream` and reported as `null` media — unless another policy
   * on the same engine plays it too: then it goes on, and this policy hears
   * nothing more of it — and no event is handled after. A start that
   * resolves later is ignored. Idempotent.
   */
  detach(): void;
  /**
   * Plays `streamID` again now, with a fresh attempt count: for a stream the
   * engine's policies gave up on, or one whose replay is pending, whichever
   * policy on the engine plays it. Does nothing for a stream that is playing
   * or starting, or that no policy on the engine may play (not live in a
   * room it serves that the user is in, or refused by its `shouldPlay`).
   */
  retry(streamID: string): void;
}

/**
 * Attaches the audience playback policy to a store fed by an adapter
 * (`connectZegoWeb` / `connectZegoNative`). Behaviour, after "Express SDK:
 * disconnection and reconnection":
 * - a stream ADD in a room the user is in (phase connected), and every stream
 *   already live at attach time or when a room reaches LOGINED/RECONNECTED:
 *   `startPlayingStream` for each stream `shouldPlay` accepts — once per
 *   engine, however many rooms list it and policies want it;
 * - a stream DELETE: `stopPlayingStream` at once, pending replay cancelled,
 *   `onMediaStream(streamID, null)`, unless the stream is still live in
 *   another room the engine's policies play it for; a start resolving later
 *   is dropped;
 * - `NO_PLAY` with errorCode ≠ 0, or a start that throws or rejects: the
 *   media is withdrawn (`null`) and a replay scheduled, backing off from
 *   `replayDelayMs`, shown in the store as `player.replay = { attempt, dueAt }`;
 *   after `maxReplayAttempts` replays in one outage, `player.gaveUp` and no
 *   more calls until a new ADD, a RECONNECTED of the room, a rejoin of the
 *   stream's user or `retry(streamID)`; PLAYING starts the count over;
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
  const plays = enginePlays(engine);
  const replayDelayMs = nonNegative(options.replayDelayMs, REPLAY_DELAY_MS);
  const maxReplayAttempts = Math.floor(
    nonNegative(options.maxReplayAttempts, replaysForWindow(replayDelayMs, store.getState().config.heartbeatTimeoutMs)),
  );
  // Handlers of every policy on this engine run one at a time (`plays.run`):
  // the store calls listeners synchronously, also for the events a policy
  // dispatches from inside a handler.
  const kit = createPolicyKit(store, clock, 'player', plays.run);
  let attached = true;

  const inScope = (roomID: string): boolean => onlyRoomID === undefined || roomID === onlyRoomID;
  const room = (roomID: string) => store.getState().rooms.get(roomID);
  /** The user is in the room (phase connected: LOGINED or RECONNECTED): streams can be played. */
  const connected = (roomID: string): boolean => room(roomID)?.phase === 'connected';
  /** The stream, if it is live in the room, whatever the room's phase. */
  const live = (roomID: string, streamID: string): LiveStream | undefined => room(roomID)?.streams.get(streamID);
  /** The stream, if it is live in a room the user is in: it can be played now. */
  const playable = (roomID: string, streamID: string): LiveStream | undefined =>
    connected(roomID) ? live(roomID, streamID) : undefined;

  /** Calls app code; a throw is recorded on the player, and `undefined` returned. */
  const { guard } = kit;

  const accepts = (stream: LiveStream, roomID: string): boolean =>
    !shouldPlay || !!guard(stream.streamID, 'shouldPlay', () => shouldPlay(stream, roomID) === true);

  const holder: PlayHolder = {
    kit,
    store,
    clock,
    replayDelayMs,
    maxReplayAttempts,
    live,
    connected,
    playOptions: (stream, roomID) =>
      typeof playOptions === 'function'
        ? guard(stream.streamID, 'playOptions', () => (playOptions as (stream: LiveStream, roomID: string) => object | undefined)(stream, roomID))
        : playOptions,
    deliver(streamID, media) {
      if (onMediaStream) guard(streamID, 'onMediaStream', () => onMediaStream(streamID, media as PlayedMedia<E> | null));
    },
    claim(streamID) {
      if (!attached) return false;
      for (const roomID of store.getState().rooms.keys()) {
        const stream = inScope(roomID) ? playable(roomID, streamID) : undefined;
        if (stream && accepts(stream, roomID)) {
          plays.hold(holder, roomID, stream, false);
          return true;
        }
      }
      return false;
    },
  };

  /** Holds every accepted live stream of a connected room (played unless the engine plays it already). */
  function sync(roomID: string): void {
    const current = room(roomID);
    if (current?.phase !== 'connected') return;
    current.streams.forEach((stream) => {
      if (attached && accepts(stream, roomID)) plays.hold(holder, roomID, stream, false);
    });
  }

  function handle(event: StatusEvent): void {
    if (!attached) return;
    if (event.type === 'playerStateUpdate') {
      plays.player(event.streamID, toPlayerState(event.state) ?? '', event.errorCode);
      return;
    }
    if (event.type !== 'roomStateChanged' && event.type !== 'roomStreamUpdate' && event.type !== 'roomUserUpdate') return;
    const { roomID } = event;
    if (!isId(roomID) || !inScope(roomID)) return;
    if (event.type === 'roomStateChanged') {
      // Read the phase the reducer settled on rather than the raw reason, so a
      // malformed or duplicate event is judged exactly as the store judged it.
      // A room left with LOGOUT is dropped from the store: absent reads as idle.
      const current = room(roomID);
      const phase = current?.phase ?? 'idle';
      if (phase === 'connected') {
        // Plays held from before first (due replays, re-arms), then the streams newly listed.
        plays.connected(holder, roomID, current!.reason === 'RECONNECTED');
        sync(roomID);
      } else if (phase !== 'reconnecting') {
        // No engine call: the user is out of the room (logout, kick-out,
        // failure), or logging in anew (a LOGINING empties the room's lists:
        // the SDK ended the old session's plays, e.g. at a LOGOUT this store missed).
        plays.left(holder, roomID);
      }
      return;
    }
    if (event.type === 'roomUserUpdate') {
      // A rejoin of a stream's user (seed 003, T6') is a new chance for a stream given up on.
      if (event.updateType !== 'ADD' || !Array.isArray(event.userList)) return;
      const userIDs = new Set<string>();
      for (const user of event.userList as unknown[]) {
        const userID = (user as { userID?: unknown } | null)?.userID;
        if (isId(userID)) userIDs.add(userID);
      }
      if (userIDs.size > 0) plays.joined(holder, roomID, userIDs);
      return;
    }
    const { updateType, streamList } = event;
    if (!Array.isArray(streamList)) return;
    for (const item of streamList as unknown[]) {
      const streamID = (item as { streamID?: unknown } | null)?.streamID;
      if (!isId(streamID)) continue;
      if (updateType === 'DELETE') {
        // Seed 003: on "stream deleted", stopPlayingStream at once — unless it is live in another room played for.
        plays.deleted(holder, roomID, streamID);
      } else if (updateType === 'ADD') {
        const stream = playable(roomID, streamID);
        if (stream && accepts(stream, roomID)) plays.hold(holder, roomID, stream, true);
      }
    }
  }

  const unsubscribe = kit.listen(handle);

  plays.join(holder);
  // Streams already live when the policy attaches are played at once.
  plays.run(() => {
    store.getState().rooms.forEach((_, roomID) => {
      if (inScope(roomID)) sync(roomID);
    });
  });

  return {
    detach() {
      if (!attached) return;
      attached = false; // first: an onMediaStream(null) below must not start anything again
      unsubscribe();
      plays.run(() => plays.detach(holder));
    },
    retry(streamID) {
      plays.run(() => {
        if (attached && isId(streamID)) plays.retry(holder, streamID);
      });
    },
  };
}
