/**
 * Issue 17, mutation testing of the simulator (quality.ts, scenarios.ts,
 * players.ts, scaled-clock.ts, effects.ts): each test pins what a mutant
 * that survived the Stryker run would change in what an app, story or test
 * driving the simulator sees. docs/mutation.md lists the mutants each kills.
 * Manual clock throughout, timelines as the seeds tell them.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  QUALITY_INTERVAL_MS,
  createScaledClock,
  createSimulatedRoom,
  scenarios,
} from '../../src/simulator/index.js';
import { MINUTE } from './helpers.js';
import { ROOM, SECOND, STREAM, liveRoom, outcome, record, type Call } from './simulator-health-helpers.js';

describe('scenarios: marks, options and descriptions as the seed timelines say', () => {
  it('the marks sit where the seeds put them (T1 = T0 + 120 ms, T4 = T3 + 90 s, NO_PLAY at T3 + 10 s, ...)', () => {
    const clock = createManualClock();
    const login = scenarios.loginOk({ clock });
    expect(login.marks.T1 - login.marks.T0).toBe(LOGIN_LATENCY_MS);
    const brief = scenarios.briefDrop({ clock });
    expect(brief.endsAt).toBe(brief.marks.T5 + PROPAGATION_DELAY_MS);
    const long = scenarios.longDrop({ clock });
    expect(long.marks.T4 - long.marks.T3).toBe(90 * SECOND);
    const duplicate = scenarios.kickedByDuplicateLogin({ clock });
    expect(duplicate.endsAt).toBe(duplicate.marks.T4 + PROPAGATION_DELAY_MS);
    const drop = scenarios.hostDropWithStreamDelete({ clock });
    expect(drop.marks.noPlay - drop.marks.T3).toBe(PLAYER_RETRY_TIMEOUT_MS);
    expect(drop.marks.T1 - drop.marks.T0).toBe(LOGIN_LATENCY_MS);
    const failed = scenarios.reconnectFailed({ clock });
    expect(failed.marks.T4 - failed.marks.T3).toBe(90 * SECOND);
    const playFailure = scenarios.playFailure({ clock });
    expect(playFailure.marks.T3 - playFailure.marks.streamAdded).toBe(SECOND);
    const publishFailure = scenarios.publishFailure({ clock });
    expect(publishFailure.marks.T1 - publishFailure.marks.T0).toBe(LOGIN_LATENCY_MS);
    expect(publishFailure.marks.T4 - publishFailure.marks.T3).toBe(PUBLISH_LATENCY_MS);
    for (const run of [login, brief, long, duplicate, drop, failed, playFailure, publishFailure]) run.cancel();
  });

  it('every scenario says what it plays, in words a story can show', () => {
    const clock = createManualClock();
    for (const [name, make] of Object.entries(scenarios)) {
      const run = make({ clock });
      expect(run.name).toBe(name);
      expect(run.description).toMatch(/T\d/);
      run.cancel();
    }
  });

  it('heartbeatTimeoutMs reaches the room: B loses A at T3 + 60 s when asked for 60 s', () => {
    const clock = createManualClock();
    const run = scenarios.longDrop({ clock, heartbeatTimeoutMs: 60 * SECOND });
    expect(run.room.heartbeatTimeoutMs).toBe(60 * SECOND);
    expect(run.marks.T4 - run.marks.T3).toBe(60 * SECOND);
    const b = record(run.engines.b, clock, ['roomUserUpdate']);
    clock.advance(run.marks.T4 + PROPAGATION_DELAY_MS - clock.now());
    expect(b.calls.filter(([, , , type]) => type === 'DELETE').length).toBe(1);
    run.cancel();
  });

  it('a scenario started late on the clock runs its steps at its marks, not later', () => {
    const clock = createManualClock(5 * MINUTE);
    const run = scenarios.loginOk({ clock });
    const a = record(run.engines.a, clock, ['roomStateChanged']);
    clock.advance(run.marks.T1 - clock.now());
    expect(a.calls.map(([t, , , reason]) => [t, reason])).toEqual([
      [run.marks.T0, 'LOGINING'],
      [run.marks.T1, 'LOGINED'],
    ]);
    run.cancel();
  });
});

type Stats = { video: Record<string, unknown>; audio: Record<string, unknown> };
const statsOf = (call: Call | undefined) => call![3] as Stats;
const times = (calls: Call[]) => calls.map(([t]) => t);
/** [t, state, errorCode] of a recorder's playerStateUpdate / publisherStateUpdate calls. */
const states = (calls: Call[]) =>
  calls.map(([t, , update]) => {
    const { state, errorCode } = update as { state: string; errorCode: number };
    return [t, state, errorCode] as const;
  });

