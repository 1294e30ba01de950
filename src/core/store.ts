/**
 * The store: zustand/vanilla holding {@link StatusState}, plus `dispatch`.
 * As in zustand's redux middleware, the reducer is the only writer.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { systemClock, type Clock } from './clock.js';
import type { StatusEvent } from './events.js';
import { statusReducer } from './reducer.js';
import { createInitialStatus, type StatusOptions, type StatusState } from './status.js';

/**
 * Options for {@link createStatusStore}.
 *
 * @example
 * ```ts
 * const options: StatusStoreOptions = { clock: createManualClock(), roomRetryTimeMs: 5 * 60_000 };
 * ```
 */
export interface StatusStoreOptions extends StatusOptions {
  /** Where adapters, policies and countdowns read time. Default: {@link systemClock}. */
  clock?: Clock | undefined;
  /** Called when an event listener or a state subscriber throws; default `console.error`. */
  onListenerError?: ((error: unknown) => void) | undefined;
}

/**
 * A zustand vanilla store of {@link StatusState} with `dispatch` and the clock.
 *
 * @example
 * ```ts
 * const store: StatusStore = createStatusStore();
 * store.subscribe((state) => console.log(state.rooms.size));
 * ```
 */
export interface StatusStore extends StoreApi<StatusState> {
  /** Applies one event through {@link statusReducer}; listeners run only when the state changed. */
  dispatch(event: StatusEvent): void;
  /**
   * Listens to every dispatched event, after the reducer ran: what policies
   * react to (a stream DELETE, a NO_PLAY with an error). Returns unsubscribe.
   */
  subscribeEvents(listener: StatusEventListener): () => void;
  /** The clock everything attached to this store reads time from. */
  readonly clock: Clock;
}

/**
 * Receives each dispatched event with the state after and before it.
 *
 * @example
 * ```ts
 * const listener: StatusEventListener = (event, state) => {
 *   if (event.type === 'roomStreamUpdate' && event.updateType === 'DELETE') console.log(state.rooms.size);
 * };
 * ```
 */
export type StatusEventListener = (event: StatusEvent, state: StatusState, previous: StatusState) => void;

/**
 * Creates the status store.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const store = createStatusStore({ clock });
 * store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: clock.now() });
 * store.getState().rooms.get('r1')?.phase; // 'connecting'
 * ```
 */
export function createStatusStore(options: StatusStoreOptions = {}): StatusStore {
  const initial = createInitialStatus(options);
  // No middleware: devtools are their own import (zego-status-kit/devtools),
  // so apps that do not use them never ship them.
  const api = createStore<StatusState>()(() => initial);
  const eventListeners = new Set<StatusEventListener>();
  const reportError = options.onListenerError ?? ((error: unknown) => console.error('[zego-status-kit] event listener threw', error));
  const safely = (call: () => void): void => {
    try {
      call();
    } catch (error) {
      reportError(error);
    }
  };
  // Events dispatched from inside a listener (a policy reacting to a DELETE)
  // wait until every listener has seen the current event, so all listeners see
  // events in the order they happened; one listener that throws neither skips
  // the others nor reaches the SDK callback that dispatched.
  const queue: StatusEvent[] = [];
  let dispatching = false;
  const dispatch = (event: StatusEvent): void => {
    queue.push(event);
    if (dispatching) return;
    dispatching = true;
    try {
      for (let next; (next = queue.shift()) !== undefined; ) {
        const current = next;
        const prev = api.getState();
        const state = statusReducer(prev, current);
        if (state !== prev) api.setState(state, true);
        for (const listener of eventListeners) safely(() => listener(current, state, prev));
      }
    } finally {
      dispatching = false;
    }
  };
  return {
    ...api,
    // A state subscriber that throws (an app's, or React refusing an update)
    // must not abort dispatch: the event listeners after it are the policies,
    // which have to see every stream DELETE (seed 003).
    subscribe: (listener) => api.subscribe((state, previous) => safely(() => listener(state, previous))),
    dispatch,
    subscribeEvents: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    clock: options.clock ?? systemClock,
  };
}
