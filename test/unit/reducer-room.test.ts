import { describe, expect, it } from 'vitest';
import {
  ROOM_REASONS,
  createInitialStatus,
  selectRoom,
  statusReducer,
  type RoomReason,
  type StatusEvent,
} from '../../src/index.js';
import { MINUTE, SECOND, setup } from './helpers.js';
import { checkInvariants } from '../fuzz/invariants.js';

describe('room reasons', () => {
  it.each([
    ['LOGINING', 'connecting'],
    ['LOGINED', 'connected'],
    ['LOGIN_FAILED', 'failed'],
    ['RECONNECTING', 'reconnecting'],
    ['RECONNECTED', 'connected'],
    ['RECONNECT_FAILED', 'failed'],
    ['KICKOUT', 'kicked'],
    ['LOGOUT', 'idle'],
  ] as const)('%s puts the room in phase %s', (reason, phase) => {
    const { store, room } = setup();
    room('r1', reason, reason === 'KICKOUT' ? 1002050 : 0);
    expect(selectRoom(store.getState(), 'r1')).toMatchObject({ reason, phase });
  });

  it('LOGOUT_FAILED keeps the phase and records the error (seed 002: 1002002 in multi-room)', () => {
    const { store, room, clock } = setup();
    room('r1', 'LOGINING');
    room('r1', 'LOGINED');
    clock.advance(5 * SECOND);
    room('r1', 'LOGOUT_FAILED', 1002002);
    const r = selectRoom(store.getState(), 'r1');
    expect(r).toMatchObject({ reason: 'LOGOUT_FAILED', phase: 'connected', errorCode: 1002002 });
    expect(r.lastError).toEqual({ code: 1002002, reason: 'LOGOUT_FAILED', at: 5 * SECOND, extendedData: null });
  });

  it.each([
    ['LOGIN_FAILED', 1002033, 'failed'],
    ['RECONNECT_FAILED', 1002053, 'failed'],
    ['KICKOUT', 1002050, 'kicked'],
  ] as const)('after %s, the cleanup logout failing (LOGOUT_FAILED 1002002) keeps the phase and that error', (reason, code, phase) => {
    const { store, room, clock } = setup();
    room('r1', 'LOGINING');
    if (reason !== 'LOGIN_FAILED') room('r1', 'LOGINED');
    clock.advance(SECOND);
    room('r1', reason, code);
    clock.advance(SECOND);
    room('r1', 'LOGOUT_FAILED', 1002002);
    const r = selectRoom(store.getState(), 'r1');
    expect(r).toMatchObject({ reason: 'LOGOUT_FAILED', phase, errorCode: 1002002 });
    expect(r.lastError).toEqual({ code, reason, at: SECOND, extendedData: null });
    if (phase === 'kicked') expect(r.kickout?.code).toBe(1002050);
  });

  it('knows nothing as a stable LOGOUT default, never undefined', () => {
    const state = createInitialStatus();
    expect(selectRoom(state, 'nope')).toMatchObject({ roomID: 'nope', reason: 'LOGOUT', phase: 'idle' });
    expect(selectRoom(state, 'nope')).toBe(selectRoom(state, 'nope'));
    expect(selectRoom(state)).toBe(selectRoom(createInitialStatus()));
  });

  it('login: T0 LOGINING, T1 = T0 + 120 ms LOGINED (seed 003)', () => {
    const { store, room, clock } = setup();
    room('r1', 'LOGINING');
    let r = selectRoom(store.getState());
    expect(r).toMatchObject({ phase: 'connecting', loginStartedAt: 0, retryDeadline: 20 * MINUTE });
    clock.advance(120);
    room('r1', 'LOGINED');
    r = selectRoom(store.getState());
    expect(r).toMatchObject({ phase: 'connected', since: 120, loginStartedAt: null, retryDeadline: null });
  });

  it('LOGINING carries the login deadline: the web SDK retries the whole retry time before 1002031', () => {
    const { store, room, clock } = setup({ roomRetryTimeMs: 5 * MINUTE });
    room('r1', 'LOGINING');
    clock.advance(5 * MINUTE);
    room('r1', 'LOGIN_FAILED', 1002031, 'login timeout');
    const r = selectRoom(store.getState(), 'r1');
    expect(r).toMatchObject({ phase: 'failed', errorCode: 1002031, retryDeadline: null });
    expect(r.lastError).toMatchObject({ code: 1002031, extendedData: 'login timeout' });
  });
});

