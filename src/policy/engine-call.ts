/**
 * What the two policies share: calling into engine or app code
 * without ever letting a throw or a rejection escape; running handlers one at
 * a time although the store calls its listeners synchronously, even from
 * inside a dispatch the policy itself made; and the bookkeeping of one retry
 * "slot" (the pending replay or republish, its attempt count, gave-up), shown
 * in the store with the policy's own events.
 *
 * Internal: not exported from the package.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { RetryTarget, StatusEvent } from '../core/events.js';
import { isNumber, isObject, nonNegative } from '../core/guards.js';
import type { StatusStore } from '../core/store.js';

/** The failure of a call, as the store records it. @internal */
export interface CallFailure {
  readonly errorCode: number;
  readonly message?: string | undefined;
}

/**
 * Reads a ZEGO-style error: the web SDK rejects with `{ code, msg }`
 * (web SDK 3.12: `{ code: 1002031, msg: 'login timeout' }`); other engines throw
 * an `Error`, an `{ errorCode }` or anything at all. `-1` when no code is known.
 *
 * @example
 * ```ts
 * failureOf({ code: 1002031, msg: 'login timeout' }); // { errorCode: 1002031, message: 'login timeout' }
 * failureOf('boom'); // { errorCode: -1, message: 'boom' }
 * ```
 *
 * @internal
 */
export function failureOf(error: unknown): CallFailure {
  if (isObject(error)) {
    const { code, errorCode } = error;
    const text = error['msg'] ?? error['message'];
    const number = isNumber(code) ? code : isNumber(errorCode) ? errorCode : -1;
    return typeof text === 'string' ? { errorCode: number, message: text } : { errorCode: number };
  }
  if (isNumber(error)) return { errorCode: error };
  return typeof error === 'string' ? { errorCode: -1, message: error } : { errorCode: -1 };
}

/**
 * True for a promise or any other thenable an engine may return.
 *
 * @example
 * ```ts
 * isThenable(Promise.resolve()); // true
 * isThenable({ then: 1 }); // false
 * ```
 *
 * @internal
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return Object(value) === value && typeof (value as { then?: unknown }).then === 'function';
}

/** One stream's retry bookkeeping: at most one pending retry ("Express SDK: disconnection and reconnection": "do not continuously retry"). @internal */
export interface RetrySlot {
  /** The pending retry's timer, if any. */
  timer: TimerHandle | null;
  /** A retry fell due while the room was reconnecting; it is made on RECONNECTED. */
  due?: boolean | undefined;
  /** Retries made or scheduled in this outage. */
  attempt: number;
  gaveUp?: boolean | undefined;
}

/** The events a policy dispatches about itself. */
type PolicyEventType = 'replayScheduled' | 'replayStarted' | 'replayGaveUp' | 'replayCancelled' | 'engineCallFailed';

/**
 * Runs tasks to completion one at a time: `run(task)`.
 *
 * @example
 * ```ts
 * const run: RunQueue = createRunQueue();
 * run(() => store.dispatch(event)); // a listener that calls run() inside waits until this task is done
 * ```
 *
 * @internal
 */
export type RunQueue = (task: () => void) => void;

/**
 * A {@link RunQueue}. The task at the head of the queue is the one running; a
 * task started meanwhile (a listener re-entered by the policy's own dispatch,
 * or an engine that emits a callback synchronously from `startPlayingStream`)
 * waits behind it, so each handler sees the policy's bookkeeping whole. A
 * task that throws (only a bug of ours could) is dropped; the queue carries on.
 *
 * @example
 * ```ts
 * const run = createRunQueue(); // one per engine for audience policies, so they take turns too
 * ```
 *
 * @internal
 */
export function createRunQueue(): RunQueue {
  const queue: (() => void)[] = [];
  return (task) => {
    if (queue.push(task) > 1) return;
    for (; queue.length; queue.shift()) {
      try {
        queue[0]!();
      } catch {
        // Nothing may escape into the store's dispatch or the SDK's callback.
      }
    }
  };
}

/**
 * The toolkit one policy instance runs on: `{ run, emit, fail, guard,
 * forget, listen }`, each described where it is defined below. `run` is a queue of
 * its own unless one is given (shared by the policies that must take turns).
 * The publisher policy adds its retry slot with {@link createRetrySlot}.
 *
 * @example
 * ```ts
 * const { run, emit } = createPolicyKit(store, clock, 'player');
 * ```
 *
 * @internal
 */
