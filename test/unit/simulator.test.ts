/**
 * The simulator replays the seed 003 timelines exactly, seen through
 * connectZegoWeb from the dropped user's store and from another user's store.
 * Times are read off the events the stores received (`at`), relative to the
 * scenario's marks.
 */
import { describe, expect, it } from 'vitest';
// Core modules one by one rather than the package barrel, so this suite runs
// whatever state the rest of the barrel is in.
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { selectPlayer, selectPublisher, selectRoom } from '../../src/core/selectors.js';
import { HEARTBEAT_TIMEOUT_MS, WEB_ROOM_RETRY_TIME_MS } from '../../src/core/status.js';
import { createStatusStore } from '../../src/core/store.js';
import { connectZegoWeb } from '../../src/adapters/index.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SCENARIO_TIMING,
  SimulatorErrorCode,
  createSimulatedRoom,
  scenarios,
  type ScenarioName,
  type SimulatedEngine,
} from '../../src/simulator/index.js';

const SECOND = 1000;

/** A store on the scenario's clock, fed by connectZegoWeb, recording every event it got. */
function observe(engine: SimulatedEngine, clock: ManualClock) {
  const store = createStatusStore({ clock, roomRetryTimeMs: WEB_ROOM_RETRY_TIME_MS });
  const events: StatusEvent[] = [];
  store.subscribeEvents((event) => events.push(event));
  const disconnect = connectZegoWeb(engine, store);
  return { store, events, disconnect };
}

type Observed = ReturnType<typeof observe>;

const roomLog = (o: Observed, t0 = 0) =>
  o.events.flatMap((e) => (e.type === 'roomStateChanged' ? [[e.at - t0, e.reason, e.errorCode] as const] : []));
const userLog = (o: Observed, t0 = 0) =>
  o.events.flatMap((e) =>
    e.type === 'roomUserUpdate' ? [[e.at - t0, e.updateType, e.userList.map((u) => u.userID).join()] as const] : [],
  );
const streamLog = (o: Observed, t0 = 0) =>
  o.events.flatMap((e) =>
    e.type === 'roomStreamUpdate'
      ? [[e.at - t0, e.updateType, e.streamList.map((s) => s.streamID).join(), e.extendedData ?? ''] as const]
      : [],
  );
const playerLog = (o: Observed, t0 = 0) =>
  o.events.flatMap((e) => (e.type === 'playerStateUpdate' ? [[e.at - t0, e.state, e.errorCode] as const] : []));
const publisherLog = (o: Observed, t0 = 0) =>
  o.events.flatMap((e) => (e.type === 'publisherStateUpdate' ? [[e.at - t0, e.state, e.errorCode] as const] : []));

/** Only what happened from `t0` on. */
const since = <T extends readonly [number, ...unknown[]]>(log: readonly T[]) => log.filter(([t]) => t >= 0);

const hasUser = (o: Observed, userID: string) => selectRoom(o.store.getState(), 'room-1').users.has(userID);
const hasStream = (o: Observed, streamID: string) => selectRoom(o.store.getState(), 'room-1').streams.has(streamID);

/** Advances the clock to an absolute time. */
function advanceTo(clock: ManualClock, time: number): void {
  clock.advance(time - clock.now());
}

