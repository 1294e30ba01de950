/**
 * Issue 8 / DESIGN §3: "Tokens and media objects never enter the store." A
 * token handed to the simulator's loginRoom must not show up in the store's
 * state (PersistentMaps serialized through their entries), in anything the
 * engine emits or rejects with, in any console output, nor anywhere reachable
 * from the simulated engine and room objects — over a full run: logins,
 * publishing and playing, an expired token, drops, a kick-out with a custom
 * message, a crash and a restart.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { connectZegoWeb, mediaHealth } from '../../src/adapters/index.js';
import { createManualClock } from '../../src/core/clock.js';
import { PersistentMap } from '../../src/core/persistent-map.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, attachTokenRenewal } from '../../src/policy/index.js';
import { SIMULATED_EVENTS, createSimulatedRoom, type SimulatedEngine } from '../../src/simulator/index.js';
import { fakeEngine } from './engine-double.js';
import { flush } from './policy-fake-engine.js';

const TOKEN = 'tok-SECRET-123';
const SECRET = /SECRET/;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

/** JSON of a state, PersistentMaps written out as objects of their entries. */
function stateJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof PersistentMap ? Object.fromEntries(v.entries()) : v));
}

/** Every string reachable through enumerable properties (getters included), Maps, Sets and PersistentMaps. */
function reachableStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') return void out.push(value);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 12) return;
    seen.add(value);
    if (value instanceof PersistentMap || value instanceof Map) {
      for (const [k, v] of value.entries()) {
        visit(k, depth + 1);
        visit(v, depth + 1);
      }
      return;
    }
    if (value instanceof Set) return void value.forEach((v) => visit(v, depth + 1));
    for (const key of Object.keys(value)) {
      out.push(key);
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

let spies: MockInstance[] = [];
beforeEach(() => {
  spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});

function consoleText(): string {
  return spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : stateJSON(a))).join(' '))).join('\n');
}

