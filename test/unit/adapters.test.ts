/**
 * connectZegoWeb and connectZegoNative: normalization, retry budgets, bad
 * input, exact handler bookkeeping, and web/native parity over every
 * simulator scenario (the same sequences in numeric, positional form give
 * identical store states).
 */
import { describe, expect, it, vi } from 'vitest';
// Core modules one by one rather than the package barrel, so this suite runs
// whatever state the rest of the barrel is in.
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import { PLAYER_STATES, PUBLISHER_STATES, ROOM_REASONS } from '../../src/core/states.js';
import { selectPlayer, selectPublisher, selectRoom } from '../../src/core/selectors.js';
import { NATIVE_ROOM_RETRY_TIME_MS, WEB_ROOM_RETRY_TIME_MS, type StatusState } from '../../src/core/status.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import { connectZegoNative, connectZegoWeb } from '../../src/adapters/index.js';
import { createSimulatedRoom, scenarios, type ScenarioName, type SimulatedEngine } from '../../src/simulator/index.js';
import { fakeEngine } from './engine-double.js';

const SECOND = 1000;
const EVENTS = ['roomStateChanged', 'publisherStateUpdate', 'playerStateUpdate', 'roomStreamUpdate', 'roomUserUpdate'];

const fail = (): never => {
  throw new Error('SDK object broke while being read');
};
/** An SDK-shaped object whose `key` throws when read. */
const throwingGetter = (key: string) => Object.defineProperty({ streamID: 's', state: 'PLAYING', errorCode: 0 }, key, { get: fail });

function setup(start = 1_000) {
  const clock = createManualClock(start);
  const store = createStatusStore({ clock });
  const engine = fakeEngine();
  return { clock, store, engine };
}

