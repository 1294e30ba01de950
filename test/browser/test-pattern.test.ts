/**
 * The simulator's test pattern in real Chromium: a canvas stream sends a
 * frame only when the canvas is drawn on, so createTestPattern redraws it
 * (with a moving marker) every TEST_PATTERN_REDRAW_MS until its track stops.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestPattern, stopSimulatedMedia, TEST_PATTERN_REDRAW_MS } from '../../src/simulator/media.js';
import { createSimulatedRoom, type SimulatedEngine } from '../../src/simulator/room.js';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('createTestPattern in Chromium', () => {
  it('is a live 320×180 MediaStream that a <video> attached after the first frame shows', async () => {
    const media = createTestPattern('host-main');
    expect(media).toBeInstanceOf(MediaStream);
    const stream = media as MediaStream;
    // Attach after the first frame, as StreamView does when the policy's play resolves late.
    await new Promise((resolve) => setTimeout(resolve, TEST_PATTERN_REDRAW_MS / 2));
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    document.body.append(video);
    await video.play();
    await vi.waitFor(() => expect(video.videoWidth).toBe(320), { timeout: 4 * TEST_PATTERN_REDRAW_MS, interval: 50 });
    expect(video.videoHeight).toBe(180);
    stopSimulatedMedia(stream);
    expect(stream.getVideoTracks().map((track) => track.readyState)).toEqual(['ended']);
  });

  it('redraws on every tick until its track is stopped, then stops redrawing for good', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fillText = vi.spyOn(CanvasRenderingContext2D.prototype, 'fillText');
    const clearInterval = vi.spyOn(globalThis, 'clearInterval');
    const media = createTestPattern('host-main') as MediaStream;
    expect(fillText).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3 * TEST_PATTERN_REDRAW_MS);
    expect(fillText).toHaveBeenCalledTimes(4);
    stopSimulatedMedia(media);
    vi.advanceTimersByTime(TEST_PATTERN_REDRAW_MS);
    expect(clearInterval).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * TEST_PATTERN_REDRAW_MS);
    expect(fillText).toHaveBeenCalledTimes(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the simulated engine ends a played stream when the app stops playing it', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const viewer = room.createEngine({ userID: 'viewer' });
    await Promise.all([login(host, clock), login(viewer, clock)]);
    host.startPublishingStream('host-main');
    clock.advance(1_000);
    const playing = viewer.startPlayingStream('host-main');
    clock.advance(1_000);
    const media = (await playing) as MediaStream;
    expect(media).toBeInstanceOf(MediaStream);
    expect(media.getVideoTracks()[0]!.readyState).toBe('live');
    viewer.stopPlayingStream('host-main');
    expect(media.getVideoTracks()[0]!.readyState).toBe('ended');
  });

  it('the simulated engine ends played streams on logout, kick-out and room.dispose(), not only on stopPlayingStream', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const viewers = ['leaves', 'kicked', 'stays'].map((userID) => room.createEngine({ userID }));
    await Promise.all([host, ...viewers].map((engine) => login(engine, clock)));
    host.startPublishingStream('host-main');
    clock.advance(1_000);
    const media: MediaStream[] = [];
    for (const viewer of viewers) {
      const playing = viewer.startPlayingStream('host-main');
      clock.advance(1_000);
      media.push((await playing) as MediaStream);
    }
    const state = () => media.map((stream) => stream.getVideoTracks()[0]!.readyState);
    expect(state()).toEqual(['live', 'live', 'live']);
    viewers[0]!.logoutRoom();
    expect(state()).toEqual(['ended', 'live', 'live']);
    viewers[1]!.kick();
    expect(state()).toEqual(['ended', 'ended', 'live']);
    room.dispose();
    expect(state()).toEqual(['ended', 'ended', 'ended']);
  });
});

async function login(engine: SimulatedEngine, clock: ManualClock): Promise<void> {
  const done = engine.loginRoom('room-1', 'token');
  clock.advance(1_000);
  await done;
}

describe('story test patterns', () => {
  it('are stopped when Storybook tears the story down (the preview beforeEach cleanup)', async () => {
    const { createStatusHandle, disposeStatusOnCleanup } = await import('../../stories/support/status-story.js');
    const status = createStatusHandle([], { testPatterns: ['host-main', 'guest'] });
    const media = ['host-main', 'guest'].map((id) => status.registry.get(id) as MediaStream);
    for (const stream of media) expect(stream).toBeInstanceOf(MediaStream);
    status.mounted();
    const tracks = media.flatMap((stream) => stream.getVideoTracks());
    expect(tracks.map((track) => track.readyState)).toEqual(['live', 'live']);
    const cleanup = disposeStatusOnCleanup({ loaded: { status } });
    expect(cleanup).toBeTypeOf('function');
    cleanup!();
    expect(tracks.map((track) => track.readyState)).toEqual(['ended', 'ended']);
    // A story without a status store has nothing to clean up.
    expect(disposeStatusOnCleanup({ loaded: {} })).toBeUndefined();
  }, 60_000); // the dynamic import of the stories' support code took over 15 s at load 25 on 2 cores
});
