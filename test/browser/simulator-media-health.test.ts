/**
 * Issue 14, the simulator's media in real Chromium: a captured stream is a
 * MediaStream with a picture and a (silent) audio track, so a browser's
 * autoplay policy treats it as sound; turning the camera off disables the
 * video tracks of the host's stream and, ≈100 ms later, of the viewer's
 * played one; a simulated ZegoStreamView shows its stream in a <video> in
 * the container, and leaves it paused (with autoplayFailed) while the tab
 * refuses all playback.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { PLAY_LATENCY_MS, PROPAGATION_DELAY_MS, stopSimulatedMedia } from '../../src/simulator/index.js';
import { createSimulatedRoom } from '../../src/simulator/room.js';

afterEach(() => {
  document.body.replaceChildren();
});

async function liveInChromium() {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock });
  const host = room.createEngine({ userID: 'host' });
  const viewer = room.createEngine({ userID: 'viewer' });
  const camera = await host.createZegoStream();
  void host.loginRoom('r', 't', host.user);
  void viewer.loginRoom('r', 't', viewer.user);
  clock.advance(200);
  host.startPublishingStream('host-main', camera);
  clock.advance(300);
  const play = viewer.startPlayingStream('host-main');
  clock.advance(PLAY_LATENCY_MS);
  const played = await play;
  return { clock, room, host, viewer, camera: camera as MediaStream, played: played as MediaStream };
}

describe('simulated media health in Chromium', () => {
  it('captured and played streams carry a picture and a sound track; camera off disables both sides\' video tracks', async () => {
    const { clock, room, host, camera, played } = await liveInChromium();
    expect(camera).toBeInstanceOf(MediaStream);
    expect(played).toBeInstanceOf(MediaStream);
    expect([camera.getVideoTracks().length, camera.getAudioTracks().length]).toEqual([1, 1]);
    expect([played.getVideoTracks().length, played.getAudioTracks().length]).toEqual([1, 1]);
    host.mutePublishStreamVideo(camera, true);
    expect(camera.getVideoTracks()[0]!.enabled).toBe(false);
    expect(played.getVideoTracks()[0]!.enabled).toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(played.getVideoTracks()[0]!.enabled).toBe(false);
    host.mutePublishStreamAudio(camera, true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(played.getAudioTracks()[0]!.enabled).toBe(false);
    room.dispose();
    expect(played.getTracks().every((track) => track.readyState === 'ended')).toBe(true);
    stopSimulatedMedia(camera);
  });

  it('a stream view shows the stream in a <video> in its container; refused, the video stays paused and autoplayFailed says why', async () => {
    const { clock, room, viewer, played } = await liveInChromium();
    const container = document.createElement('div');
    container.id = 'remote-video';
    document.body.append(container);
    const view = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    view.on('autoplayFailed', failed);
    view.play('remote-video');
    const video = container.querySelector('video')!;
    expect(video.srcObject).toBe(played);
    await vi.waitFor(() => expect(video.paused).toBe(false));
    view.stop();
    expect(container.querySelector('video')).toBeNull();

    viewer.blockAutoplay('all');
    view.play(container);
    clock.advance(0);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0]![0]).toBe(container.querySelector('video'));
    expect(failed.mock.calls[0]![1]).toBeInstanceOf(DOMException);
    expect(container.querySelector('video')!.paused).toBe(true);
    viewer.userGesture();
    await vi.waitFor(() => expect(container.querySelector('video')!.paused).toBe(false));
    view.stop();
    room.dispose();
  });
});
