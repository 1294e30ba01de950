/**
 * Issue 8, "no timer leak": a played test pattern redraws on a real interval
 * until its tracks stop, so every way a played stream ends for a client must
 * stop them — not only stopPlayingStream and crash, but logout, both kick-outs,
 * RECONNECT_FAILED, NO_PLAY after the SDK's retries, and the room's dispose().
 *
 * Node has no canvas: a fake `document` makes createTestPattern take its
 * browser path with a fake canvas whose captureStream gives tracks that record
 * stop(). Only setInterval / clearInterval are faked, to count the redraws;
 * the simulator itself runs on a manual clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PUBLISH_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  SimulatorErrorCode,
  TEST_PATTERN_REDRAW_MS,
  asMediaStream,
  createSimulatedRoom,
  createTestPattern,
  type SimulatedEngine,
  type SimulatedMediaStream,
  type SimulatedRoom,
  type SimulatedRoomOptions,
} from '../../src/simulator/index.js';

interface FakeTrack {
  readyState: 'live' | 'ended';
  stops: number;
  stop(): void;
}

/** Every track a fake canvas captured, in order. */
let tracks: FakeTrack[] = [];

function fakeCanvas() {
  return {
    width: 0,
    height: 0,
    getContext: () => ({ fillStyle: '', font: '', fillRect: () => undefined, fillText: () => undefined }),
    captureStream() {
      const track: FakeTrack = {
        readyState: 'live',
        stops: 0,
        stop() {
          this.stops += 1;
          this.readyState = 'ended';
        },
      };
      tracks.push(track);
      return { id: `fake-${tracks.length}`, getTracks: () => [track], getVideoTracks: () => [track] };
    },
  };
}

beforeEach(() => {
  tracks = [];
  vi.stubGlobal('document', { createElement: () => fakeCanvas() });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Redraw intervals still running once every stopped pattern has had its next tick (where it clears itself). */
function redrawsLeft(): number {
  vi.advanceTimersByTime(TEST_PATTERN_REDRAW_MS);
  return vi.getTimerCount();
}

interface Played {
  readonly clock: ManualClock;
  readonly room: SimulatedRoom;
  readonly host: SimulatedEngine;
  readonly viewer: SimulatedEngine;
  readonly media: SimulatedMediaStream;
  readonly track: FakeTrack;
  readonly rooms: Array<readonly [string, string, number]>;
  readonly players: Array<readonly [string, number]>;
}

/** Host publishes host-main, viewer plays it: one live test pattern, redrawing. */
async function playing(options: Partial<SimulatedRoomOptions> = {}): Promise<Played> {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock, ...options });
  const host = room.createEngine({ userID: 'host' });
  const viewer = room.createEngine({ userID: 'viewer' });
  const rooms: Array<readonly [string, string, number]> = [];
  const players: Array<readonly [string, number]> = [];
  viewer.on('roomStateChanged', (roomID: string, reason: string, code: number) => rooms.push([roomID, reason, code]));
  viewer.on('playerStateUpdate', ({ state, errorCode }: { state: string; errorCode: number }) => players.push([state, errorCode]));
  const logins = [host.loginRoom('room-1', 'token'), viewer.loginRoom('room-1', 'token')];
  clock.advance(LOGIN_LATENCY_MS);
  await Promise.all(logins);
  host.startPublishingStream('host-main');
  clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
  const play = viewer.startPlayingStream('host-main');
  clock.advance(PLAY_LATENCY_MS);
  const media = await play;
  expect(tracks).toHaveLength(1);
  const track = tracks[0]!;
  expect(media).toMatchObject({ id: 'fake-1' });
  expect(track.readyState).toBe('live');
  expect(redrawsLeft()).toBe(1);
  return { clock, room, host, viewer, media, track, rooms, players };
}

function expectReleased(track: FakeTrack): void {
  expect(track.readyState).toBe('ended');
  expect(track.stops).toBe(1);
  expect(redrawsLeft()).toBe(0);
}

