/**
 * attachPublisherRetryPolicy: "Express SDK: disconnection and reconnection", "Stream Publishing Reconnection":
 * when every publishing node failed the SDK reports NO_PUBLISH with
 * errorCode ≠ 0; "the business side can consider waiting a few seconds (such
 * as 3-5 seconds) before starting to republish the stream, but do not
 * continuously retry, which will lead to an infinite loop." So: one
 * republish after the delay, a bounded number of times per outage, shown in
 * the store like the audience replay (target 'publisher').
 */
import type { Clock } from '../core/clock.js';
import type { StatusEvent } from '../core/events.js';
import { isId } from '../core/guards.js';
import type { RoomPhase } from '../core/states.js';
import { toPublisherState } from '../core/states.js';
import type { StatusStore } from '../core/store.js';
import { createPolicyKit, createRetrySlot, isThenable, type RetrySlot } from './engine-call.js';

/**
 * What `republish` is called with.
 *
 * @example
 * ```ts
 * const republish = ({ engine, streamID }: RepublishContext<ZegoExpressEngine>) =>
 *   engine!.startPublishingStream(streamID, localStream);
 * ```
 */
export interface RepublishContext<E = unknown> {
  readonly streamID: string;
  /** 1 for the first retry of this outage. */
  readonly attempt: number;
  /** The `engine` option, passed through. */
  readonly engine: E | undefined;
}

/**
 * Options for {@link attachPublisherRetryPolicy}.
 *
 * @example
 * ```ts
 * const options: PublisherRetryPolicyOptions<ZegoExpressEngine> = {
 *   engine, store, streamID: 'me',
 *   republish: ({ engine }) => engine!.startPublishingStream('me', localStream),
 * };
 * ```
 */
export interface PublisherRetryPolicyOptions<E = unknown> {
  /** Handed to `republish`; the policy itself calls nothing on it. */
  engine?: E | undefined;
  /** Where publisher and room events arrive and where the schedule is shown. */
  store: StatusStore;
  /** Time and timers. Default: `store.clock`. */
  clock?: Clock | undefined;
  /** The published stream to watch. */
  streamID: string;
  /**
   * Publishes the stream again. The app owns the local MediaStream (it never
   * enters the store), so it makes the call, e.g. `startPublishingStream`.
   * A throw or a rejection is recorded on the publisher as `engineCallFailed`
   * and counts as a failed attempt.
   */
  republish: (context: RepublishContext<E>) => unknown;
  /** Wait before republishing: 3 s, within the 3–5 s of "Express SDK: disconnection and reconnection". */
  delayMs?: number | undefined;
  /** Republishes per outage (default 1: "do not continuously retry"); the count starts over on PUBLISHING. */
  maxAttempts?: number | undefined;
  /** The room the stream is published in. Default: the store's current room. */
  roomID?: string | undefined;
}

const hasLeft = (phase: RoomPhase | undefined): boolean => phase === 'idle' || phase === 'failed' || phase === 'kicked';

/**
 * Attaches the publisher retry policy for one stream. On NO_PUBLISH with
 * errorCode ≠ 0 it schedules `republish()` after `delayMs` (store:
 * `publisher.replay = { attempt, dueAt }`), at most `maxAttempts` times per
 * outage, then marks `publisher.gaveUp`. PUBLISHING starts the count over.
 * A republish that falls due while the room is reconnecting waits for
 * RECONNECTED; leaving the room (LOGOUT, KICKOUT, LOGIN_FAILED,
 * RECONNECT_FAILED) cancels it.
 *
 * @returns `detach()`: cancels the pending republish (no timer left on the
 * clock) and stops listening. Idempotent.
 *
 * @example
 * ```ts
 * const detach = attachPublisherRetryPolicy({
 *   engine,
 *   store,
 *   streamID: 'host-main',
 *   republish: ({ engine, streamID }) => engine!.startPublishingStream(streamID, localStream),
 * });
 * // on leaving the page
 * detach();
 * ```
 */
export function attachPublisherRetryPolicy<E = unknown>(options: PublisherRetryPolicyOptions<E>): () => void {
  const { engine, store, streamID, republish, roomID: onlyRoomID } = options;
  const clock = options.clock ?? store.clock;
  const kit = createPolicyKit(store, clock, 'publisher');
  const { run, emit, fail, listen } = kit;
  const { clear, reset, schedule } = createRetrySlot(
    kit,
    clock,
    options.delayMs,
    3000, // within the seed's 3–5 s
    options.maxAttempts,
    1, // "do not continuously retry"
  );
  /** The retry slot, and the id of the latest republish: a rejection of an older one is stale. */
  const slot: RetrySlot & { call: number } = { timer: null, attempt: 0, call: 0 };
  let attached = true;

  const roomIDNow = (): string | null => onlyRoomID ?? store.getState().currentRoomID;

  /** The room's phase; a room left with LOGOUT is dropped from the store, and reads as idle. */
  const phaseOf = (roomID: string | null): RoomPhase | undefined => {
    const { rooms, leftRoomIDs } = store.getState();
    return roomID === null ? undefined : (rooms.get(roomID)?.phase ?? (leftRoomIDs.includes(roomID) ? 'idle' : undefined));
  };
  const phaseNow = (): RoomPhase | undefined => phaseOf(roomIDNow());

  /** One pending republish at most; out of the room there is nothing to republish into. */
  const failed = (): void => schedule(slot, streamID, attached && !hasLeft(phaseNow()), fire);

  function fire(attempt: number): void {
    if (!attached) return;
    const phase = phaseNow();
    if (hasLeft(phase)) return;
    if (phase !== undefined && phase !== 'connected') {
      // Only LOGINED and RECONNECTED allow publishing (the states of "Room connection status"): wait for it.
      slot.due = true;
      return;
    }
    slot.due = false;
    const id = ++slot.call;
    emit('replayStarted', streamID, { attempt });
    const failedWith = (error: unknown): void => {
      fail(streamID, 'republish', error);
      failed();
    };
    let result: unknown;
    try {
      result = republish({ streamID, attempt, engine });
    } catch (error) {
      failedWith(error);
      return;
    }
    if (isThenable(result)) {
      result.then(undefined, (error: unknown) =>
        run(() => {
          if (attached && slot.call === id) failedWith(error);
        }),
      );
    }
  }

  function handle(event: StatusEvent): void {
    if (!attached) return;
    if (event.type === 'publisherStateUpdate') {
      if (event.streamID !== streamID) return;
      const state = toPublisherState(event.state);
      if (state === 'PUBLISHING') {
        // Success ends the outage. The reducer resets the store's schedule on a
        // change to PUBLISHING, but drops a repeated PUBLISHING as a duplicate.
        reset(slot, streamID);
      } else if (state === 'NO_PUBLISH' && typeof event.errorCode === 'number' && event.errorCode !== 0) {
        failed();
      }
    } else if (event.type === 'roomStateChanged') {
      const roomID = roomIDNow();
      if (!isId(event.roomID) || (roomID !== null && event.roomID !== roomID)) return;
      const phase = phaseOf(event.roomID);
      if (hasLeft(phase)) {
        if (slot.timer !== null || slot.due || slot.attempt > 0 || slot.gaveUp) {
          slot.call++; // a republish still pending is stale now
          reset(slot, streamID, true);
        }
      } else if (phase === 'connected' && slot.due) {
        fire(slot.attempt);
      }
    }
  }

  const unsubscribe = listen(handle);

  return () => {
    if (!attached) return;
    attached = false;
    unsubscribe();
    if (clear(slot)) emit('replayCancelled', streamID);
  };
}
