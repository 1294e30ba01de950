/**
 * Issue 13, a login the store did not see: trackLogin takes the login's
 * promise into account, and in development the adapter warns once, naming
 * the fix, when events come for a room whose login the store never saw.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectRoom } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { trackLogin } from '../../src/core/track-login.js';
import { connectZegoNative, connectZegoWeb } from '../../src/adapters/index.js';
import { createSimulatedRoom } from '../../src/simulator/index.js';
import { fakeEngine } from './engine-double.js';
import { deferred } from './helpers.js';

const SECOND = 1000;
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));


function setup() {
  const clock = createManualClock();
  const store = createStatusStore({ clock, roomRetryTimeMs: 5 * 60 * SECOND });
  const room = () => selectRoom(store.getState(), 'r1');
  return { clock, store, room };
}

describe('trackLogin', () => {
  it('a login the store never saw: LOGINING at once, LOGINED when the promise resolves', async () => {
    const { store, room, clock } = setup();
    const login = deferred();
    clock.advance(SECOND);
    expect(trackLogin(store, 'r1', login.promise, { roomRetryTimeMs: 20 * SECOND })).toBe(login.promise);
    expect(room()).toMatchObject({ reason: 'LOGINING', phase: 'connecting', loginStartedAt: SECOND, retryDeadline: 21 * SECOND });
    expect(store.getState().currentRoomID).toBe('r1');
    clock.advance(120);
    login.resolve(true);
    await flush();
    expect(room()).toMatchObject({ reason: 'LOGINED', phase: 'connected', since: SECOND + 120 });
  });

  it('a login that already resolved (the room screen mounted 1 s later): connected at once', async () => {
    const { store, room } = setup();
    trackLogin(store, 'r1', Promise.resolve(true));
    await flush();
    expect(room().phase).toBe('connected');
  });

  it('a rejection { code, msg } is LOGIN_FAILED with that code and message', async () => {
    const { store, room } = setup();
    const login = deferred();
    trackLogin(store, 'r1', login.promise).then(undefined, () => undefined);
    login.reject({ code: 1002031, msg: 'login timeout' });
    await flush();
    expect(room()).toMatchObject({ reason: 'LOGIN_FAILED', phase: 'failed', errorCode: 1002031 });
    expect(room().lastError).toMatchObject({ code: 1002031, extendedData: 'login timeout' });
  });

  it('a rejection that is not an SDK error still fails the login, with code -1', async () => {
    const { store, room } = setup();
    trackLogin(store, 'r1', Promise.reject(new Error('network down'))).then(undefined, () => undefined);
    await flush();
    expect(room()).toMatchObject({ phase: 'failed', errorCode: -1 });
  });

  it('the store saw the SDK’s own LOGINING: no second one, the login keeps its start', async () => {
    const { store, room, clock } = setup();
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
    const before = room();
    clock.advance(SECOND);
    const login = deferred();
    trackLogin(store, 'r1', login.promise);
    expect(room()).toBe(before);
    login.resolve(true);
    await flush();
    expect(room()).toMatchObject({ phase: 'connected', since: SECOND });
  });

  it.each([
    ['its own LOGINED, then a RECONNECTING', ['LOGINED', 'RECONNECTING'], 'reconnecting'],
    ['a LOGOUT', ['LOGOUT'], 'idle'],
    ['its own LOGIN_FAILED', ['LOGIN_FAILED'], 'failed'],
  ] as const)('never overrides a newer SDK event: %s', async (_, reasons, phase) => {
    const { store, room, clock } = setup();
    const login = deferred();
    trackLogin(store, 'r1', login.promise).then(undefined, () => undefined);
    for (const reason of reasons) {
      clock.advance(SECOND);
      store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason, errorCode: reason === 'LOGIN_FAILED' ? 1002033 : 0, at: clock.now() });
    }
    const settled = store.getState();
    if (phase === 'failed') login.reject({ code: 1002031, msg: 'login timeout' });
    else login.resolve(true);
    await flush();
    expect(store.getState()).toBe(settled);
    expect(room().phase).toBe(phase);
  });

  it('a second login of the room wins over the first one’s late outcome', async () => {
    const { store, room, clock } = setup();
    const first = deferred();
    trackLogin(store, 'r1', first.promise).then(undefined, () => undefined);
    clock.advance(SECOND);
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGOUT', errorCode: 0, at: clock.now() });
    const second = deferred();
    trackLogin(store, 'r1', second.promise);
    first.reject({ code: 1002033, msg: 'token expired' });
    await flush();
    expect(room().phase).toBe('connecting');
    second.resolve(true);
    await flush();
    expect(room().phase).toBe('connected');
  });

  it.each([
    ['connected (its own LOGINED)', ['LOGINING', 'LOGINED'], 'connected'],
    ['reconnecting (a RECONNECTING after the LOGINED)', ['LOGINING', 'LOGINED', 'RECONNECTING'], 'reconnecting'],
  ] as const)('a room the store already shows %s is left as it is: no "Connecting…" flash, the outage clock keeps running', async (_, reasons, phase) => {
    const { store, room, clock } = setup();
    for (const reason of reasons) {
      store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason, errorCode: 0, at: clock.now() });
      clock.advance(SECOND);
    }
    const before = room();
    trackLogin(store, 'r1', deferred().promise);
    expect(room()).toBe(before);
    expect(room().phase).toBe(phase);
  });

  it('bad input: no roomID does nothing; a promise resolving false says nothing', async () => {
    const { store, room } = setup();
    const before = store.getState();
    trackLogin(store, '', Promise.resolve(true));
    await flush();
    expect(store.getState()).toBe(before);
    trackLogin(store, 'r1', Promise.resolve(false));
    await flush();
    expect(room().phase).toBe('connecting');
  });
});

describe('the adapter, attached after loginRoom (development)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  /** The viewer logged in 1 s before its store was connected to the engine. */
  async function lateAttach() {
    const clock = createManualClock();
    const server = createSimulatedRoom({ clock });
    const viewer = server.createEngine({ userID: 'viewer' });
    const host = server.createEngine({ userID: 'host' });
    void host.loginRoom('r1', 'token');
    const login = viewer.loginRoom('r1', 'token');
    clock.advance(SECOND);
    await login;
    const store = createStatusStore({ clock });
    connectZegoWeb(viewer, store);
    return { clock, store, viewer, host };
  }

  it('warns once, naming the fix, when events arrive for a room whose login the store never saw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { clock, store, host, viewer } = await lateAttach();
    host.startPublishingStream('host-main');
    clock.advance(SECOND); // the viewer gets the stream ADD
    // The event is not lost: it shows the viewer in the room.
    expect(selectRoom(store.getState(), 'r1')).toMatchObject({ phase: 'connected' });
    expect(selectRoom(store.getState(), 'r1').streams.has('host-main')).toBe(true);
    viewer.dropNetwork();
    host.stopPublishingStream('host-main');
    clock.advance(SECOND);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/roomStreamUpdate for room "r1", whose login this store never saw/);
    expect(String(warn.mock.calls[0]![0])).toMatch(/connectZegoWeb\(zg, store\).*trackLogin\(store, roomID, zg\.loginRoom\(\.\.\.\)\).*useZegoWeb\(zg, \{ roomID, login \}\)/);
  });

  it('names the native adapter, and no web hook, when the engine is a native one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const engine = fakeEngine();
    const store = createStatusStore({ clock: createManualClock() });
    connectZegoNative(engine, store);
    engine.emit('roomStreamUpdate', 'r1', 0, [{ streamID: 'host', user: { userID: 'h' }, extraInfo: '' }], '');
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toMatch(/roomStreamUpdate for room "r1", whose login this store never saw/);
    expect(message).toMatch(/connectZegoNative\(zg, store\).*trackLogin\(store, roomID, zg\.loginRoom\(\.\.\.\)\)\.$/);
    expect(message).not.toMatch(/connectZegoWeb|useZegoWeb/);
  });

  it('says nothing when the store saw the login, or was told of it with trackLogin', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clock = createManualClock();
    const server = createSimulatedRoom({ clock });
    const viewer = server.createEngine({ userID: 'viewer' });
    const host = server.createEngine({ userID: 'host' });
    const early = createStatusStore({ clock });
    connectZegoWeb(viewer, early);
    const login = viewer.loginRoom('r1', 'token');
    clock.advance(SECOND);
    const late = createStatusStore({ clock });
    trackLogin(late, 'r1', login);
    connectZegoWeb(viewer, late);
    void host.loginRoom('r1', 'token');
    clock.advance(SECOND);
    await login;
    host.startPublishingStream('host-main');
    clock.advance(SECOND);
    viewer.dropNetwork();
    expect(selectRoom(late.getState(), 'r1').phase).toBe('reconnecting');
    expect(warn).not.toHaveBeenCalled();
  });

  it('says nothing in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, viewer } = await lateAttach();
    viewer.dropNetwork();
    expect(selectRoom(store.getState(), 'r1').phase).toBe('reconnecting');
    expect(warn).not.toHaveBeenCalled();
  });
});
