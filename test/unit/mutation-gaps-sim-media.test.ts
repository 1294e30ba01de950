/**
 * Issue 17, mutation testing: the simulator's local media (local-media.ts),
 * its test pattern (media.ts) and its stream view (stream-view.ts), where a
 * surviving mutant changed what an app driving the simulator sees. Timelines
 * on a manual clock from T = the viewer's PLAYING (liveRoom), as the seeds
 * read: a change on the host reaches the viewer 100 ms later.
 *
 * Node has no canvas, WebAudio or MediaStream: a fake DOM gives canvases
 * whose captureStream makes FakeMediaStreams (tracks that keep `enabled` and
 * `readyState`), a fake AudioContext gives silent audio tracks, and video
 * elements record play(). Only setInterval is faked (the pattern's redraws).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import {
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
  TEST_PATTERN_REDRAW_MS,
  createSimulatedRoom,
  createTestPattern,
  type SimulatedEngine,
  type SimulatedMediaStream,
} from '../../src/simulator/index.js';
import { SECOND, STREAM, liveRoom, record } from './simulator-health-helpers.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(readonly kind: 'audio' | 'video') {}
  stop(): void {
    this.readyState = 'ended';
  }
}

class FakeMediaStream {
  readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[]) {
    this.tracks = tracks;
  }
  getTracks = () => [...this.tracks];
  getVideoTracks = () => this.tracks.filter((track) => track.kind === 'video');
  getAudioTracks = () => this.tracks.filter((track) => track.kind === 'audio');
  addTrack = (track: FakeTrack) => void this.tracks.push(track);
}

/** How many AudioContexts the fake WebAudio made in this file (the pattern shares one). */
let audioContexts = 0;
class FakeAudioContext {
  constructor() {
    audioContexts += 1;
  }
  createMediaStreamDestination() {
    return { stream: new FakeMediaStream([new FakeTrack('audio')]) };
  }
}

type Op = [op: 'rect', style: string, x: number, y: number, w: number, h: number] | [op: 'text', style: string, font: string, text: string, x: number, y: number];

interface FakeVideo {
  muted: boolean;
  playsInline: boolean;
  srcObject: unknown;
  plays: number;
  removed: boolean;
  play(): Promise<void>;
  remove(): void;
}

/** A fake browser: canvases that capture FakeMediaStreams (their draws in `ops`), WebAudio, MediaStream, and `<video>`s. */
function fakeBrowser() {
  const ops: Op[][] = [];
  const videos: FakeVideo[] = [];
  const containers = new Map<string, { appended: unknown[]; appendChild(child: unknown): void }>();
  const container = (id: string) => {
    const element = { appended: [] as unknown[], appendChild(child: unknown) { this.appended.push(child); } };
    containers.set(id, element);
    return element;
  };
  function canvas() {
    const drawn: Op[] = [];
    ops.push(drawn);
    const context = {
      fillStyle: '',
      font: '',
      fillRect(x: number, y: number, w: number, h: number) {
        drawn.push(['rect', this.fillStyle, x, y, w, h]);
      },
      fillText(text: string, x: number, y: number) {
        drawn.push(['text', this.fillStyle, this.font, text, x, y]);
      },
    };
    return { width: 0, height: 0, getContext: () => context, captureStream: () => new FakeMediaStream([new FakeTrack('video')]) };
  }
  function video(): FakeVideo {
    const element: FakeVideo = {
      muted: false,
      playsInline: false,
      srcObject: null,
      plays: 0,
      removed: false,
      play() {
        this.plays += 1;
        return Promise.resolve();
      },
      remove() {
        this.removed = true;
      },
    };
    videos.push(element);
    return element;
  }
  vi.stubGlobal('document', {
    createElement: (tag: string) => (tag === 'video' ? video() : canvas()),
    getElementById: (id: string) => containers.get(id) ?? null,
  });
  vi.stubGlobal('MediaStream', FakeMediaStream);
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  return { ops, videos, container };
}