/** A host and a viewer logged in (no listener yet), the host about to publish its camera. */
async function loggedIn() {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock });
  const host = room.createEngine({ userID: 'host', userName: 'Host' });
  const viewer = room.createEngine({ userID: 'viewer', userName: 'Viewer' });
  const camera = await host.createZegoStream();
  void host.loginRoom(ROOM, 'token', host.user);
  void viewer.loginRoom(ROOM, 'token', viewer.user);
  clock.advance(LOGIN_LATENCY_MS);
  return { clock, room, host, viewer, camera };
}

describe('quality reports: grades, figures and codecs', () => {
  it('an unknown upstream (−1) reports −1 with zero figures; reports name H264 and opus', async () => {
    const { clock, host, hostCalls } = await liveRoom();
    expect(host.setNetworkQuality({ upstream: -1 })).toBe(true);
    hostCalls.clear();
    clock.advance(QUALITY_INTERVAL_MS);
    const stats = statsOf(hostCalls.of('publishQualityUpdate').at(-1));
    expect(stats.video).toMatchObject({ videoQuality: -1, videoBitrate: 0, videoFPS: 0, videoPacketsLostRate: 0, googCodecName: 'H264' });
    expect(stats.audio).toMatchObject({ audioQuality: -1, audioBitrate: 0, audioCodec: 'opus', googCodecName: 'opus' });
  });

  it('grades out of −1 … 4 or not integers are refused by every fault API, and nothing changes', async () => {
    const { clock, host, viewer, viewerCalls, playingAt } = await liveRoom();
    expect(host.setNetworkQuality({ upstream: -2 as never })).toBe(false);
    expect(host.setNetworkQuality({ upstream: 2.5 as never })).toBe(false);
    expect(host.setNetworkQuality({ upstream: 5 as never })).toBe(false);
    expect(viewer.setNetworkQuality({ downstream: 7 as never })).toBe(false);
    expect(host.setNetworkProfile([{ afterMs: 0, upstream: 3 }, { afterMs: -5, upstream: 1 }])).toBe(false);
    expect(host.setNetworkProfile([{ afterMs: 0, upstream: 3 }, null as never])).toBe(false);
    expect(viewer.setStreamQuality(STREAM, 9 as never)).toBe(false);
    expect(viewer.setStreamQuality(STREAM, -2 as never)).toBe(false);
    clock.advance(QUALITY_INTERVAL_MS);
    const grades = viewerCalls.of('playQualityUpdate', playingAt).map((call) => statsOf(call).video.videoQuality);
    expect(grades).toEqual([0]);
    // −1 is a grade the SDK reports: accepted.
    expect(host.setNetworkQuality({ upstream: -1 })).toBe(true);
  });

  it('mutePublishStreamAudio: the reports say the audio is muted (muteState 1, bitrate 0), the video is not', async () => {
    const { clock, host, camera, hostCalls, viewerCalls } = await liveRoom();
    expect(host.mutePublishStreamAudio(camera, true)).toBe(true);
    hostCalls.clear();
    viewerCalls.clear();
    clock.advance(QUALITY_INTERVAL_MS);
    for (const stats of [statsOf(hostCalls.of('publishQualityUpdate').at(-1)), statsOf(viewerCalls.of('playQualityUpdate').at(-1))]) {
      expect(stats.audio).toMatchObject({ muteState: '1', audioBitrate: 0, audioFPS: 0 });
      expect(stats.video).toMatchObject({ muteState: '0', videoBitrate: 1200 });
    }
  });
});

