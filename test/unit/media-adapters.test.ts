/**
 * The adapters with the mediaHealth() extension: every media callback of the
 * web SDK 3.12, emitted with exactly the arguments its declarations give
 * (typed against zego-express-engine-webrtc's ZegoEvent, so a change of shape
 * fails `tsc`), and the native equivalents with the React Native SDK's
 * positional arguments and numeric enums; the browser's online/offline
 * listener; a ZegoStreamView's autoplayFailed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZegoEvent, ZegoPlayStats, ZegoPublishStats } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoExpressEntity.web';
import { connectZegoNative, connectZegoStreamView, connectZegoWeb, mediaHealth, type MediaHealthOptions } from '../../src/adapters/index.js';
import { createManualClock } from '../../src/core/clock.js';
import type { MediaHealthState } from '../../src/core/media-health.js';
import { selectStreamHealth, selectTokenStatus, selectUserNetworkQuality } from '../../src/core/media-selectors.js';
import { PersistentMap } from '../../src/core/persistent-map.js';
import { createStatusStore } from '../../src/core/store.js';
import { fakeEngine } from './engine-double.js';

const SECOND = 1000;
const CORE = ['roomStateChanged', 'publisherStateUpdate', 'playerStateUpdate', 'roomStreamUpdate', 'roomUserUpdate'];
const WEB_MEDIA = [
  'networkQuality',
  'publishQualityUpdate',
  'playQualityUpdate',
  'remoteCameraStatusUpdate',
  'remoteMicStatusUpdate',
  'tokenWillExpire',
  'deviceError',
  'videoDeviceStateChanged',
  'audioDeviceStateChanged',
  'screenSharingEnded',
  'exceptionUpdate',
];
const NATIVE_MEDIA = [
  'networkQuality',
  'publisherQualityUpdate',
  'playerQualityUpdate',
  'remoteCameraStateUpdate',
  'remoteMicStateUpdate',
  'roomTokenWillExpire',
  'localDeviceExceptionOccurred',
];

function setup(kind: 'web' | 'native', options?: MediaHealthOptions) {
  const clock = createManualClock(1_000);
  const store = createStatusStore({ clock, extensions: [mediaHealth(options)] });
  const engine = fakeEngine();
  const disconnect = (kind === 'web' ? connectZegoWeb : connectZegoNative)(engine, store);
  const media = (): MediaHealthState => store.getState().media!;
  return { clock, store, engine, disconnect, media };
}

/** Emits a web callback with exactly the arguments the 3.12 declarations give it. */
function emitWeb<K extends keyof ZegoEvent>(engine: ReturnType<typeof fakeEngine>, event: K, ...args: Parameters<ZegoEvent[K]>) {
  engine.emit(event, ...args);
}

/** In room r1 (web), playing `host-main` and publishing `me`. */
function webInRoom(options?: MediaHealthOptions) {
  const t = setup('web', options);
  emitWeb(t.engine, 'roomStateChanged', 'r1', 'LOGINING' as never, 0, '');
  emitWeb(t.engine, 'roomStateChanged', 'r1', 'LOGINED' as never, 0, '');
  t.engine.emit('roomStreamUpdate', 'r1', 'ADD', [{ streamID: 'host-main', user: { userID: 'host', userName: 'Host' }, extraInfo: '' }], '');
  emitWeb(t.engine, 'playerStateUpdate', { streamID: 'host-main', state: 'PLAYING', errorCode: 0, extendedData: '' });
  emitWeb(t.engine, 'publisherStateUpdate', { streamID: 'me', state: 'PUBLISHING', errorCode: 0, extendedData: '' });
  return t;
}

/** In room r1 (native numbers), playing `host-main` and publishing `me`. */
function nativeInRoom() {
  const t = setup('native');
  t.engine.emit('roomStateChanged', 'r1', 0, 0, '{}');
  t.engine.emit('roomStateChanged', 'r1', 1, 0, '{}');
  t.engine.emit('roomStreamUpdate', 'r1', 0, [{ streamID: 'host-main', user: { userID: 'host', userName: 'Host' }, extraInfo: '' }], '{}');
  t.engine.emit('playerStateUpdate', 'host-main', 2, 0, '{}');
  t.engine.emit('publisherStateUpdate', 'me', 2, 0, '{}');
  return t;
}