export function createPolicyKit(store: StatusStore, clock: Clock, target: RetryTarget, run: RunQueue = createRunQueue()) {
  /** Dispatches one of the policy's own events about `streamID`, stamped with `clock.now()`. */
  const emit = (type: PolicyEventType, streamID: string, fields?: object): void => {
    try {
      store.dispatch({ type, target, streamID, ...fields, at: clock.now() } as StatusEvent);
    } catch {
      // Another listener threw; the reducer has already applied the event.
    }
  };

  /** Records a failed engine or app call as `engineCallFailed`. */
  const fail = (streamID: string, call: string, error: unknown): void =>
    emit('engineCallFailed', streamID, { call, ...failureOf(error) });

  /** Runs an engine or app call that must not throw out of the policy: a throw is recorded (`fail`), and gives `undefined`. */
  const guard = <T>(streamID: string, call: string, task: () => T): T | undefined => {
    try {
      return task();
    } catch (error) {
      fail(streamID, call, error);
      return undefined;
    }
  };

  /**
   * Clears the store's schedule of `streamID` (`replayCancelled` with
   * `reset`) when it shows an earlier outage, or always with `force`.
   */
  const forget = (streamID: string, force?: boolean): void => {
    const record = store.getState()[`${target}s` as const].get(streamID);
    if (force || (record && (record.attempts > 0 || record.gaveUp || record.replay !== null))) {
      emit('replayCancelled', streamID, { reset: true });
    }
  };

  /** Subscribes `handle` to the store's events, one at a time through `run`. */
  const listen = (handle: (event: StatusEvent) => void): (() => void) =>
    store.subscribeEvents((event) => run(() => handle(event)));

  return { run, emit, fail, guard, forget, listen };
}

/**
 * One retry slot's bookkeeping on a policy's kit (the publisher policy's; the
 * audience's plays keep their own, with a backoff): `{ clear, reset,
 * schedule }`, each described where it is defined below.
 *
 * @example
 * ```ts
 * const { schedule } = createRetrySlot(kit, clock, options.delayMs, 3000, options.maxAttempts, 1);
 * ```
 *
 * @internal
 */
export function createRetrySlot(
  kit: PolicyKit,
  clock: Clock,
  delayOption: number | undefined,
  defaultDelay: number,
  maxOption: number | undefined,
  defaultMax: number,
) {
  const delay = nonNegative(delayOption, defaultDelay);
  const max = Math.floor(nonNegative(maxOption, defaultMax));
  const { run, emit, forget } = kit;

  /** Cancels the pending retry, timer or due; true if there was one. */
  const clear = (slot: RetrySlot): boolean => {
    const pending = slot.due || slot.timer !== null;
    if (slot.timer !== null) clock.clearTimeout(slot.timer);
    slot.timer = null;
    slot.due = false;
    return pending;
  };

  /**
   * Starts the count over (success, a new ADD, `retry`): pending retry
   * cancelled, and the store's schedule reset when it shows an earlier outage
   * (or always, with `force`).
   */
  const reset = (slot: RetrySlot, streamID: string, force?: boolean): void => {
    clear(slot);
    slot.attempt = 0;
    slot.gaveUp = false;
    forget(streamID, force);
  };

  /**
   * A call failed: schedule one retry after the delay (`fire` gets its
   * attempt), or give up once the attempts are spent. Nothing when a retry is
   * pending already, the slot gave up, or `allowed` is false.
   */
  const schedule = (slot: RetrySlot, streamID: string, allowed: boolean, fire: (attempt: number) => void): void => {
    if (slot.timer !== null || slot.due || slot.gaveUp || !allowed) return;
    if (slot.attempt >= max) {
      slot.gaveUp = true;
      emit('replayGaveUp', streamID, { attempts: slot.attempt });
      return;
    }
    const attempt = ++slot.attempt;
    const dueAt = clock.now() + delay;
    slot.timer = clock.setTimeout(
      () =>
        run(() => {
          slot.timer = null;
          fire(attempt);
        }),
      delay,
    );
    emit('replayScheduled', streamID, { attempt, dueAt });
  };

  return { clear, reset, schedule };
}

/**
 * What {@link createPolicyKit} returns.
 *
 * @example
 * ```ts
 * const kit: PolicyKit = createPolicyKit(store, clock, 'player');
 * ```
 *
 * @internal
 */
export type PolicyKit = ReturnType<typeof createPolicyKit>;
