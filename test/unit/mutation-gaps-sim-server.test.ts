/**
 * Gaps the mutation run found in the simulator's room server, engine and
 * token timers (docs/mutation.md): what an app driving the simulator sees —
 * each client's user and stream lists, the room notices and their
 * extendedData, how refused or cancelled calls reject, and that a dead app
 * leaves nothing behind — on the manual clock, as the seed timelines read.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import {
  LOGIN_LATENCY_MS,
  PLAY_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
  createSimulatedRoom,
  type SimulatedEngine,
  type SimulatedRoomOptions,
} from '../../src/simulator/index.js';
import { ROOM, SECOND, STREAM, advanceTo, liveRoom, outcome, record, type Recorder } from './simulator-health-helpers.js';

const ROOM_2 = 'room-2';
const HEARTBEAT = 90 * SECOND;
const LISTS = ['roomUserUpdate', 'roomStreamUpdate'] as const;

/** A room on a manual clock; `join` makes an engine (recorded from the start) and logs it in. */
function world(options: Partial<SimulatedRoomOptions> = {}) {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock, ...options });
  const calls = new Map<SimulatedEngine, Recorder>();
  const engine = (userID: string) => {
    const created = room.createEngine({ userID, userName: userID.toUpperCase() });
    calls.set(created, record(created, clock));
    return created;
  };
  const join = (userID: string, roomID = ROOM) => {
    const joined = engine(userID);
    void joined.loginRoom(roomID, 'token', joined.user, { userUpdate: true });
    return joined;
  };
  const log = (of: SimulatedEngine) => calls.get(of)!;
  return { clock, room, engine, join, log, settle: () => clock.advance(LOGIN_LATENCY_MS + PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS) };
}

