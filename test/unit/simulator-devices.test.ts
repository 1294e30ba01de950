/**
 * Issue 14, simulator: camera and microphone off and on, devices denied,
 * missing, in use or unplugged mid-call, screen sharing stopped, and stream
 * exceptions, with the web SDK 3.12 names, shapes and codes. Timelines on a
 * manual clock from T = the viewer's PLAYING.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceErrorEvent } from '../../src/core/device-error.js';
import { selectDeviceIssues, selectStreamHealth } from '../../src/core/media-selectors.js';
import { PROPAGATION_DELAY_MS, SimulatorErrorCode, createSimulatedRoom } from '../../src/simulator/index.js';
import { createManualClock } from '../../src/core/clock.js';
import { ROOM, SECOND, STREAM, liveRoom, record, liveRoomSeenBy } from './simulator-health-helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fake DOM whose canvas streams have video tracks that keep `enabled` and `readyState`. */
function fakeCanvasDom() {
  vi.stubGlobal('document', {
    createElement: () => ({
      width: 0,
      height: 0,
      getContext: () => ({ fillStyle: '', font: '', fillRect: () => undefined, fillText: () => undefined }),
      captureStream() {
        const track = { kind: 'video', enabled: true, readyState: 'live', stop() { this.readyState = 'ended'; } };
        return { id: 'fake', getTracks: () => [track], getVideoTracks: () => [track], getAudioTracks: () => [] };
      },
    }),
  });
}
const videoTrack = (media: unknown) => (media as { getVideoTracks(): { enabled: boolean; readyState: string }[] }).getVideoTracks()[0]!;

