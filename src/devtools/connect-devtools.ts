/**
 * The store in the Redux DevTools browser extension, on demand: nothing here
 * is bundled unless an app imports `zego-status-kit/devtools`. Every event is
 * shown as an action with the state after it, as plain data; time travel and
 * imports from the extension are read back into PersistentMaps, or refused.
 */
import type { StatusStore, StoreEvent } from '../core/store.js';
import { fromPlainState, toPlain } from './plain-state.js';

/**
 * A message from the Redux DevTools extension to a connection (the part this
 * connection reads: time travel, import, commit, reset, pause, dispatch).
 *
 * @example
 * ```ts
 * const jump: DevtoolsMessage = { type: 'DISPATCH', payload: { type: 'JUMP_TO_STATE' }, state: '{"rooms":{}}' };
 * ```
 */
export interface DevtoolsMessage {
  readonly type: string;
  readonly payload?: unknown;
  readonly state?: string | undefined;
}

/**
 * What `__REDUX_DEVTOOLS_EXTENSION__.connect()` returns (the part this connection uses).
 *
 * @example
 * ```ts
 * const connection: DevtoolsConnection = window.__REDUX_DEVTOOLS_EXTENSION__.connect({ name: 'status' });
 * ```
 */
export interface DevtoolsConnection {
  init(state: unknown): void;
  send(action: unknown, state: unknown): void;
  subscribe(listener: (message: DevtoolsMessage) => void): (() => void) | void;
  unsubscribe?: (() => void) | undefined;
}

/**
 * The Redux DevTools extension object (`window.__REDUX_DEVTOOLS_EXTENSION__`).
 *
 * @example
 * ```ts
 * const extension: DevtoolsExtension = { connect: () => connection };
 * ```
 */
export interface DevtoolsExtension {
  connect(options: { name?: string | undefined }): DevtoolsConnection;
}

/**
 * Options of {@link connectDevtools}.
 *
 * @example
 * ```ts
 * const options: DevtoolsOptions = { name: 'Live room status' };
 * ```
 */
export interface DevtoolsOptions {
  /** The instance name shown in the extension. Default: `'zego-status-kit'`. */
  name?: string | undefined;
  /** The extension; default `globalThis.__REDUX_DEVTOOLS_EXTENSION__` (nothing happens when there is none). */
  extension?: DevtoolsExtension | undefined;
  /** Where refusals are reported; default `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
}

const payloadType = (message: DevtoolsMessage): unknown =>
  typeof message.payload === 'object' && message.payload !== null ? (message.payload as { type?: unknown }).type : undefined;

/** The last state of an imported history (`IMPORT_STATE`'s `nextLiftedState`). */
function importedState(payload: unknown): unknown {
  const computed = (payload as { nextLiftedState?: { computedStates?: unknown } | undefined } | null)?.nextLiftedState?.computedStates;
  return Array.isArray(computed) ? (computed[computed.length - 1] as { state?: unknown } | undefined)?.state : undefined;
}

/**
 * Shows `store` in the Redux DevTools extension: its state as plain data
 * (PersistentMaps written out as objects keyed by ID) and every dispatched
 * event as an action; keys named like secrets (token, password) are
 * redacted. Jumping, committing, resetting and importing in the
 * extension set a state read back with {@link fromPlainState}; one that is not
 * a valid status state is refused with a warning, and the store keeps its
 * own. An action dispatched from the extension goes through `store.dispatch`
 * (the reducer checks it like any event). Returns a function that disconnects.
 * Without the extension, does nothing.
 *
 * @example
 * ```ts
 * import { connectDevtools } from 'zego-status-kit/devtools';
 *
 * const store = createStatusStore();
 * if (import.meta.env.DEV) connectDevtools(store, { name: 'Live room' });
 * ```
 */
export function connectDevtools(store: StatusStore, options: DevtoolsOptions = {}): () => void {
  const extension =
    options.extension ?? (globalThis as { __REDUX_DEVTOOLS_EXTENSION__?: DevtoolsExtension | undefined }).__REDUX_DEVTOOLS_EXTENSION__;
  if (!extension) return () => {};
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const connection = extension.connect({ name: options.name ?? 'zego-status-kit' });
  const plain = () => toPlain(store.getState());
  let initial = plain();
  let paused = false;

  connection.init(initial);
  const stopEvents = store.subscribeEvents((event: StoreEvent) => {
    if (!paused) connection.send(toPlain(event), plain());
  });

  /** Sets the state the extension sent, or refuses it; true when set. */
  const restore = (value: unknown, what: string): boolean => {
    let parsed = value;
    try {
      if (typeof value === 'string') parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const state = fromPlainState(parsed);
    if (!state) {
      warn(`zego-status-kit/devtools: refused ${what}: not a status state; the store keeps its own`);
      return false;
    }
    // Slices the plain state does not carry (an extension's the jumped-to
    // state lacked) stay as they are.
    store.setState({ ...store.getState(), ...state }, true);
    return true;
  };

  const stopMessages = connection.subscribe((message) => {
    try {
      if (message.type === 'ACTION') {
        const action: unknown = typeof message.payload === 'string' ? JSON.parse(message.payload) : message.payload;
        store.dispatch(action as StoreEvent);
        return;
      }
      if (message.type !== 'DISPATCH') return;
      switch (payloadType(message)) {
        case 'JUMP_TO_STATE':
        case 'JUMP_TO_ACTION':
        case 'ROLLBACK':
          if (restore(message.state, 'a jump') && payloadType(message) === 'ROLLBACK') connection.init(plain());
          return;
        case 'RESET':
          restore(initial, 'a reset');
          connection.init(plain());
          return;
        case 'COMMIT':
          connection.init((initial = plain()));
          return;
        case 'IMPORT_STATE':
          if (restore(importedState(message.payload), 'an import')) {
            connection.send(null, (message.payload as { nextLiftedState: unknown }).nextLiftedState);
          }
          return;
        case 'PAUSE_RECORDING':
          paused = !paused;
          return;
      }
    } catch (error) {
      warn(`zego-status-kit/devtools: refused a message from the extension (${String(error)})`);
    }
  });

  return () => {
    stopEvents();
    if (typeof stopMessages === 'function') stopMessages();
    else connection.unsubscribe?.();
  };
}
