/**
 * Issue 15, "devtools on demand (also a crash)": zego-status-kit/devtools
 * against a fake Redux DevTools extension on the global object, driven
 * through connect, actions, a jump, an import and a dispatch, the way the
 * extension's own messages arrive. Before, the extension got `{"rooms":{"size":1}}`
 * and a jump wrote that back: every dispatch and selector then threw
 * `state.rooms.get is not a function`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectZegoWeb, mediaHealth } from '../../src/adapters/index.js';
import { PersistentMap } from '../../src/core/persistent-map.js';
import { selectRoom, selectRoomStreams } from '../../src/core/selectors.js';
import { connectDevtools, fromPlainState, toPlainState, type DevtoolsMessage } from '../../src/devtools/index.js';
import { createSimulatedRoom } from '../../src/simulator/index.js';
import { SECOND, setup } from './helpers.js';
import { flush } from './policy-fake-engine.js';

/** A stand-in for `window.__REDUX_DEVTOOLS_EXTENSION__`: records what it is sent; `deliver` plays the extension's side. */
function installFakeExtension() {
  const sent: { action: unknown; state: unknown }[] = [];
  const inits: unknown[] = [];
  const names: unknown[] = [];
  let listener: ((message: DevtoolsMessage) => void) | undefined;
  const unsubscribe = vi.fn();
  const extension = {
    connect(options: { name?: string | undefined }) {
      names.push(options.name);
      return {
        init: (state: unknown) => void inits.push(state),
        send: (action: unknown, state: unknown) => void sent.push({ action, state }),
        subscribe: (next: (message: DevtoolsMessage) => void) => {
          listener = next;
          return unsubscribe;
        },
      };
    },
  };
  vi.stubGlobal('__REDUX_DEVTOOLS_EXTENSION__', extension);
  // The extension keeps what it is given as JSON and sends states back as JSON strings.
  const json = (value: unknown) => JSON.stringify(value);
  return {
    sent,
    inits,
    names,
    unsubscribe,
    deliver: (message: DevtoolsMessage) => listener!(message),
    jumpTo: (index: number) => listener!({ type: 'DISPATCH', payload: { type: 'JUMP_TO_STATE', index }, state: json(sent[index]!.state) }),
    text: () => json({ sent, inits }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function liveRoom() {
  const t = setup();
  t.room('r1', 'LOGINING');
  t.room('r1', 'LOGINED');
  t.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', streamList: [{ streamID: 'host-main', user: { userID: 'host' } }] });
  t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2', userName: 'Bo' }] });
  return t;
}

describe('zego-status-kit/devtools', () => {
  it('connect: the extension gets the real state as plain data, under the given name', () => {
    const ext = installFakeExtension();
    const t = liveRoom();
    connectDevtools(t.store, { name: 'Live room' });
    expect(ext.names).toEqual(['Live room']);
    const [state] = ext.inits as [ReturnType<typeof toPlainState>];
    expect(state.rooms['r1']).toMatchObject({ reason: 'LOGINED', phase: 'connected' });
    expect(state.rooms['r1']!.streams['host-main']).toMatchObject({ streamID: 'host-main', user: { userID: 'host' } });
    expect(state.rooms['r1']!.users['u2']).toMatchObject({ userName: 'Bo' });
    // Plain data: JSON keeps all of it (a PersistentMap would come out as {"size":1}).
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.stringify(state)).not.toContain('"size"');
  });

  it('actions: every dispatched event is sent with the plain state after it; none after disconnecting', () => {
    const ext = installFakeExtension();
    const t = setup();
    const disconnect = connectDevtools(t.store);
    t.room('r1', 'LOGINING');
    t.room('r1', 'LOGINED');
    t.clock.advance(10 * SECOND);
    t.room('r1', 'RECONNECTING', 1000017);
    expect(ext.sent.map(({ action }) => (action as { reason: string }).reason)).toEqual(['LOGINING', 'LOGINED', 'RECONNECTING']);
    expect(ext.sent[2]!.state).toMatchObject({ rooms: { r1: { phase: 'reconnecting', reconnectingSince: 10 * SECOND } } });
    disconnect();
    expect(ext.unsubscribe).toHaveBeenCalledTimes(1);
    t.room('r1', 'RECONNECTED');
    expect(ext.sent).toHaveLength(3);
  });

  it('jump: the state jumped to is restored with PersistentMaps; dispatch, selectors and subscribers keep working', () => {
    const ext = installFakeExtension();
    const t = setup();
    connectDevtools(t.store);
    t.room('r1', 'LOGINING');
    t.room('r1', 'LOGINED');
    t.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', streamList: [{ streamID: 'host-main' }] });
    t.room('r1', 'RECONNECTING', 1000017);
    const seen: string[] = [];
    t.store.subscribe((state) => seen.push(selectRoom(state, 'r1').reason));

    ext.jumpTo(2); // back to "LOGINED, one stream"
    const state = t.store.getState();
    expect(state.rooms).toBeInstanceOf(PersistentMap);
    expect(selectRoom(state, 'r1')).toMatchObject({ reason: 'LOGINED', phase: 'connected' });
    expect(selectRoomStreams(state, 'r1').map((s) => s.streamID)).toEqual(['host-main']);
    expect(seen).toEqual(['LOGINED']);

    // The store goes on from there: no "state.rooms.get is not a function".
    t.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'DELETE', streamList: [{ streamID: 'host-main' }] });
    expect(selectRoomStreams(t.store.getState(), 'r1')).toEqual([]);
    expect(ext.sent.at(-1)!.state).toMatchObject({ rooms: { r1: { streams: {} } } });
  });

  it('jump to something that is not a status state (the old `{"rooms":{"size":1}}`) is refused with a warning; the store keeps working', () => {
    const ext = installFakeExtension();
    const onWarning = vi.fn();
    const t = liveRoom();
    connectDevtools(t.store, { onWarning });
    const before = t.store.getState();
    for (const state of ['{"rooms":{"size":1},"publishers":{"size":0},"players":{"size":0}}', 'not json', '{"rooms":{"r1":{"roomID":"r1","reason":"NOPE"}}}', undefined]) {
      ext.deliver({ type: 'DISPATCH', payload: { type: 'JUMP_TO_STATE' }, state });
    }
    expect(onWarning).toHaveBeenCalledTimes(4);
    expect(onWarning.mock.calls[0]![0]).toMatch(/refused a jump/);
    expect(t.store.getState()).toBe(before);
    t.room('r1', 'RECONNECTING', 1000017);
    expect(selectRoom(t.store.getState(), 'r1').phase).toBe('reconnecting');
  });

  it('a refusal warns on the console by default', () => {
    const ext = installFakeExtension();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    connectDevtools(setup().store);
    ext.deliver({ type: 'DISPATCH', payload: { type: 'JUMP_TO_ACTION' }, state: '{"rooms":{"size":1}}' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/zego-status-kit\/devtools: refused a jump/));
  });

  it('import: an exported history is restored at its last state, and the extension gets it back; a broken one is refused', () => {
    const ext = installFakeExtension();
    const exported = liveRoom().store.getState();
    const onWarning = vi.fn();
    const t = setup();
    connectDevtools(t.store, { onWarning });
    const nextLiftedState = { computedStates: [{ state: toPlainState(t.store.getState()) }, { state: JSON.parse(JSON.stringify(toPlainState(exported))) }] };
    ext.deliver({ type: 'DISPATCH', payload: { type: 'IMPORT_STATE', nextLiftedState } });
    expect(onWarning).not.toHaveBeenCalled();
    expect(selectRoom(t.store.getState(), 'r1').users.get('u2')?.userName).toBe('Bo');
    expect(ext.sent.at(-1)).toEqual({ action: null, state: nextLiftedState });

    ext.deliver({ type: 'DISPATCH', payload: { type: 'IMPORT_STATE', nextLiftedState: { computedStates: [{ state: { rooms: { size: 1 } } }] } } });
    expect(onWarning).toHaveBeenCalledWith(expect.stringMatching(/refused an import/));
    expect(selectRoom(t.store.getState(), 'r1').users.size).toBe(1);
  });

  it('reset and commit: reset goes back to the state at connect (or at the last commit)', () => {
    const ext = installFakeExtension();
    const t = setup();
    connectDevtools(t.store);
    t.room('r1', 'LOGINING');
    ext.deliver({ type: 'DISPATCH', payload: { type: 'COMMIT' } });
    t.room('r1', 'LOGINED');
    ext.deliver({ type: 'DISPATCH', payload: { type: 'RESET' } });
    expect(selectRoom(t.store.getState(), 'r1').reason).toBe('LOGINING');
    expect(ext.inits).toHaveLength(3); // connect, commit, reset
  });

  it('an action dispatched from the extension goes through the reducer; a malformed one is a no-op', () => {
    const ext = installFakeExtension();
    const onWarning = vi.fn();
    const t = setup();
    connectDevtools(t.store, { onWarning });
    ext.deliver({ type: 'ACTION', payload: JSON.stringify({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 }) });
    expect(selectRoom(t.store.getState(), 'r1').reason).toBe('LOGINING');
    ext.deliver({ type: 'ACTION', payload: '{"type":"bogus"}' });
    ext.deliver({ type: 'ACTION', payload: '{not json' });
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(selectRoom(t.store.getState(), 'r1').reason).toBe('LOGINING');
  });

  it('pause: nothing is sent while recording is paused', () => {
    const ext = installFakeExtension();
    const t = setup();
    connectDevtools(t.store);
    ext.deliver({ type: 'DISPATCH', payload: { type: 'PAUSE_RECORDING', status: true } });
    t.room('r1', 'LOGINING');
    ext.deliver({ type: 'DISPATCH', payload: { type: 'PAUSE_RECORDING', status: false } });
    t.room('r1', 'LOGINED');
    expect(ext.sent.map(({ action }) => (action as { reason: string }).reason)).toEqual(['LOGINED']);
  });

  it('without the extension it does nothing and returns a disconnect that does nothing', () => {
    const t = setup();
    const disconnect = connectDevtools(t.store);
    t.room('r1', 'LOGINING');
    expect(() => disconnect()).not.toThrow();
  });

  it('tokens never reach the extension: a simulated login with a token, and an app dispatch carrying one', async () => {
    const ext = installFakeExtension();
    const t = setup();
    connectDevtools(t.store);
    const engine = createSimulatedRoom({ clock: t.clock }).createEngine({ userID: 'viewer' });
    connectZegoWeb(engine, t.store);
    const login = engine.loginRoom('r1', 'tok-SECRET-123', { userID: 'viewer' });
    t.clock.advance(SECOND);
    await flush();
    await login;
    expect(selectRoom(t.store.getState(), 'r1').reason).toBe('LOGINED');
    t.store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: t.clock.now(), token: 'tok-SECRET-456' } as never);
    expect(ext.sent.length).toBeGreaterThan(1);
    expect(ext.text()).not.toMatch(/SECRET/);
  });
});

