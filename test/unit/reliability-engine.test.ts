/**
 * Issue 8, reliability: engines that misbehave. An engine whose `on` throws,
 * one that rejects (or throws from) every `startPlayingStream`, and one that
 * keeps firing events after `disconnect()`. Whatever they do: nothing throws
 * into the app, no promise rejection goes unhandled (this file listens for
 * them itself, and vitest fails the run on any as well), the store stays
 * consistent, and no timer is left behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectZegoNative, connectZegoWeb, type EngineCallback } from '../../src/adapters/index.js';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import { selectPlayer, selectRoom } from '../../src/core/selectors.js';
import { REASON_PHASE } from '../../src/core/states.js';
import type { StatusState } from '../../src/core/status.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudienceEngine } from '../../src/policy/index.js';
import { createSimulatedRoom, PLAYER_RETRY_TIMEOUT_MS } from '../../src/simulator/index.js';
import { flush } from './policy-fake-engine.js';

const ROOM = 'r1';
const MAX_ATTEMPTS = 3;
const REPLAY_DELAY_MS = 3000;
/** Seed 003: a live stream is not given up before the 90 s heartbeat window has passed. */
const HEARTBEAT_WINDOW_MS = 90_000;

// ---- unhandled rejections ---------------------------------------------------------
// Vitest reports unhandled rejections and fails the run (vitest.config.ts never sets
// dangerouslyIgnoreUnhandledErrors; test/unit/source-hygiene.test.ts checks that).
// This listener pins each one on the test that caused it.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  // Node reports an unhandled rejection after the microtask queue drains: give it two turns.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

// ---- engines ------------------------------------------------------------------------

