import { createManualClock, createStatusStore, type StatusStoreOptions } from '../../src/index.js';
import type { StoreEvent } from '../../src/core/store.js';

type WithoutAt<E> = E extends StoreEvent ? Omit<E, 'at'> : never;

/** A store on a manual clock, with `emit` stamping events (room, stream or media health) with the clock's time. */
export function setup(options: StatusStoreOptions = {}) {
  const clock = createManualClock();
  const store = createStatusStore({ clock, ...options });
  const emit = (event: WithoutAt<StoreEvent>) => store.dispatch({ ...event, at: clock.now() } as StoreEvent);
  const room = (roomID: string, reason: string, errorCode = 0, extendedData?: string) =>
    emit({ type: 'roomStateChanged', roomID, reason: reason as never, errorCode, ...(extendedData !== undefined && { extendedData }) });
  return { clock, store, emit, room };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** A promise the test settles by hand: a login, a token fetch, a renewal still in flight. */
export function deferred<T = boolean>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