describe('connectZegoWeb', () => {
  it('dispatches the five callbacks, stamped with the store clock', () => {
    const { clock, store, engine } = setup();
    connectZegoWeb(engine, store);
    expect(engine.on).toHaveBeenCalledTimes(5);
    expect(engine.on.mock.calls.map(([event]) => event)).toEqual(EVENTS);

    engine.emit('roomStateChanged', 'r1', 'LOGINING', 0, '');
    clock.advance(120);
    engine.emit('roomStateChanged', 'r1', 'LOGINED', 0, '');
    engine.emit('publisherStateUpdate', { streamID: 'me', state: 'PUBLISHING', errorCode: 0, extendedData: '' });
    engine.emit('playerStateUpdate', { streamID: 'host', state: 'PLAY_REQUESTING', errorCode: 0, extendedData: '' });
    engine.emit('roomStreamUpdate', 'r1', 'ADD', [{ streamID: 'host', user: { userID: 'h', userName: 'H' }, extraInfo: '', urlsFLV: 'x' }], '');
    engine.emit('roomUserUpdate', 'r1', 'ADD', [{ userID: 'h', userName: 'H' }]);

    const state = store.getState();
    const room = selectRoom(state, 'r1');
    expect(room).toMatchObject({ reason: 'LOGINED', phase: 'connected', since: 1_120 });
    expect(selectPublisher(state, 'me')).toMatchObject({ state: 'PUBLISHING', since: 1_120 });
    expect(selectPlayer(state, 'host').state).toBe('PLAY_REQUESTING');
    // Only streamID, user and extraInfo reach the store: no play URLs, no media.
    expect(room.streams.get('host')).toEqual({ streamID: 'host', user: { userID: 'h', userName: 'H' }, extraInfo: '', addedAt: 1_120 });
    expect(room.users.get('h')).toEqual({ userID: 'h', userName: 'H', joinedAt: 1_120 });
  });

  it.each([['LOGINED'], ['Logined'], ['logined'], [1]])('accepts the reason %j in any spelling', (reason) => {
    const { store, engine } = setup();
    connectZegoWeb(engine, store);
    engine.emit('roomStateChanged', 'r1', reason, 0, '');
    expect(selectRoom(store.getState(), 'r1').reason).toBe('LOGINED');
  });

  it("accepts the SDK's KICKOUT and seed 002's Kickout / KICK_OUT", () => {
    for (const reason of ['KICKOUT', 'Kickout', 'KICK_OUT']) {
      const { store, engine } = setup();
      connectZegoWeb(engine, store);
      engine.emit('roomStateChanged', 'r1', reason, 1002050, '');
      expect(selectRoom(store.getState(), 'r1').kickout?.code).toBe(1002050);
    }
  });

  it('sets the retry deadline from the web budget: 5 min by default, or the option', () => {
    const cases: [number | undefined, number][] = [
      [undefined, WEB_ROOM_RETRY_TIME_MS],
      [60 * SECOND, 60 * SECOND],
      [-5, WEB_ROOM_RETRY_TIME_MS],
      [Number.NaN, WEB_ROOM_RETRY_TIME_MS],
    ];
    for (const [roomRetryTimeMs, budget] of cases) {
      const { clock, store, engine } = setup();
      connectZegoWeb(engine, store, roomRetryTimeMs === undefined ? {} : { roomRetryTimeMs });
      engine.emit('roomStateChanged', 'r1', 'LOGINED', 0, '');
      clock.advance(10 * SECOND);
      engine.emit('roomStateChanged', 'r1', 'RECONNECTING', 1000017, '');
      expect(selectRoom(store.getState(), 'r1').retryDeadline).toBe(clock.now() + budget);
    }
  });

  it.each([[1002053], [1002031]])('RECONNECT_FAILED %i reaches the store unchanged', (code) => {
    const { store, engine } = setup();
    connectZegoWeb(engine, store);
    engine.emit('roomStateChanged', 'r1', 'RECONNECTING', 1000017, '');
    engine.emit('roomStateChanged', 'r1', 'RECONNECT_FAILED', code, '');
    const room = selectRoom(store.getState(), 'r1');
    expect(room).toMatchObject({ reason: 'RECONNECT_FAILED', phase: 'failed', errorCode: code });
    expect(room.lastError?.code).toBe(code);
  });

  it('turns extendedData objects into JSON text and keeps plain text as it is', () => {
    const { store, engine } = setup();
    connectZegoWeb(engine, store);
    engine.emit('roomStateChanged', 'r1', 'KICKOUT', 1002055, { custom_kickout_message: 'Bye' });
    expect(selectRoom(store.getState(), 'r1').kickout).toMatchObject({
      extendedData: '{"custom_kickout_message":"Bye"}',
      message: 'Bye',
    });
    engine.emit('roomStateChanged', 'r2', 'LOGIN_FAILED', 1002031, 'login timeout');
    expect(selectRoom(store.getState(), 'r2').lastError?.extendedData).toBe('login timeout');
  });

  describe('bad input: no throw, state unchanged', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const cases: [string, string, unknown[]][] = [
      ['unknown reason string', 'roomStateChanged', ['r1', 'EXPLODED', 0, '']],
      ['unknown reason number', 'roomStateChanged', ['r1', 42, 0, '']],
      ['negative reason', 'roomStateChanged', ['r1', -1, 0, '']],
      ['fractional reason', 'roomStateChanged', ['r1', 1.5, 0, '']],
      ['no arguments', 'roomStateChanged', []],
      ['missing roomID', 'roomStateChanged', [undefined, 'LOGINED', 0, '']],
      ['numeric roomID', 'roomStateChanged', [7, 'LOGINED', 0, '']],
      ['empty roomID', 'roomStateChanged', ['', 'LOGINED', 0, '']],
      ['publisher: null', 'publisherStateUpdate', [null]],
      ['publisher: a string', 'publisherStateUpdate', ['PUBLISHING']],
      ['publisher: no streamID', 'publisherStateUpdate', [{ state: 'PUBLISHING', errorCode: 0 }]],
      ['publisher: unknown state', 'publisherStateUpdate', [{ streamID: 's', state: 'LIVE', errorCode: 0 }]],
      ['player: nothing', 'playerStateUpdate', []],
      ['player: unknown state number', 'playerStateUpdate', [{ streamID: 's', state: 9, errorCode: 0 }]],
      ['streams: not a list', 'roomStreamUpdate', ['r1', 'ADD', 'host-main', '']],
      ['streams: items without streamID', 'roomStreamUpdate', ['r1', 'ADD', [{}, null, 3, { streamID: '' }], '']],
      ['streams: unknown update type', 'roomStreamUpdate', ['r1', 'MODIFY', [{ streamID: 's' }], '']],
      ['streams: update type 2', 'roomStreamUpdate', ['r1', 2, [{ streamID: 's' }], '']],
      ['users: no list', 'roomUserUpdate', ['r1', 'ADD']],
      ['users: items without userID', 'roomUserUpdate', ['r1', 'ADD', [{ userName: 'x' }, 'u1']]],
      // SDK objects whose reading throws (issue 17): the adapter's own try/catch keeps it out of the SDK.
      ['publisher: a getter that throws', 'publisherStateUpdate', [throwingGetter('streamID')]],
      ['player: a getter that throws', 'playerStateUpdate', [throwingGetter('state')]],
      ['streams: an item whose getter throws', 'roomStreamUpdate', ['r1', 'ADD', [throwingGetter('streamID')], '']],
      ['streams: a list that throws when read', 'roomStreamUpdate', ['r1', 'ADD', new Proxy([], { get: fail }), '']],
      ['users: an item whose getter throws', 'roomUserUpdate', ['r1', 'ADD', [throwingGetter('userID')]]],
    ];
    it.each(cases)('%s', (_label, event, args) => {
      const { store, engine } = setup();
      connectZegoWeb(engine, store);
      const before = store.getState();
      expect(() => engine.emit(event, ...args)).not.toThrow();
      expect(store.getState()).toBe(before);
    });

    it('extendedData that is not JSON, or cannot be serialized, never breaks the event', () => {
      const { store, engine } = setup();
      connectZegoWeb(engine, store);
      expect(() => {
        engine.emit('roomStreamUpdate', 'r1', 'ADD', [{ streamID: 's1' }], '');
        engine.emit('roomStreamUpdate', 'r1', 'DELETE', [{ streamID: 's1' }], '{not json');
      }).not.toThrow();
      expect(selectRoom(store.getState(), 'r1').removedStreams[0]).toMatchObject({ streamID: 's1', deleteReason: null });
      expect(() => engine.emit('roomStateChanged', 'r1', 'KICKOUT', 1002055, circular)).not.toThrow();
      expect(selectRoom(store.getState(), 'r1').kickout).toMatchObject({ code: 1002055, extendedData: null, message: null });
    });

    it('a missing or non-numeric errorCode counts as 0; a numeric string as its number', () => {
      const { store, engine } = setup();
      connectZegoWeb(engine, store);
      engine.emit('roomStateChanged', 'r1', 'LOGINED');
      expect(selectRoom(store.getState(), 'r1').errorCode).toBe(0);
      engine.emit('roomStateChanged', 'r1', 'RECONNECTING', '1000017');
      expect(selectRoom(store.getState(), 'r1').errorCode).toBe(1000017);
    });

    it('a throwing store listener does not reach the SDK', () => {
      const { store, engine } = setup();
      store.subscribe(() => {
        throw new Error('listener bug');
      });
      connectZegoWeb(engine, store);
      expect(() => engine.emit('roomStateChanged', 'r1', 'LOGINING', 0, '')).not.toThrow();
    });
  });

  it('a handler called after disconnect does nothing', () => {
    const { store, engine } = setup();
    const disconnect = connectZegoWeb(engine, store);
    const kept = engine.on.mock.calls.map(([, callback]) => callback);
    disconnect();
    const before = store.getState();
    for (const handler of kept) handler('r1', 'LOGINED', 0, '');
    expect(store.getState()).toBe(before);
  });

  it('disconnect() removes exactly its own handlers, with the same references, once', () => {
    const { store, engine } = setup();
    const appHandler = () => undefined;
    engine.on('roomStateChanged', appHandler);
    const disconnect = connectZegoWeb(engine, store);
    expect(engine.count()).toBe(6);
    const added = engine.on.mock.calls.slice(1);
    disconnect();
    expect(engine.off.mock.calls).toEqual(added);
    expect(engine.count()).toBe(1); // the app's own handler stays
    expect(engine.count('roomStateChanged')).toBe(1);
    disconnect();
    expect(engine.off).toHaveBeenCalledTimes(5);
  });

  it('survives an engine whose on() throws for one event: the others are attached and detached', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const engine = fakeEngine({ throwOn: 'playerStateUpdate' });
    let disconnect: () => void = () => undefined;
    expect(() => (disconnect = connectZegoWeb(engine, store))).not.toThrow();
    expect(engine.count()).toBe(4);
    engine.emit('roomStateChanged', 'r1', 'LOGINING', 0, '');
    expect(selectRoom(store.getState(), 'r1').reason).toBe('LOGINING');
    disconnect();
    expect(engine.off).toHaveBeenCalledTimes(4);
    expect(engine.count()).toBe(0);
  });

  it('does not off() an event the engine refused (on() returned false)', () => {
    const clock = createManualClock();
    const engine = fakeEngine({ refuse: 'roomUserUpdate' });
    connectZegoWeb(engine, createStatusStore({ clock }))();
    expect(engine.off.mock.calls.map(([event]) => event)).not.toContain('roomUserUpdate');
  });

  it('StrictMode-style attach / detach / attach leaves exactly one set of handlers', () => {
    const { store, engine } = setup();
    connectZegoWeb(engine, store)();
    connectZegoWeb(engine, store);
    for (const event of EVENTS) expect(engine.count(event)).toBe(1);
    const dispatched = vi.fn();
    store.subscribeEvents(dispatched);
    engine.emit('roomStateChanged', 'r1', 'LOGINING', 0, '');
    expect(dispatched).toHaveBeenCalledTimes(1);
  });

  it('on the simulated engine: five handlers while connected, none after disconnect', () => {
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'u1' });
    const disconnect = connectZegoWeb(engine, createStatusStore({ clock }));
    expect(engine.listenerCount()).toBe(5);
    disconnect();
    expect(engine.listenerCount()).toBe(0);
    connectZegoWeb(engine, createStatusStore({ clock }))();
    const again = connectZegoWeb(engine, createStatusStore({ clock }));
    expect(engine.listenerCount()).toBe(5);
    again();
    expect(engine.listenerCount()).toBe(0);
  });
});