describe('tokens never leak', () => {
  it('a full simulated run: not in the stores, the events, the rejections, the console, nor the engines', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock, roomRetryTimeMs: 60_000 });
    const host = room.createEngine({ userID: 'host', userName: 'Host' });
    const viewer = room.createEngine({ userID: 'viewer', userName: 'Viewer' });

    // Everything the engines emit, raw, before any adapter reads it.
    const raw: unknown[] = [];
    for (const engine of [host, viewer]) {
      for (const event of SIMULATED_EVENTS) engine.on(event, (...args: unknown[]) => raw.push([event, ...args]));
    }
    // Default onListenerError is console.error: a throwing listener puts events into the console.
    const hostStore = createStatusStore({ clock });
    const viewerStore = createStatusStore({ clock });
    viewerStore.subscribeEvents((event) => {
      if (event.type === 'roomStateChanged') throw new Error(`listener saw ${JSON.stringify(event)}`);
    });
    connectZegoWeb(host, hostStore);
    connectZegoWeb(viewer, viewerStore);
    const media: unknown[] = [];
    const policy = attachAudiencePolicy({ engine: viewer, store: viewerStore, onMediaStream: (_id, m) => media.push(m) });

    const outcomes: unknown[] = [];
    const login = (engine: SimulatedEngine) =>
      engine.loginRoom('room-1', TOKEN, engine.user, { userUpdate: true }).then(
        (ok) => outcomes.push(ok),
        (error: unknown) => outcomes.push(error),
      );
    const run = async (ms: number) => {
      for (let left = ms; left > 0; left -= Math.min(left, 250)) {
        clock.advance(Math.min(left, 250));
        await flush();
      }
    };

    // An expired token first: LOGIN_FAILED 1002033, and loginRoom rejects.
    viewer.expireToken();
    void login(viewer);
    await run(1_000);
    void login(host);
    await run(1_000);
    host.startPublishingStream('host-main');
    void login(viewer);
    await run(2_000);
    viewer.failNextPlay(1004020);
    // Host drop past the heartbeat timeout: DELETE, then back: ADD.
    host.dropNetwork();
    await run(100_000);
    host.restoreNetwork();
    await run(5_000);
    // Viewer blip, kick with a custom message, relogin, host crash and restart.
    viewer.dropNetwork();
    await run(3_000);
    viewer.restoreNetwork();
    await run(1_000);
    viewer.kick(1002055, 'bye for now');
    await run(1_000);
    void login(viewer);
    await run(1_000);
    host.crash();
    await run(30_000);
    const host2 = room.createEngine({ userID: 'host' });
    void login(host2);
    await run(2_000);
    host2.startPublishingStream('host-main');
    await run(2_000);
    viewer.logoutRoom('room-1');
    await run(1_000);

    // The run did what it says (so the checks below look at something).
    expect(raw.length).toBeGreaterThan(20);
    expect(outcomes).toEqual(expect.arrayContaining([true, expect.objectContaining({ code: 1002033 })]));
    expect(hostStore.getState().rooms.size).toBe(1);
    expect(spies.some((spy) => spy.mock.calls.length > 0)).toBe(true); // the throwing listener was reported

    for (const store of [hostStore, viewerStore]) expect(stateJSON(store.getState())).not.toMatch(SECRET);
    expect(stateJSON(raw)).not.toMatch(SECRET);
    expect(stateJSON(outcomes)).not.toMatch(SECRET);
    expect(consoleText()).not.toMatch(SECRET);
    for (const object of [host, viewer, host2, room, media]) {
      expect(reachableStrings(object).filter((s) => SECRET.test(s))).toEqual([]);
    }

    policy.detach();
    room.dispose();
  });

  it('token renewal (issue 14): the renewed token is not in the store, the events, the console, nor devtools', async () => {
    // Redux DevTools as zustand's devtools middleware finds it: everything it is sent is kept.
    const sent: unknown[] = [];
    const connection = { init: (state: unknown) => sent.push(state), send: (action: unknown, state: unknown) => sent.push(action, state), subscribe: () => () => {} };
    vi.stubGlobal('window', { __REDUX_DEVTOOLS_EXTENSION__: { connect: () => connection } });
    try {
      const clock = createManualClock();
      const store = createStatusStore({ clock, devtools: true, extensions: [mediaHealth({ browserConnectivity: false })] });
      const events: unknown[] = [];
      store.subscribeEvents((event) => events.push(event));
      const engine = fakeEngine();
      connectZegoWeb(engine, store);
      let attempt = 0;
      // First renewal: the SDK refuses with an error quoting the token; the retry succeeds.
      const renewToken = vi.fn((token: string) => {
        if (++attempt === 1) throw new Error(`token ${token} rejected`);
        return true;
      });
      const renewal = attachTokenRenewal({ engine: { renewToken }, store, roomID: 'r1', fetchToken: async () => TOKEN });
      engine.emit('roomStateChanged', 'r1', 'LOGINING', 0, '');
      engine.emit('roomStateChanged', 'r1', 'LOGINED', 0, '');
      clock.advance(60_000);
      engine.emit('tokenWillExpire', 'r1');
      await flush();
      clock.advance(5_000);
      await flush();

      // The run did what it says: two attempts, the second renewed, devtools saw it.
      expect(renewToken.mock.calls.map(([token]) => token)).toEqual([TOKEN, TOKEN]);
      expect(store.getState().media?.tokens.get('r1')?.status).toBe('renewed');
      expect(stateJSON(sent)).toContain('renewed');

      expect(stateJSON(store.getState())).not.toMatch(SECRET);
      expect(stateJSON(events)).not.toMatch(SECRET);
      expect(stateJSON(sent)).not.toMatch(SECRET);
      expect(consoleText()).not.toMatch(SECRET);
      expect(reachableStrings(renewal).filter((text) => SECRET.test(text))).toEqual([]);
      renewal.detach();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the serializer and the walker do find a secret where there is one (the checks above are live)', () => {
    const store = createStatusStore({ clock: createManualClock() });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'KICKOUT', errorCode: 1002055, extendedData: TOKEN, at: 0 });
    expect(stateJSON(store.getState())).toMatch(SECRET);
    expect(reachableStrings({ a: new Map([['k', { b: [TOKEN] }]]) })).toContain(TOKEN);
    console.warn('token', TOKEN);
    expect(consoleText()).toMatch(SECRET);
  });
});