const tracksOf = (media: SimulatedMediaStream) => {
  const stream = media as unknown as FakeMediaStream;
  return { video: stream.getVideoTracks()[0]!, audio: stream.getAudioTracks()[0] };
};
/** A view of `media` on `viewer` with an autoplayFailed spy. */
function watchedView(viewer: SimulatedEngine, media: SimulatedMediaStream) {
  const view = viewer.createRemoteStreamView(media);
  const failed = vi.fn();
  view.on('autoplayFailed', failed);
  return { view, failed };
}

const hasSound = (media: SimulatedMediaStream) => 'simulated' in media && media.audio === true;

describe('createZegoStream / getUserMedia: what the streams carry, and how they are refused', () => {
  it('camera and microphone by default; audio: false leaves the microphone out; a faulty microphone refuses the default stream too', async () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    expect(hasSound(await engine.createZegoStream())).toBe(true);
    expect(hasSound(await engine.createZegoStream({ camera: { video: true, audio: false } }))).toBe(false);
    expect(hasSound(await engine.createZegoStream({ camera: { audio: true } }))).toBe(true);
    engine.setDeviceFault('microphone', 'denied');
    await expect(engine.createZegoStream()).rejects.toEqual({ code: 1103064, message: 'NotAllowedError: get device not allowed' });
    // Without the microphone the fault does not matter.
    await expect(engine.createZegoStream({ camera: { audio: false } })).resolves.toBeDefined();
  });

  it('screen sharing: sound only with { audio: true }', async () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    expect(hasSound(await engine.createZegoStream({ screen: true }))).toBe(false);
    expect(hasSound(await engine.createZegoStream({ screen: {} }))).toBe(false);
    expect(hasSound(await engine.createZegoStream({ screen: { audio: false } }))).toBe(false);
    expect(hasSound(await engine.createZegoStream({ screen: { audio: true } }))).toBe(true);
  });

  it('a destroyed engine: createZegoStream rejects 1103061, getUserMedia a TypeError', async () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    engine.destroyEngine();
    await expect(engine.createZegoStream()).rejects.toEqual({ code: SimulatorErrorCode.GET_MEDIA_FAILED, message: 'get media fail AbortError engine gone' });
    const error = await engine.getUserMedia({ video: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TypeError', message: 'At least one of audio and video must be requested' });
  });

  it('getUserMedia: nothing asked is a TypeError; video alone works, and a camera in use is "Could not start video source"', async () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    const error = await engine.getUserMedia({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TypeError', message: 'At least one of audio and video must be requested' });
    expect(hasSound(await engine.getUserMedia({ video: true }))).toBe(false);
    expect(hasSound(await engine.getUserMedia({ video: true, audio: true }))).toBe(true);
    // Constraints are objects as often as booleans.
    expect(hasSound(await engine.getUserMedia({ audio: { echoCancellation: true } }))).toBe(true);
    engine.setDeviceFault('camera', 'in-use');
    const inUse = await engine.getUserMedia({ video: true }).catch((e: unknown) => e);
    expect(inUse).toMatchObject({ name: 'NotReadableError', message: 'Could not start video source' });
  });

  it.each([
    ['a stream from getUserMedia({ video: true })', 'host-video', (host: SimulatedEngine) => host.getUserMedia({ video: true })],
    ['a screen share', 'host-screen', (host: SimulatedEngine) => host.createZegoStream({ screen: true })],
  ] as const)('%s published: at PLAYING the viewer hears only its (absent) microphone MUTE, the picture stays OPEN', async (_, streamID, make) => {
    const { clock, host, viewer } = await liveRoom();
    const calls = record(viewer, clock, ['remoteCameraStatusUpdate', 'remoteMicStatusUpdate']);
    const media = await make(host);
    host.startPublishingStream(streamID, media);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    void viewer.startPlayingStream(streamID);
    clock.advance(PLAY_LATENCY_MS);
    expect(calls.calls.map(([, ...call]) => call)).toEqual([['remoteMicStatusUpdate', streamID, 'MUTE']]);
  });
});