describe('connectZegoNative', () => {
  it('reads positional callbacks with numeric enums; 20-min budget by default (seed 003)', () => {
    const { clock, store, engine } = setup();
    connectZegoNative(engine, store);
    engine.emit('roomStateChanged', 'r1', 1, 0, '');
    clock.advance(SECOND);
    engine.emit('roomStateChanged', 'r1', 3, 1002051, '');
    engine.emit('publisherStateUpdate', 'me', 1, 0, '');
    engine.emit('playerStateUpdate', 'host', 0, 1004020, '');
    engine.emit('roomStreamUpdate', 'r1', 0, [{ streamID: 'host', user: { userID: 'h' }, extraInfo: '' }], '');
    engine.emit('roomUserUpdate', 'r1', 0, [{ userID: 'h' }]);
    let state = store.getState();
    expect(selectRoom(state, 'r1')).toMatchObject({ reason: 'RECONNECTING', errorCode: 1002051, retryDeadline: 2_000 + NATIVE_ROOM_RETRY_TIME_MS });
    expect(selectPublisher(state, 'me').state).toBe('PUBLISH_REQUESTING');
    expect(selectPlayer(state, 'host')).toMatchObject({ state: 'NO_PLAY', errorCode: 1004020 });
    expect(selectRoom(state, 'r1').streams.has('host')).toBe(true);
    // iOS / RN may hand extendedData over as an object.
    engine.emit('roomStreamUpdate', 'r1', 1, [{ streamID: 'host' }], { stream_delete_reason: 2 });
    engine.emit('roomUserUpdate', 'r1', 1, [{ userID: 'h' }]);
    state = store.getState();
    expect(selectRoom(state, 'r1').removedStreams[0]).toMatchObject({ streamID: 'host', deleteReason: 'heartbeat-timeout' });
    expect(selectRoom(state, 'r1').users.size).toBe(0);
  });

  // zego-express-engine-reactnative is not installed (and would pull react-native in),
  // so its enum numbers are pinned here: seed 003 tables, RN's ZegoUpdateType Add 0 / Delete 1.
  it('pins the native enum numbers', () => {
    expect(ROOM_REASONS).toEqual([
      'LOGINING', // ZegoRoomStateChangedReason.Logining = 0
      'LOGINED', // Logined = 1
      'LOGIN_FAILED', // LoginFailed = 2
      'RECONNECTING', // Reconnecting = 3
      'RECONNECTED', // Reconnected = 4
      'RECONNECT_FAILED', // ReconnectFailed = 5
      'KICKOUT', // KickOut = 6
      'LOGOUT', // Logout = 7
      'LOGOUT_FAILED', // LogoutFailed = 8
    ]);
    expect(PUBLISHER_STATES).toEqual(['NO_PUBLISH', 'PUBLISH_REQUESTING', 'PUBLISHING']);
    expect(PLAYER_STATES).toEqual(['NO_PLAY', 'PLAY_REQUESTING', 'PLAYING']);
    ROOM_REASONS.forEach((reason, value) => {
      const { store, engine } = setup();
      connectZegoNative(engine, store);
      engine.emit('roomStateChanged', 'r1', value, 0, '');
      expect(selectRoom(store.getState(), 'r1').reason).toBe(reason);
    });
    const { store, engine } = setup();
    connectZegoNative(engine, store);
    engine.emit('roomStreamUpdate', 'r1', 0, [{ streamID: 's' }], '');
    expect(selectRoom(store.getState(), 'r1').streams.has('s')).toBe(true); // 0 = Add
    engine.emit('roomStreamUpdate', 'r1', 1, [{ streamID: 's' }], '');
    expect(selectRoom(store.getState(), 'r1').streams.has('s')).toBe(false); // 1 = Delete
  });

  it('reads ZegoUpdateType 0 and 1 (or ADD / DELETE in any case); any other value, even one that reads as "0" or "1", drops the update', () => {
    const { store, engine } = setup();
    connectZegoNative(engine, store);
    const has = (streamID: string) => selectRoom(store.getState(), 'r1').streams.has(streamID);
    const bad = [2, -1, 0.5, Number.NaN, true, null, {}, [], [0], [1], { toString: () => '1' }, 'length', 'ADDED'];
    // Read as neither ADD (nothing added) nor DELETE (nothing removed).
    engine.emit('roomStreamUpdate', 'r1', 'add', [{ streamID: 'kept' }], '');
    for (const value of bad) engine.emit('roomStreamUpdate', 'r1', value, [{ streamID: 'kept' }, { streamID: 'new' }], '');
    expect([has('kept'), has('new')]).toEqual([true, false]);
    engine.emit('roomStreamUpdate', 'r1', -0, [{ streamID: 'new' }], ''); // -0 is 0: Add
    expect(has('new')).toBe(true);
    engine.emit('roomStreamUpdate', 'r1', 'Delete', [{ streamID: 'new' }], '');
    engine.emit('roomStreamUpdate', 'r1', 1, [{ streamID: 'kept' }], '');
    expect([has('kept'), has('new')]).toEqual([false, false]);
  });

  it('has the same guarantees: bad input dropped, exact disconnect', () => {
    const { store, engine } = setup();
    const disconnect = connectZegoNative(engine, store);
    const before = store.getState();
    expect(() => {
      engine.emit('roomStateChanged', 'r1', 9, 0, '');
      engine.emit('publisherStateUpdate', { streamID: 'web-shaped' });
      engine.emit('playerStateUpdate', undefined, 2, 0, '');
      engine.emit('roomStreamUpdate', 'r1', 5, [{ streamID: 's' }], '');
    }).not.toThrow();
    expect(store.getState()).toBe(before);
    disconnect();
    disconnect();
    expect(engine.count()).toBe(0);
    expect(engine.off).toHaveBeenCalledTimes(5);
  });
});