describe('seed 003 reconnection timelines (native budget 20 min)', () => {
  const T3 = 10 * SECOND;
  function loggedIn() {
    const s = setup();
    s.room('r1', 'LOGINING');
    s.clock.advance(120);
    s.room('r1', 'LOGINED');
    s.clock.advance(T3 - 120);
    return s;
  }

  it('Case 1: RECONNECTING at T3, RECONNECTED before T3 + 90 s clears the outage', () => {
    const { store, room, clock } = loggedIn();
    room('r1', 'RECONNECTING', 1002051);
    expect(selectRoom(store.getState())).toMatchObject({
      phase: 'reconnecting',
      reconnectingSince: T3,
      heartbeatDeadline: T3 + 90 * SECOND,
      retryDeadline: T3 + 20 * MINUTE,
    });
    clock.advance(30 * SECOND);
    room('r1', 'RECONNECTED');
    expect(selectRoom(store.getState())).toMatchObject({
      phase: 'connected',
      since: T3 + 30 * SECOND,
      reconnectingSince: null,
      heartbeatDeadline: null,
      retryDeadline: null,
    });
  });

  it('Case 2: repeated RECONNECTING does not restart the outage; RECONNECTED after 90 s clears it', () => {
    const { store, room, clock } = loggedIn();
    room('r1', 'RECONNECTING', 1002051);
    clock.advance(40 * SECOND);
    room('r1', 'RECONNECTING', 1000017);
    clock.advance(40 * SECOND);
    room('r1', 'RECONNECTING', 1002051);
    const r = selectRoom(store.getState());
    expect(r.reconnectingSince).toBe(T3);
    expect(r.since).toBe(T3);
    expect(r.heartbeatDeadline).toBe(T3 + 90 * SECOND);
    expect(r.retryDeadline).toBe(T3 + 20 * MINUTE);
    clock.advance(5 * MINUTE);
    room('r1', 'RECONNECTED');
    expect(selectRoom(store.getState())).toMatchObject({ phase: 'connected', reconnectingSince: null });
  });

  it('Case 3: no recovery, RECONNECT_FAILED 1002053 at T3 + 20 min', () => {
    const { store, room, clock } = loggedIn();
    room('r1', 'RECONNECTING', 1002051);
    clock.advance(20 * MINUTE);
    room('r1', 'RECONNECT_FAILED', 1002053);
    const r = selectRoom(store.getState());
    expect(r).toMatchObject({ phase: 'failed', since: T3 + 20 * MINUTE, reconnectingSince: null, retryDeadline: null });
    expect(r.lastError).toMatchObject({ code: 1002053, reason: 'RECONNECT_FAILED', at: T3 + 20 * MINUTE });
  });

  it('a second outage starts its own clock', () => {
    const { store, room, clock } = loggedIn();
    room('r1', 'RECONNECTING', 1002051);
    clock.advance(10 * SECOND);
    room('r1', 'RECONNECTED');
    clock.advance(10 * SECOND);
    room('r1', 'RECONNECTING', 1002051);
    expect(selectRoom(store.getState()).reconnectingSince).toBe(T3 + 20 * SECOND);
  });

  it('the web budget (5 min) comes with the event when the adapter knows it', () => {
    const { store, emit } = loggedIn();
    emit({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1000017, roomRetryTimeMs: 5 * MINUTE });
    expect(selectRoom(store.getState()).retryDeadline).toBe(T3 + 5 * MINUTE);
  });
});

describe('kick-out', () => {
  it.each([
    [1002050, undefined, null],
    [1002055, '{"custom_kickout_message":"Removed by moderator"}', 'Removed by moderator'],
    [1002055, '{"reason":"Spam"}', 'Spam'],
    [1002055, '{not json', null],
    [1002050, 'plain words', null],
    [1002055, '[1,2,3]', null],
  ])('code %i with extendedData %s keeps the details', (code, extendedData, message) => {
    const { store, room, clock } = setup();
    room('r1', 'LOGINING');
    room('r1', 'LOGINED');
    clock.advance(1000);
    room('r1', 'KICKOUT', code, extendedData);
    const r = selectRoom(store.getState(), 'r1');
    expect(r.phase).toBe('kicked');
    expect(r.kickout).toEqual({ code, at: 1000, message, extendedData: extendedData ?? null });
  });

  it('LOGINING again clears the kick-out details', () => {
    const { store, room } = setup();
    room('r1', 'KICKOUT', 1002050);
    room('r1', 'LOGINING');
    expect(selectRoom(store.getState(), 'r1').kickout).toBeNull();
  });

  it('a failed cleanup logout keeps them; any other state change drops them', () => {
    const { store, room } = setup();
    room('r1', 'LOGINING');
    room('r1', 'KICKOUT', 1002055, '{"reason":"Spam"}');
    room('r1', 'LOGOUT_FAILED', 1002002);
    let r = selectRoom(store.getState(), 'r1');
    expect(r).toMatchObject({ phase: 'kicked', kickout: { code: 1002055, message: 'Spam' }, lastError: { code: 1002055, reason: 'KICKOUT' } });
    room('r1', 'LOGIN_FAILED', 1002031);
    r = selectRoom(store.getState(), 'r1');
    expect(r).toMatchObject({ phase: 'failed', kickout: null, lastError: { code: 1002031 } });
    // LOGOUT_FAILED after a failure: no kick-out appears, the failure's error stays.
    room('r1', 'LOGOUT_FAILED', 1002002);
    expect(selectRoom(store.getState(), 'r1')).toMatchObject({ phase: 'failed', kickout: null, lastError: { code: 1002031 } });
  });
});

