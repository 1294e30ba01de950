import { describe, expect, it, vi } from 'vitest';
import { createManualClock, createStatusStore, selectRoom, type StatusEvent } from '../../src/index.js';

const login = (at: number): StatusEvent => ({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at });
const logined = (at: number): StatusEvent => ({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at });

describe('createStatusStore', () => {
  it('dispatches through the reducer and notifies subscribers only on change', () => {
    const store = createStatusStore({ clock: createManualClock() });
    const seen: string[] = [];
    store.subscribe((state) => seen.push(selectRoom(state, 'r1').reason));
    store.dispatch(login(0));
    store.dispatch(login(0));
    store.dispatch(logined(120));
    expect(seen).toEqual(['LOGINING', 'LOGINED']);
  });

  it('takes the retry budget, heartbeat timeout and clock from its options', () => {
    const clock = createManualClock(5);
    const store = createStatusStore({ clock, roomRetryTimeMs: 300_000, heartbeatTimeoutMs: 60_000 });
    expect(store.clock).toBe(clock);
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1000017, at: 5 });
    expect(selectRoom(store.getState(), 'r1')).toMatchObject({ retryDeadline: 300_005, heartbeatDeadline: 60_005 });
  });

  it('shows every event listener events in the order they happened, even when a listener dispatches', () => {
    const store = createStatusStore();
    const first: string[] = [];
    const second: string[] = [];
    store.subscribeEvents((event) => {
      first.push(event.type);
      if (event.type === 'roomStateChanged' && event.reason === 'LOGINED') {
        store.dispatch({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u' }], at: 1 });
      }
    });
    store.subscribeEvents((event, state) => {
      second.push(event.type);
      if (event.type === 'roomUserUpdate') expect(state.rooms.get('r1')?.users.size).toBe(1);
    });
    store.dispatch(logined(0));
    expect(first).toEqual(['roomStateChanged', 'roomUserUpdate']);
    expect(second).toEqual(['roomStateChanged', 'roomUserUpdate']);
  });

  it('a throwing listener is reported and neither skips the others nor throws into the caller', () => {
    const onListenerError = vi.fn();
    const store = createStatusStore({ onListenerError });
    const later = vi.fn();
    const unsubscribe = store.subscribeEvents(() => {
      throw new Error('boom');
    });
    store.subscribeEvents(later);
    expect(() => store.dispatch(login(0))).not.toThrow();
    expect(onListenerError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
    expect(later).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.dispatch(logined(1));
    expect(onListenerError).toHaveBeenCalledTimes(1);
  });

  it('connects to no devtools extension by itself (devtools are zego-status-kit/devtools)', () => {
    const connect = vi.fn();
    vi.stubGlobal('__REDUX_DEVTOOLS_EXTENSION__', { connect });
    try {
      const store = createStatusStore({ devtools: true } as never);
      store.dispatch(login(0));
      expect(selectRoom(store.getState()).reason).toBe('LOGINING');
      expect(connect).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