// ---- parity: every scenario, web strings vs native numbers --------------------------

interface Recorded {
  readonly at: number;
  readonly event: string;
  readonly args: unknown[];
}

/** Records what an engine emits, in the web SDK's form. */
function record(engine: SimulatedEngine, clock: ManualClock): Recorded[] {
  const log: Recorded[] = [];
  for (const event of EVENTS) engine.on(event, (...args: unknown[]) => log.push({ at: clock.now(), event, args }));
  return log;
}

const jsonOrText = (value: unknown) => {
  try {
    return typeof value === 'string' && value.startsWith('{') ? JSON.parse(value) : value;
  } catch {
    return value;
  }
};

/** The same callback as a native SDK would make it: numbers, positional arguments, dictionaries. */
function toNative({ event, args }: Recorded): unknown[] {
  switch (event) {
    case 'roomStateChanged': {
      const [roomID, reason, errorCode, extendedData] = args;
      return [roomID, ROOM_REASONS.indexOf(reason as never), errorCode, jsonOrText(extendedData)];
    }
    case 'publisherStateUpdate':
    case 'playerStateUpdate': {
      const { streamID, state, errorCode, extendedData } = args[0] as Record<string, unknown>;
      const names: readonly string[] = event === 'publisherStateUpdate' ? PUBLISHER_STATES : PLAYER_STATES;
      return [streamID, names.indexOf(state as string), errorCode, extendedData];
    }
    case 'roomStreamUpdate':
    case 'roomUserUpdate': {
      const [roomID, updateType, list, extendedData] = args;
      return [roomID, updateType === 'ADD' ? 0 : 1, list, ...(event === 'roomStreamUpdate' ? [jsonOrText(extendedData)] : [])];
    }
    default:
      throw new Error(`unexpected ${event}`);
  }
}

