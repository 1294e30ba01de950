/**
 * Issue 14, simulator: network quality over time. The simulated engines
 * report as web SDK 3.12 does: publishQualityUpdate / playQualityUpdate
 * every 3 s while PUBLISHING / PLAYING (ZegoPublishStats / ZegoPlayStats),
 * networkQuality for the publisher of each played stream and for the local
 * user (''), and the SDK's poll (−1, then 4) when a publisher's grades stop.
 * Timelines on a manual clock, from T = the viewer's PLAYING.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { connectZegoWeb } from '../../src/adapters/index.js';
import { selectStreamQualityGrade, selectUserQualityGrade } from '../../src/core/media-selectors.js';
import { PLAYER_RETRY_TIMEOUT_MS, PLAY_LATENCY_MS, QUALITY_INTERVAL_MS, createSimulatedRoom } from '../../src/simulator/index.js';
import { ROOM, SECOND, STREAM, advanceTo, liveRoom, record, type Call, liveRoomSeenBy } from './simulator-health-helpers.js';

/** [t, grade] of each play report. */
const playGrades = (calls: Call[]) =>
  calls.map(([t, , , stats]) => [t, (stats as { video: { videoQuality: number } }).video.videoQuality] as const);
const networkOf = (calls: Call[], userID: string) =>
  calls.filter(([, , id]) => id === userID).map(([t, , , up, down]) => [t, up, down] as const);

