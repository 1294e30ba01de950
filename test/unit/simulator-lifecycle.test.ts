/**
 * The simulator is no kinder than the SDK, and keeps nothing it no longer
 * needs: a second start of a playing stream rejects as web SDK 3.12 does;
 * nothing a cut-off host does reaches the others (seed 003: they see the
 * 90 s DELETE with its heartbeat reason); one engine in two rooms (web
 * multi-room); destroyed and crashed engines are let go.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
  createSimulatedRoom,
  type SimulatedEngine,
} from '../../src/simulator/index.js';

const SECOND = 1000;
/** Seed 003: others hear of a dropped user after the 90 s heartbeat timeout. */
const HEARTBEAT_TIMEOUT = 90 * SECOND;
const ROOM = 'room-1';
const S = 'host-main';

/** Every callback an engine gets, as `event args… @time` lines. */
function record(engine: SimulatedEngine, now: () => number) {
  const lines: string[] = [];
  engine.on('roomStateChanged', (roomID: string, reason: string, code: number) => lines.push(`room ${roomID} ${reason} ${code} @${now()}`));
  engine.on('roomStreamUpdate', (roomID: string, type: string, list: { streamID: string }[], extendedData: string) =>
    lines.push(`stream ${roomID} ${type} ${list.map((s) => s.streamID).join(',')} ${extendedData} @${now()}`.replace('  ', ' ')),
  );
  engine.on('roomUserUpdate', (roomID: string, type: string, list: { userID: string }[]) =>
    lines.push(`user ${roomID} ${type} ${list.map((u) => u.userID).join(',')} @${now()}`),
  );
  engine.on('playerStateUpdate', ({ streamID, state, errorCode }: { streamID: string; state: string; errorCode: number }) =>
    lines.push(`player ${streamID} ${state} ${errorCode} @${now()}`),
  );
  return lines;
}

/** The host publishes in the first of `rooms`; the viewer, in all of them (multi-room for two), plays it. */
async function hostAndViewer(rooms: readonly string[] = [ROOM]) {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock });
  const host = room.createEngine({ userID: 'host' });
  const viewer = room.createEngine({ userID: 'viewer' });
  if (rooms.length > 1) viewer.enableMultiRoom(true);
  const seen = record(viewer, clock.now);
  const logins = [...rooms.map((roomID) => viewer.loginRoom(roomID, 'token', viewer.user, { userUpdate: true })), host.loginRoom(rooms[0]!, 'token')];
  clock.advance(LOGIN_LATENCY_MS);
  await Promise.all(logins);
  host.startPublishingStream(S);
  clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
  const play = viewer.startPlayingStream(S);
  clock.advance(PLAY_LATENCY_MS);
  await play;
  seen.length = 0;
  return { clock, room, host, viewer, seen };
}

describe('a second startPlayingStream of one stream (web SDK 3.12: 1103049)', () => {
  it('while PLAY_REQUESTING: rejects { code: 1103049, msg }, and the first start still resolves', async () => {
    const { clock, viewer, seen } = await hostAndViewer();
    viewer.stopPlayingStream(S);
    const first = viewer.startPlayingStream(S);
    const second = viewer.startPlayingStream(S);
    await expect(second).rejects.toEqual({ code: SimulatorErrorCode.REPEATED_PLAY, msg: 'repeated pull same stream' });
    clock.advance(PLAY_LATENCY_MS);
    await expect(first).resolves.toBeTruthy();
    expect(seen.filter((line) => line.startsWith('player'))).toEqual([
      `player ${S} NO_PLAY 0 @${clock.now() - PLAY_LATENCY_MS}`,
      `player ${S} PLAY_REQUESTING 0 @${clock.now() - PLAY_LATENCY_MS}`,
      `player ${S} PLAYING 0 @${clock.now()}`,
    ]);
  });

  it('after a play failed (NO_PLAY with an errorCode), a new start is a replay, not a repeat', async () => {
    const { clock, host, viewer } = await hostAndViewer();
    host.dropNetwork();
    clock.advance(PLAYER_RETRY_TIMEOUT_MS);
    host.restoreNetwork();
    clock.advance(PUBLISH_LATENCY_MS);
    const replay = viewer.startPlayingStream(S);
    clock.advance(PLAY_LATENCY_MS);
    await expect(replay).resolves.toBeTruthy();
  });
});