/** A state as plain data, so two stores can be compared deeply. */
function snapshot(state: StatusState) {
  return {
    currentRoomID: state.currentRoomID,
    rooms: state.rooms.toArray().map((room) => ({ ...room, streams: room.streams.toArray(), users: room.users.toArray() })),
    publishers: state.publishers.toArray(),
    players: state.players.toArray(),
  };
}

function snapshots(store: StatusStore) {
  const list: ReturnType<typeof snapshot>[] = [];
  store.subscribeEvents((_event, state) => list.push(snapshot(state)));
  return list;
}

describe('web / native parity over every scenario', () => {
  it.each(Object.keys(scenarios) as ScenarioName[])('%s: identical store states after every event', (name) => {
    const clock = createManualClock();
    const run = scenarios[name]({ clock });
    const recorded = new Map<string, { log: Recorded[]; web: ReturnType<typeof snapshots> }>();
    for (const [key, engine] of Object.entries(run.engines) as [string, SimulatedEngine][]) {
      const log = record(engine, clock);
      const store = createStatusStore({ clock });
      const web = snapshots(store);
      connectZegoWeb(engine, store);
      recorded.set(key, { log, web });
    }
    clock.advance(run.endsAt - clock.now() + 30 * 60 * SECOND);

    let compared = 0;
    for (const { log, web } of recorded.values()) {
      const nativeClock = createManualClock();
      const store = createStatusStore({ clock: nativeClock });
      const native = snapshots(store);
      const engine = fakeEngine();
      // Same budget as the web run, so retry deadlines agree.
      connectZegoNative(engine, store, { roomRetryTimeMs: WEB_ROOM_RETRY_TIME_MS });
      for (const entry of log) {
        nativeClock.advance(entry.at - nativeClock.now());
        engine.emit(entry.event, ...toNative(entry));
      }
      expect(native).toEqual(web);
      compared += web.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
