/**
 * attachPublisherRetryPolicy: seed 003, "Stream Publishing Reconnection":
 * when every publishing node failed the SDK reports NO_PUBLISH with
 * errorCode ≠ 0; "the business side can consider waiting a few seconds (such
 * as 3-5 seconds) before starting to republish the stream, but do not
 * continuously retry, which will lead to an infinite loop." So: one
 * republish after the delay, a bounded number of times per outage, shown in
 * the store like the audience replay (target 'publisher').
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { StatusEvent } from '../core/events.js';
import type { RoomPhase } from '../core/states.js';
import { toPublisherState } from '../core/states.js';
import type { StatusStore } from '../core/store.js';
import { createSerialRunner, failureOf, isThenable } from './engine-call.js';

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
  engine?: E;
  /** Where publisher and room events arrive and where the schedule is shown. */
  store: StatusStore;
  /** Time and timers. Default: `store.clock`. */
  clock?: Clock;
  /** The published stream to watch. */
  streamID: string;
  /**
   * Publishes the stream again. The app owns the local MediaStream (it never
   * enters the store), so it makes the call, e.g. `startPublishingStream`.
   * A throw or a rejection is recorded on the publisher as `engineCallFailed`
   * and counts as a failed attempt.
   */
  republish: (context: RepublishContext<E>) => unknown;
  /** Wait before republishing: 3 s, within the seed's 3–5 s. */
  delayMs?: number;
  /** Republishes per outage (default 1: "do not continuously retry"); the count starts over on PUBLISHING. */
  maxAttempts?: number;
  /** The room the stream is published in. Default: the store's current room. */
  roomID?: string;
}

const DEFAULT_DELAY_MS = 3000;
const DEFAULT_MAX_ATTEMPTS = 1;

const nonNegative = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
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
  const delayMs = nonNegative(options.delayMs, DEFAULT_DELAY_MS);
  const maxAttempts = Math.floor(nonNegative(options.maxAttempts, DEFAULT_MAX_ATTEMPTS));
  let attached = true;
  let timer: TimerHandle | null = null;
  /** A republish fell due while the room was reconnecting. */
  let due = false;
  let attempt = 0;
  let gaveUp = false;
  /** Id of the latest republish; a rejection of an older one is stale. */
  let call = 0;
  const run = createSerialRunner(() => {
    // Only a bug of ours could land here; the app and the SDK must never see it.
  });

  function emit(event: StatusEvent): void {
    try {
      store.dispatch(event);
    } catch {
      // Another listener threw; the reducer has already applied the event.
    }
  }

  function roomIDNow(): string | null {
    return onlyRoomID ?? store.getState().currentRoomID;
  }

  function phaseNow(): RoomPhase | undefined {
    const roomID = roomIDNow();
    return roomID === null ? undefined : store.getState().rooms.get(roomID)?.phase;
  }

  function cancel(reset: boolean): void {
    const hadReplay = timer !== null || due;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    due = false;
    call++;
    if (reset) {
      attempt = 0;
      gaveUp = false;
    }
    if (hadReplay || reset) emit({ type: 'replayCancelled', target: 'publisher', streamID, ...(reset ? { reset: true } : {}), at: clock.now() });
  }

  function failed(): void {
    if (!attached || timer !== null || due || gaveUp) return; // one pending republish at most
    if (hasLeft(phaseNow())) return; // out of the room: nothing to republish into
    if (attempt >= maxAttempts) {
      gaveUp = true;
      emit({ type: 'replayGaveUp', target: 'publisher', streamID, attempts: attempt, at: clock.now() });
      return;
    }
    const next = ++attempt;
    timer = clock.setTimeout(() => run(() => fire(next)), delayMs);
    emit({ type: 'replayScheduled', target: 'publisher', streamID, attempt: next, dueAt: clock.now() + delayMs, at: clock.now() });
  }

  function fire(next: number): void {
    timer = null;
    if (!attached) return;
    const phase = phaseNow();
    if (hasLeft(phase)) return;
    if (phase !== undefined && phase !== 'connected') {
      // Only LOGINED and RECONNECTED allow publishing (DESIGN §2): wait for it.
      due = true;
      return;
    }
    due = false;
    const id = ++call;
    emit({ type: 'replayStarted', target: 'publisher', streamID, attempt: next, at: clock.now() });
    const fail = (error: unknown): void => {
      emit({ type: 'engineCallFailed', target: 'publisher', streamID, call: 'republish', ...failureOf(error), at: clock.now() });
      failed();
    };
    let result: unknown;
    try {
      result = republish({ streamID, attempt: next, engine });
    } catch (error) {
      fail(error);
      return;
    }
    if (isThenable(result)) {
      result.then(undefined, (error: unknown) =>
        run(() => {
          if (attached && call === id) fail(error);
        }),
      );
    }
  }

  function handle(event: StatusEvent): void {
    if (!attached) return;
    switch (event.type) {
      case 'publisherStateUpdate': {
        if (event.streamID !== streamID) return;
        const state = toPublisherState(event.state);
        if (state === 'PUBLISHING') {
          // Success ends the outage. The reducer resets the store's schedule on a
          // change to PUBLISHING, but drops a repeated PUBLISHING as a duplicate.
          const publisher = store.getState().publishers.get(streamID);
          const stale = publisher !== undefined && (publisher.replay !== null || publisher.attempts > 0 || publisher.gaveUp);
          if (timer !== null) clock.clearTimeout(timer);
          timer = null;
          due = false;
          attempt = 0;
          gaveUp = false;
          if (stale) emit({ type: 'replayCancelled', target: 'publisher', streamID, reset: true, at: clock.now() });
        } else if (state === 'NO_PUBLISH' && typeof event.errorCode === 'number' && event.errorCode !== 0) {
          failed();
        }
        return;
      }
      case 'roomStateChanged': {
        const roomID = roomIDNow();
        if (!isId(event.roomID) || (roomID !== null && event.roomID !== roomID)) return;
        const phase = store.getState().rooms.get(event.roomID)?.phase;
        if (hasLeft(phase)) {
          if (timer !== null || due || attempt > 0 || gaveUp) cancel(true);
        } else if (phase === 'connected' && due) {
          fire(attempt);
        }
        return;
      }
      case 'playerStateUpdate':
      case 'roomStreamUpdate':
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

  return () => {
    if (!attached) return;
    attached = false;
    unsubscribe();
    if (timer !== null || due) cancel(false);
  };
}
