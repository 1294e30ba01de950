/**
 * Issue 14, simulator: a browser that refuses autoplay until a user gesture.
 * A simulated ZegoStreamView (createRemoteStreamView) reports it as web SDK
 * 3.12 does, `autoplayFailed` on the view once its play() was refused (with
 * the element and the browser's NotAllowedError); with only sound refused
 * the picture still plays. A user gesture resumes every refused view.
 */
import { describe, expect, it, vi } from 'vitest';
import { connectZegoStreamView } from '../../src/adapters/media-health.js';
import { selectAutoplayBlock } from '../../src/core/media-selectors.js';
import { STREAM, liveRoom, liveRoomSeenBy } from './simulator-health-helpers.js';

describe('autoplay refused until a gesture (simulated ZegoStreamView)', () => {
  it("blockAutoplay('sound'): play() -> autoplayFailed(element, NotAllowedError) once the refusal arrives; the picture plays", async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay();
    expect(viewer.autoplayBlocked).toBe('sound');
    const view = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    expect(view.on('autoplayFailed', failed)).toBe(true);
    view.play('remote-video', { enableAutoplayDialog: false });
    expect(failed).not.toHaveBeenCalled(); // the play() promise has not failed yet
    clock.advance(0);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0]![1]).toMatchObject({ name: 'NotAllowedError' });
    expect(view.playing).toBe('video');
  });

  it("muted, a 'sound' block lets it play; 'all' refuses even that", async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay('sound');
    const muted = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    muted.on('autoplayFailed', failed);
    muted.play('a', { muted: true });
    clock.advance(0);
    expect([failed.mock.calls.length, muted.playing]).toEqual([0, 'video']);
    viewer.blockAutoplay('all');
    const refused = viewer.createRemoteStreamView(played);
    refused.on('autoplayFailed', failed);
    refused.play('b', { muted: true });
    clock.advance(0);
    expect([failed.mock.calls.length, refused.playing]).toEqual([1, 'none']);
  });

  it('resume() before any gesture fails again; userGesture() plays every refused view; later views play at once', async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay('all');
    const view = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    view.on('autoplayFailed', failed);
    view.play('remote-video');
    clock.advance(0);
    view.resume();
    clock.advance(0);
    expect(failed).toHaveBeenCalledTimes(2);
    viewer.userGesture();
    expect(viewer.autoplayBlocked).toBeNull();
    expect(view.playing).toBe('all');
    clock.advance(0);
    expect(failed).toHaveBeenCalledTimes(2);
    const later = viewer.createRemoteStreamView(played);
    later.on('autoplayFailed', failed);
    later.play('other');
    clock.advance(0);
    expect([failed.mock.calls.length, later.playing]).toEqual([2, 'all']);
  });

  it('a stream without sound (published without a microphone) is never refused for sound', async () => {
    const { clock, host, viewer, played } = await liveRoom();
    void host; // the host published a camera-and-microphone stream:
    expect('simulated' in played && played.audio).toBe(true);
    const silent = { id: 'silent', simulated: true } as const;
    viewer.blockAutoplay('sound');
    const view = viewer.createRemoteStreamView(silent);
    const failed = vi.fn();
    view.on('autoplayFailed', failed);
    view.play('x');
    clock.advance(0);
    expect([failed.mock.calls.length, view.playing]).toEqual([0, 'all']);
  });

  it('stop() and off(): nothing more is said', async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay('all');
    const view = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    view.on('autoplayFailed', failed);
    view.play('x');
    view.stop();
    clock.advance(0);
    expect(failed).not.toHaveBeenCalled();
    view.play('x');
    view.off('autoplayFailed', failed);
    clock.advance(0);
    expect(failed).not.toHaveBeenCalled();
    expect(view.on('canPlayVideo' as never, failed)).toBe(false);
  });

  it('through the kit: connectZegoStreamView records the block; the app reports the resume after the gesture', async () => {
    const { clock, viewer, played, store } = await liveRoomSeenBy('viewer');
    viewer.blockAutoplay('sound');
    const view = viewer.createRemoteStreamView(played);
    connectZegoStreamView(view, store, STREAM);
    view.play('remote-video');
    clock.advance(0);
    expect(selectAutoplayBlock(store.getState(), STREAM)).not.toBeNull();
    viewer.userGesture();
    store.dispatch({ type: 'autoplayResumed', streamID: STREAM, at: clock.now() });
    expect(selectAutoplayBlock(store.getState(), STREAM)).toBeNull();
  });
});
