/**
 * Survivors of the StrykerJS run over src/adapters (087fba0): how the web and
 * native SDK callbacks are read into store events. Each test asserts the
 * event the app's store receives (or that none arrives) for an SDK callback
 * with odd or edge-case arguments.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectZegoNative, connectZegoStreamView, connectZegoWeb, mediaHealth } from '../../src/adapters/index.js';
import { createManualClock } from '../../src/core/clock.js';
import { createStatusStore } from '../../src/core/store.js';
import { fakeEngine } from './engine-double.js';

function setup(kind: 'web' | 'native') {
  const clock = createManualClock(1_000);
  const store = createStatusStore({ clock, extensions: [mediaHealth({ browserConnectivity: false })] });
  const dispatch = vi.spyOn(store, 'dispatch');
  const engine = fakeEngine();
  const disconnect = (kind === 'web' ? connectZegoWeb : connectZegoNative)(engine, store);
  /** The events the store received, as the adapter built them. */
  const events = (type?: string) => dispatch.mock.calls.map(([event]) => event as unknown as Record<string, unknown>).filter((e) => !type || e.type === type);
  return { store, engine, disconnect, events };
}

afterEach(() => vi.restoreAllMocks());

describe('web quality stats', () => {
  it('a muted remote mic (audio muteState "1") is audioMuted, an open one is not, an unsaid one is left out', () => {
    const { engine, events } = setup('web');
    engine.emit('playQualityUpdate', 'host-main', { video: { muteState: '1' }, audio: { muteState: '1' } });
    engine.emit('playQualityUpdate', 'host-main', { video: { muteState: '0' }, audio: { muteState: '0' } });
    engine.emit('playQualityUpdate', 'host-main', { video: {}, audio: {} });
    const stats = events('playQualityUpdate').map((e) => e.stats);
    expect(stats[0]).toStrictEqual({ videoMuted: true, audioMuted: true });
    expect(stats[1]).toStrictEqual({ videoMuted: false, audioMuted: false });
    expect(stats[2]).toStrictEqual({});
  });

  it('no loss rate from the SDK means no packetLossRate (not -Infinity)', () => {
    const { engine, events } = setup('web');
    engine.emit('publishQualityUpdate', 'me', { video: { videoBitrate: 800 }, audio: {} });
    expect(events('publishQualityUpdate')[0]!.stats).toStrictEqual({ videoBitrate: 800 });
  });
});

describe('web device callbacks', () => {
  it('an audio device of a type that is neither Input nor Output is not reported', () => {
    const { engine, events } = setup('web');
    engine.emit('audioDeviceStateChanged', 'ADD', 'Other', { deviceID: 'a1', deviceName: 'Mic' });
    engine.emit('audioDeviceStateChanged', 'ADD', 'Output', { deviceID: 's1', deviceName: 'Speaker' });
    expect(events('deviceStateChanged').map((e) => e.device)).toEqual(['speaker']);
  });

  it('a non-string deviceID / deviceName from the SDK is left out of the event', () => {
    const { engine, events } = setup('web');
    engine.emit('videoDeviceStateChanged', 'DELETE', { deviceID: 7, deviceName: { x: 1 } });
    const [event] = events('deviceStateChanged');
    expect(event).toMatchObject({ device: 'camera', updateType: 'DELETE' });
    expect(event).not.toHaveProperty('deviceID');
    expect(event).not.toHaveProperty('deviceName');
  });

  it('deviceError without a device name carries no deviceName key', () => {
    const { engine, events } = setup('web');
    engine.emit('deviceError', 1103064);
    expect(events('deviceError')[0]).not.toHaveProperty('deviceName');
  });
});