const PUBLISH_STATS: ZegoPublishStats = {
  video: {
    frameHeight: 720,
    frameWidth: 1280,
    googCodecName: 'H264',
    muteState: '1',
    videoBitrate: 1200,
    videoFPS: 15,
    videoPacketsLost: 3,
    videoPacketsLostRate: 0.01,
    videoTransferFPS: 15,
    videoQuality: 2,
  },
  audio: {
    audioBitrate: 48,
    audioCodec: 'opus',
    audioPacketsLost: 0,
    audioPacketsLostRate: 0.03,
    googCodecName: 'opus',
    muteState: '0',
    audioFPS: 50,
    audioQuality: 1,
  },
};

function playStats(peerToPeerPacketLostRate: number | undefined): ZegoPlayStats {
  return {
    video: {
      frameHeight: 720,
      frameWidth: 1280,
      googCodecName: 'H264',
      muteState: '0',
      videoBitrate: 800,
      videoFPS: 14,
      videoRenderFPS: 14,
      videoPacketsLost: 10,
      videoPacketsLostRate: 0.05,
      videoTransferFPS: 14,
      videoQuality: 3,
      videoFramesDecoded: 1000,
      videoFramesDropped: 2,
      videoCumulativeDecodeTime: 100,
      videoCumulativeBreakTime: 0,
      videoCumulativeBreakRate: 0,
    },
    audio: {
      audioBitrate: 32,
      audioCodec: 'opus',
      audioJitter: 0.01,
      audioLevel: 0.5,
      audioPacketsLost: 0,
      audioPacketsLostRate: 0.02,
      audioQuality: 1,
      audioSamplingRate: 48000,
      muteState: '0',
      audioFPS: 50,
      audioSendLevel: 0,
      googCodecName: 'opus',
      audioCumulativeDecodeTime: 100,
      audioCumulativeBreakTime: 0,
      audioCumulativeBreakRate: 0,
    },
    peerToPeerDelay: 180,
    peerToPeerPacketLostRate,
  };
}