describe('quality reports: one every 3 s, only while there is something to report', () => {
  it('a second listener does not double the reports: 3 of each in 9 s', async () => {
    const { clock, host, viewer, hostCalls, viewerCalls } = await liveRoom();
    for (const engine of [host, viewer]) for (const event of ['publishQualityUpdate', 'playQualityUpdate', 'networkQuality']) engine.on(event, () => {});
    hostCalls.clear();
    viewerCalls.clear();
    clock.advance(9 * SECOND);
    expect(hostCalls.of('publishQualityUpdate')).toHaveLength(3);
    expect(viewerCalls.of('playQualityUpdate')).toHaveLength(3);
    expect(viewerCalls.of('networkQuality').filter(([, , userID]) => userID === '')).toHaveLength(3);
    expect(hostCalls.of('networkQuality').filter(([, , userID]) => userID === '')).toHaveLength(3);
  });

  it('listeners from before the start: first reports 3 s after PUBLISHING / PLAYING; a listener added later hears the running reports', async () => {
    const { clock, host, viewer, camera } = await loggedIn();
    const early = record(host, clock, ['publishQualityUpdate', 'publisherStateUpdate']);
    host.startPublishingStream(STREAM, camera);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    const publishingAt = early.of('publisherStateUpdate').find(([, , u]) => (u as { state: string }).state === 'PUBLISHING')![0];
    const viewing = record(viewer, clock, ['playQualityUpdate', 'playerStateUpdate']);
    void viewer.startPlayingStream(STREAM);
    clock.advance(PLAY_LATENCY_MS);
    const playingAt = clock.now();
    const late = record(host, clock, ['publishQualityUpdate']);
    const lateAt = clock.now();
    clock.advance(7 * SECOND);
    expect(times(early.of('publishQualityUpdate', publishingAt)).slice(0, 2)).toEqual([3 * SECOND, 6 * SECOND]);
    expect(times(viewing.of('playQualityUpdate', playingAt))).toEqual([3 * SECOND, 6 * SECOND]);
    // The late listener hears the host's reports, on the grid that was running.
    expect(late.of('publishQualityUpdate', lateAt).length).toBeGreaterThanOrEqual(2);
  });

  it("an engine with nothing published or played hears no networkQuality(''); stopping every stream ends them", async () => {
    const { clock, host, viewer, hostCalls, viewerCalls } = await liveRoom();
    const idle = createSimulatedRoom({ clock }).createEngine({ userID: 'idle', userName: 'Idle' });
    const idleCalls = record(idle, clock, ['networkQuality']);
    void idle.loginRoom(ROOM, 'token', idle.user);
    clock.advance(LOGIN_LATENCY_MS);
    host.stopPublishingStream(STREAM);
    viewer.stopPlayingStream(STREAM);
    const stoppedAt = clock.now();
    clock.advance(9 * SECOND);
    expect(idleCalls.calls).toEqual([]);
    expect(hostCalls.after('networkQuality', stoppedAt)).toEqual([]);
    expect(viewerCalls.after('networkQuality', stoppedAt).filter(([, , userID]) => userID === '')).toEqual([]);
    expect(hostCalls.after('publishQualityUpdate', stoppedAt)).toEqual([]);
  });

  it('logoutRoom: the publish reports stop with the session', async () => {
    const { clock, host, hostCalls } = await liveRoom();
    clock.advance(SECOND);
    host.logoutRoom(ROOM);
    const outAt = clock.now();
    clock.advance(9 * SECOND);
    expect(hostCalls.after(['publishQualityUpdate', 'playQualityUpdate'], outAt)).toEqual([]);
  });

  it('the viewer cut off: no play report while offline, nor in the 100 ms it takes to play again', async () => {
    const { clock, viewer, viewerCalls, playingAt } = await liveRoom();
    clock.advance(4 * SECOND);
    viewer.dropNetwork(); // P + 4 s: PLAY_REQUESTING; the P + 6 s poll finds the viewer offline
    clock.advance(4.95 * SECOND);
    viewer.restoreNetwork(); // P + 8.95 s: back; PLAYING at P + 9.05 s, after the P + 9 s poll
    clock.advance(12 * SECOND - 8.95 * SECOND);
    expect(states(viewerCalls.after('playerStateUpdate', playingAt)).map(([t, state]) => [t, state])).toEqual([
      [4 * SECOND, 'PLAY_REQUESTING'],
      [9.05 * SECOND, 'PLAYING'],
    ]);
    expect(times(viewerCalls.of('playQualityUpdate', playingAt))).toEqual([3 * SECOND, 12 * SECOND]);
  });

  it('a player cut off before its first report stops polling, and reports every 3 s from its next PLAYING', async () => {
    const { clock, host, viewerCalls, playingAt } = await liveRoom();
    clock.advance(SECOND);
    host.dropNetwork(); // P + 1 s: the viewer's play is interrupted before any report
    clock.advance(3.5 * SECOND);
    host.restoreNetwork(); // P + 4.5 s
    clock.advance(10 * SECOND);
    const playing = states(viewerCalls.after('playerStateUpdate', playingAt)).filter(([, state]) => state === 'PLAYING');
    expect(playing).toHaveLength(1);
    const again = playing[0]![0];
    expect(again).toBeGreaterThan(4.5 * SECOND);
    const reports = times(viewerCalls.of('playQualityUpdate', playingAt));
    expect(reports.slice(0, 3)).toEqual([again + 3 * SECOND, again + 6 * SECOND, again + 9 * SECOND]);
  });
});