describe('bad input', () => {
  const base = () => {
    const s = setup();
    s.room('r1', 'LOGINING');
    s.room('r1', 'LOGINED');
    return s;
  };

  it.each<[string, unknown]>([
    ['an unknown reason string', { type: 'roomStateChanged', roomID: 'r1', reason: 'CONNECTED', errorCode: 0, at: 1 }],
    ['a reason out of range', { type: 'roomStateChanged', roomID: 'r1', reason: 9, errorCode: 0, at: 1 }],
    ['a NaN code', { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGOUT', errorCode: NaN, at: 1 }],
    ['a missing roomID', { type: 'roomStateChanged', reason: 'LOGOUT', errorCode: 0, at: 1 }],
    ['a NaN time', { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGOUT', errorCode: 0, at: NaN }],
    ['an unknown event type', { type: 'roomExploded', roomID: 'r1', at: 1 }],
    ['null', null],
    ['a string', 'LOGOUT'],
    ['a player event with an unknown state', { type: 'playerStateUpdate', streamID: 's', state: 'BUFFERING', errorCode: 0, at: 1 }],
    ['a stream update with no list', { type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', at: 1 }],
    ['a stream update with a bad type', { type: 'roomStreamUpdate', roomID: 'r1', updateType: 'UPSERT', streamList: [], at: 1 }],
    ['a user update with junk users', { type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [null, 3, {}], at: 1 }],
  ])('%s leaves the state unchanged, without throwing', (_, event) => {
    const { store } = base();
    const before = store.getState();
    expect(() => store.dispatch(event as StatusEvent)).not.toThrow();
    expect(store.getState()).toBe(before);
  });

  it('a duplicate event changes nothing', () => {
    const { store, room } = base();
    const before = store.getState();
    room('r1', 'LOGINED');
    expect(store.getState()).toBe(before);
  });

  it('an event stamped earlier than the room’s last change does not move time backwards', () => {
    const { store } = base();
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1002051, at: 500 });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTED', errorCode: 0, at: 100 });
    const r = selectRoom(store.getState(), 'r1');
    expect(r.phase).toBe('connected');
    expect(r.since).toBe(500);
  });

  it('every reason from every other reason gives a consistent state', () => {
    for (const from of ROOM_REASONS) {
      for (const to of ROOM_REASONS) {
        let state = createInitialStatus();
        const ev = (reason: RoomReason, at: number): StatusEvent => ({ type: 'roomStateChanged', roomID: 'r', reason, errorCode: 1, at });
        state = statusReducer(state, ev(from, 0));
        state = statusReducer(state, ev(to, 1));
        expect(selectRoom(state, 'r').reason).toBe(to);
        checkInvariants(state); // every invariant of the state, not just the reason (issue 17)
      }
    }
  });
});

describe('multi-room', () => {
  it('keeps two rooms independent', () => {
    const { store, room, clock } = setup();
    room('main', 'LOGINING');
    room('main', 'LOGINED');
    room('side', 'LOGINING');
    room('side', 'LOGINED');
    clock.advance(1000);
    room('side', 'RECONNECTING', 1002051);
    const state = store.getState();
    expect(selectRoom(state, 'main').phase).toBe('connected');
    expect(selectRoom(state, 'side').phase).toBe('reconnecting');
    expect(selectRoom(state)).toBe(selectRoom(state, 'side')); // most recently asked to log in
  });

  it('a room event does not change another room’s object', () => {
    const { store, room } = setup();
    room('a', 'LOGINING');
    room('b', 'LOGINING');
    const a = selectRoom(store.getState(), 'a');
    room('b', 'LOGINED');
    expect(selectRoom(store.getState(), 'a')).toBe(a);
  });
});