describe('native callbacks', () => {
  it('quality level 5 (Unknown) is grade -1', () => {
    const { engine, events } = setup('native');
    engine.emit('playerQualityUpdate', 'host-main', { level: 5 });
    expect(events('playQualityUpdate')[0]!.stats).toStrictEqual({ level: -1 });
  });

  it('remote device state: 0 open, 1 and 14 off; -1, 1.5 and 15 (remote SDK too old) not reported', () => {
    const { engine, events } = setup('native');
    for (const state of [0, 1, 14, -1, 1.5, 15]) engine.emit('remoteMicStateUpdate', 'host-main', state);
    expect(events('remoteMicStatusUpdate').map((e) => e.status)).toEqual(['OPEN', 'MUTE', 'MUTE']);
  });

  it('networkQuality with a non-string userID is dropped; "" (the local user) is kept', () => {
    const { engine, events } = setup('native');
    engine.emit('networkQuality', 5, 0, 0);
    engine.emit('networkQuality', '', 1, 2);
    expect(events('networkQuality').map((e) => e.userID)).toEqual(['']);
  });

  it('roomTokenWillExpire: 30 s -> 30 000 ms, 0 s -> 0 ms; "30" or -5 give no remainingMs', () => {
    const { engine, events } = setup('native');
    for (const remain of [30, 0, '30', -5]) engine.emit('roomTokenWillExpire', 'r1', remain);
    expect(events('tokenWillExpire').map((e) => e.remainingMs)).toEqual([30_000, 0, undefined, undefined]);
  });

  it('an unknown device exception type reads as reason "unknown"', () => {
    const { engine, events } = setup('native');
    engine.emit('localDeviceExceptionOccurred', 0, 2, 'mic-1');
    expect(events('deviceError')[0]).toMatchObject({ reason: 'unknown', device: 'microphone' });
  });
});

describe('core callbacks', () => {
  it('a room state without roomID, or a list update with no valid item, dispatches nothing', () => {
    const { engine, events } = setup('web');
    engine.emit('roomStateChanged', '', 'LOGINED', 0);
    engine.emit('roomStateChanged', 'r1', 'NOT_A_REASON', 0);
    engine.emit('roomStreamUpdate', 'r1', 'ADD', []);
    engine.emit('roomStreamUpdate', '', 'ADD', [{ streamID: 's1' }]);
    engine.emit('roomUserUpdate', 'r1', 'ADD', [{ noID: true }]);
    expect(events()).toEqual([]);
  });

  it('roomUserUpdate carries no extendedData (its callback has none); roomStreamUpdate does', () => {
    const { engine, events } = setup('web');
    engine.emit('roomUserUpdate', 'r1', 'ADD', [{ userID: 'u1' }], 'extra');
    engine.emit('roomStreamUpdate', 'r1', 'ADD', [{ streamID: 's1' }], 'extra');
    expect(events('roomUserUpdate')[0]).not.toHaveProperty('extendedData');
    expect(events('roomStreamUpdate')[0]).toMatchObject({ extendedData: 'extra' });
  });

  it('LOGINING and LOGOUT for a room the store never saw give no "connected after loginRoom" warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { engine } = setup('web');
    engine.emit('roomStateChanged', 'r1', 'LOGOUT', 0);
    engine.emit('roomStateChanged', 'r2', 'LOGINING', 0);
    expect(warn).not.toHaveBeenCalled();
    engine.emit('roomStateChanged', 'r3', 'LOGINED', 0);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('browser connectivity and ZegoStreamView', () => {
  it('without window.addEventListener (server rendering) connectZegoWeb attaches nothing and does not throw', () => {
    vi.stubGlobal('addEventListener', undefined);
    vi.stubGlobal('removeEventListener', undefined);
    try {
      const store = createStatusStore({ clock: createManualClock(0), extensions: [mediaHealth()] });
      expect(() => connectZegoWeb(fakeEngine(), store)()).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('after stop, an autoplayFailed from a view whose off() threw is not reported', () => {
    let callback: () => void = () => {};
    const view = { on: (_: 'autoplayFailed', cb: () => void) => (callback = cb), off: () => { throw new Error('gone'); } };
    const store = createStatusStore({ clock: createManualClock(0), extensions: [mediaHealth()] });
    const dispatch = vi.spyOn(store, 'dispatch');
    const stop = connectZegoStreamView(view, store, 'host-main');
    stop();
    callback();
    expect(dispatch).not.toHaveBeenCalled();
  });
});