describe('players: retries, give-up and errors as the seed says', () => {
  it('failNextPlay: NO_PLAY with the code, extendedData empty, and the start rejects { code, msg: "play failed" }', async () => {
    const { clock, viewer, viewerCalls } = await liveRoom();
    viewer.stopPlayingStream(STREAM);
    viewerCalls.clear();
    viewer.failNextPlay(1004001);
    const start = viewer.startPlayingStream(STREAM);
    const settled = outcome(start);
    clock.advance(PLAY_LATENCY_MS);
    expect(await settled).toEqual({ rejected: { code: 1004001, msg: 'play failed' } });
    expect(viewerCalls.of('playerStateUpdate').map(([, , update]) => update)).toEqual([
      { streamID: STREAM, state: 'PLAY_REQUESTING', errorCode: 0, extendedData: '' },
      { streamID: STREAM, state: 'NO_PLAY', errorCode: 1004001, extendedData: '' },
    ]);
    // A NO_PLAY player is not interrupted again when the viewer's network drops.
    viewer.dropNetwork();
    clock.advance(PLAYER_RETRY_TIMEOUT_MS + SECOND);
    expect(viewerCalls.of('playerStateUpdate')).toHaveLength(2);
  });

  it('a play of a stream that does not flow waits, then NO_PLAY 1004020 at + 10 s and rejects "play retry failed"', async () => {
    const { clock, host, viewer, viewerCalls } = await liveRoom();
    viewer.stopPlayingStream(STREAM);
    host.dropNetwork(); // the listing stays until the heartbeat timeout, but carries nothing
    viewerCalls.clear();
    const t0 = clock.now();
    const settled = outcome(viewer.startPlayingStream(STREAM));
    clock.advance(PLAY_LATENCY_MS + PLAYER_RETRY_TIMEOUT_MS);
    expect(await settled).toEqual({ rejected: { code: 1004020, msg: 'play retry failed' } });
    expect(states(viewerCalls.of('playerStateUpdate', t0))).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [PLAY_LATENCY_MS + PLAYER_RETRY_TIMEOUT_MS, 'NO_PLAY', 1004020],
    ]);
  });

  it('multi-room: a play starts in the connected room while another room is still LOGINING', async () => {
    const { clock, viewer, viewerCalls } = await liveRoom({ before: ({ viewer }) => void viewer.enableMultiRoom(true) });
    viewer.stopPlayingStream(STREAM);
    viewerCalls.clear();
    const t0 = clock.now();
    void viewer.loginRoom('room-2', 'token', viewer.user); // LOGINED only at + 120 ms
    const start = viewer.startPlayingStream(STREAM);
    clock.advance(PLAY_LATENCY_MS);
    await start;
    expect(states(viewerCalls.of('playerStateUpdate', t0))).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [PLAY_LATENCY_MS, 'PLAYING', 0],
    ]);
  });

  it('the stream deleted while the viewer is offline: NO_PLAY 1004020 when the retries run out, not "not found" on its return', async () => {
    const { clock, host, viewer, viewerCalls } = await liveRoom();
    viewerCalls.clear();
    const t0 = clock.now();
    viewer.dropNetwork(); // PLAY_REQUESTING; give-up at + 10 s
    host.stopPublishingStream(STREAM);
    clock.advance(2 * SECOND);
    viewer.restoreNetwork(); // the retry finds no listing: keep retrying
    clock.advance(PLAYER_RETRY_TIMEOUT_MS);
    expect(states(viewerCalls.of('playerStateUpdate', t0))).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [PLAYER_RETRY_TIMEOUT_MS, 'NO_PLAY', 1004020],
    ]);
  });

  it('the host stops within the first 100 ms of a play: NO_PLAY 1004002 at + 100 ms (the first attempt finds nothing)', async () => {
    const { clock, host, viewer, camera } = await loggedIn();
    host.startPublishingStream(STREAM, camera);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    const calls = record(viewer, clock, ['playerStateUpdate']);
    const t0 = clock.now();
    void viewer.startPlayingStream(STREAM).catch(() => undefined);
    clock.advance(PLAY_LATENCY_MS / 2);
    host.stopPublishingStream(STREAM);
    clock.advance(PLAY_LATENCY_MS / 2);
    expect(states(calls.of('playerStateUpdate', t0))).toEqual([
      [0, 'PLAY_REQUESTING', 0],
      [PLAY_LATENCY_MS, 'NO_PLAY', 1004002],
    ]);
  });

  it('stopPublishingStream and logoutRoom: the viewer goes PLAY_REQUESTING at once', async () => {
    for (const stop of ['stop', 'logout'] as const) {
      const { clock, host, viewerCalls } = await liveRoom();
      viewerCalls.clear();
      const t0 = clock.now();
      if (stop === 'stop') host.stopPublishingStream(STREAM);
      else host.logoutRoom(ROOM);
      expect(states(viewerCalls.of('playerStateUpdate', t0))).toEqual([[0, 'PLAY_REQUESTING', 0]]);
    }
  });

  it('the give-up timer is the one of the current retry: cut off twice, NO_PLAY 10 s after the second cut, no duplicate PLAY_REQUESTING', async () => {
    const { clock, host, viewer, viewerCalls } = await liveRoom();
    viewerCalls.clear();
    const t0 = clock.now();
    host.dropNetwork(); // T: PLAY_REQUESTING, give-up at T + 10 s
    clock.advance(SECOND);
    viewer.dropNetwork(); // T + 1 s: still requesting
    clock.advance(SECOND);
    viewer.restoreNetwork(); // T + 2 s: a retry finds the stream not flowing
    clock.advance(SECOND);
    host.restoreNetwork(); // T + 3 s: the stream flows again -> PLAYING
    clock.advance(2 * SECOND);
    host.dropNetwork(); // T + 5 s: cut off again
    clock.advance(PLAYER_RETRY_TIMEOUT_MS + SECOND);
    const seen = states(viewerCalls.of('playerStateUpdate', t0));
    expect(seen.map(([, state]) => state)).toEqual(['PLAY_REQUESTING', 'PLAYING', 'PLAY_REQUESTING', 'NO_PLAY']);
    expect(seen.at(-1)).toEqual([5 * SECOND + PLAYER_RETRY_TIMEOUT_MS, 'NO_PLAY', 1004020]);
  });
});