describe('connectZegoWeb with mediaHealth()', () => {
  it('registers the media callbacks after the core ones, and removes every one on disconnect', () => {
    const t = setup('web', { browserConnectivity: false });
    expect(t.engine.on.mock.calls.map(([event]) => event)).toEqual([...CORE, ...WEB_MEDIA]);
    t.disconnect();
    expect(t.engine.count()).toBe(0);
  });

  it('a store without the extension gets the five core callbacks only', () => {
    const store = createStatusStore({ clock: createManualClock() });
    const engine = fakeEngine();
    connectZegoWeb(engine, store);
    expect(engine.on.mock.calls.map(([event]) => event)).toEqual(CORE);
  });

  it('networkQuality(userID, upstreamQuality, downstreamQuality)', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'networkQuality', 'host', 3 as never, 1 as never);
    expect(selectUserNetworkQuality(t.store.getState(), 'host')).toEqual({ userID: 'host', upstream: 3, downstream: 1, at: 1_000 });
  });

  it('publishQualityUpdate(streamID, ZegoPublishStats): grades, bitrates, fps, the worse loss, mute states', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'publishQualityUpdate', 'me', PUBLISH_STATS);
    expect(selectStreamHealth(t.store.getState(), 'me').publishQuality).toEqual({
      // The video track is off (muteState '1'): the audio grade stands.
      grade: 1,
      videoQuality: 2,
      audioQuality: 1,
      videoBitrate: 1200,
      audioBitrate: 48,
      videoFPS: 15,
      rtt: null,
      packetLossRate: 0.03,
      videoMuted: true,
      audioMuted: false,
      at: 1_000,
    });
  });

  it('playQualityUpdate(streamID, ZegoPlayStats): end-to-end loss when given, else the worse track', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'playQualityUpdate', 'host-main', playStats(0.04));
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toMatchObject({
      grade: 3,
      videoBitrate: 800,
      audioBitrate: 32,
      videoFPS: 14,
      packetLossRate: 0.04,
    });
    t.clock.advance(3 * SECOND);
    emitWeb(t.engine, 'playQualityUpdate', 'host-main', playStats(undefined));
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality?.packetLossRate).toBe(0.05);
  });

  it("remoteCameraStatusUpdate / remoteMicStatusUpdate(streamID, 'OPEN' | 'MUTE')", () => {
    const t = webInRoom();
    emitWeb(t.engine, 'remoteCameraStatusUpdate', 'host-main', 'MUTE');
    emitWeb(t.engine, 'remoteMicStatusUpdate', 'host-main', 'OPEN');
    expect(selectStreamHealth(t.store.getState(), 'host-main')).toMatchObject({ camera: 'MUTE', microphone: 'OPEN' });
  });

  it('tokenWillExpire(roomID): 30 s before expiry', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'tokenWillExpire', 'r1');
    expect(selectTokenStatus(t.store.getState(), 'r1')).toMatchObject({ status: 'expiring', expiresAt: 31_000 });
  });

  it('deviceError(errorCode, deviceName), then videoDeviceStateChanged(DELETE, deviceInfo) names the device', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'deviceError', 1006006, 'USB Camera');
    emitWeb(t.engine, 'videoDeviceStateChanged', 'DELETE', { deviceName: 'USB Camera', deviceID: 'cam-1' });
    expect(t.media().deviceIssues).toEqual([
      { device: 'camera', reason: 'unplugged', errorCode: 1006006, errorName: null, deviceName: 'USB Camera', at: 1_000 },
    ]);
    expect(t.media().deviceChange).toEqual({ device: 'camera', updateType: 'DELETE', deviceID: 'cam-1', deviceName: 'USB Camera', at: 1_000 });
  });

  it("audioDeviceStateChanged(updateType, 'Input' | 'Output', deviceInfo): microphone or speaker", () => {
    const t = webInRoom();
    emitWeb(t.engine, 'audioDeviceStateChanged', 'ADD', 'Input', { deviceName: 'Headset Mic', deviceID: 'mic-2' });
    expect(t.media().deviceChange).toMatchObject({ device: 'microphone', updateType: 'ADD', deviceID: 'mic-2' });
    emitWeb(t.engine, 'audioDeviceStateChanged', 'DELETE', 'Output', { deviceName: 'Speakers', deviceID: 'out-1' });
    expect(t.media().deviceChange).toMatchObject({ device: 'speaker', updateType: 'DELETE' });
  });

  it('screenSharingEnded(mediaStream): the screen issue, and not the stream object', () => {
    const t = webInRoom();
    const stream = { id: 'screen-SECRET-stream', getTracks: () => [] } as unknown as MediaStream;
    emitWeb(t.engine, 'screenSharingEnded', stream);
    expect(t.media().deviceIssues[0]).toMatchObject({ device: 'screen', reason: 'ended' });
    const json = JSON.stringify(t.store.getState(), (_k, v: unknown) => (v instanceof PersistentMap ? Object.fromEntries(v.entries()) : v));
    expect(json).not.toContain('SECRET');
  });

  it('exceptionUpdate(streamID, { code, message }): 1010 begins, 2010 ends', () => {
    const t = webInRoom();
    emitWeb(t.engine, 'exceptionUpdate', 'host-main', { code: 1010 as never, message: 'render fps too low' });
    expect(selectStreamHealth(t.store.getState(), 'host-main').exceptions).toEqual([1010]);
    emitWeb(t.engine, 'exceptionUpdate', 'host-main', { code: 2010 as never, message: 'render fps normal' });
    expect(selectStreamHealth(t.store.getState(), 'host-main').exceptions).toEqual([]);
  });

  it('bad arguments to any media callback neither throw nor change the slice', () => {
    const t = webInRoom({ browserConnectivity: false });
    const slice = t.media();
    for (const event of WEB_MEDIA.filter((e) => e !== 'deviceError' && e !== 'screenSharingEnded')) {
      for (const args of [[], [null], [undefined, undefined, undefined], [42, {}, 'x'], ['', null, null]]) {
        expect(() => t.engine.emit(event, ...args)).not.toThrow();
      }
    }
    expect(t.media()).toBe(slice);
    // deviceError with nothing usable still says a device failed, with no code.
    t.engine.emit('deviceError', 'oops', 5);
    expect(t.media().deviceIssues[0]).toMatchObject({ device: null, reason: 'unknown', errorCode: 0, deviceName: null });
  });

  it('callbacks after disconnect do nothing', () => {
    const t = webInRoom({ browserConnectivity: false });
    const handlers: unknown[] = [];
    t.engine.on.mock.calls.forEach(([event, handler]) => event === 'remoteCameraStatusUpdate' && handlers.push(handler));
    t.disconnect();
    (handlers[0] as (...a: unknown[]) => void)('host-main', 'MUTE');
    expect(selectStreamHealth(t.store.getState(), 'host-main').camera).toBeNull();
  });
});