describe('turning things off and on: bad input refused, the viewer hears it 100 ms later', () => {
  it('mutePublishStreamVideo checks retain; mutePublishStreamAudio checks mute; both false and silent on bad input', async () => {
    const { clock, host, camera, viewerCalls, playingAt } = await liveRoom();
    expect(host.mutePublishStreamVideo(camera, true, 'yes' as never)).toBe(false);
    expect(host.mutePublishStreamAudio(camera, 'yes' as never)).toBe(false);
    clock.advance(SECOND);
    expect(viewerCalls.of(['remoteCameraStatusUpdate', 'remoteMicStatusUpdate'], playingAt)).toEqual([]);
    const t = clock.now();
    expect(host.mutePublishStreamVideo(camera, true, true)).toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteCameraStatusUpdate', t)).toEqual([[PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE']]);
  });

  it('enableVideoCaptureDevice(false): T + 100 ms camera MUTE; (true): OPEN; not a boolean: false', async () => {
    const { clock, host, camera, viewerCalls, playingAt } = await liveRoom();
    await expect(host.enableVideoCaptureDevice(camera, 'no' as never)).resolves.toBe(false);
    await expect(host.enableVideoCaptureDevice(camera, false)).resolves.toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    await expect(host.enableVideoCaptureDevice(camera, true)).resolves.toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteCameraStatusUpdate', playingAt)).toEqual([
      [PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE'],
      [2 * PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'OPEN'],
    ]);
  });

  it('destroyStream of a published stream: T + 100 ms the viewer hears camera and microphone MUTE; its tracks stop', async () => {
    fakeBrowser();
    const { clock, host, camera, viewerCalls, playingAt } = await liveRoom();
    host.destroyStream(camera);
    expect(tracksOf(camera).video.readyState).toBe('ended');
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of(['remoteCameraStatusUpdate', 'remoteMicStatusUpdate'], playingAt)).toEqual([
      [PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE'],
      [PROPAGATION_DELAY_MS, 'remoteMicStatusUpdate', STREAM, 'MUTE'],
    ]);
  });

  it('two published streams: each change reaches the viewer 100 ms after its own, not with the other one', async () => {
    const { clock, host, viewer, camera } = await liveRoom();
    const screen = await host.createZegoStream({ screen: true });
    host.startPublishingStream('host-screen', screen);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    void viewer.startPlayingStream('host-screen');
    clock.advance(PLAY_LATENCY_MS);
    const t = clock.now();
    const calls = record(viewer, clock, ['remoteCameraStatusUpdate']);
    host.mutePublishStreamVideo(camera, true); // T
    clock.advance(50);
    host.mutePublishStreamVideo(screen, true); // T + 50
    clock.advance(SECOND);
    expect(calls.of('remoteCameraStatusUpdate', t)).toEqual([
      [PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE'],
      [50 + PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', 'host-screen', 'MUTE'],
    ]);
  });

  it('a viewer still requesting hears a change with its PLAYING, not before it', async () => {
    const { clock, host, viewer } = await liveRoom();
    const second = await host.createZegoStream();
    host.startPublishingStream('host-second', second);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    const t = clock.now();
    const calls = record(viewer, clock, ['playerStateUpdate', 'remoteCameraStatusUpdate']);
    host.mutePublishStreamVideo(second, true); // T: the viewer hears at T + 100 ms if it plays by then
    clock.advance(50);
    void viewer.startPlayingStream('host-second'); // PLAYING at T + 150
    clock.advance(SECOND);
    expect(calls.of(['playerStateUpdate', 'remoteCameraStatusUpdate'], t).map(([at, event, first, second]) => [at, event, (first as { state?: string }).state ?? second])).toEqual([
      [50, 'playerStateUpdate', 'PLAY_REQUESTING'],
      [50 + PLAY_LATENCY_MS, 'playerStateUpdate', 'PLAYING'],
      [50 + PLAY_LATENCY_MS, 'remoteCameraStatusUpdate', 'MUTE'],
    ]);
  });
});