describe('simulator quality reports (web SDK 3.12: every 3 s)', () => {
  it('T + 3 s, 6 s, 9 s: playQualityUpdate with ZegoPlayStats at the grade; the host publishQualityUpdate likewise', async () => {
    const { clock, viewerCalls, hostCalls, playingAt } = await liveRoom();
    clock.advance(9 * SECOND);
    const plays = viewerCalls.of('playQualityUpdate', playingAt);
    expect(plays.map(([t, , streamID]) => [t, streamID])).toEqual([
      [3 * SECOND, STREAM],
      [6 * SECOND, STREAM],
      [9 * SECOND, STREAM],
    ]);
    expect(plays[0]![3]).toMatchObject({
      video: { videoQuality: 0, muteState: '0', videoBitrate: 1200, videoFPS: 15, videoRenderFPS: 15, videoPacketsLostRate: 0 },
      audio: { audioQuality: 0, muteState: '0', audioBitrate: 48, audioPacketsLostRate: 0 },
      peerToPeerDelay: 40,
      peerToPeerPacketLostRate: 0,
    });
    // The host's reports run from its PUBLISHING, every 3 s.
    const publishes = hostCalls.of('publishQualityUpdate');
    expect(publishes.length).toBeGreaterThanOrEqual(3);
    const gaps = publishes.slice(1).map(([t], i) => t - publishes[i]![0]);
    expect(new Set(gaps)).toEqual(new Set([QUALITY_INTERVAL_MS]));
    expect(publishes[0]![3]).toMatchObject({ video: { videoQuality: 0, muteState: '0' }, audio: { audioQuality: 0, muteState: '0' } });
  });

  it("networkQuality: the viewer hears the host's up and down with each report; each engine hears itself as '' (−1 where it does not send or receive)", async () => {
    const { clock, host, viewerCalls, hostCalls, playingAt } = await liveRoom();
    host.setNetworkQuality({ upstream: 2, downstream: 1 });
    viewerCalls.clear();
    hostCalls.clear();
    clock.advance(6 * SECOND);
    expect(networkOf(viewerCalls.of('networkQuality', playingAt), 'host')).toEqual([
      [3 * SECOND, 2, 1],
      [6 * SECOND, 2, 1],
    ]);
    // The viewer only plays: up −1; the host only publishes: down −1.
    expect(networkOf(viewerCalls.of('networkQuality'), '').map(([, up, down]) => [up, down])).toContainEqual([-1, 0]);
    expect(networkOf(hostCalls.of('networkQuality'), '').map(([, up, down]) => [up, down])).toContainEqual([2, -1]);
  });

  it("setNetworkQuality: the host's upstream goes poor -> its publish reports and the viewer's play reports say 3 from the next report", async () => {
    const { clock, host, viewer, viewerCalls, hostCalls, playingAt } = await liveRoom();
    clock.advance(3 * SECOND);
    expect(host.setNetworkQuality({ upstream: 3 })).toBe(true);
    clock.advance(3 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt))).toEqual([
      [3 * SECOND, 0],
      [6 * SECOND, 3],
    ]);
    const lastPublish = hostCalls.of('publishQualityUpdate').at(-1)!;
    expect(lastPublish[3]).toMatchObject({ video: { videoQuality: 3, videoBitrate: 200, videoPacketsLostRate: 0.15 } });
    // The viewer's own downstream counts too: the worse of the two.
    viewer.setNetworkQuality({ downstream: 4 });
    clock.advance(3 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt)).at(-1)).toEqual([9 * SECOND, 4]);
    // Out of range: refused, nothing changed.
    expect(host.setNetworkQuality({ upstream: 7 as never })).toBe(false);
    expect(viewer.setNetworkQuality({ downstream: 0 })).toBe(true);
    clock.advance(3 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt)).at(-1)).toEqual([12 * SECOND, 3]);
  });

  it('a profile over time: T good, T + 10 s poor, T + 20 s excellent; the reports follow it', async () => {
    const { clock, host, viewerCalls, playingAt } = await liveRoom();
    expect(
      host.setNetworkProfile([
        { afterMs: 0, upstream: 1 },
        { afterMs: 10 * SECOND, upstream: 3 },
        { afterMs: 20 * SECOND, upstream: 0 },
      ]),
    ).toBe(true);
    clock.advance(24 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt))).toEqual([
      [3 * SECOND, 1],
      [6 * SECOND, 1],
      [9 * SECOND, 1],
      [12 * SECOND, 3],
      [15 * SECOND, 3],
      [18 * SECOND, 3],
      [21 * SECOND, 0],
      [24 * SECOND, 0],
    ]);
    // A bad step: refused and nothing scheduled; setNetworkQuality cancels a running profile.
    expect(host.setNetworkProfile([{ afterMs: -1, upstream: 2 }])).toBe(false);
    host.setNetworkProfile([{ afterMs: 5 * SECOND, upstream: 4 }]);
    host.setNetworkQuality({ upstream: 2 });
    clock.advance(9 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt)).slice(-3).map(([, grade]) => grade)).toEqual([2, 2, 2]);
  });

  it('setStreamQuality: one stream worse than the network, for whoever sets it; null clears it', async () => {
    const { clock, viewer, viewerCalls, playingAt } = await liveRoom();
    expect(viewer.setStreamQuality(STREAM, 2)).toBe(true);
    clock.advance(3 * SECOND);
    expect(viewer.setStreamQuality(STREAM, null)).toBe(true);
    clock.advance(3 * SECOND);
    expect(playGrades(viewerCalls.of('playQualityUpdate', playingAt))).toEqual([
      [3 * SECOND, 2],
      [6 * SECOND, 0],
    ]);
    expect(viewer.setStreamQuality(STREAM, 9 as never)).toBe(false);
  });

  it("host cut off at T3: the play reports stop; the SDK's poll says −1 for the host at T3 + ~6 s; the player gives up at T3 + 10 s and the poll ends", async () => {
    const { clock, host, viewerCalls, hostCalls } = await liveRoom();
    clock.advance(3 * SECOND);
    const t3 = clock.now();
    host.dropNetwork();
    clock.advance(30 * SECOND);
    expect(viewerCalls.after('playQualityUpdate', t3)).toEqual([]);
    // Polls at T3 + 3, 6, 9 s: silent, then −1, −1; NO_PLAY at T3 + 10 s ends them.
    expect(networkOf(viewerCalls.after('networkQuality', t3), 'host')).toEqual([
      [6 * SECOND, -1, -1],
      [9 * SECOND, -1, -1],
    ]);
    expect(viewerCalls.of('playerStateUpdate', t3).at(-1)).toEqual([PLAYER_RETRY_TIMEOUT_MS, 'playerStateUpdate', expect.objectContaining({ state: 'NO_PLAY' })]);
    // The host itself: no publish reports while it retries, and silence for itself while cut off.
    expect(hostCalls.after(['publishQualityUpdate', 'networkQuality'], t3)).toEqual([]);
  });

  it("the viewer's own network drops for 8 s: −1 for the host after two silent polls, the host's grades again once it plays", async () => {
    const { clock, viewer, viewerCalls } = await liveRoom();
    clock.advance(3 * SECOND);
    const t3 = clock.now();
    viewer.dropNetwork();
    clock.advance(8 * SECOND);
    viewer.restoreNetwork(); // the session and the player come back (PLAYING ≈100 ms later)
    clock.advance(PLAY_LATENCY_MS);
    expect(viewerCalls.after('playerStateUpdate', t3).at(-1)).toEqual([8 * SECOND + PLAY_LATENCY_MS, 'playerStateUpdate', expect.objectContaining({ state: 'PLAYING' })]);
    clock.advance(SECOND);
    // Polls at T3 + 3 s (silent), 6 s (−1); at 9 s it plays again: the host's grades.
    expect(networkOf(viewerCalls.after('networkQuality', t3), 'host')).toEqual([
      [6 * SECOND, -1, -1],
      [9 * SECOND, 0, 0],
    ]);
    expect(playGrades(viewerCalls.after('playQualityUpdate', t3))).toEqual([[9 * SECOND, 0]]);
  });

  it('nobody listening, no reports and no timers; a listener added later starts them', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const viewer = room.createEngine({ userID: 'viewer' });
    void host.loginRoom(ROOM, 'token', host.user);
    void viewer.loginRoom(ROOM, 'token', viewer.user);
    clock.advance(200);
    host.startPublishingStream(STREAM, await host.createZegoStream());
    clock.advance(200);
    void viewer.startPlayingStream(STREAM);
    clock.advance(200);
    expect(clock.pending()).toBe(0);
    const calls = record(viewer, clock, ['playQualityUpdate']);
    expect(clock.pending()).toBe(1);
    clock.advance(3 * SECOND);
    expect(calls.of('playQualityUpdate').map(([, , streamID]) => streamID)).toEqual([STREAM]);
  });

  it('through the kit: connectZegoWeb + mediaHealth() shows the grade, and unknown once the host has been silent 7 s', async () => {
    const { clock, host, store } = await liveRoomSeenBy('viewer');
    host.setNetworkQuality({ upstream: 3 });
    clock.advance(3 * SECOND);
    expect(selectUserQualityGrade(store.getState(), 'host', clock.now())).toBe(3);
    expect(selectStreamQualityGrade(store.getState(), STREAM, clock.now())).toBe(3);
    host.dropNetwork();
    advanceTo(clock, clock.now() + 8 * SECOND);
    expect(selectUserQualityGrade(store.getState(), 'host', clock.now())).toBe(-1);
    expect(selectStreamQualityGrade(store.getState(), STREAM, clock.now())).toBe(-1);
  });
});