describe("the browser's online / offline events (web adapter)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function browser(onLine: boolean) {
    const target = new EventTarget();
    const add = vi.fn(target.addEventListener.bind(target));
    const remove = vi.fn(target.removeEventListener.bind(target));
    vi.stubGlobal('addEventListener', add);
    vi.stubGlobal('removeEventListener', remove);
    vi.stubGlobal('navigator', { onLine });
    return { target, add, remove };
  }

  it('offline at T10 s sets the flag at once; online clears it; disconnect removes both listeners', () => {
    const window = browser(true);
    const t = webInRoom();
    t.clock.advance(10 * SECOND);
    window.target.dispatchEvent(new Event('offline'));
    expect(t.media().offlineSince).toBe(11_000);
    // The room phase is still what the SDK said.
    expect(t.store.getState().rooms.get('r1')?.phase).toBe('connected');
    window.target.dispatchEvent(new Event('online'));
    expect(t.media().offlineSince).toBeNull();
    t.disconnect();
    expect(window.remove.mock.calls.map(([type]) => type).sort()).toEqual(['offline', 'online']);
    window.target.dispatchEvent(new Event('offline'));
    expect(t.media().offlineSince).toBeNull();
  });

  it('already offline when connecting: said at once', () => {
    browser(false);
    const t = setup('web');
    expect(t.media().offlineSince).toBe(1_000);
  });

  it('browserConnectivity: false, the native adapter, and no window attach nothing', () => {
    const window = browser(true);
    setup('web', { browserConnectivity: false });
    setup('native');
    expect(window.add).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
    // Node has no window: connecting is a no-op for connectivity, not an error.
    expect(() => setup('web')).not.toThrow();
  });
});