/** A web-engine double with on/off/emit; `on` and `off` may throw, `off` may be a no-op. */
function emitter(options: { onThrows?: boolean; offThrows?: boolean; offIgnored?: boolean } = {}) {
  const handlers = new Map<string, Set<EngineCallback>>();
  return {
    on(event: string, callback: EngineCallback) {
      if (options.onThrows) throw new Error(`on(${event}) refused`);
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(callback);
      return true;
    },
    off(event: string, callback: EngineCallback) {
      if (options.offThrows) throw new Error(`off(${event}) refused`);
      if (!options.offIgnored) handlers.get(event)?.delete(callback);
      return true;
    },
    emit(event: string, ...args: unknown[]) {
      for (const handler of [...(handlers.get(event) ?? [])]) handler(...args);
    },
    handlerCount: () => [...handlers.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** The ways a `startPlayingStream` can fail. */
const FAILURES: readonly [string, () => unknown][] = [
  ['rejects { code, msg } (web SDK)', () => Promise.reject({ code: 1104001, msg: 'play failed' })],
  ['rejects an Error', () => Promise.reject(new Error('network'))],
  ['rejects undefined', () => Promise.reject(undefined)],
  ['throws synchronously', () => {
    throw new Error('engine not ready');
  }],
  ['returns a thenable that rejects', () => ({ then: (_: unknown, reject: (e: unknown) => void) => reject({ code: 1004002 }) })],
];

/** A web engine whose every startPlayingStream fails in the given way. */
function failingEngine(fail: () => unknown) {
  const events = emitter();
  const calls: string[] = [];
  const engine = {
    ...events,
    startPlayingStream(streamID: string) {
      calls.push(`start ${streamID}`);
      return fail();
    },
    stopPlayingStream(streamID: string) {
      calls.push(`stop ${streamID}`);
    },
  };
  return { engine, calls };
}

// ---- consistency ----------------------------------------------------------------------

/** What must hold of any state, whatever the engine did. */
function expectConsistent(state: StatusState, clock: ManualClock) {
  state.rooms.forEach((room) => {
    const phase = REASON_PHASE[room.reason];
    if (phase !== null) expect(room.phase).toBe(phase);
    expect(room.reconnectingSince !== null).toBe(room.phase === 'reconnecting');
    for (const removed of room.removedStreams) expect(room.streams.has(removed.streamID)).toBe(false);
  });
  state.players.forEach((player) => {
    expect(player.attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
    if (player.gaveUp) expect(player.replay).toBeNull();
    if (player.replay !== null) expect(player.replay.dueAt).toBeGreaterThanOrEqual(clock.now());
  });
}

function loginWithStreams(engine: ReturnType<typeof emitter>, ...streamIDs: string[]) {
  engine.emit('roomStateChanged', ROOM, 'LOGINING', 0, '');
  engine.emit('roomStateChanged', ROOM, 'LOGINED', 0, '');
  engine.emit('roomStreamUpdate', ROOM, 'ADD', streamIDs.map((streamID) => ({ streamID, user: { userID: `host-${streamID}` } })), '');
}

/** Advances in small steps so settled promises reach the policy between timers. */
async function tick(clock: ManualClock, ms: number) {
  for (let left = ms; left > 0; left -= Math.min(left, 500)) {
    clock.advance(Math.min(left, 500));
    await flush();
  }
}

// ---- tests ------------------------------------------------------------------------------

describe('an engine whose on() throws', () => {
  it.each([
    ['connectZegoWeb', connectZegoWeb],
    ['connectZegoNative', connectZegoNative],
  ] as const)('%s attaches nothing, throws nothing, and disconnects twice quietly', (_name, connect) => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const before = store.getState();
    const engine = emitter({ onThrows: true, offThrows: true });
    let disconnect: () => void = () => undefined;
    expect(() => (disconnect = connect(engine, store))).not.toThrow();
    expect(engine.handlerCount()).toBe(0);
    expect(() => disconnect()).not.toThrow();
    expect(() => disconnect()).not.toThrow();
    expect(store.getState()).toBe(before);
  });

  it('the audience policy still works from store events, and detaches cleanly', async () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const engine = { ...emitter({ onThrows: true }), startPlayingStream: () => Promise.resolve({ id: 'media' }), stopPlayingStream: () => undefined };
    const disconnect = connectZegoWeb(engine, store);
    const policy = attachAudiencePolicy({ engine, store });
    store.dispatch({ type: 'roomStateChanged', roomID: ROOM, reason: 'LOGINED', errorCode: 0, at: clock.now() });
    store.dispatch({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID: 's1' }], at: clock.now() });
    await flush();
    policy.detach();
    disconnect();
    expect(clock.pending()).toBe(0);
    expectConsistent(store.getState(), clock);
  });
});