describe('zego-status-kit/devtools with the mediaHealth() extension', () => {
  it('the media slice is shown as plain data, and a jump restores its PersistentMaps', () => {
    const ext = installFakeExtension();
    const t = setup({ extensions: [mediaHealth({ browserConnectivity: false })] });
    connectDevtools(t.store);
    t.room('r1', 'LOGINING');
    t.room('r1', 'LOGINED');
    t.emit({ type: 'networkQuality', userID: 'host', upstreamQuality: 3, downstreamQuality: 1 } as never);
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' } as never);
    const sent = ext.sent.at(-1)!.state as { media: { users: Record<string, unknown>; tokens: Record<string, { status: string }> } };
    expect(sent.media.users['host']).toMatchObject({ userID: 'host' });
    expect(sent.media.tokens['r1']).toMatchObject({ status: 'expiring' });
    t.emit({ type: 'networkQuality', userID: 'host', upstreamQuality: 1, downstreamQuality: 1 } as never);

    ext.jumpTo(ext.sent.length - 2);
    const media = t.store.getState().media!;
    expect(media.users).toBeInstanceOf(PersistentMap);
    expect(media.tokens.get('r1')?.status).toBe('expiring');
    expect(media.users.get('host')).toMatchObject({ userID: 'host' });
    // The extension's reducer goes on from the restored slice.
    t.emit({ type: 'networkQuality', userID: 'guest', upstreamQuality: 2, downstreamQuality: 2 } as never);
    expect(t.store.getState().media!.users.size).toBe(2);
  });
});