describe('effects: what every state callback carries', () => {
  it("roomStateChanged and publisherStateUpdate carry extendedData ''; a cut-off during PUBLISH_REQUESTING says it once", async () => {
    const clock = createManualClock();
    const host = createSimulatedRoom({ clock }).createEngine({ userID: 'host', userName: 'Host' });
    const calls = record(host, clock, ['roomStateChanged', 'publisherStateUpdate']);
    void host.loginRoom(ROOM, 'token', host.user);
    clock.advance(LOGIN_LATENCY_MS);
    expect(calls.of('roomStateChanged').map(([, , ...args]) => args)).toEqual([
      [ROOM, 'LOGINING', 0, ''],
      [ROOM, 'LOGINED', 0, ''],
    ]);
    host.startPublishingStream(STREAM);
    clock.advance(PUBLISH_LATENCY_MS / 2);
    host.dropNetwork(); // still PUBLISH_REQUESTING: nothing new to say
    clock.advance(SECOND);
    expect(calls.of('publisherStateUpdate').map(([, , update]) => update)).toEqual([
      { streamID: STREAM, state: 'PUBLISH_REQUESTING', errorCode: 0, extendedData: '' },
    ]);
  });
});

describe('createScaledClock: what its JSDoc promises', () => {
  const scaled = (scale: number) => {
    const base = createManualClock(0);
    return { base, clock: createScaledClock({ base, scale }) };
  };

  it('a bad scale throws a RangeError that says what is wrong', () => {
    expect(() => createScaledClock({ base: createManualClock(0), scale: -1 })).toThrow(/scale must be a finite number >= 0, got -1/);
  });

  it('the base timer fires only what is due: T + 1 s at 100 base ms, T + 5 s at 500', () => {
    const { base, clock } = scaled(10);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 1_000);
    clock.setTimeout(() => fired.push(clock.now()), 5_000);
    base.advance(100);
    expect(fired).toEqual([1_000]);
    base.advance(400);
    expect(fired).toEqual([1_000, 5_000]);
  });

  it('clearing the earliest timer leaves no base timer behind', () => {
    const { base, clock } = scaled(10);
    const handle = clock.setTimeout(() => {}, 90_000);
    expect(base.pending()).toBe(1);
    clock.clearTimeout(handle);
    expect(base.pending()).toBe(0);
  });

  it('a timer fired by advance() cannot start another jump', () => {
    const { clock } = scaled(1);
    const fired: number[] = [];
    clock.setTimeout(() => clock.advance(10_000), 1_000);
    clock.setTimeout(() => fired.push(clock.now()), 3_000);
    clock.advance(2_000);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(2_000);
  });
});