describe('devices unplugged and plugged back', () => {
  it('an audio-only stream published: unplugging the camera touches it not (no deviceError even with an unpublished camera stream); the microphone does', async () => {
    const { clock, host, viewer } = await liveRoom();
    host.stopPublishingStream(STREAM);
    const voice = await host.createZegoStream({ camera: { video: false } });
    await host.createZegoStream(); // a camera preview, not published
    const screen = await host.createZegoStream({ screen: true });
    host.startPublishingStream('host-voice', voice);
    host.startPublishingStream('host-screen', screen);
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    void viewer.startPlayingStream('host-voice');
    void viewer.startPlayingStream('host-screen');
    clock.advance(PLAY_LATENCY_MS);
    const t = clock.now();
    const hostCalls = record(host, clock, ['deviceError', 'videoDeviceStateChanged', 'audioDeviceStateChanged']);
    const viewerCalls = record(viewer, clock, ['remoteCameraStatusUpdate', 'remoteMicStatusUpdate']);
    expect(host.unplugDevice('camera')).toBe(true);
    clock.advance(SECOND);
    expect(hostCalls.calls.map(([, event, type]) => [event, type])).toEqual([['videoDeviceStateChanged', 'DELETE']]);
    expect(viewerCalls.calls).toEqual([]);
    expect(host.unplugDevice('microphone')).toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(hostCalls.calls.map(([, event, type]) => [event, type]).slice(1)).toEqual([
      ['deviceError', SimulatorErrorCode.DEVICE_UNPLUGGED],
      ['audioDeviceStateChanged', 'DELETE'],
    ]);
    expect(viewerCalls.of(['remoteCameraStatusUpdate', 'remoteMicStatusUpdate'], t + SECOND)).toEqual([
      [PROPAGATION_DELAY_MS, 'remoteMicStatusUpdate', 'host-voice', 'MUTE'],
    ]);
  });

  it('plugDevice: the camera comes back with videoDeviceStateChanged ADD; plugging what is plugged in is false', async () => {
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'host' });
    await engine.createZegoStream();
    const calls = record(engine, clock, ['videoDeviceStateChanged']);
    expect(engine.plugDevice('camera')).toBe(false);
    engine.unplugDevice('camera');
    expect(engine.plugDevice('camera')).toBe(true);
    expect(calls.calls.map(([, , type]) => type)).toEqual(['DELETE', 'ADD']);
  });

  it('endScreenSharing with only a camera stream: false, nothing said, the camera goes on', async () => {
    fakeBrowser();
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'host' });
    const calls = record(engine, clock, ['screenSharingEnded']);
    const camera = await engine.createZegoStream();
    expect(engine.endScreenSharing()).toBe(false);
    expect(calls.calls).toEqual([]);
    expect(tracksOf(camera).video.readyState).toBe('live');
  });

  it('exceptionUpdate 1005 / 2005 (audio bit rate sent) are the publisher\'s', async () => {
    const { host, hostCalls, playingAt } = await liveRoom();
    expect(host.raiseException(STREAM, 1005)).toBe(true);
    expect(host.raiseException(STREAM, 2005)).toBe(true);
    expect(hostCalls.of('exceptionUpdate', playingAt).map(([, , , data]) => (data as { code: number }).code)).toEqual([1005, 2005]);
  });
});