describe('toPlainState / fromPlainState', () => {
  it('a round trip through JSON gives an equal, working state', () => {
    const state = liveRoom().store.getState();
    const back = fromPlainState(JSON.parse(JSON.stringify(toPlainState(state))))!;
    expect(toPlainState(back)).toEqual(toPlainState(state));
    expect(back.rooms.get('r1')!.users.get('u2')?.userName).toBe('Bo');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['maps as JSON writes them', { rooms: { size: 1 }, publishers: { size: 0 }, players: { size: 0 }, currentRoomID: null, config: {} }],
    ['a room under another key', { ...toPlainState(liveRoom().store.getState()), rooms: { other: toPlainState(liveRoom().store.getState()).rooms['r1'] } }],
    ['a phase that does not go with the reason', { ...toPlainState(liveRoom().store.getState()), rooms: { r1: { ...toPlainState(liveRoom().store.getState()).rooms['r1']!, phase: 'failed' } } }],
    ['a player in an unknown state', { ...toPlainState(liveRoom().store.getState()), players: { s: { streamID: 's', state: 'DANCING', errorCode: 0, since: 0, attempts: 0 } } }],
    ['no config', { ...toPlainState(liveRoom().store.getState()), config: undefined }],
  ])('refuses %s', (_name, plain) => {
    expect(fromPlainState(plain)).toBeNull();
  });
});