describe('simulator: login (seed 003 T0–T2)', () => {
  it('T1 ≈ T0 + 120 ms LOGINING then LOGINED; T2 ≈ T1 + 100 ms B sees A join', () => {
    const clock = createManualClock();
    const run = scenarios.loginOk({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    const { T0, T1, T2 } = run.marks;
    advanceTo(clock, T1 - 1);
    expect(selectRoom(a.store.getState()).reason).toBe('LOGINING');
    advanceTo(clock, T2 - 1);
    expect(selectRoom(a.store.getState()).reason).toBe('LOGINED');
    expect(hasUser(b, 'user-a')).toBe(false);
    advanceTo(clock, run.endsAt);
    expect(roomLog(a, T0)).toEqual([
      [0, 'LOGINING', 0],
      [LOGIN_LATENCY_MS, 'LOGINED', 0],
    ]);
    expect(userLog(b, T0)).toEqual([[LOGIN_LATENCY_MS + PROPAGATION_DELAY_MS, 'ADD', 'user-a']]);
    expect(T2 - T1).toBe(100);
    // A, logging in second, is told B is already there, at LOGINED.
    expect(userLog(a, T0)).toEqual([[LOGIN_LATENCY_MS, 'ADD', 'user-b']]);
    expect(hasUser(b, 'user-a')).toBe(true);
  });

  it('expired token: LOGIN_FAILED 1002033 at T0 + 120 ms and loginRoom rejects { code, msg }', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const engine = room.createEngine({ userID: 'user-a' });
    const a = observe(engine, clock);
    engine.expireToken();
    const login = engine.loginRoom('room-1', 'secret-token', { userID: 'user-a' });
    clock.advance(LOGIN_LATENCY_MS);
    await expect(login).rejects.toEqual({ code: 1002033, msg: 'token expired' });
    expect(roomLog(a)).toEqual([
      [0, 'LOGINING', 0],
      [120, 'LOGIN_FAILED', 1002033],
    ]);
    expect(selectRoom(a.store.getState(), 'room-1').phase).toBe('failed');
    // One-shot: the next login works.
    const again = engine.loginRoom('room-1', 'fresh-token', { userID: 'user-a' });
    clock.advance(LOGIN_LATENCY_MS);
    await expect(again).resolves.toBe(true);
  });

  it('the tokenExpired scenario shows the same from the store', () => {
    const clock = createManualClock();
    const run = scenarios.tokenExpired({ clock });
    const a = observe(run.engines.a, clock);
    advanceTo(clock, run.endsAt);
    expect(roomLog(a, run.marks.T0)).toEqual([
      [0, 'LOGINING', 0],
      [120, 'LOGIN_FAILED', SimulatorErrorCode.TOKEN_EXPIRED],
    ]);
  });

  it('no network at login: LOGINING for the whole retry time, then LOGIN_FAILED 1002031 "login timeout" (DESIGN §4)', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock, roomRetryTimeMs: 30 * SECOND });
    const engine = room.createEngine({ userID: 'user-a' });
    const a = observe(engine, clock);
    engine.dropNetwork();
    const login = engine.loginRoom('room-1', 'token', { userID: 'user-a' });
    login.catch(() => undefined);
    clock.advance(30 * SECOND);
    await expect(login).rejects.toEqual({ code: 1002031, msg: 'login timeout' });
    expect(roomLog(a)).toEqual([
      [0, 'LOGINING', 0],
      [30 * SECOND, 'LOGIN_FAILED', 1002031],
    ]);
    expect(selectRoom(a.store.getState(), 'room-1').lastError?.extendedData).toBe('login timeout');
  });

  it('the token is not kept anywhere on the engine or the room', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const engine = room.createEngine({ userID: 'user-a' });
    const login = engine.loginRoom('room-1', 'TOP-SECRET-TOKEN', { userID: 'user-a' });
    clock.advance(LOGIN_LATENCY_MS);
    await login;
    const seen = new WeakSet<object>();
    const contains = (value: unknown): boolean => {
      if (typeof value === 'string') return value.includes('TOP-SECRET');
      if (value === null || typeof value !== 'object' || seen.has(value)) return false;
      seen.add(value);
      return Object.values(value).some(contains);
    };
    expect(contains(engine) || contains(room) || contains(room.users('room-1'))).toBe(false);
  });
});