describe('an engine that fails every startPlayingStream', () => {
  it.each(FAILURES)('%s: bounded replays, then gave up; no unhandled rejection, no timer left', async (_name, fail) => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const { engine, calls } = failingEngine(fail);
    const disconnect = connectZegoWeb(engine, store);
    const policy = attachAudiencePolicy({ engine, store, maxReplayAttempts: MAX_ATTEMPTS, replayDelayMs: REPLAY_DELAY_MS });
    loginWithStreams(engine, 'a', 'b', 'c');
    await flush();

    // One start, then replays backing off from 3 s (seed 003), MAX_ATTEMPTS times, the
    // last at the end of the 90 s heartbeat window, then never again.
    for (let elapsed = 0; elapsed < HEARTBEAT_WINDOW_MS + 2 * REPLAY_DELAY_MS; elapsed += REPLAY_DELAY_MS) {
      await tick(clock, REPLAY_DELAY_MS);
      expectConsistent(store.getState(), clock);
    }
    for (const streamID of ['a', 'b', 'c']) {
      expect(calls.filter((c) => c === `start ${streamID}`)).toHaveLength(MAX_ATTEMPTS + 1);
      const player = selectPlayer(store.getState(), streamID);
      expect(player.gaveUp).toBe(true);
      expect(player.replay).toBeNull();
      expect(player.lastError?.call).toBe('startPlayingStream');
    }
    expect(clock.pending()).toBe(0);

    // A long time later still nothing: the policy never loops (seed 003).
    await tick(clock, 60_000);
    expect(calls.filter((c) => c.startsWith('start'))).toHaveLength(3 * (MAX_ATTEMPTS + 1));

    // A new ADD is a new chance, bounded the same way; the room dropping mid-way cancels it.
    engine.emit('roomStreamUpdate', ROOM, 'ADD', [{ streamID: 'a' }], '');
    await tick(clock, REPLAY_DELAY_MS);
    expect(selectPlayer(store.getState(), 'a').replay).not.toBeNull();
    engine.emit('roomStateChanged', ROOM, 'RECONNECTING', 1000017, '');
    engine.emit('roomStateChanged', ROOM, 'RECONNECT_FAILED', 1002053, '');
    await tick(clock, 10 * REPLAY_DELAY_MS);
    expect(selectPlayer(store.getState(), 'a').replay).toBeNull();
    expectConsistent(store.getState(), clock);
    expect(clock.pending()).toBe(0);

    policy.detach();
    disconnect();
    expect(clock.pending()).toBe(0);
  });

  it('detach while rejections are still on their way: they are ignored and handled', async () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const pending: ((error: unknown) => void)[] = [];
    const engine = {
      ...emitter(),
      startPlayingStream: () => new Promise((_resolve, reject) => void pending.push(reject)),
      stopPlayingStream: () => undefined,
    };
    const disconnect = connectZegoWeb(engine, store);
    const policy = attachAudiencePolicy({ engine, store });
    loginWithStreams(engine, 'a', 'b');
    expect(pending).toHaveLength(2);
    policy.detach();
    disconnect();
    const after = store.getState();
    for (const reject of pending) reject({ code: 1104001, msg: 'late failure' });
    await flush();
    expect(store.getState()).toBe(after);
    expect(clock.pending()).toBe(0);
  });

  it('the simulated engine rejecting starts (not logged in, crashed) never leaks a rejection', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const viewer = room.createEngine({ userID: 'viewer' });
    const store = createStatusStore({ clock });
    // Not logged in: every start rejects { code: -1, msg: 'not logged in' }.
    await expect(viewer.startPlayingStream('host-main')).rejects.toMatchObject({ msg: 'not logged in' });
    const policy = attachAudiencePolicy({ engine: viewer, store, maxReplayAttempts: MAX_ATTEMPTS });
    // The store believes the room is up (events from another source), the engine does not.
    store.dispatch({ type: 'roomStateChanged', roomID: 'room-1', reason: 'LOGINED', errorCode: 0, at: clock.now() });
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'room-1', updateType: 'ADD', streamList: [{ streamID: 'host-main' }], at: clock.now() });
    await tick(clock, HEARTBEAT_WINDOW_MS + 2 * REPLAY_DELAY_MS);
    expect(selectPlayer(store.getState(), 'host-main').gaveUp).toBe(true);
    viewer.crash();
    policy.retry('host-main');
    await tick(clock, HEARTBEAT_WINDOW_MS + 2 * REPLAY_DELAY_MS);
    expectConsistent(store.getState(), clock);
    policy.detach();
    room.dispose();
    expect(clock.pending()).toBe(0);
  });
});