/** Whether a promise has settled yet (microtasks only). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

const invalid = (msg: string) => ({ rejected: { code: SimulatorErrorCode.INVALID_CALL, msg } });

describe('simulator server: what a client is told when it logs in or comes back', () => {
  it('a late joiner hears only the present users and the streams of its own room, never itself; room.users and room.streams agree', () => {
    const { clock, room, join, log, settle } = world();
    const a = join('a');
    const c = join('c', ROOM_2);
    const d = join('d');
    settle();
    a.startPublishingStream('a-cam', null);
    c.startPublishingStream('c-cam', null);
    settle();
    // d drops; T3 + 90 s the server has lost it (seed 003), it is no longer present.
    d.dropNetwork();
    clock.advance(HEARTBEAT);
    const t0 = clock.now();
    const b = join('b');
    clock.advance(LOGIN_LATENCY_MS);
    expect(log(b).of(LISTS, t0)).toEqual([
      [LOGIN_LATENCY_MS, 'roomUserUpdate', ROOM, 'ADD', [{ userID: 'a', userName: 'A' }]],
      [LOGIN_LATENCY_MS, 'roomStreamUpdate', ROOM, 'ADD', [{ streamID: 'a-cam', user: { userID: 'a', userName: 'A' }, extraInfo: '' }], ''],
    ]);
    expect(room.users(ROOM).map((user) => user.userID).sort()).toEqual(['a', 'b']);
    expect(room.streams(ROOM)).toEqual([{ streamID: 'a-cam', user: { userID: 'a', userName: 'A' }, extraInfo: '', flowing: true }]);
  });

  it('T5 after a short drop with nothing changed: RECONNECTED and no list update; what went while cut off is DELETEd when it is back', () => {
    const { clock, join, log, settle } = world();
    const a = join('a');
    const b = join('b');
    settle();
    a.startPublishingStream('a-cam', null);
    b.startPublishingStream('b-cam', null);
    settle();
    let t0 = clock.now();
    a.dropNetwork();
    clock.advance(5 * SECOND);
    a.restoreNetwork();
    clock.advance(SECOND);
    expect(log(a).of(LISTS, t0)).toEqual([]);
    expect(log(a).of('roomStateChanged', t0).map(([at, , , reason]) => [at, reason])).toEqual([
      [0, 'RECONNECTING'],
      [5 * SECOND, 'RECONNECTED'],
    ]);
    // Cut off again; meanwhile b stops publishing and leaves: nothing reaches a until it is back.
    t0 = clock.now();
    a.dropNetwork();
    clock.advance(SECOND);
    b.stopPublishingStream('b-cam');
    b.logoutRoom(ROOM);
    clock.advance(5 * SECOND);
    expect(log(a).of(LISTS, t0)).toEqual([]);
    a.restoreNetwork();
    expect(log(a).of(LISTS, t0)).toEqual([
      [6 * SECOND, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'b' }]],
      [6 * SECOND, 'roomStreamUpdate', ROOM, 'DELETE', [{ streamID: 'b-cam', extraInfo: '' }], ''],
    ]);
  });

  it('back after the heartbeat timeout: others get the user again, and its logout later DELETEs it', () => {
    const { clock, room, join, log, settle } = world();
    const a = join('a');
    const b = join('b');
    settle();
    const t3 = clock.now();
    b.dropNetwork();
    advanceTo(clock, t3 + HEARTBEAT + 10 * SECOND);
    b.restoreNetwork();
    clock.advance(PROPAGATION_DELAY_MS);
    expect(room.users(ROOM).map((user) => user.userID).sort()).toEqual(['a', 'b']);
    const t = clock.now();
    b.logoutRoom(ROOM);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(log(a).of('roomUserUpdate', t3)).toEqual([
      [HEARTBEAT, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'b', userName: 'B' }]],
      [HEARTBEAT + 10 * SECOND + PROPAGATION_DELAY_MS, 'roomUserUpdate', ROOM, 'ADD', [{ userID: 'b', userName: 'B' }]],
      [t - t3 + PROPAGATION_DELAY_MS, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'b', userName: 'B' }]],
    ]);
  });

  it('without config.userUpdate a client gets no roomUserUpdate', () => {
    const { clock, engine, join, log, settle } = world();
    const quiet = engine('quiet');
    void quiet.loginRoom(ROOM, 'token', quiet.user);
    join('b');
    settle();
    clock.advance(SECOND);
    expect(log(quiet).of('roomUserUpdate')).toEqual([]);
  });
});

describe('simulator server: publishing and the listings', () => {
  it('two users publish two streams in one room; a second publisher of a taken streamID is refused and the listing stays', () => {
    const { clock, room, join, log, settle } = world();
    const a = join('a');
    const b = join('b');
    const viewer = join('viewer');
    settle();
    a.startPublishingStream('s1', null);
    b.startPublishingStream('s2', null);
    settle();
    expect(room.streams(ROOM).map((stream) => stream.streamID).sort()).toEqual(['s1', 's2']);
    const t = clock.now();
    b.startPublishingStream('s1', null);
    clock.advance(SECOND);
    expect(log(b).of('publisherStateUpdate', t).map(([, , update]) => update)).toEqual([
      { streamID: 's1', state: 'PUBLISH_REQUESTING', errorCode: 0, extendedData: '' },
      { streamID: 's1', state: 'NO_PUBLISH', errorCode: SimulatorErrorCode.INVALID_CALL, extendedData: '' },
    ]);
    expect(log(viewer).of('roomStreamUpdate', t)).toEqual([]);
    expect(room.streams(ROOM).find((stream) => stream.streamID === 's1')).toMatchObject({ user: { userID: 'a' }, flowing: true });
  });

  it('the host stops publishing, or logs out: the viewer stops receiving media at once (PLAY_REQUESTING), the DELETE follows ≈100 ms later', async () => {
    for (const leave of ['stop', 'logout'] as const) {
      const { clock, host, viewerCalls } = await liveRoom();
      clock.advance(SECOND);
      const t = clock.now();
      if (leave === 'stop') host.stopPublishingStream(STREAM);
      else host.logoutRoom(ROOM);
      clock.advance(PROPAGATION_DELAY_MS);
      expect(viewerCalls.of(['playerStateUpdate', 'roomStreamUpdate'], t).map(([at, event, arg, kind]) => [at, event, event === 'playerStateUpdate' ? (arg as { state: string }).state : kind])).toEqual([
        [0, 'playerStateUpdate', 'PLAY_REQUESTING'],
        [PROPAGATION_DELAY_MS, 'roomStreamUpdate', 'DELETE'],
      ]);
    }
  });
});

describe('simulator engine: how refused and cancelled calls settle', () => {
  it('each refusal and cancellation rejects with the SDK code and its message', async () => {
    const { clock, engine, settle } = world();
    expect(() => engine('')).toThrow(/non-empty userID/);
    const viewer = engine('viewer');
    expect(await outcome(viewer.loginRoom('', 'token', viewer.user))).toEqual(invalid('roomID is required'));
    // logoutRoom before T1: the login promise rejects.
    const cancelled = viewer.loginRoom(ROOM, 'token', viewer.user);
    viewer.logoutRoom(ROOM);
    expect(await outcome(cancelled)).toEqual(invalid('logged out'));
    void viewer.loginRoom(ROOM, 'token', viewer.user);
    settle();
    expect(await outcome(viewer.startPlayingStream(''))).toEqual(invalid('streamID is required'));
    viewer.failNextPlay(SimulatorErrorCode.STREAM_NOT_FOUND);
    const failed = viewer.startPlayingStream('nobody');
    clock.advance(PLAY_LATENCY_MS);
    expect(await outcome(failed)).toEqual({ rejected: { code: SimulatorErrorCode.STREAM_NOT_FOUND, msg: 'play failed' } });
    // Ended while still in PLAY_REQUESTING (before T + 100 ms): the play promise rejects.
    const stopped = viewer.startPlayingStream('nobody');
    viewer.stopPlayingStream('nobody');
    expect(await outcome(stopped)).toEqual(invalid('stopped'));
    const left = viewer.startPlayingStream('nobody');
    viewer.logoutRoom();
    expect(await outcome(left)).toEqual(invalid('left the room'));
  });

  it('a crashed engine refuses with "engine crashed"; destroyed after the crash, its waiting play rejects with "engine destroyed"', async () => {
    const { clock, engine, settle } = world();
    const viewer = engine('viewer');
    void viewer.loginRoom(ROOM, 'token', viewer.user);
    settle();
    const waiting = viewer.startPlayingStream('nobody');
    viewer.crash();
    clock.advance(PLAY_LATENCY_MS);
    expect(await outcome(viewer.loginRoom(ROOM_2, 'token', viewer.user))).toEqual(invalid('engine crashed'));
    expect(await settled(waiting)).toBe(false);
    viewer.destroyEngine();
    expect(await outcome(waiting)).toEqual(invalid('engine destroyed'));
    expect(await outcome(viewer.loginRoom(ROOM_2, 'token', viewer.user))).toEqual(invalid('engine destroyed'));
  });
});

describe('simulator engine: calls refused as the SDK refuses them', () => {
  it('on/off/enableMultiRoom/logoutRoom/start and stopPublishingStream answer as their JSDoc says', async () => {
    const { clock, room, log, settle } = world();
    const a = room.createEngine({ userID: 'a' });
    const calls = record(a, clock, ['roomStateChanged', 'publisherStateUpdate']);
    expect(a.on('roomStateChanged', 42 as never)).toBe(false);
    expect(a.off('tokenWillExpire')).toBe(false);
    const listener = () => undefined;
    a.on('tokenWillExpire', listener);
    expect(a.off('tokenWillExpire', listener)).toBe(true);
    expect(a.enableMultiRoom('yes' as never)).toBe(false);
    // Not in any room: logoutRoom is a silent no-op, named room or not.
    a.logoutRoom(ROOM);
    a.logoutRoom();
    expect(calls.calls).toEqual([]);
    expect(a.startPublishingStream(STREAM, null)).toBe(false);
    // A login given no usable user logs in as the engine's own user.
    const login = a.loginRoom(ROOM, 'token', null as never);
    expect(a.startPublishingStream(STREAM, null)).toBe(false); // still LOGINING
    expect(await outcome(a.startPlayingStream(STREAM))).toEqual(invalid('not logged in'));
    settle();
    expect(await outcome(login)).toEqual({ resolved: true });
    expect(a.startPublishingStream('', null)).toBe(false);
    expect(a.stopPublishingStream('never')).toBe(false);
    const t = clock.now();
    expect(a.startPublishingStream(STREAM, null)).toBe(true);
    expect(a.startPublishingStream(STREAM, null)).toBe(true); // already requesting: nothing new
    clock.advance(PUBLISH_LATENCY_MS);
    expect(a.startPublishingStream(STREAM, null)).toBe(true); // already publishing
    expect(calls.of('publisherStateUpdate', t).map(([at, , update]) => [at, (update as { state: string }).state])).toEqual([
      [0, 'PUBLISH_REQUESTING'],
      [PUBLISH_LATENCY_MS, 'PUBLISHING'],
    ]);
  });

  it('logoutRoom then loginRoom again: the engine is out of the room and may come back', async () => {
    const { join, settle } = world();
    const a = join('a');
    settle();
    a.logoutRoom(ROOM);
    const again = a.loginRoom(ROOM, 'token', a.user);
    settle();
    expect(await outcome(again)).toEqual({ resolved: true });
  });
});

/** roomStateChanged as [ms since t0, reason, code, extendedData]. */
const notices = (calls: Recorder, t0 = 0) => calls.of('roomStateChanged', t0).map(([at, , , reason, code, extendedData]) => [at, reason, code, extendedData]);