describe('connectZegoNative with mediaHealth() (React Native SDK shapes)', () => {
  it('registers the native media callbacks after the core ones', () => {
    const t = setup('native');
    expect(t.engine.on.mock.calls.map(([event]) => event)).toEqual([...CORE, ...NATIVE_MEDIA]);
    t.disconnect();
    expect(t.engine.count()).toBe(0);
  });

  it('networkQuality(userID, up, down): ZegoStreamQualityLevel 5 Unknown reads -1; "" is the local user', () => {
    const t = nativeInRoom();
    t.engine.emit('networkQuality', '', 5, 3);
    t.engine.emit('networkQuality', 'host', 0, 4);
    expect(selectUserNetworkQuality(t.store.getState(), '')).toMatchObject({ upstream: -1, downstream: 3 });
    expect(selectUserNetworkQuality(t.store.getState(), 'host')).toMatchObject({ upstream: 0, downstream: 4 });
  });

  it('publisherQualityUpdate(streamID, ZegoPublishStreamQuality): level, kbps, send fps, rtt, loss', () => {
    const t = nativeInRoom();
    t.engine.emit('publisherQualityUpdate', 'me', {
      videoCaptureFPS: 15,
      videoEncodeFPS: 15,
      videoSendFPS: 14,
      videoKBPS: 900,
      audioCaptureFPS: 50,
      audioSendFPS: 50,
      audioKBPS: 40,
      rtt: 45,
      packetLostRate: 0.01,
      level: 1,
      isHardwareEncode: true,
    });
    expect(selectStreamHealth(t.store.getState(), 'me').publishQuality).toMatchObject({
      grade: 1,
      videoBitrate: 900,
      audioBitrate: 40,
      videoFPS: 14,
      rtt: 45,
      packetLossRate: 0.01,
    });
  });

  it('playerQualityUpdate(streamID, ZegoPlayStreamQuality): render fps; level 5 is unknown', () => {
    const t = nativeInRoom();
    t.engine.emit('playerQualityUpdate', 'host-main', {
      videoRecvFPS: 15,
      videoDecodeFPS: 15,
      videoRenderFPS: 12,
      videoKBPS: 700,
      audioKBPS: 32,
      rtt: 80,
      packetLostRate: 0.2,
      peerToPeerDelay: 150,
      level: 5,
    });
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toMatchObject({ grade: -1, videoFPS: 12, rtt: 80, packetLossRate: 0.2 });
  });

  it('remoteCameraStateUpdate / remoteMicStateUpdate(streamID, ZegoRemoteDeviceState): 0 on, 1–14 off, others not said', () => {
    const t = nativeInRoom();
    t.engine.emit('remoteCameraStateUpdate', 'host-main', 10); // Mute
    t.engine.emit('remoteMicStateUpdate', 'host-main', 9); // Disable
    expect(selectStreamHealth(t.store.getState(), 'host-main')).toMatchObject({ camera: 'MUTE', microphone: 'MUTE' });
    t.engine.emit('remoteCameraStateUpdate', 'host-main', 0); // Open
    t.engine.emit('remoteMicStateUpdate', 'host-main', 15); // remote SDK too old to say
    expect(selectStreamHealth(t.store.getState(), 'host-main')).toMatchObject({ camera: 'OPEN', microphone: 'MUTE' });
  });

  it('roomTokenWillExpire(roomID, remainTimeInSecond)', () => {
    const t = nativeInRoom();
    t.engine.emit('roomTokenWillExpire', 'r1', 25);
    expect(selectTokenStatus(t.store.getState(), 'r1')?.expiresAt).toBe(1_000 + 25 * SECOND);
  });

  it('localDeviceExceptionOccurred(exceptionType, deviceType, deviceID)', () => {
    const t = nativeInRoom();
    t.engine.emit('localDeviceExceptionOccurred', 3, 1, ''); // PermissionNotGranted, Camera
    t.engine.emit('localDeviceExceptionOccurred', 6, 2, 'mic-1'); // DeviceUnplugged, Microphone
    t.engine.emit('localDeviceExceptionOccurred', 12, 4, ''); // AudioSessionDeactive, AudioDevice
    expect(t.media().deviceIssues.map((i) => [i.device, i.reason])).toEqual([
      [null, 'unknown'],
      ['microphone', 'unplugged'],
      ['camera', 'denied'],
    ]);
  });
});

describe('connectZegoStreamView', () => {
  it("a ZegoStreamView's autoplayFailed blocks the stream; stop removes the listener", () => {
    const t = webInRoom({ browserConnectivity: false });
    const view = fakeEngine();
    const stop = connectZegoStreamView(view, t.store, 'host-main');
    view.emit('autoplayFailed');
    expect(t.media().autoplay.get('host-main')?.blocked).toBe('all');
    stop();
    stop();
    expect(view.count()).toBe(0);
    expect(view.off).toHaveBeenCalledTimes(1);
  });

  it('a view that throws on on/off is tolerated', () => {
    const t = webInRoom({ browserConnectivity: false });
    const view = {
      on: () => {
        throw new Error('no');
      },
      off: () => {
        throw new Error('no');
      },
    };
    expect(() => connectZegoStreamView(view, t.store, 'host-main')()).not.toThrow();
  });
});