describe('nothing a cut-off host does reaches the others (seed 003)', () => {
  it('stopPublishingStream while cut off: no "stopped" DELETE at +100 ms; the DELETE comes at T3 + 90 s, heartbeat reason', async () => {
    const { clock, host, seen } = await hostAndViewer();
    host.dropNetwork();
    const T3 = clock.now();
    clock.advance(5 * SECOND);
    expect(host.stopPublishingStream(S)).toBe(true);
    clock.advance(HEARTBEAT_TIMEOUT - 5 * SECOND - 1);
    expect(seen.filter((line) => line.startsWith('stream') || line.startsWith('user'))).toEqual([]);
    clock.advance(1);
    expect(seen.filter((line) => line.startsWith('stream') || line.startsWith('user'))).toEqual([
      `stream ${ROOM} DELETE ${S} {"stream_delete_reason":2} @${T3 + HEARTBEAT_TIMEOUT}`,
      `user ${ROOM} DELETE host @${T3 + HEARTBEAT_TIMEOUT}`,
    ]);
  });

  it('logoutRoom while cut off: unheard; user and stream go at T3 + 90 s with the heartbeat reason', async () => {
    const { clock, room, host, seen } = await hostAndViewer();
    host.dropNetwork();
    const T3 = clock.now();
    clock.advance(10 * SECOND);
    host.logoutRoom(ROOM);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(room.users(ROOM).map((u) => u.userID)).toContain('host');
    expect(seen.filter((line) => !line.startsWith('player'))).toEqual([]);
    clock.advance(T3 + HEARTBEAT_TIMEOUT - clock.now());
    expect(seen.filter((line) => !line.startsWith('player'))).toEqual([
      `stream ${ROOM} DELETE ${S} {"stream_delete_reason":2} @${T3 + HEARTBEAT_TIMEOUT}`,
      `user ${ROOM} DELETE host @${T3 + HEARTBEAT_TIMEOUT}`,
    ]);
  });

  it('stopped while cut off, back before 90 s: the server learns it at RECONNECTED, DELETE (stopped) ≈100 ms later', async () => {
    const { clock, host, seen } = await hostAndViewer();
    host.dropNetwork();
    clock.advance(5 * SECOND);
    host.stopPublishingStream(S);
    clock.advance(25 * SECOND);
    host.restoreNetwork();
    const T5 = clock.now();
    clock.advance(HEARTBEAT_TIMEOUT);
    expect(seen.filter((line) => line.startsWith('stream') || line.startsWith('user'))).toEqual([
      `stream ${ROOM} DELETE ${S} {"stream_delete_reason":1} @${T5 + PROPAGATION_DELAY_MS}`,
    ]);
  });
});

describe('one engine in two rooms (web SDK enableMultiRoom)', () => {
  it('only before the first loginRoom; without it a second room is refused', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const single = room.createEngine({ userID: 'single' });
    void single.loginRoom('a', 'token');
    await expect(single.loginRoom('b', 'token')).rejects.toMatchObject({ msg: 'already in a room' });
    expect(single.enableMultiRoom(true)).toBe(false);
    const multi = room.createEngine({ userID: 'multi' });
    expect(multi.enableMultiRoom(true)).toBe(true);
    const logins = [multi.loginRoom('a', 'token'), multi.loginRoom('b', 'token')];
    clock.advance(LOGIN_LATENCY_MS);
    await expect(Promise.all(logins)).resolves.toEqual([true, true]);
    await expect(multi.loginRoom('a', 'token')).rejects.toMatchObject({ msg: 'already in a room' });
  });

  it('a host that crashes in A and republishes from B: the viewer of both gets ADD in B at once and DELETE in A at T3 + 90 s, and plays on', async () => {
    const { clock, room, host, viewer, seen } = await hostAndViewer(['a', 'b']);

    // T3: the host app dies in room A; 5 s later (the viewer's SDK still retrying) it is back, in room B, and republishes.
    host.crash();
    const T3 = clock.now();
    clock.advance(5 * SECOND);
    const restarted = room.createEngine({ userID: 'host' });
    const relogin = restarted.loginRoom('b', 'token');
    clock.advance(LOGIN_LATENCY_MS);
    await relogin;
    expect(restarted.startPublishingStream(S)).toBe(true);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS + PLAY_LATENCY_MS);
    expect(room.streams('a').map((s) => [s.streamID, s.flowing])).toEqual([[S, false]]);
    expect(room.streams('b').map((s) => [s.streamID, s.flowing])).toEqual([[S, true]]);
    clock.advance(T3 + HEARTBEAT_TIMEOUT - clock.now());
    const streams = seen.filter((line) => line.startsWith('stream'));
    expect(streams.slice(-2)).toEqual([
      `stream b ADD ${S} @${T3 + 5 * SECOND + LOGIN_LATENCY_MS + PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS}`,
      `stream a DELETE ${S} {"stream_delete_reason":2} @${T3 + HEARTBEAT_TIMEOUT}`,
    ]);
    // The play interrupted by the crash picked up the stream from room B and goes on.
    expect(seen.filter((line) => line.startsWith('player')).at(-1)).toMatch(new RegExp(`^player ${S} PLAYING 0 `));
    // Leaving room A ends nothing that room B still lists.
    viewer.logoutRoom('a');
    clock.advance(10 * SECOND);
    expect(seen.filter((line) => line.startsWith('player')).at(-1)).toMatch(new RegExp(`^player ${S} PLAYING 0 `));
    viewer.logoutRoom('b');
    expect(seen.at(-1)).toBe(`player ${S} NO_PLAY 0 @${clock.now()}`);
  });

  it('another user cannot take a streamID over, even from a cut-off publisher', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const other = room.createEngine({ userID: 'other' });
    const states: string[] = [];
    other.on('publisherStateUpdate', ({ state, errorCode }: { state: string; errorCode: number }) => states.push(`${state} ${errorCode}`));
    const logins = [host.loginRoom('a', 'token'), other.loginRoom('b', 'token')];
    clock.advance(LOGIN_LATENCY_MS);
    await Promise.all(logins);
    host.startPublishingStream(S);
    clock.advance(PUBLISH_LATENCY_MS);
    host.dropNetwork();
    other.startPublishingStream(S);
    clock.advance(PUBLISH_LATENCY_MS);
    expect(states).toEqual(['PUBLISH_REQUESTING 0', `NO_PUBLISH ${SimulatorErrorCode.INVALID_CALL}`]);
    expect(room.streams('b')).toEqual([]);
  });
});