describe('simulator server: room notices and kick-outs', () => {
  it('LOGOUT, duplicate-login KICKOUT 1002050 and RECONNECT_FAILED at T3 + 20 min carry empty extendedData', () => {
    const { clock, room, engine, join, log, settle } = world();
    const a = join('a');
    settle();
    let t = clock.now() + 1;
    clock.advance(1);
    a.logoutRoom(ROOM);
    expect(notices(log(a), t)).toEqual([[0, 'LOGOUT', 0, '']]);
    const b = join('b');
    settle();
    t = clock.now() + 1;
    clock.advance(1);
    const twin = engine('b');
    void twin.loginRoom(ROOM, 'token', twin.user);
    clock.advance(LOGIN_LATENCY_MS);
    expect(notices(log(b), t)).toEqual([[LOGIN_LATENCY_MS, 'KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN, '']]);
    clock.advance(1);
    t = clock.now();
    twin.dropNetwork();
    clock.advance(room.roomRetryTimeMs);
    expect(notices(log(twin), t)).toEqual([
      [0, 'RECONNECTING', SimulatorErrorCode.RECONNECTING, ''],
      [room.roomRetryTimeMs, 'RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED, ''],
    ]);
  });

  it('kick(): no message gives empty extendedData; a message gives custom_kickout_message; a LOGINING session is not kicked', async () => {
    const { clock, join, log, settle } = world();
    const a = join('a');
    settle();
    let t = clock.now();
    a.kick();
    expect(notices(log(a), t)).toEqual([[0, 'KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER, '']]);
    clock.advance(1);
    t = clock.now();
    const login = a.loginRoom(ROOM, 'token', a.user);
    a.kick(SimulatorErrorCode.KICKED_BY_SERVER, 'bye');
    clock.advance(LOGIN_LATENCY_MS);
    expect(await outcome(login)).toEqual({ resolved: true });
    a.kick(SimulatorErrorCode.KICKED_BY_SERVER, 'bye');
    expect(notices(log(a), t)).toEqual([
      [0, 'LOGINING', 0, ''],
      [LOGIN_LATENCY_MS, 'LOGINED', 0, ''],
      [LOGIN_LATENCY_MS, 'KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER, JSON.stringify({ custom_kickout_message: 'bye' })],
    ]);
  });

  it('kick() of a crashed app: its lingering session goes ≈100 ms later (stream_delete_reason 4), not at the heartbeat timeout', () => {
    const { clock, join, log, settle } = world();
    const host = join('host');
    const viewer = join('viewer');
    settle();
    host.startPublishingStream(STREAM, null);
    settle();
    const t = clock.now();
    host.crash();
    host.kick();
    clock.advance(PROPAGATION_DELAY_MS);
    expect(log(viewer).of(LISTS, t)).toEqual([
      [PROPAGATION_DELAY_MS, 'roomStreamUpdate', ROOM, 'DELETE', [{ streamID: STREAM, user: { userID: 'host', userName: 'HOST' }, extraInfo: '' }], JSON.stringify({ stream_delete_reason: 4 })],
      [PROPAGATION_DELAY_MS, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'host', userName: 'HOST' }]],
    ]);
  });

  it('logout while cut off, back online, log in again: the lingering old session is replaced without a KICKOUT, and it hears nothing meanwhile', async () => {
    const { clock, join, log, settle } = world();
    const a = join('a');
    const b = join('b');
    settle();
    a.dropNetwork();
    clock.advance(5 * SECOND);
    a.logoutRoom(ROOM);
    a.restoreNetwork();
    clock.advance(1);
    const t = clock.now();
    b.startPublishingStream(STREAM, null);
    settle();
    expect(log(a).of(LISTS, t)).toEqual([]);
    const again = a.loginRoom(ROOM, 'token', a.user);
    clock.advance(LOGIN_LATENCY_MS);
    expect(await outcome(again)).toEqual({ resolved: true });
    expect(notices(log(a), t).map(([, reason]) => reason)).toEqual(['LOGINING', 'LOGINED']);
  });

  it('the network drops during LOGINING: no LOGINED while cut off; back, it logs in LOGIN_LATENCY later', () => {
    const { clock, join, log } = world();
    const a = join('a');
    clock.advance(50);
    a.dropNetwork();
    clock.advance(5 * SECOND);
    expect(notices(log(a)).map(([, reason]) => reason)).toEqual(['LOGINING']);
    const t = clock.now();
    a.restoreNetwork();
    clock.advance(LOGIN_LATENCY_MS);
    expect(notices(log(a), t)).toEqual([[LOGIN_LATENCY_MS, 'LOGINED', 0, '']]);
  });
});

describe('simulator engine: a crashed or destroyed app', () => {
  it('crash() marks it crashed for good (destroy after it does not undo it); its network calls change nothing', () => {
    const { engine } = world();
    const a = engine('a');
    a.crash();
    expect(a.crashed).toBe(true);
    a.dropNetwork();
    expect(a.networkUp).toBe(true);
    const b = engine('b');
    b.dropNetwork();
    b.crash();
    b.restoreNetwork();
    expect(b.networkUp).toBe(false);
    const c = engine('c');
    c.destroyEngine();
    c.crash();
    expect(c.crashed).toBe(false);
  });

  it('crash() stops the app\'s own timers (publish request, quality reports, network profile): only the server\'s 90 s heartbeat count is left', () => {
    const { clock, join, settle } = world();
    const host = join('host');
    settle();
    host.startPublishingStream(STREAM, null);
    settle();
    expect(host.setNetworkProfile([{ afterMs: 60 * SECOND, upstream: 3, downstream: 3 }])).toBe(true);
    host.startPublishingStream('second', null); // still PUBLISH_REQUESTING
    expect(clock.pending()).toBeGreaterThan(1);
    host.crash();
    expect(clock.pending()).toBe(1);
    clock.advance(HEARTBEAT);
    expect(clock.pending()).toBe(0);
  });

});

describe('simulator engine: one engine in two rooms (web SDK enableMultiRoom)', () => {
  /** `m` logs in to both rooms; `host` publishes `x` in room-1 and m plays it. */
  async function twoRooms() {
    const w = world();
    const host = w.join('host');
    const m = w.engine('m');
    m.enableMultiRoom(true);
    void m.loginRoom(ROOM, 'token', m.user, { userUpdate: true });
    void m.loginRoom(ROOM_2, 'token', m.user, { userUpdate: true });
    w.settle();
    host.startPublishingStream('x', null);
    w.settle();
    const play = m.startPlayingStream('x');
    w.clock.advance(PLAY_LATENCY_MS);
    await play;
    return { ...w, host, m };
  }

  it('publishOption.roomID lists the stream in that room; leaving room-1 stops what plays from there but not room-2\'s publisher', async () => {
    const { clock, room, m, log } = await twoRooms();
    expect(m.startPublishingStream('m2', null, { roomID: 'room-3' } as never)).toBe(false);
    expect(m.startPublishingStream('m2', null, { roomID: ROOM_2 } as never)).toBe(true);
    clock.advance(PUBLISH_LATENCY_MS);
    expect(room.streams(ROOM_2).map((stream) => stream.streamID)).toEqual(['m2']);
    const t = clock.now() + 1;
    clock.advance(1);
    m.logoutRoom(ROOM);
    clock.advance(SECOND);
    expect(log(m).of(['playerStateUpdate', 'publisherStateUpdate'], t).map(([at, , update]) => [at, update])).toEqual([
      [0, { streamID: 'x', state: 'NO_PLAY', errorCode: 0, extendedData: '' }],
    ]);
    expect(room.streams(ROOM_2).map((stream) => stream.streamID)).toEqual(['m2']);
  });

  it('kick(code, message, roomID) kicks out of that room only', async () => {
    const { clock, m, log } = await twoRooms();
    const t = clock.now() + 1;
    clock.advance(1);
    m.kick(SimulatorErrorCode.KICKED_BY_SERVER, 'bye', ROOM_2);
    expect(log(m).of('roomStateChanged', t).map(([, , roomID, reason]) => [roomID, reason])).toEqual([[ROOM_2, 'KICKOUT']]);
  });

  it('the network drops while connected in room-1 and LOGINING in room-2: room-1\'s publisher pauses in PUBLISH_REQUESTING', () => {
    const { clock, engine, log, settle } = world();
    const m = engine('m');
    m.enableMultiRoom(true);
    void m.loginRoom(ROOM, 'token', m.user);
    settle();
    m.startPublishingStream(STREAM, null);
    settle();
    void m.loginRoom(ROOM_2, 'token', m.user);
    expect(m.startPublishingStream('m2', null, { roomID: ROOM_2 } as never)).toBe(false); // room-2 still LOGINING
    const t = clock.now() + 1;
    clock.advance(1);
    m.dropNetwork();
    expect(log(m).of('publisherStateUpdate', t).map(([, , update]) => (update as { state: string }).state)).toEqual(['PUBLISH_REQUESTING']);
  });
});

describe('simulator tokens', () => {
  it('expireTokenIn answers false for a bad time, an unknown room, a dead engine; while LOGINING it schedules nothing', () => {
    const { clock, engine, join, log, settle } = world();
    const a = engine('a');
    void a.loginRoom(ROOM, 'token', a.user);
    expect(a.expireTokenIn(60 * SECOND)).toBe(true); // a session, but LOGINING: nothing to expire yet
    settle();
    clock.advance(2 * 60 * SECOND);
    expect(log(a).of('tokenWillExpire')).toEqual([]);
    expect(notices(log(a)).map(([, reason]) => reason)).toEqual(['LOGINING', 'LOGINED']);
    expect(a.expireTokenIn(Number.NaN)).toBe(false);
    expect(a.expireTokenIn(60 * SECOND, ROOM_2)).toBe(false);
    const t = clock.now();
    expect(a.expireTokenIn(60 * SECOND, ROOM)).toBe(true);
    clock.advance(60 * SECOND);
    expect(log(a).of('tokenWillExpire', t)).toEqual([[30 * SECOND, 'tokenWillExpire', ROOM]]);
    const b = join('b');
    settle();
    b.crash();
    expect(b.expireTokenIn(60 * SECOND)).toBe(false);
  });

  it('the token expires: the user is kicked out and others lose it ≈100 ms later; a crashed app\'s lingering session waits for the heartbeat timeout', () => {
    const { clock, join, log, settle } = world();
    const a = join('a');
    const b = join('b');
    const c = join('c');
    settle();
    const t = clock.now();
    b.expireTokenIn(60 * SECOND);
    c.expireTokenIn(60 * SECOND);
    c.crash();
    clock.advance(HEARTBEAT);
    expect(log(a).of('roomUserUpdate', t)).toEqual([
      [60 * SECOND + PROPAGATION_DELAY_MS, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'b', userName: 'B' }]],
      [HEARTBEAT, 'roomUserUpdate', ROOM, 'DELETE', [{ userID: 'c', userName: 'C' }]],
    ]);
  });
});

describe('simulator engine health calls', () => {
  it('blockAutoplay takes only "sound" or "all"; a crashed app\'s userGesture changes nothing', () => {
    const { engine } = world();
    const a = engine('a');
    a.blockAutoplay('video' as never);
    expect(a.autoplayBlocked).toBeNull();
    a.blockAutoplay('all');
    a.crash();
    a.userGesture();
    expect(a.autoplayBlocked).toBe('all');
  });

  it('enableVideoCaptureDevice(stream) turns capture back on; destroyStream ends the stream for its viewers', async () => {
    const { clock, host, camera, viewerCalls, playingAt } = await liveRoom();
    await host.enableVideoCaptureDevice(camera, false);
    clock.advance(PROPAGATION_DELAY_MS);
    await host.enableVideoCaptureDevice(camera);
    clock.advance(PROPAGATION_DELAY_MS);
    host.destroyStream(camera);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of(['remoteCameraStatusUpdate', 'remoteMicStatusUpdate'], playingAt)).toEqual([
      [PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE'],
      [2 * PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'OPEN'],
      [3 * PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE'],
      [3 * PROPAGATION_DELAY_MS, 'remoteMicStatusUpdate', STREAM, 'MUTE'],
    ]);
  });
});