describe('quality reports: listeners that come late', () => {
  it('a listener added while PUBLISH_REQUESTING gets its first report 3 s after PUBLISHING', async () => {
    const { clock, host, camera } = await loggedIn();
    host.startPublishingStream(STREAM, camera);
    const t0 = clock.now();
    clock.advance(PUBLISH_LATENCY_MS / 2);
    const calls = record(host, clock, ['publishQualityUpdate']);
    clock.advance(7 * SECOND);
    expect(times(calls.of('publishQualityUpdate', t0))).toEqual([PUBLISH_LATENCY_MS + 3 * SECOND, PUBLISH_LATENCY_MS + 6 * SECOND]);
  });

  it('a listener added to a host already PUBLISHING gets a report every 3 s from then', async () => {
    const { clock, host } = await liveRoom({ events: [] });
    clock.advance(SECOND);
    const calls = record(host, clock, ['publishQualityUpdate']);
    const t0 = clock.now();
    clock.advance(6 * SECOND);
    expect(times(calls.of('publishQualityUpdate', t0))).toEqual([3 * SECOND, 6 * SECOND]);
  });
});

describe('quality reports: a play listener that comes during PLAY_REQUESTING', () => {
  it('its first report comes 3 s after PLAYING', async () => {
    const { clock, host, viewer, camera } = await loggedIn();
    host.startPublishingStream(STREAM, camera);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    void viewer.startPlayingStream(STREAM);
    const t0 = clock.now();
    clock.advance(PLAY_LATENCY_MS / 2);
    const calls = record(viewer, clock, ['playQualityUpdate']);
    clock.advance(7 * SECOND);
    expect(times(calls.of('playQualityUpdate', t0))).toEqual([PLAY_LATENCY_MS + 3 * SECOND, PLAY_LATENCY_MS + 6 * SECOND]);
  });
});

describe('setStreamQuality: the stream is named by a string', () => {
  it('a non-string streamID is refused', async () => {
    const { viewer } = await liveRoom({ events: [] });
    expect(viewer.setStreamQuality(42 as never, 1)).toBe(false);
    expect(viewer.setStreamQuality(STREAM, 1)).toBe(true);
  });
});