describe('camera and microphone off and on (mutePublishStreamVideo / mutePublishStreamAudio)', () => {
  it('T: the host turns its camera off -> T + 100 ms the viewer gets remoteCameraStatusUpdate MUTE; on again -> OPEN; the reports carry muteState', async () => {
    const { clock, host, camera, viewerCalls, hostCalls, playingAt } = await liveRoom();
    expect(host.mutePublishStreamVideo(camera, true)).toBe(true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteCameraStatusUpdate', playingAt)).toEqual([[PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE']]);
    clock.advance(3 * SECOND);
    expect(viewerCalls.of('playQualityUpdate').at(-1)![3]).toMatchObject({ video: { muteState: '1', videoBitrate: 0 }, audio: { muteState: '0' } });
    expect(hostCalls.of('publishQualityUpdate').at(-1)![3]).toMatchObject({ video: { muteState: '1' } });

    const t = clock.now();
    host.mutePublishStreamVideo(camera, false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteCameraStatusUpdate', t)).toEqual([[PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'OPEN']]);
    // Only changes are told: muting what is muted says nothing.
    host.mutePublishStreamAudio(camera, true);
    host.mutePublishStreamAudio(camera, true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteMicStatusUpdate', t)).toEqual([[2 * PROPAGATION_DELAY_MS, 'remoteMicStatusUpdate', STREAM, 'MUTE']]);
    expect(viewerCalls.of('remoteCameraStatusUpdate', t)).toHaveLength(1);
  });

  it('a viewer who starts playing a muted stream hears it at once with PLAYING', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const host = room.createEngine({ userID: 'host' });
    const viewer = room.createEngine({ userID: 'viewer' });
    const calls = record(viewer, clock, ['playerStateUpdate', 'remoteCameraStatusUpdate', 'remoteMicStatusUpdate']);
    const camera = await host.createZegoStream();
    void host.loginRoom(ROOM, 'token', host.user);
    void viewer.loginRoom(ROOM, 'token', viewer.user);
    clock.advance(200);
    host.startPublishingStream(STREAM, camera);
    host.mutePublishStreamAudio(camera, true);
    clock.advance(300);
    void viewer.startPlayingStream(STREAM);
    clock.advance(200);
    expect(calls.calls.map(([, event, arg]) => [event, (arg as { state?: string }).state ?? arg])).toEqual([
      ['playerStateUpdate', 'PLAY_REQUESTING'],
      ['playerStateUpdate', 'PLAYING'],
      ['remoteMicStatusUpdate', STREAM],
    ]);
    expect(calls.calls.at(-1)![3]).toBe('MUTE');
  });

  it('the tracks show it: the host stream\'s video track and the viewer\'s played one are disabled while the camera is off', async () => {
    fakeCanvasDom();
    const { clock, host, camera, played } = await liveRoom();
    host.mutePublishStreamVideo(camera, true);
    expect(videoTrack(camera).enabled).toBe(false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(videoTrack(played).enabled).toBe(false);
    host.mutePublishStreamVideo(camera, false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect([videoTrack(camera).enabled, videoTrack(played).enabled]).toEqual([true, true]);
  });

  it('bad input: a stream it did not make, or a mute that is not a boolean, is refused (false), nothing sent', async () => {
    const { clock, host, camera, viewerCalls, playingAt } = await liveRoom();
    expect(host.mutePublishStreamVideo({}, true)).toBe(false);
    expect(host.mutePublishStreamVideo(camera, 'yes' as never)).toBe(false);
    expect(host.mutePublishStreamAudio(null, true)).toBe(false);
    clock.advance(SECOND);
    expect(viewerCalls.of(['remoteCameraStatusUpdate', 'remoteMicStatusUpdate'], playingAt)).toEqual([]);
  });

  it('through the kit: the viewer\'s store keeps the remote camera as MUTE', async () => {
    const { clock, host, camera, store } = await liveRoomSeenBy('viewer');
    host.mutePublishStreamVideo(camera, true);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(selectStreamHealth(store.getState(), STREAM).camera).toBe('MUTE');
  });
});

describe('devices: denied, not found, in use (createZegoStream rejects as web SDK 3.12.0)', () => {
  it.each([
    ['denied', { code: 1103064, message: 'NotAllowedError: get device not allowed' }, 'denied'],
    // The SDK keeps only the browser error's name: a system refusal looks the same through createZegoStream.
    ['denied-by-system', { code: 1103064, message: 'NotAllowedError: get device not allowed' }, 'denied'],
    ['in-use', { code: 1103065, message: 'NotReadableError: device is not readable' }, 'in-use'],
    ['not-found', { code: 1103061, message: 'get media fail NotFoundError Requested device not found' }, 'unknown'],
  ] as const)('camera %s -> %o', async (fault, rejection, reason) => {
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'host' });
    expect(engine.setDeviceFault('camera', fault)).toBe(true);
    const error = await engine.createZegoStream().catch((e: unknown) => e);
    expect(error).toEqual(rejection);
    expect(deviceErrorEvent(error, { at: 0 }).reason).toBe(reason);
    // Audio only does not need the camera.
    await expect(engine.createZegoStream({ camera: { video: false, audio: true } })).resolves.toBeDefined();
  });

  it.each([
    ['denied', 'NotAllowedError', 'Permission denied', 'denied'],
    ['denied-by-system', 'NotAllowedError', 'Permission denied by system', 'denied-by-system'],
    ['in-use', 'NotReadableError', 'Could not start audio source', 'in-use'],
    ['not-found', 'NotFoundError', 'Requested device not found', 'not-found'],
  ] as const)('the browser\'s getUserMedia, microphone %s: a %s DOMException ("%s")', async (fault, name, message, reason) => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    engine.setDeviceFault('microphone', fault);
    const error = await engine.getUserMedia({ audio: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name, message });
    expect(deviceErrorEvent(error, { at: 0, device: 'microphone' }).reason).toBe(reason);
    engine.setDeviceFault('microphone', null);
    await expect(engine.getUserMedia({ audio: true })).resolves.toBeDefined();
  });

  it('bad input: an unknown device or fault is refused', () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'host' });
    expect(engine.setDeviceFault('speaker' as never, 'denied')).toBe(false);
    expect(engine.setDeviceFault('camera', 'broken' as never)).toBe(false);
    expect(engine.unplugDevice('speaker' as never)).toBe(false);
  });
});