describe('simulator: a played test pattern stops whenever its played stream ends', () => {
  it('the fake canvas makes a real pattern that redraws until stopPlayingStream (the path that already worked)', async () => {
    const { viewer, track } = await playing();
    vi.advanceTimersByTime(10 * TEST_PATTERN_REDRAW_MS);
    expect(vi.getTimerCount()).toBe(1);
    viewer.stopPlayingStream('host-main');
    expectReleased(track);
  });

  it('logoutRoom', async () => {
    const { viewer, track, rooms, players } = await playing();
    viewer.logoutRoom('room-1');
    expect(rooms.at(-1)).toEqual(['room-1', 'LOGOUT', 0]);
    expect(players.at(-1)).toEqual(['NO_PLAY', 0]);
    expectReleased(track);
  });

  it('logoutRoom while cut off (the session lingers on the server, the client plays nothing)', async () => {
    const { viewer, track, rooms } = await playing();
    viewer.dropNetwork();
    expect(track.readyState).toBe('live'); // still retrying: the SDK keeps the stream
    viewer.logoutRoom();
    expect(rooms.at(-1)).toEqual(['room-1', 'LOGOUT', 0]);
    expectReleased(track);
  });

  it('server kick-out (1002055)', async () => {
    const { viewer, track, rooms } = await playing();
    viewer.kick(SimulatorErrorCode.KICKED_BY_SERVER, 'bye');
    expect(rooms.at(-1)?.slice(1)).toEqual(['KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER]);
    expectReleased(track);
  });

  it('duplicate-login kick-out (1002050): the same userID logs in on another engine', async () => {
    const { clock, room, viewer, track, rooms } = await playing();
    const again = room.createEngine({ userID: 'viewer' });
    const login = again.loginRoom('room-1', 'token');
    clock.advance(LOGIN_LATENCY_MS);
    await login;
    expect(rooms.at(-1)?.slice(1)).toEqual(['KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN]);
    expect(viewer.networkUp).toBe(true);
    expectReleased(track);
  });

  it('a kick-out while cut off: the media stops when the client hears of it (network back)', async () => {
    const { viewer, track, rooms } = await playing();
    viewer.dropNetwork();
    viewer.kick();
    expect(track.readyState).toBe('live'); // the client does not know yet
    viewer.restoreNetwork();
    expect(rooms.at(-1)?.slice(1)).toEqual(['KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER]);
    expectReleased(track);
  });

  it('RECONNECT_FAILED (a retry budget shorter than the player’s own retries, so the session end is what stops it)', async () => {
    const budget = PLAYER_RETRY_TIMEOUT_MS / 2;
    const { clock, viewer, track, rooms, players } = await playing({ roomRetryTimeMs: budget });
    viewer.dropNetwork();
    clock.advance(budget - 1);
    expect(players.at(-1)).toEqual(['PLAY_REQUESTING', 0]);
    expect(track.readyState).toBe('live');
    clock.advance(1);
    expect(rooms.at(-1)?.slice(1)).toEqual(['RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED]);
    expect(players.at(-1)).toEqual(['NO_PLAY', 0]);
    expectReleased(track);
  });

  it('NO_PLAY 1004020 after the SDK’s retries (host gone): that player never resumes, so its pattern stops', async () => {
    const { clock, host, track, players } = await playing();
    host.dropNetwork();
    clock.advance(PLAYER_RETRY_TIMEOUT_MS - 1);
    expect(track.readyState).toBe('live');
    clock.advance(1);
    expect(players.at(-1)).toEqual(['NO_PLAY', SimulatorErrorCode.PLAY_RETRY_FAILED]);
    expectReleased(track);
  });

  it('crash (already did)', async () => {
    const { viewer, track } = await playing();
    viewer.crash();
    expectReleased(track);
  });

  it('room.dispose() stops every engine’s played media as well as the clock timers', async () => {
    const { clock, room, host, track } = await playing();
    const second = room.createEngine({ userID: 'second' });
    const login = second.loginRoom('room-1', 'token');
    clock.advance(LOGIN_LATENCY_MS + PROPAGATION_DELAY_MS);
    await login;
    const play = second.startPlayingStream('host-main');
    clock.advance(PLAY_LATENCY_MS);
    await play;
    expect(tracks).toHaveLength(2);
    host.stopPublishingStream('host-main'); // leaves clock timers pending too
    expect(clock.pending()).toBeGreaterThan(0);
    room.dispose();
    expect(clock.pending()).toBe(0);
    expect(tracks.map((t) => t.readyState)).toEqual(['ended', 'ended']);
    expectReleased(track);
  });

  it('a repeated startPlayingStream rejects 1103049 like web SDK 3.12; the play goes on: one pattern', async () => {
    const { clock, viewer, track, players } = await playing();
    const seen = players.length;
    await expect(viewer.startPlayingStream('host-main')).rejects.toEqual({
      code: SimulatorErrorCode.REPEATED_PLAY,
      msg: 'repeated pull same stream',
    });
    clock.advance(PLAY_LATENCY_MS);
    expect(players.slice(seen)).toEqual([]);
    expect(tracks).toHaveLength(1);
    expect(track.readyState).toBe('live');
    expect(redrawsLeft()).toBe(1);
    viewer.stopPlayingStream('host-main');
    expectReleased(track);
  });

  it('a replay after NO_PLAY gets a fresh pattern, stopped in turn', async () => {
    const { clock, host, viewer, track } = await playing();
    host.dropNetwork();
    clock.advance(PLAYER_RETRY_TIMEOUT_MS);
    expectReleased(track);
    host.restoreNetwork();
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    const replay = viewer.startPlayingStream('host-main');
    clock.advance(PLAY_LATENCY_MS);
    await replay;
    expect(tracks).toHaveLength(2);
    expect(redrawsLeft()).toBe(1);
    viewer.logoutRoom();
    expect(tracks[1]!.readyState).toBe('ended');
    expect(redrawsLeft()).toBe(0);
  });
});

describe('asMediaStream: the simulator media where a MediaStream is expected', () => {
  it('a test pattern is a MediaStream; the stand-in (no canvas) and nothing are null', () => {
    const pattern = createTestPatternWithFakeCanvas();
    expect(asMediaStream(pattern)).toBe(pattern);
    const standIn: SimulatedMediaStream = { id: 'simulated-host-main', simulated: true };
    expect(asMediaStream(standIn)).toBeNull();
    expect(asMediaStream(null)).toBeNull();
    expect(asMediaStream(undefined)).toBeNull();
    // What it is for: code typed for the real SDK takes it as is.
    const srcObject: MediaProvider | null = asMediaStream(pattern);
    expect(srcObject).toBe(pattern);
  });
});

/** A test pattern on the fake canvas of beforeEach (a MediaStream as far as the types go). */
function createTestPatternWithFakeCanvas(): SimulatedMediaStream {
  const pattern = createTestPattern('host-main');
  expect('simulated' in pattern).toBe(false);
  return pattern;
}