describe('an engine that fires events after disconnect()', () => {
  it('an engine whose off() does nothing: later events do not reach the store', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const engine = emitter({ offIgnored: true });
    const disconnect = connectZegoWeb(engine, store);
    loginWithStreams(engine, 's1');
    disconnect();
    const frozen = store.getState();
    expect(engine.handlerCount()).toBe(5); // still registered on the engine's side
    engine.emit('roomStateChanged', ROOM, 'KICKOUT', 1002050, '');
    engine.emit('roomStreamUpdate', ROOM, 'DELETE', [{ streamID: 's1' }], '{"stream_delete_reason":2}');
    engine.emit('playerStateUpdate', { streamID: 's1', state: 'NO_PLAY', errorCode: 1004020 });
    engine.emit('publisherStateUpdate', { streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
    engine.emit('roomUserUpdate', ROOM, 'ADD', [{ userID: 'u9' }]);
    expect(store.getState()).toBe(frozen);
    expect(selectRoom(store.getState(), ROOM).reason).toBe('LOGINED');
  });

  it('a simulated host drop played on after disconnect and detach: store frozen, engine not called, no timers', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const viewer = room.createEngine({ userID: 'viewer' });
    const store = createStatusStore({ clock });
    const disconnect = connectZegoWeb(viewer, store);
    let engineCalls = 0;
    const counted: AudienceEngine = {
      startPlayingStream: (id, o) => (engineCalls++, viewer.startPlayingStream(id, o)),
      stopPlayingStream: (id) => void (engineCalls++, viewer.stopPlayingStream(id)),
    };
    const policy = attachAudiencePolicy({ engine: counted, store });
    void host.loginRoom('room-1', 'token', host.user).catch(() => undefined);
    void viewer.loginRoom('room-1', 'token', viewer.user).catch(() => undefined);
    await tick(clock, 1000);
    host.startPublishingStream('host-main');
    await tick(clock, 2000);
    expect(selectPlayer(store.getState(), 'host-main').state).toBe('PLAYING');

    policy.detach();
    disconnect();
    const frozen = store.getState();
    const callsAtDetach = engineCalls;
    // The viewer's engine keeps talking: the host drops, the player fails, the stream is deleted at +90 s, the viewer drops too.
    host.dropNetwork();
    await tick(clock, PLAYER_RETRY_TIMEOUT_MS + 100_000);
    viewer.dropNetwork();
    await tick(clock, 10_000);
    viewer.restoreNetwork();
    host.restoreNetwork();
    await tick(clock, 5_000);
    expect(store.getState()).toBe(frozen);
    expect(engineCalls).toBe(callsAtDetach);
    expectConsistent(frozen, clock);
    room.dispose();
    expect(clock.pending()).toBe(0);
  });
});

describe('store listeners that throw', () => {
  it('never reach the engine callback; the error goes to onListenerError', () => {
    const clock = createManualClock();
    const errors: unknown[] = [];
    const store: StatusStore = createStatusStore({ clock, onListenerError: (error) => errors.push(error) });
    store.subscribeEvents(() => {
      throw new Error('app listener bug');
    });
    const engine = emitter();
    connectZegoWeb(engine, store);
    expect(() => loginWithStreams(engine, 's1')).not.toThrow();
    expect(errors.length).toBe(3);
    expect(selectRoom(store.getState(), ROOM).streams.has('s1')).toBe(true);
  });
});

describe('state subscribers that throw (store.subscribe: an app, or React refusing an update)', () => {
  it('neither throw out of dispatch nor hide the event from the policy or the other subscribers', async () => {
    const clock = createManualClock();
    const errors: unknown[] = [];
    const store = createStatusStore({ clock, onListenerError: (error) => errors.push(error) });
    const engine = { ...emitter(), starts: 0, stops: 0, startPlayingStream: () => (engine.starts++, Promise.resolve({ id: 'm' })), stopPlayingStream: () => void engine.stops++ };
    connectZegoWeb(engine, store);
    const policy = attachAudiencePolicy({ engine, store });
    let broken = false;
    store.subscribe(() => {
      if (broken) throw new Error('subscriber bug');
    });
    const seen: string[] = [];
    store.subscribe((state) => void seen.push(selectRoom(state, ROOM).reason));
    loginWithStreams(engine, 's1');
    await flush();
    expect(engine.starts).toBe(1);

    broken = true;
    // Seed 003: on a stream DELETE the audience must stop playing at once, whatever else went wrong.
    expect(() => store.dispatch({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'DELETE', streamList: [{ streamID: 's1' }], at: clock.now() })).not.toThrow();
    expect(engine.stops).toBe(1);
    expect(() => store.dispatch({ type: 'roomStateChanged', roomID: ROOM, reason: 'RECONNECTING', errorCode: 1000017, at: clock.now() })).not.toThrow();
    expect(seen.at(-1)).toBe('RECONNECTING');
    expect(errors.length).toBe(2);
    policy.detach();
  });
});
