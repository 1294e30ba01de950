/**
 * The store: zustand/vanilla holding {@link StatusState}, plus `dispatch`.
 * As in zustand's redux middleware, the reducer is the only writer.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { systemClock, type Clock } from './clock.js';
import type { StatusEvent } from './events.js';
import type { MediaHealthEvent } from './media-events.js';
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
  /**
   * Slices of state kept next to the core's, each with its own reducer, e.g.
   * `mediaHealth()`. Code for a slice ships only in apps that pass it.
   */
  extensions?: readonly StatusExtension[] | undefined;
}

/**
 * Every event `store.dispatch` accepts: the core's {@link StatusEvent}s and
 * the media-health events (kept only by a store with the `mediaHealth()` extension).
 *
 * @example
 * ```ts
 * const event: StoreEvent = { type: 'offline', at: clock.now() };
 * store.dispatch(event);
 * ```
 */
export type StoreEvent = StatusEvent | MediaHealthEvent;

/**
 * A reducer over the whole state and every event the store accepts: the
 * core's {@link statusReducer}, or it wrapped by extensions.
 *
 * @example
 * ```ts
 * const reduce: StoreReducer = (state, event) => statusReducer(state, event as StatusEvent);
 * ```
 */
export type StoreReducer = (state: StatusState, event: StoreEvent) => StatusState;

/**
 * Reads one engine callback's arguments into an event's fields (`type` may
 * be among them, to rename the callback); `undefined` drops the callback.
 *
 * @example
 * ```ts
 * const reader: EngineEventReader = (roomID) => (typeof roomID === 'string' ? { roomID } : undefined);
 * ```
 */
export type EngineEventReader = (...args: any[]) => Record<string, unknown> | undefined;

/**
 * What an extension adds to one adapter (`connectZegoWeb` or
 * `connectZegoNative`): more engine callbacks to read, and optionally
 * something to attach next to the engine (the web adapter's
 * `online`/`offline` listener), detached with the adapter.
 *
 * @example
 * ```ts
 * const adapter: ExtensionAdapter = { readers: { tokenWillExpire: (roomID) => ({ roomID }) } };
 * ```
 */
export interface ExtensionAdapter {
  /** Callback name on the engine -> reader; events are stamped and dispatched like the core's. */
  readonly readers: Readonly<Record<string, EngineEventReader>>;
  /** Attaches anything else the adapter should feed the store from; returns its detach. */
  attach?: ((store: StatusStore) => () => void) | undefined;
}

/**
 * Something kept next to the core's state, e.g. `mediaHealth()`: `wrap`
 * takes the store's reducer and returns one that also keeps the extension's
 * slice (it runs the inner reducer first, then updates its slice from the
 * event and the new state, returning the same object when nothing changed).
 * The store starts from the wrapped reducer applied to the initial state and
 * an empty event, so the slice exists from the start. The adapters register
 * the extension's engine readers when a store has it. Wrapping, rather than a
 * slice reducer the store would call, keeps `createStatusStore` as small for
 * apps without extensions as it was.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ extensions: [mediaHealth()] });
 * store.getState().media?.offlineSince; // null
 * ```
 */
export interface StatusExtension {
  wrap(reducer: StoreReducer): StoreReducer;
  /** Readers `connectZegoWeb` adds. */
  readonly web?: ExtensionAdapter | undefined;
  /** Readers `connectZegoNative` adds. */
  readonly native?: ExtensionAdapter | undefined;
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
  /** Applies one event through {@link statusReducer} and the extensions; listeners run only when the state changed. */
  dispatch(event: StoreEvent): void;
  /**
   * Listens to every dispatched event, after the reducer ran: what policies
   * react to (a stream DELETE, a NO_PLAY with an error). Returns unsubscribe.
   * Typed for the core's {@link StatusEvent}s by default; a store with
   * extensions also passes theirs (pass `<StoreEvent>` to see them typed), so
   * a listener ignores event types it does not know.
   */
  subscribeEvents<E extends StoreEvent = StatusEvent>(listener: StatusEventListener<E>): () => void;
  /** The clock everything attached to this store reads time from. */
  readonly clock: Clock;
  /** The extensions the store was created with (adapters read their `web` / `native` readers). */
  readonly extensions: readonly StatusExtension[];
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
export type StatusEventListener<E extends StoreEvent = StatusEvent> = (event: E, state: StatusState, previous: StatusState) => void;

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
  const extensions = options.extensions ?? [];
  // The core reducer ignores events it does not know (media health's); each
  // extension wraps it to keep its own slice.
  const reduce = extensions.reduce<StoreReducer>((inner, extension) => extension.wrap(inner), statusReducer as StoreReducer);
  const initial = reduce(createInitialStatus(options), {} as StoreEvent);
  // No middleware: devtools are their own import (zego-status-kit/devtools),
  // so apps that do not use them never ship them.
  const api = createStore<StatusState>()(() => initial);
  const eventListeners = new Set<StatusEventListener<StoreEvent>>();
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
  const queue: StoreEvent[] = [];
  let dispatching = false;
  const dispatch = (event: StoreEvent): void => {
    queue.push(event);
    if (dispatching) return;
    dispatching = true;
    try {
      // (Listeners run synchronously: `next` cannot change under them.)
      for (let next; (next = queue.shift()) !== undefined; ) {
        const prev = api.getState();
        const state = reduce(prev, next);
        if (state !== prev) api.setState(state, true);
        for (const listener of eventListeners) safely(() => listener(next, state, prev));
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
    subscribeEvents: (listener: StatusEventListener<any>) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    clock: options.clock ?? systemClock,
    extensions,
  };
}