describe('simulator: Case 1, brief drop (< 90 s)', () => {
  it('T3 RECONNECTING 1000017; T5 = T3 + 30 s RECONNECTED; B never sees A leave', () => {
    const clock = createManualClock();
    const run = scenarios.briefDrop({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    const { T3, T5 } = run.marks;
    advanceTo(clock, T3);
    expect(selectRoom(a.store.getState()).phase).toBe('reconnecting');
    expect(selectRoom(a.store.getState()).retryDeadline).toBe(T3 + WEB_ROOM_RETRY_TIME_MS);
    advanceTo(clock, run.endsAt + 5 * 60 * SECOND);
    expect(roomLog(a, T3)).toEqual([
      [-10_000, 'LOGINING', 0],
      [-10_000 + 120, 'LOGINED', 0],
      [0, 'RECONNECTING', 1000017],
      [T5 - T3, 'RECONNECTED', 0],
    ]);
    expect(T5 - T3).toBeLessThan(HEARTBEAT_TIMEOUT_MS);
    // B: only the join, nothing after T3.
    expect(userLog(b, T3)).toEqual([[-10_000 + 220, 'ADD', 'user-a']]);
    expect(hasUser(b, 'user-a')).toBe(true);
  });
});

describe('simulator: Case 2, long drop (> 90 s, < budget)', () => {
  it("T4' = T3 + 90 s B loses A; T6' = T5' + 100 ms B has A again", () => {
    const clock = createManualClock();
    const run = scenarios.longDrop({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    const { T3, T4, T5, T6 } = run.marks;
    expect(T4).toBe(T3 + 90 * SECOND);
    advanceTo(clock, T4 - 1);
    expect(hasUser(b, 'user-a')).toBe(true);
    advanceTo(clock, T4);
    expect(hasUser(b, 'user-a')).toBe(false); // T3 + 90 s: B loses A
    advanceTo(clock, T5);
    expect(selectRoom(a.store.getState()).reason).toBe('RECONNECTED');
    expect(hasUser(b, 'user-a')).toBe(false);
    advanceTo(clock, T6 - 1);
    expect(hasUser(b, 'user-a')).toBe(false);
    advanceTo(clock, T6);
    expect(hasUser(b, 'user-a')).toBe(true); // ≈100 ms after A's RECONNECTED
    expect(roomLog(a, T3).slice(2)).toEqual([
      [0, 'RECONNECTING', 1000017],
      [T5 - T3, 'RECONNECTED', 0],
    ]);
    expect(userLog(b, T3).slice(1)).toEqual([
      [90 * SECOND, 'DELETE', 'user-a'],
      [T5 - T3 + 100, 'ADD', 'user-a'],
    ]);
  });

  it('a user that joins while A is cut off is reported to A when A reconnects', () => {
    const clock = createManualClock();
    const run = scenarios.longDrop({ clock });
    const a = observe(run.engines.a, clock);
    const c = run.room.createEngine({ userID: 'user-c' });
    const { T3, T5 } = run.marks;
    advanceTo(clock, T3 + SECOND);
    void c.loginRoom('room-1', 'token', { userID: 'user-c' }, { userUpdate: true });
    advanceTo(clock, T5 - 1);
    expect(hasUser(a, 'user-c')).toBe(false);
    advanceTo(clock, T5);
    expect(hasUser(a, 'user-c')).toBe(true);
  });
});

describe('simulator: Case 3, reconnect failed', () => {
  it("T4'' = T3 + 90 s B loses A; T5'' = T3 + 5 min RECONNECT_FAILED 1002053", () => {
    const clock = createManualClock();
    const run = scenarios.reconnectFailed({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    const { T3, T5 } = run.marks;
    advanceTo(clock, T5 - 1);
    expect(selectRoom(a.store.getState()).phase).toBe('reconnecting');
    advanceTo(clock, run.endsAt);
    expect(roomLog(a, T3).slice(2)).toEqual([
      [0, 'RECONNECTING', 1000017],
      [5 * 60 * SECOND, 'RECONNECT_FAILED', 1002053],
    ]);
    expect(userLog(b, T3).slice(1)).toEqual([[90 * SECOND, 'DELETE', 'user-a']]);
    expect(selectRoom(a.store.getState()).phase).toBe('failed');
  });

  it('runs a 20-minute native budget in one advance', () => {
    const clock = createManualClock();
    const run = scenarios.reconnectFailed({ clock, roomRetryTimeMs: 20 * 60 * SECOND });
    const a = observe(run.engines.a, clock);
    advanceTo(clock, run.endsAt);
    expect(roomLog(a, run.marks.T3).at(-1)).toEqual([20 * 60 * SECOND, 'RECONNECT_FAILED', 1002053]);
    expect(clock.pending()).toBe(0);
  });

  it('restoring the network after the budget does nothing', () => {
    const clock = createManualClock();
    const run = scenarios.reconnectFailed({ clock });
    const a = observe(run.engines.a, clock);
    advanceTo(clock, run.endsAt);
    const before = a.events.length;
    run.engines.a.restoreNetwork();
    clock.advance(SECOND);
    expect(a.events.length).toBe(before);
  });
});

describe('simulator: kick-outs', () => {
  it('duplicate login: the old session gets KICKOUT 1002050 when the new one is in; B keeps the user', () => {
    const clock = createManualClock();
    const run = scenarios.kickedByDuplicateLogin({ clock });
    const a = observe(run.engines.a, clock);
    const elsewhere = observe(run.engines.aElsewhere, clock);
    const b = observe(run.engines.b, clock);
    const { T3, T4 } = run.marks;
    advanceTo(clock, run.endsAt + SECOND);
    expect(roomLog(a, T3).at(-1)).toEqual([T4 - T3, 'KICKOUT', 1002050]);
    expect(selectRoom(a.store.getState()).kickout?.code).toBe(1002050);
    expect(roomLog(elsewhere, T3)).toEqual([
      [0, 'LOGINING', 0],
      [120, 'LOGINED', 0],
    ]);
    expect(since(userLog(b, T3))).toEqual([]);
    expect(hasUser(b, 'user-a')).toBe(true);
  });

  it('server kick: KICKOUT 1002055 with the custom message; B sees A leave ≈100 ms later', () => {
    const clock = createManualClock();
    const run = scenarios.kickedByServer({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    const { T3 } = run.marks;
    advanceTo(clock, run.endsAt);
    expect(roomLog(a, T3).at(-1)).toEqual([0, 'KICKOUT', 1002055]);
    const room = selectRoom(a.store.getState());
    expect(room.phase).toBe('kicked');
    expect(room.kickout?.extendedData).toBe('{"custom_kickout_message":"Removed by the moderator"}');
    expect(room.kickout?.message).toBe('Removed by the moderator');
    expect(since(userLog(b, T3))).toEqual([[100, 'DELETE', 'user-a']]);
  });

  it('a kick while cut off reaches the client when its network returns', () => {
    const clock = createManualClock();
    const run = scenarios.loginOk({ clock });
    const a = observe(run.engines.a, clock);
    advanceTo(clock, run.endsAt);
    run.engines.a.dropNetwork();
    run.engines.a.kick(1002055);
    clock.advance(5 * SECOND);
    expect(selectRoom(a.store.getState()).phase).toBe('reconnecting');
    run.engines.a.restoreNetwork();
    expect(selectRoom(a.store.getState()).reason).toBe('KICKOUT');
  });
});

describe('simulator: host drop, seen by the audience', () => {
  it('T3 PLAY_REQUESTING; T3 + 10 s NO_PLAY 1004020; T3 + 90 s stream DELETE (reason 2); recovery: user ADD, then stream ADD', () => {
    const clock = createManualClock();
    const run = scenarios.hostDropWithStreamDelete({ clock });
    const host = observe(run.engines.host, clock);
    const viewer = observe(run.engines.viewer, clock);
    const { T3, T4, T5, T6, playing, streamAdded } = run.marks;
    advanceTo(clock, T3 - 1);
    expect(selectPlayer(viewer.store.getState(), 'host-main').state).toBe('PLAYING');
    expect(selectPublisher(host.store.getState(), 'host-main').state).toBe('PUBLISHING');
    advanceTo(clock, run.endsAt);
    expect(streamLog(viewer, T3)).toEqual([
      [streamAdded - T3, 'ADD', 'host-main', ''],
      [90 * SECOND, 'DELETE', 'host-main', '{"stream_delete_reason":2}'],
      [T6 - T3, 'ADD', 'host-main', ''],
    ]);
    expect(userLog(viewer, T3)).toEqual([
      [-10_000 + 220, 'ADD', 'host'],
      [90 * SECOND, 'DELETE', 'host'],
      [T5 - T3 + 100, 'ADD', 'host'],
    ]);
    expect(playerLog(viewer, T3)).toEqual([
      [playing - T3 - 100, 'PLAY_REQUESTING', 0],
      [playing - T3, 'PLAYING', 0],
      [0, 'PLAY_REQUESTING', 0],
      [PLAYER_RETRY_TIMEOUT_MS, 'NO_PLAY', 1004020],
    ]);
    // The SDK pauses publishing (PUBLISH_REQUESTING) and resumes it by itself (seed 003).
    expect(publisherLog(host, T3)).toEqual([
      [-10_000 + 500, 'PUBLISH_REQUESTING', 0],
      [-10_000 + 600, 'PUBLISHING', 0],
      [0, 'PUBLISH_REQUESTING', 0],
      [T5 - T3 + PUBLISH_LATENCY_MS, 'PUBLISHING', 0],
    ]);
    expect(T4 - T3).toBe(90 * SECOND);
    expect(selectRoom(viewer.store.getState()).removedStreams).toEqual([]); // re-added
  });

  it('host back before 90 s: the audience player resumes by itself, no DELETE', () => {
    const clock = createManualClock();
    const run = scenarios.hostDropWithStreamDelete({ clock });
    const viewer = observe(run.engines.viewer, clock);
    const { T3 } = run.marks;
    advanceTo(clock, T3 - 1);
    run.cancel(); // the test drives the host itself from here
    advanceTo(clock, T3);
    run.engines.host.dropNetwork();
    advanceTo(clock, T3 + 5 * SECOND);
    run.engines.host.restoreNetwork();
    advanceTo(clock, T3 + 10 * SECOND);
    expect(playerLog(viewer, T3).slice(2)).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [5 * SECOND + PUBLISH_LATENCY_MS + 100, 'PLAYING', 0],
    ]);
    expect(streamLog(viewer, T3).length).toBe(1);
  });

  it('the audience can play the stream again after the ADD (what the policy does)', async () => {
    const clock = createManualClock();
    const run = scenarios.hostDropWithStreamDelete({ clock });
    const viewer = observe(run.engines.viewer, clock);
    advanceTo(clock, run.endsAt);
    run.engines.viewer.stopPlayingStream('host-main');
    const media = run.engines.viewer.startPlayingStream('host-main');
    clock.advance(100);
    await expect(media).resolves.toEqual({ id: 'simulated-host-main', simulated: true });
    expect(selectPlayer(viewer.store.getState(), 'host-main').state).toBe('PLAYING');
  });
});

describe('simulator: host crash with a fast restart', () => {
  it('T3 crash; restart logs in at T3 + 30 s: the viewer gets the stream DELETE, then the ADD on republish', () => {
    const clock = createManualClock();
    const run = scenarios.hostCrashFastRestart({ clock });
    observe(run.engines.host, clock);
    const restarted = observe(run.engines.hostRestarted, clock);
    const viewer = observe(run.engines.viewer, clock);
    const { T3, T4, T5, T6 } = run.marks;
    advanceTo(clock, run.endsAt + 200 * SECOND);
    expect(streamLog(viewer, T3).slice(1)).toEqual([
      [T5 - T3, 'DELETE', 'host-main', '{"stream_delete_reason":3}'],
      [T6 - T3, 'ADD', 'host-main', ''],
    ]);
    expect(T5 - T3).toBe(30 * SECOND + 120 + 100);
    expect(T6).toBeGreaterThan(T5);
    // The user never left for the viewer: the new session replaced the old one.
    expect(since(userLog(viewer, T3))).toEqual([]);
    expect(roomLog(restarted, T3)).toEqual([
      [30 * SECOND, 'LOGINING', 0],
      [T4 - T3, 'LOGINED', 0],
    ]);
    // The viewer's player lost the media at the crash and gave up after the retry time.
    expect(playerLog(viewer, T3).slice(2)).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [PLAYER_RETRY_TIMEOUT_MS, 'NO_PLAY', 1004020],
    ]);
    expect(clock.pending()).toBe(0);
  });

  it('no restart: the crashed session lingers until the heartbeat timeout', () => {
    const clock = createManualClock();
    const run = scenarios.hostCrashFastRestart({ clock });
    const viewer = observe(run.engines.viewer, clock);
    const { T3 } = run.marks;
    advanceTo(clock, T3);
    run.cancel();
    advanceTo(clock, T3 + 90 * SECOND - 1);
    expect(hasUser(viewer, 'host')).toBe(true);
    advanceTo(clock, T3 + 90 * SECOND);
    expect(hasUser(viewer, 'host')).toBe(false);
    expect(streamLog(viewer, T3).at(-1)).toEqual([90 * SECOND, 'DELETE', 'host-main', '{"stream_delete_reason":2}']);
  });

  it('a crashed engine emits nothing more', () => {
    const clock = createManualClock();
    const run = scenarios.hostCrashFastRestart({ clock });
    const host = observe(run.engines.host, clock);
    advanceTo(clock, run.endsAt + 200 * SECOND);
    expect(host.events.every((e) => e.at < run.marks.T3)).toBe(true);
  });
});

describe('simulator: play and publish failures', () => {
  it('play failure: PLAY_REQUESTING then NO_PLAY with the injected code at + 100 ms', () => {
    const clock = createManualClock();
    const run = scenarios.playFailure({ clock });
    const viewer = observe(run.engines.viewer, clock);
    advanceTo(clock, run.endsAt);
    expect(playerLog(viewer, run.marks.T3)).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [100, 'NO_PLAY', SCENARIO_TIMING.playFailureCode],
    ]);
  });

  it('play of a stream that is not live: NO_PLAY 1004002 and the promise rejects', async () => {
    const clock = createManualClock();
    const run = scenarios.loginOk({ clock });
    const b = observe(run.engines.b, clock);
    advanceTo(clock, run.endsAt);
    const play = run.engines.b.startPlayingStream('nobody');
    clock.advance(100);
    await expect(play).rejects.toEqual({ code: SimulatorErrorCode.STREAM_NOT_FOUND, msg: 'stream not found' });
    expect(selectPlayer(b.store.getState(), 'nobody')).toMatchObject({ state: 'NO_PLAY', errorCode: 1004002 });
  });

  it('publish failure: PUBLISH_REQUESTING then NO_PUBLISH with the code; the viewer never sees the stream', () => {
    const clock = createManualClock();
    const run = scenarios.publishFailure({ clock });
    const host = observe(run.engines.host, clock);
    const viewer = observe(run.engines.viewer, clock);
    advanceTo(clock, run.endsAt + SECOND);
    expect(publisherLog(host, run.marks.T3)).toEqual([
      [0, 'PUBLISH_REQUESTING', 0],
      [100, 'NO_PUBLISH', SCENARIO_TIMING.publishFailureCode],
    ]);
    expect(hasStream(viewer, 'host-main')).toBe(false);
  });
});

describe('simulator: engine surface', () => {
  it('on() returns false for unknown events; off() without a callback clears the event', () => {
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'u' });
    const noop = () => undefined;
    expect(engine.on('roomStateChanged', noop)).toBe(true);
    expect(engine.on('noSuchEvent', noop)).toBe(false);
    engine.on('roomStateChanged', () => undefined);
    expect(engine.listenerCount('roomStateChanged')).toBe(2);
    engine.off('roomStateChanged');
    expect(engine.listenerCount()).toBe(0);
  });

  it('logout: LOGOUT at once; others lose the user and its streams ≈100 ms later (stream_delete_reason 1)', () => {
    const clock = createManualClock();
    const run = scenarios.hostDropWithStreamDelete({ clock });
    const host = observe(run.engines.host, clock);
    const viewer = observe(run.engines.viewer, clock);
    advanceTo(clock, run.marks.T3 - 1);
    run.cancel();
    const t = clock.now();
    run.engines.host.logoutRoom();
    clock.advance(SECOND);
    expect(roomLog(host, t).at(-1)).toEqual([0, 'LOGOUT', 0]);
    expect(publisherLog(host, t).at(-1)).toEqual([0, 'NO_PUBLISH', 0]);
    expect(streamLog(viewer, t).at(-1)).toEqual([100, 'DELETE', 'host-main', '{"stream_delete_reason":1}']);
    expect(userLog(viewer, t).at(-1)).toEqual([100, 'DELETE', 'host']);
  });

  it('logout while cut off: LOGOUT at once, but others keep the user until the heartbeat timeout', () => {
    const clock = createManualClock();
    const run = scenarios.loginOk({ clock });
    const a = observe(run.engines.a, clock);
    const b = observe(run.engines.b, clock);
    advanceTo(clock, run.endsAt);
    const t = clock.now();
    run.engines.a.dropNetwork();
    clock.advance(10 * SECOND);
    run.engines.a.logoutRoom();
    expect(roomLog(a, t).at(-1)).toEqual([10 * SECOND, 'LOGOUT', 0]);
    advanceTo(clock, t + 90 * SECOND - 1);
    expect(hasUser(b, 'user-a')).toBe(true);
    advanceTo(clock, t + 90 * SECOND);
    expect(hasUser(b, 'user-a')).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('login without network waits; restoring it logs in 120 ms later', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const engine = room.createEngine({ userID: 'user-a' });
    const a = observe(engine, clock);
    engine.dropNetwork();
    const login = engine.loginRoom('room-1', 'token', { userID: 'user-a' });
    clock.advance(20 * SECOND);
    engine.restoreNetwork();
    clock.advance(LOGIN_LATENCY_MS);
    await expect(login).resolves.toBe(true);
    expect(roomLog(a)).toEqual([
      [0, 'LOGINING', 0],
      [20 * SECOND + 120, 'LOGINED', 0],
    ]);
    clock.advance(PROPAGATION_DELAY_MS); // the join reaching the others
    expect(clock.pending()).toBe(0);
  });

  it('a crash during login leaves nothing behind on the server', () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const engine = room.createEngine({ userID: 'user-a' });
    void engine.loginRoom('room-1', 'token', { userID: 'user-a' });
    clock.advance(50);
    engine.crash();
    clock.advance(10 * SECOND);
    expect(room.users('room-1')).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('a listener that throws does not break the simulation', () => {
    const clock = createManualClock();
    const run = scenarios.loginOk({ clock });
    const errors: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => {
      try {
        task();
      } catch (error) {
        errors.push(error);
      }
    };
    try {
      run.engines.a.on('roomStateChanged', () => {
        throw new Error('app bug');
      });
      const b = observe(run.engines.b, clock);
      advanceTo(clock, run.endsAt);
      expect(hasUser(b, 'user-a')).toBe(true);
      expect(errors).toHaveLength(2);
    } finally {
      globalThis.queueMicrotask = original;
    }
  });

  it('dispose() cancels every pending timer', () => {
    const clock = createManualClock();
    const run = scenarios.reconnectFailed({ clock });
    advanceTo(clock, run.marks.T3 + SECOND);
    expect(clock.pending()).toBeGreaterThan(0);
    run.room.dispose();
    expect(clock.pending()).toBe(0);
  });

  it.each(Object.keys(scenarios) as ScenarioName[])('%s runs to its end and leaves no timers behind', (name) => {
    const clock = createManualClock();
    const run = scenarios[name]({ clock });
    for (const engine of Object.values(run.engines)) observe(engine as SimulatedEngine, clock);
    advanceTo(clock, run.endsAt);
    clock.advance(30 * 60 * SECOND);
    expect(run.name).toBe(name);
    expect(clock.pending()).toBe(0);
  });
});