describe('the tracks show it (fake browser)', () => {
  it('the microphone muted or unplugged: the host stream\'s audio track and, 100 ms later, the viewer\'s are disabled; the video tracks stay on', async () => {
    fakeBrowser();
    const { clock, host, camera, played } = await liveRoom();
    const local = tracksOf(camera);
    const remote = tracksOf(played);
    expect([local.audio?.enabled, remote.audio?.enabled]).toEqual([true, true]);
    host.mutePublishStreamAudio(camera, true);
    expect([local.audio!.enabled, local.video.enabled]).toEqual([false, true]);
    clock.advance(PROPAGATION_DELAY_MS);
    expect([remote.audio!.enabled, remote.video.enabled]).toEqual([false, true]);
    host.mutePublishStreamAudio(camera, false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect([local.audio!.enabled, remote.audio!.enabled]).toEqual([true, true]);
    host.unplugDevice('microphone');
    expect(local.audio!.enabled).toBe(false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect([remote.audio!.enabled, remote.video.enabled]).toEqual([false, true]);
  });

  it('a pattern has a silent audio track only when asked, all from one AudioContext', () => {
    fakeBrowser();
    const silent = createTestPattern('a') as unknown as FakeMediaStream;
    const sounds = [createTestPattern('b', { audio: true }), createTestPattern('c', { audio: true })] as unknown as FakeMediaStream[];
    expect(silent.getAudioTracks()).toHaveLength(0);
    expect(sounds.map((media) => media.getAudioTracks().length)).toEqual([1, 1]);
    expect(audioContexts).toBe(1);
    for (const media of [silent, ...sounds]) for (const track of media.getTracks()) track.stop();
  });

  it('the pattern: seven bars across, a dark band with the stream\'s name in white, a marker stepping along the bottom and wrapping', () => {
    const { ops } = fakeBrowser();
    const media = createTestPattern('host-main') as unknown as FakeMediaStream;
    const frame = (n: number) => ops[0]!.slice(n * 10, (n + 1) * 10);
    const first = frame(0);
    expect(first.slice(0, 7).map(([, style, x, y, w, h]) => [style, x, y, w, h])).toEqual(
      ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'].map((colour, i) => [colour, (i * 320) / 7, 0, 320 / 7 + 1, 180]),
    );
    expect(first.slice(7)).toEqual([
      ['rect', 'rgba(0, 0, 0, 0.6)', 0, 144, 320, 36],
      ['text', '#ffffff', '16px sans-serif', 'host-main', 10, 168],
      ['rect', '#ffffff', 0, 176, 20, 4],
    ]);
    vi.advanceTimersByTime(17 * TEST_PATTERN_REDRAW_MS);
    const markers = Array.from({ length: 18 }, (_, n) => frame(n)[9]![2]);
    expect(markers).toEqual([...Array.from({ length: 16 }, (_, i) => i * 20), 0, 20]);
    media.getTracks().forEach((track) => track.stop());
    vi.advanceTimersByTime(TEST_PATTERN_REDRAW_MS);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a camera stream\'s pattern names its user and source', async () => {
    const { ops } = fakeBrowser();
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    const camera = await engine.createZegoStream();
    expect(ops[0]!.find(([op]) => op === 'text')![3]).toBe('host camera');
    engine.destroyStream(camera);
  });
});

describe('the stream view in a (fake) browser', () => {
  it('plays in a muted inline <video> in the container; refused sound: play() still runs, autoplayFailed(video, NotAllowedError)', async () => {
    const browser = fakeBrowser();
    const { clock, viewer, played } = await liveRoom();
    const container = browser.container('remote-video');
    viewer.blockAutoplay('sound');
    const { view, failed } = watchedView(viewer, played);
    view.play('remote-video');
    view.play('remote-video'); // a second play() on a playing view does nothing
    clock.advance(0);
    expect(browser.videos).toHaveLength(1);
    const [video] = browser.videos;
    expect(container.appended).toEqual([video]);
    expect([video!.muted, video!.playsInline, video!.srcObject, video!.plays]).toEqual([true, true, played, 1]);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0]![0]).toBe(video);
    expect(failed.mock.calls[0]![1]).toBeInstanceOf(DOMException);
    expect(failed.mock.calls[0]![1]).toMatchObject({ name: 'NotAllowedError', message: "play() failed because the user didn't interact with the document first." });
    expect(view.playing).toBe('video');
  });

  it("everything refused: the <video> is not played; a container it cannot find: no <video>, autoplayFailed without an element", async () => {
    const browser = fakeBrowser();
    const { clock, viewer, played } = await liveRoom();
    browser.container('remote-video');
    viewer.blockAutoplay('all');
    const view = viewer.createRemoteStreamView(played);
    view.play('remote-video');
    expect(browser.videos.map((video) => video.plays)).toEqual([0]);
    const { view: lost, failed } = watchedView(viewer, played);
    lost.play('nowhere');
    lost.play.call(lost, {}); // not mounted again
    clock.advance(0);
    expect(browser.videos).toHaveLength(1);
    expect(failed.mock.calls[0]![0]).toBeUndefined();
  });

  it('a MediaStream with or without an audio track: refused for sound only with one', async () => {
    fakeBrowser();
    const { clock, viewer } = await liveRoom();
    viewer.blockAutoplay('sound');
    const withSound = viewer.createRemoteStreamView(new FakeMediaStream([new FakeTrack('video'), new FakeTrack('audio')]) as never);
    const silent = viewer.createRemoteStreamView(new FakeMediaStream([new FakeTrack('video')]) as never);
    const failed = vi.fn();
    withSound.on('autoplayFailed', failed);
    silent.on('autoplayFailed', failed);
    withSound.play('a');
    silent.play('b');
    clock.advance(0);
    expect([withSound.playing, silent.playing, failed.mock.calls.length]).toEqual(['video', 'all', 1]);
  });

  it('bad input does not throw: a container that is no element gets no <video>; media that is neither stand-in nor MediaStream has no sound', async () => {
    const browser = fakeBrowser();
    const { clock, viewer, played } = await liveRoom();
    const view = viewer.createRemoteStreamView(played);
    expect(() => view.play({ id: 'not-an-element' })).not.toThrow();
    expect(browser.videos).toHaveLength(0);
    viewer.blockAutoplay('sound');
    const odd = viewer.createRemoteStreamView({ id: 'odd' } as never);
    expect(() => odd.play('x')).not.toThrow();
    clock.advance(0);
    expect(odd.playing).toBe('all');
  });

  it('without MediaStream (jsdom): the view plays nothing in the DOM and does not throw', async () => {
    const { clock, viewer, played } = await liveRoom();
    vi.stubGlobal('document', { createElement: () => ({}), getElementById: () => ({ appendChild: () => undefined }) });
    const view = viewer.createRemoteStreamView(played);
    expect(() => view.play('remote-video')).not.toThrow();
    clock.advance(0);
    expect(view.playing).toBe('all');
  });
});

describe('the stream view: its API', () => {
  it('resume() on a view never played, or stopped, plays nothing', async () => {
    const { viewer, played } = await liveRoom();
    const view = viewer.createRemoteStreamView(played);
    view.resume();
    expect(view.playing).toBe('none');
    view.play('x');
    view.stop();
    view.resume();
    expect(view.playing).toBe('none');
  });

  it('a gesture before the refusal arrives: no autoplayFailed', async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay('all');
    const { view, failed } = watchedView(viewer, played);
    view.play('x');
    viewer.userGesture();
    clock.advance(0);
    expect([failed.mock.calls.length, view.playing]).toEqual([0, 'all']);
  });

  it('setAudioMuted: false when not playing or not a boolean; muted the picture plays alone, unmuted a sound block refuses again', async () => {
    const { clock, viewer, played } = await liveRoom();
    const { view, failed } = watchedView(viewer, played);
    expect(view.setAudioMuted(true)).toBe(false);
    view.play('x');
    expect(view.setAudioMuted('yes' as never)).toBe(false);
    expect(view.playing).toBe('all');
    expect(view.setAudioMuted(true)).toBe(true);
    expect(view.playing).toBe('video');
    viewer.blockAutoplay('sound');
    expect(view.setAudioMuted(false)).toBe(true);
    clock.advance(0);
    expect([view.playing, failed.mock.calls.length]).toEqual(['video', 1]);
  });

  it('on/off: a callback that is not a function is refused; off() of another event is false and keeps the listener; off() of autoplayFailed is true', async () => {
    const { clock, viewer, played } = await liveRoom();
    viewer.blockAutoplay('all');
    const view = viewer.createRemoteStreamView(played);
    const failed = vi.fn();
    expect(view.on('autoplayFailed', 'nope' as never)).toBe(false);
    view.on('autoplayFailed', failed);
    expect(view.off('canPlayVideo' as never, failed)).toBe(false);
    expect(view.off('canPlayVideo' as never)).toBe(false);
    view.play('x');
    clock.advance(0);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(view.off('autoplayFailed', failed)).toBe(true);
  });

  it('a listener that throws: the next one still hears it, and the error is rethrown apart', async () => {
    const { clock, viewer, played } = await liveRoom();
    const rethrown: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (task: () => void) => rethrown.push(task));
    viewer.blockAutoplay('all');
    const view = viewer.createRemoteStreamView(played);
    const boom = new Error('app bug');
    const next = vi.fn();
    view.on('autoplayFailed', () => {
      throw boom;
    });
    view.on('autoplayFailed', next);
    view.play('x');
    clock.advance(0);
    expect(next).toHaveBeenCalledTimes(1);
    expect(rethrown).toHaveLength(1);
    expect(rethrown[0]!).toThrow(boom);
  });
});