describe('the room lets go of engines it no longer needs', () => {
  it('destroyEngine: its rooms are left (others see it ≈100 ms later), no more callbacks, every later call refused', async () => {
    const { clock, room, host, viewer, seen } = await hostAndViewer();
    const hostSeen = record(host, clock.now);
    expect(room.engineCount()).toBe(2);
    host.destroyEngine();
    host.destroyEngine();
    expect(host.destroyed).toBe(true);
    expect(room.engineCount()).toBe(1);
    expect(host.listenerCount()).toBe(0);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(seen.filter((line) => !line.startsWith('player'))).toEqual([
      `stream ${ROOM} DELETE ${S} {"stream_delete_reason":1} @${clock.now()}`,
      `user ${ROOM} DELETE host @${clock.now()}`,
    ]);
    expect(hostSeen).toEqual([]);
    await expect(host.loginRoom(ROOM, 'token')).rejects.toMatchObject({ msg: 'engine destroyed' });
    await expect(host.startPlayingStream(S)).rejects.toMatchObject({ msg: 'engine destroyed' });
    expect(host.startPublishingStream(S)).toBe(false);
    expect(host.on('roomStateChanged', () => undefined)).toBe(false);
    viewer.destroyEngine();
    expect(room.engineCount()).toBe(0);
    clock.advance(HEARTBEAT_TIMEOUT);
    expect(clock.pending()).toBe(0);
  });

  it('a crashed engine is let go at once; its session lingers until the heartbeat timeout, then nothing is left', async () => {
    const { clock, room, host } = await hostAndViewer();
    host.crash();
    expect(room.engineCount()).toBe(1);
    expect(room.users(ROOM).map((u) => u.userID).sort()).toEqual(['host', 'viewer']);
    clock.advance(HEARTBEAT_TIMEOUT);
    expect(room.users(ROOM).map((u) => u.userID)).toEqual(['viewer']);
    expect(room.streams(ROOM)).toEqual([]);
  });

  it('a simulated week of apps that start, watch, and are destroyed or crash: the engine set does not grow', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const login = host.loginRoom(ROOM, 'token');
    clock.advance(LOGIN_LATENCY_MS);
    await login;
    host.startPublishingStream(S);
    clock.advance(PUBLISH_LATENCY_MS);
    const counts: number[] = [];
    // One viewer app every 10 minutes for 7 days: 1,008 engines created.
    for (let i = 0; i < 7 * 24 * 6; i++) {
      const viewer = room.createEngine({ userID: `viewer-${i}` });
      viewer.on('roomStateChanged', () => undefined);
      const joined = viewer.loginRoom(ROOM, 'token');
      clock.advance(LOGIN_LATENCY_MS);
      await joined;
      void viewer.startPlayingStream(S).catch(() => undefined);
      clock.advance(5 * 60 * SECOND);
      if (i % 3 === 0) viewer.crash();
      else viewer.destroyEngine();
      clock.advance(5 * 60 * SECOND - LOGIN_LATENCY_MS);
      counts.push(room.engineCount());
    }
    expect(Math.max(...counts)).toBe(1); // the host alone between viewers
    expect(room.users(ROOM).map((u) => u.userID)).toEqual(['host']);
    expect(clock.pending()).toBeLessThan(5);
    host.destroyEngine();
    expect(room.engineCount()).toBe(0);
  });
});