describe('devices unplugged mid-call', () => {
  it("T: the host's camera is unplugged -> deviceError(1006006, name), then videoDeviceStateChanged DELETE; T + 100 ms the viewer: camera MUTE", async () => {
    fakeCanvasDom();
    const { clock, host, camera, hostCalls, viewerCalls, playingAt } = await liveRoom();
    expect(host.unplugDevice('camera')).toBe(true);
    expect(hostCalls.of(['deviceError', 'videoDeviceStateChanged', 'audioDeviceStateChanged'], playingAt)).toEqual([
      [0, 'deviceError', SimulatorErrorCode.DEVICE_UNPLUGGED, 'Simulated Camera'],
      [0, 'videoDeviceStateChanged', 'DELETE', { deviceName: 'Simulated Camera', deviceID: 'sim-camera-host' }],
    ]);
    expect(videoTrack(camera).enabled).toBe(false);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteCameraStatusUpdate', playingAt)).toEqual([[PROPAGATION_DELAY_MS, 'remoteCameraStatusUpdate', STREAM, 'MUTE']]);
    // Gone: a new capture fails as not found; unplugging again does nothing.
    await expect(host.createZegoStream()).rejects.toMatchObject({ code: 1103061 });
    expect(host.unplugDevice('camera')).toBe(false);
    // Plugged back: ADD; capturing works again.
    hostCalls.clear();
    expect(host.plugDevice('camera')).toBe(true);
    expect(hostCalls.calls.map(([, ...call]) => call)).toEqual([['videoDeviceStateChanged', 'ADD', { deviceName: 'Simulated Camera', deviceID: 'sim-camera-host' }]]);
    await expect(host.createZegoStream()).resolves.toBeDefined();
  });

  it('the microphone: audioDeviceStateChanged DELETE Input; the viewer: mic MUTE', async () => {
    const { clock, host, hostCalls, viewerCalls, playingAt } = await liveRoom();
    host.unplugDevice('microphone');
    expect(hostCalls.of(['deviceError', 'audioDeviceStateChanged'], playingAt).map(([, ...call]) => call)).toEqual([
      ['deviceError', 1006006, 'Simulated Microphone'],
      ['audioDeviceStateChanged', 'DELETE', 'Input', { deviceName: 'Simulated Microphone', deviceID: 'sim-microphone-host' }],
    ]);
    clock.advance(PROPAGATION_DELAY_MS);
    expect(viewerCalls.of('remoteMicStatusUpdate', playingAt).map(([, , , status]) => status)).toEqual(['MUTE']);
  });

  it('not publishing: no deviceError, only the DELETE; before access was ever granted: nothing at all', async () => {
    const clock = createManualClock();
    const room = createSimulatedRoom({ clock });
    const fresh = room.createEngine({ userID: 'fresh' });
    const freshCalls = record(fresh, clock);
    fresh.unplugDevice('camera');
    expect(freshCalls.calls).toEqual([]);
    const granted = room.createEngine({ userID: 'granted' });
    const grantedCalls = record(granted, clock);
    await granted.createZegoStream();
    granted.unplugDevice('camera');
    expect(grantedCalls.calls.map(([, event, type]) => [event, type])).toEqual([['videoDeviceStateChanged', 'DELETE']]);
  });

  it('through the kit: the host store keeps an unplugged camera issue', async () => {
    const { host, store } = await liveRoomSeenBy('host');
    host.unplugDevice('camera');
    expect(selectDeviceIssues(store.getState())[0]).toMatchObject({ reason: 'unplugged', errorCode: 1006006, deviceName: 'Simulated Camera' });
  });
});

describe('screen sharing stopped from the browser', () => {
  it('screenSharingEnded(mediaStream) with the stream createZegoStream made; the stream ends; nothing to end: false', async () => {
    fakeCanvasDom();
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'host' });
    const calls = record(engine, clock, ['screenSharingEnded']);
    expect(engine.endScreenSharing()).toBe(false);
    const screen = await engine.createZegoStream({ screen: true });
    expect(engine.endScreenSharing()).toBe(true);
    expect(calls.calls).toEqual([[0, 'screenSharingEnded', screen]]);
    expect(videoTrack(screen).readyState).toBe('ended');
    expect(engine.endScreenSharing()).toBe(false);
  });
});

describe('exceptionUpdate on demand (1001–1010 begin, 2001–2010 back to normal)', () => {
  it('the viewer: 1008 decode failed, then 2008; the host: 1001 capture fps low; the wrong side or an unknown code: false', async () => {
    const { host, viewer, hostCalls, viewerCalls, playingAt } = await liveRoom();
    expect(viewer.raiseException(STREAM, 1008)).toBe(true);
    expect(viewer.raiseException(STREAM, 2008)).toBe(true);
    expect(viewerCalls.of('exceptionUpdate', playingAt).map(([, ...call]) => call)).toEqual([
      ['exceptionUpdate', STREAM, { code: 1008, message: 'The received video failed to be decoded.' }],
      ['exceptionUpdate', STREAM, { code: 2008, message: 'The received video successed to be decoded.' }],
    ]);
    expect(host.raiseException(STREAM, 1001)).toBe(true);
    expect(hostCalls.of('exceptionUpdate', playingAt).map(([, , , data]) => data)).toEqual([{ code: 1001, message: 'The video capture frame rate is too low.' }]);
    expect(viewer.raiseException(STREAM, 1001)).toBe(false); // the viewer does not publish it
    expect(host.raiseException(STREAM, 1008)).toBe(false); // the host does not play it
    expect(viewer.raiseException(STREAM, 1011)).toBe(false);
    expect(viewer.raiseException('other', 1008)).toBe(false);
  });

  it('through the kit: the viewer store lists 1008 while it lasts', async () => {
    const { viewer, store } = await liveRoomSeenBy('viewer');
    viewer.raiseException(STREAM, 1008);
    expect(selectStreamHealth(store.getState(), STREAM).exceptions).toEqual([1008]);
    viewer.raiseException(STREAM, 2008);
    expect(selectStreamHealth(store.getState(), STREAM).exceptions).toEqual([]);
  });
});
