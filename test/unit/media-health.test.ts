/**
 * Media health in the store (issue 14): the `mediaHealth()` extension's
 * reducer and selectors, event by event, with bad input, duplicates and
 * late reports, and the rules that free what belongs to a stream, a user or
 * a room when it goes. Times follow the SDK: quality reports every 3 s,
 * tokenWillExpire 30 s before expiry.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import type { MediaHealthEvent, StreamQualityStats } from '../../src/core/media-events.js';
import { QUALITY_STALE_AFTER_MS, createMediaHealthState, type MediaHealthState } from '../../src/core/media-health.js';
import {
  freshGrade,
  hasMediaHealth,
  selectAutoplayBlock,
  selectAutoplayBlocked,
  selectDeviceIssues,
  selectOfflineSince,
  selectStreamHealth,
  selectStreamQualityGrade,
  selectTokenStatus,
  selectUserNetworkQuality,
  selectUserQualityGrade,
} from '../../src/core/media-selectors.js';
import { statusReducer } from '../../src/core/reducer.js';
import { selectRoom } from '../../src/core/selectors.js';
import { createStatusStore, type StoreEvent } from '../../src/core/store.js';
import { mediaHealth } from '../../src/adapters/media-health.js';

const SECOND = 1000;

type WithoutAt<E> = E extends StoreEvent ? Omit<E, 'at'> : never;

/** A store with media health on a manual clock; `emit` stamps events with the clock's time. */
function setup() {
  const clock = createManualClock();
  const store = createStatusStore({ clock, extensions: [mediaHealth({ browserConnectivity: false })] });
  const emit = (event: WithoutAt<StoreEvent> | Record<string, unknown>) => store.dispatch({ ...event, at: clock.now() } as StoreEvent);
  const media = (): MediaHealthState => store.getState().media!;
  const room = (roomID: string, reason: string) => emit({ type: 'roomStateChanged', roomID, reason, errorCode: 0 });
  const login = (roomID = 'r1') => {
    room(roomID, 'LOGINING');
    clock.advance(120);
    room(roomID, 'LOGINED');
  };
  const addStream = (streamID: string, roomID = 'r1', userID = `${streamID}-owner`) =>
    emit({ type: 'roomStreamUpdate', roomID, updateType: 'ADD', streamList: [{ streamID, user: { userID } }] });
  const deleteStream = (streamID: string, roomID = 'r1') =>
    emit({ type: 'roomStreamUpdate', roomID, updateType: 'DELETE', streamList: [{ streamID }], extendedData: '{"stream_delete_reason":2}' });
  const player = (streamID: string, state: string, errorCode = 0) => emit({ type: 'playerStateUpdate', streamID, state, errorCode });
  const playQuality = (streamID: string, stats: StreamQualityStats) => emit({ type: 'playQualityUpdate', streamID, stats });
  return { clock, store, emit, media, room, login, addStream, deleteStream, player, playQuality };
}

/** In a room, playing `streamID`. */
function playing(streamID = 'host-main') {
  const t = setup();
  t.login();
  t.addStream(streamID);
  t.player(streamID, 'PLAY_REQUESTING');
  t.player(streamID, 'PLAYING');
  return t;
}

describe('the mediaHealth() extension', () => {
  it('a store without it has no media slice, ignores media events and ships the core state unchanged', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    expect(store.getState().media).toBeUndefined();
    expect(hasMediaHealth(store.getState())).toBe(false);
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getState();
    store.dispatch({ type: 'offline', at: 0 });
    store.dispatch({ type: 'networkQuality', userID: 'u', upstreamQuality: 3, downstreamQuality: 3, at: 0 });
    expect(store.getState()).toBe(before);
    expect(notified).toBe(0);
    expect(selectOfflineSince(store.getState())).toBeNull();
  });

  it('a store with it starts with an empty slice, kept through core events', () => {
    const t = setup();
    expect(hasMediaHealth(t.store.getState())).toBe(true);
    expect(t.media()).toEqual(createMediaHealthState());
    const slice = t.media();
    t.login();
    t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2' }] });
    // The core made new states; the slice is carried over as the same object.
    expect(selectRoom(t.store.getState(), 'r1').phase).toBe('connected');
    expect(t.media()).toBe(slice);
  });

  it('a media event that changes nothing keeps the whole state and notifies nobody', () => {
    const t = playing();
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' });
    const state = t.store.getState();
    let notified = 0;
    t.store.subscribe(() => notified++);
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' });
    expect(t.store.getState()).toBe(state);
    expect(notified).toBe(0);
  });

  it('statusReducer alone ignores media events', () => {
    const state = createStatusStore().getState();
    expect(statusReducer(state, { type: 'offline', at: 1 } as unknown as StatusEvent)).toBe(state);
  });

  it('subscribeEvents sees media events too', () => {
    const t = setup();
    const seen: string[] = [];
    t.store.subscribeEvents<StoreEvent>((event) => seen.push(event.type));
    t.emit({ type: 'offline' });
    expect(seen).toEqual(['offline']);
  });
});

describe('network quality per user (networkQuality)', () => {
  it('T + 3 s: a report for the host; the grade reads until 7 s after it, then unknown', () => {
    const t = setup();
    t.login();
    t.clock.advance(3 * SECOND);
    t.emit({ type: 'networkQuality', userID: 'host', upstreamQuality: 3, downstreamQuality: 1 });
    const at = t.clock.now();
    expect(selectUserNetworkQuality(t.store.getState(), 'host')).toEqual({ userID: 'host', upstream: 3, downstream: 1, at });
    // The worse of up and down.
    expect(selectUserQualityGrade(t.store.getState(), 'host', at)).toBe(3);
    expect(selectUserQualityGrade(t.store.getState(), 'host', at + QUALITY_STALE_AFTER_MS)).toBe(3);
    // Two reports missed (3 s period) and a second more: no longer a grade.
    expect(QUALITY_STALE_AFTER_MS).toBe(7 * SECOND);
    expect(selectUserQualityGrade(t.store.getState(), 'host', at + QUALITY_STALE_AFTER_MS + 1)).toBe(-1);
  });

  it('unknown grades, NaN and strings read as -1; unknown directions are left out of the worse-of', () => {
    const t = setup();
    t.login();
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: 7, downstreamQuality: 2 });
    expect(selectUserNetworkQuality(t.store.getState(), 'u')).toMatchObject({ upstream: -1, downstream: 2 });
    expect(selectUserQualityGrade(t.store.getState(), 'u', t.clock.now())).toBe(2);
    t.clock.advance(3 * SECOND);
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: NaN, downstreamQuality: '3' });
    expect(selectUserNetworkQuality(t.store.getState(), 'u')).toMatchObject({ upstream: -1, downstream: -1 });
    expect(selectUserQualityGrade(t.store.getState(), 'u', t.clock.now())).toBe(-1);
  });

  it('missing IDs are dropped; the native local user ("") is kept', () => {
    const t = setup();
    t.login();
    const slice = t.media();
    t.emit({ type: 'networkQuality', upstreamQuality: 1, downstreamQuality: 1 });
    t.emit({ type: 'networkQuality', userID: 42, upstreamQuality: 1, downstreamQuality: 1 });
    expect(t.media()).toBe(slice);
    t.emit({ type: 'networkQuality', userID: '', upstreamQuality: 0, downstreamQuality: 1 });
    expect(selectUserNetworkQuality(t.store.getState(), '').downstream).toBe(1);
  });

  it('a duplicate report keeps the slice; a late (older) one is ignored', () => {
    const t = setup();
    t.login();
    t.clock.advance(6 * SECOND);
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: 1, downstreamQuality: 1 });
    const slice = t.media();
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: 1, downstreamQuality: 1 });
    expect(t.media()).toBe(slice);
    t.store.dispatch({ type: 'networkQuality', userID: 'u', upstreamQuality: 4, downstreamQuality: 4, at: t.clock.now() - 3 * SECOND });
    expect(t.media()).toBe(slice);
    // A newer report with the same grades still moves the time forward (the grade is fresh).
    t.clock.advance(3 * SECOND);
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: 1, downstreamQuality: 1 });
    expect(selectUserNetworkQuality(t.store.getState(), 'u').at).toBe(t.clock.now());
  });

  it('nothing before login; a user DELETE frees the user; leaving the last room frees all', () => {
    const t = setup();
    t.emit({ type: 'networkQuality', userID: 'early', upstreamQuality: 1, downstreamQuality: 1 });
    expect(t.media().users.size).toBe(0);
    t.login('r1');
    t.login('r2');
    t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'a' }, { userID: 'b' }] });
    t.emit({ type: 'roomUserUpdate', roomID: 'r2', updateType: 'ADD', userList: [{ userID: 'b' }] });
    for (const userID of ['a', 'b', 'me']) t.emit({ type: 'networkQuality', userID, upstreamQuality: 1, downstreamQuality: 1 });
    t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'DELETE', userList: [{ userID: 'a' }, { userID: 'b' }] });
    // b is still in r2.
    expect([...t.media().users.keys()].sort()).toEqual(['b', 'me']);
    t.room('r1', 'LOGOUT');
    expect(t.media().users.size).toBe(2);
    t.room('r2', 'KICKOUT');
    expect(t.media().users.size).toBe(0);
  });

  it('an unknown user reads as a stable unknown default', () => {
    const t = setup();
    const a = selectUserNetworkQuality(t.store.getState(), 'nobody');
    expect(a).toMatchObject({ upstream: -1, downstream: -1 });
    expect(selectUserNetworkQuality(t.store.getState(), 'nobody')).toBe(a);
    expect(selectUserQualityGrade(t.store.getState(), 'nobody', 0)).toBe(-1);
  });
});

describe('stream quality (playQualityUpdate / publishQualityUpdate)', () => {
  it('every 3 s: grade, bitrate, fps, loss; a silent stream turns unknown', () => {
    const t = playing();
    t.clock.advance(3 * SECOND);
    t.playQuality('host-main', { videoQuality: 1, audioQuality: 3, videoBitrate: 820, audioBitrate: 48, videoFPS: 15, packetLossRate: 0.02 });
    const at = t.clock.now();
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toEqual({
      grade: 3,
      videoQuality: 1,
      audioQuality: 3,
      videoBitrate: 820,
      audioBitrate: 48,
      videoFPS: 15,
      rtt: null,
      packetLossRate: 0.02,
      videoMuted: false,
      audioMuted: false,
      at,
    });
    expect(selectStreamQualityGrade(t.store.getState(), 'host-main', at + 3 * SECOND)).toBe(3);
    expect(selectStreamQualityGrade(t.store.getState(), 'host-main', at + 8 * SECOND)).toBe(-1);
  });

  it("the SDK's own level wins; a muted track does not grade the stream; no graded track is unknown", () => {
    const t = playing();
    t.playQuality('host-main', { level: 1, videoQuality: 4, audioQuality: 4 });
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality?.grade).toBe(1);
    t.clock.advance(3 * SECOND);
    t.playQuality('host-main', { videoQuality: 4, audioQuality: 0, videoMuted: true });
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toMatchObject({ grade: 0, videoMuted: true });
    t.clock.advance(3 * SECOND);
    t.playQuality('host-main', {});
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toMatchObject({ grade: -1, videoQuality: -1, videoBitrate: null });
  });

  it('bad figures become null: NaN, negative, strings, loss above 1; bad stats objects give an unknown report', () => {
    const t = playing();
    t.playQuality('host-main', { videoBitrate: NaN, audioBitrate: -5, videoFPS: '15' as never, rtt: Infinity, packetLossRate: 3 });
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality).toMatchObject({
      videoBitrate: null,
      audioBitrate: null,
      videoFPS: null,
      rtt: null,
      packetLossRate: null,
    });
    t.clock.advance(3 * SECOND);
    t.emit({ type: 'playQualityUpdate', streamID: 'host-main', stats: null });
    expect(selectStreamHealth(t.store.getState(), 'host-main').playQuality?.grade).toBe(-1);
  });

  it('duplicate and late reports are ignored', () => {
    const t = playing();
    t.clock.advance(3 * SECOND);
    t.playQuality('host-main', { videoQuality: 2 });
    const slice = t.media();
    t.playQuality('host-main', { videoQuality: 4 });
    expect(t.media()).toBe(slice);
    t.store.dispatch({ type: 'playQualityUpdate', streamID: 'host-main', stats: { videoQuality: 4 }, at: t.clock.now() - 3 * SECOND });
    expect(t.media()).toBe(slice);
  });

  it('no entry for a stream that is not live, played or published, nor for a missing streamID', () => {
    const t = setup();
    t.login();
    const slice = t.media();
    t.playQuality('ghost', { videoQuality: 1 });
    t.emit({ type: 'playQualityUpdate', stats: { videoQuality: 1 } });
    t.emit({ type: 'playQualityUpdate', streamID: '', stats: { videoQuality: 1 } });
    expect(t.media()).toBe(slice);
    const ghost = selectStreamHealth(t.store.getState(), 'ghost');
    expect(ghost).toEqual({ streamID: 'ghost', publishQuality: null, playQuality: null, camera: null, microphone: null, exceptions: [] });
    expect(selectStreamHealth(t.store.getState(), 'ghost')).toBe(ghost);
  });

  it('a new LOGINING of the room empties its lists, and frees the stats of its streams with them', () => {
    // Found by the media fuzz (seed 866359904): a member-only ADD, a report, then LOGINING.
    const t = setup();
    t.addStream('host', 'r1', 'a'); // a member-only event: the store infers the user is in r1
    t.emit({ type: 'publishQualityUpdate', streamID: 'host', stats: { videoQuality: 1 } });
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host', status: 'MUTE' });
    expect(t.media().streams.has('host')).toBe(true);
    t.room('r1', 'LOGINING');
    expect(selectRoom(t.store.getState(), 'r1').streams.size).toBe(0);
    expect(t.media().streams.has('host')).toBe(false);
  });

  it('publish quality while publishing; freed when publishing stops', () => {
    const t = setup();
    t.login();
    t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
    t.emit({ type: 'publishQualityUpdate', streamID: 'me', stats: { videoQuality: 2, audioQuality: 1 } });
    expect(selectStreamQualityGrade(t.store.getState(), 'me', t.clock.now())).toBe(2);
    t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'NO_PUBLISH', errorCode: 0 });
    expect(t.media().streams.has('me')).toBe(false);
  });

  it('play quality is what a stream shows when this client both plays and publishes it', () => {
    const t = playing('s');
    t.emit({ type: 'publisherStateUpdate', streamID: 's', state: 'PUBLISHING', errorCode: 0 });
    t.emit({ type: 'publishQualityUpdate', streamID: 's', stats: { videoQuality: 0 } });
    t.playQuality('s', { videoQuality: 3 });
    expect(selectStreamQualityGrade(t.store.getState(), 's', t.clock.now())).toBe(3);
  });
});

describe('remote camera and microphone', () => {
  it("the host turns the camera off and on; the mic's status is its own", () => {
    const t = playing();
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' });
    t.emit({ type: 'remoteMicStatusUpdate', streamID: 'host-main', status: 'OPEN' });
    expect(selectStreamHealth(t.store.getState(), 'host-main')).toMatchObject({ camera: 'MUTE', microphone: 'OPEN' });
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'OPEN' });
    expect(selectStreamHealth(t.store.getState(), 'host-main').camera).toBe('OPEN');
  });

  it('bad status or a stream not live is dropped', () => {
    const t = playing();
    const slice = t.media();
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'OFF' });
    t.emit({ type: 'remoteMicStatusUpdate', streamID: 'host-main', status: 1 });
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'other', status: 'MUTE' });
    expect(t.media()).toBe(slice);
  });
});

describe('exceptions (exceptionUpdate)', () => {
  it('1010 render frame rate too low begins, 2010 ends it; codes stay sorted and unique', () => {
    const t = playing();
    t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code: 1010 });
    t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code: 1008 });
    const slice = t.media();
    t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code: 1010 });
    expect(t.media()).toBe(slice);
    expect(selectStreamHealth(t.store.getState(), 'host-main').exceptions).toEqual([1008, 1010]);
    t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code: 2010 });
    expect(selectStreamHealth(t.store.getState(), 'host-main').exceptions).toEqual([1008]);
  });

  it('codes outside 1001–1010 / 2001–2010, and an end without a beginning, change nothing', () => {
    const t = playing();
    const slice = t.media();
    for (const code of [1000, 1011, 2011, 3001, 1010.5, NaN, '1010']) t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code });
    t.emit({ type: 'exceptionUpdate', streamID: 'host-main', code: 2005 });
    expect(t.media()).toBe(slice);
  });
});

describe('autoplay', () => {
  it('blocked, then only sound blocked, then playing: the page-level list follows', () => {
    const t = playing('a');
    t.addStream('b');
    t.player('b', 'PLAYING');
    t.emit({ type: 'autoplayFailed', streamID: 'a', blocked: 'all' });
    t.emit({ type: 'autoplayFailed', streamID: 'b', blocked: 'audio' });
    expect(selectAutoplayBlock(t.store.getState(), 'a')).toBe('all');
    const list = selectAutoplayBlocked(t.store.getState());
    expect(list.map((b) => b.streamID).sort()).toEqual(['a', 'b']);
    // A quality report does not change the list (same array).
    t.playQuality('a', { videoQuality: 1 });
    expect(selectAutoplayBlocked(t.store.getState())).toBe(list);
    t.emit({ type: 'autoplayFailed', streamID: 'a', blocked: 'audio' });
    expect(selectAutoplayBlock(t.store.getState(), 'a')).toBe('audio');
    t.emit({ type: 'autoplayResumed', streamID: 'a' });
    t.emit({ type: 'autoplayResumed', streamID: 'b' });
    expect(selectAutoplayBlocked(t.store.getState())).toEqual([]);
  });

  it('bad kinds, missing IDs and streams not played are dropped', () => {
    const t = setup();
    t.login();
    const slice = t.media();
    t.emit({ type: 'autoplayFailed', streamID: 'ghost', blocked: 'all' });
    t.emit({ type: 'autoplayFailed', streamID: 'ghost', blocked: 'video' });
    t.emit({ type: 'autoplayFailed', blocked: 'all' });
    t.emit({ type: 'autoplayResumed' });
    t.emit({ type: 'autoplayResumed', streamID: 'ghost' });
    expect(t.media()).toBe(slice);
  });
});

describe('token expiry', () => {
  it('web: tokenWillExpire at T means expiry at T + 30 s; renewing, then renewed', () => {
    const t = setup();
    t.login();
    t.clock.advance(60 * SECOND);
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    const warned = t.clock.now();
    expect(selectTokenStatus(t.store.getState())).toEqual({
      roomID: 'r1',
      status: 'expiring',
      expiresAt: warned + 30 * SECOND,
      error: null,
      retryAt: null,
      at: warned,
    });
    t.clock.advance(200);
    t.emit({ type: 'tokenRenewal', roomID: 'r1', status: 'renewing' });
    expect(selectTokenStatus(t.store.getState(), 'r1')).toMatchObject({ status: 'renewing', expiresAt: warned + 30 * SECOND });
    // The SDK repeating its warning while the renewal runs keeps it renewing.
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    expect(selectTokenStatus(t.store.getState(), 'r1')?.status).toBe('renewing');
    t.emit({ type: 'tokenRenewal', roomID: 'r1', status: 'renewed' });
    expect(selectTokenStatus(t.store.getState(), 'r1')).toMatchObject({ status: 'renewed', expiresAt: null, error: null });
  });

  it('native: the seconds left give the expiry; bad figures fall back to 30 s', () => {
    const t = setup();
    t.login();
    t.emit({ type: 'tokenWillExpire', roomID: 'r1', remainingMs: 12 * SECOND });
    expect(selectTokenStatus(t.store.getState(), 'r1')?.expiresAt).toBe(t.clock.now() + 12 * SECOND);
    t.clock.advance(SECOND);
    t.emit({ type: 'tokenWillExpire', roomID: 'r1', remainingMs: -3 });
    expect(selectTokenStatus(t.store.getState(), 'r1')?.expiresAt).toBe(t.clock.now() + 30 * SECOND);
  });

  it('a failure keeps the countdown, with the error and the next attempt', () => {
    const t = setup();
    t.login();
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    const expiresAt = t.clock.now() + 30 * SECOND;
    t.emit({ type: 'tokenRenewal', roomID: 'r1', status: 'failed', errorCode: 503, message: 'x'.repeat(1000), retryAt: t.clock.now() + 5 * SECOND });
    const token = selectTokenStatus(t.store.getState(), 'r1')!;
    expect(token).toMatchObject({ status: 'failed', expiresAt, retryAt: t.clock.now() + 5 * SECOND, error: { errorCode: 503 } });
    expect(token.error!.message!.length).toBeLessThanOrEqual(200);
    t.emit({ type: 'tokenRenewal', roomID: 'r1', status: 'failed', errorCode: 'bad', message: 42 });
    expect(selectTokenStatus(t.store.getState(), 'r1')).toMatchObject({ error: { errorCode: -1, message: null }, retryAt: null });
  });

  it('rooms not logged in, unknown statuses and late events are dropped; leaving frees the entry', () => {
    const t = setup();
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    expect(t.media().tokens.size).toBe(0);
    t.login();
    const slice = t.media();
    t.emit({ type: 'tokenRenewal', roomID: 'r1', status: 'done' });
    t.emit({ type: 'tokenWillExpire', roomID: '' });
    t.emit({ type: 'tokenWillExpire' });
    expect(t.media()).toBe(slice);
    t.clock.advance(SECOND);
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    t.store.dispatch({ type: 'tokenRenewal', roomID: 'r1', status: 'renewed', at: t.clock.now() - 500 });
    expect(selectTokenStatus(t.store.getState(), 'r1')?.status).toBe('expiring');
    t.room('r1', 'LOGOUT');
    expect(selectTokenStatus(t.store.getState(), 'r1')).toBeNull();
  });
});

describe('local devices', () => {
  it('camera denied by the browser (NotAllowedError), then recovered', () => {
    const t = setup();
    t.emit({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError' });
    expect(selectDeviceIssues(t.store.getState())).toEqual([
      { device: 'camera', reason: 'denied', errorCode: 0, errorName: 'NotAllowedError', deviceName: null, at: 0 },
    ]);
    t.emit({ type: 'deviceRecovered', device: 'camera' });
    expect(selectDeviceIssues(t.store.getState())).toEqual([]);
  });

  it('the SDK codes name the reason and, where they say, the device', () => {
    const t = setup();
    t.emit({ type: 'deviceError', errorCode: 1103065 });
    t.emit({ type: 'deviceError', errorCode: 1106008, deviceName: 'FaceTime HD Camera' });
    t.emit({ type: 'deviceError', errorCode: 1106009, deviceName: 'Built-in Microphone' });
    expect(selectDeviceIssues(t.store.getState()).map((i) => [i.device, i.reason])).toEqual([
      ['microphone', 'ended'],
      ['camera', 'unstable'],
      [null, 'in-use'],
    ]);
  });

  it('unplugged mid-call: deviceError 1006006 names no kind; the DELETE that follows does', () => {
    const t = setup();
    t.emit({ type: 'deviceError', device: 'camera', errorCode: 1106008, deviceName: 'USB Camera' });
    t.emit({ type: 'deviceError', errorCode: 1006006, deviceName: 'USB Camera' });
    expect(selectDeviceIssues(t.store.getState())[0]).toMatchObject({ device: null, reason: 'unplugged' });
    t.emit({ type: 'deviceStateChanged', device: 'camera', updateType: 'DELETE', deviceID: 'cam-1', deviceName: 'USB Camera' });
    // One issue per device: the unplugging replaces the camera's earlier one.
    expect(selectDeviceIssues(t.store.getState())).toEqual([
      { device: 'camera', reason: 'unplugged', errorCode: 1006006, errorName: null, deviceName: 'USB Camera', at: 0 },
    ]);
    expect(t.media().deviceChange).toEqual({ device: 'camera', updateType: 'DELETE', deviceID: 'cam-1', deviceName: 'USB Camera', at: 0 });
    t.emit({ type: 'deviceStateChanged', device: 'camera', updateType: 'ADD', deviceID: 'cam-1', deviceName: 'USB Camera' });
    expect(t.media().deviceChange?.updateType).toBe('ADD');
    expect(selectDeviceIssues(t.store.getState())).toHaveLength(1);
  });

  it('the same problem reported again keeps the slice; at most one issue per device', () => {
    const t = setup();
    t.emit({ type: 'deviceError', device: 'microphone', errorCode: 0, errorName: 'NotReadableError' });
    const slice = t.media();
    t.emit({ type: 'deviceError', device: 'microphone', errorCode: 0, errorName: 'NotReadableError' });
    expect(t.media()).toBe(slice);
    t.emit({ type: 'deviceError', device: 'microphone', errorCode: 0, errorName: 'NotFoundError' });
    expect(selectDeviceIssues(t.store.getState())).toHaveLength(1);
    expect(selectDeviceIssues(t.store.getState())[0]?.reason).toBe('not-found');
  });

  it('screen sharing stopped from the browser bar', () => {
    const t = setup();
    t.emit({ type: 'screenSharingEnded' });
    expect(selectDeviceIssues(t.store.getState())[0]).toMatchObject({ device: 'screen', reason: 'ended' });
  });

  it('bad input: unknown kinds read as no device, bad reasons are derived, bad changes are dropped, text is capped', () => {
    const t = setup();
    t.emit({ type: 'deviceError', device: 'toaster', errorCode: NaN, errorName: 5, reason: 'bogus', deviceName: 'x'.repeat(5000) });
    expect(selectDeviceIssues(t.store.getState())[0]).toMatchObject({ device: null, reason: 'unknown', errorCode: 0, errorName: null });
    expect(selectDeviceIssues(t.store.getState())[0]!.deviceName!.length).toBe(200);
    const slice = t.media();
    t.emit({ type: 'deviceStateChanged', device: 'camera', updateType: 'MOVE' });
    t.emit({ type: 'deviceStateChanged', device: 'toaster', updateType: 'ADD' });
    t.emit({ type: 'deviceRecovered', device: 'toaster' });
    expect(t.media()).toBe(slice);
    t.emit({ type: 'deviceRecovered' });
    expect(selectDeviceIssues(t.store.getState())).toEqual([]);
  });
});

describe('offline', () => {
  it('offline at T: the flag and its start; a second offline keeps the start; online clears it; the room phase is the SDK’s', () => {
    const t = setup();
    t.login();
    t.clock.advance(10 * SECOND);
    t.emit({ type: 'offline' });
    const since = t.clock.now();
    t.clock.advance(SECOND);
    t.emit({ type: 'offline' });
    expect(selectOfflineSince(t.store.getState())).toBe(since);
    expect(selectRoom(t.store.getState(), 'r1').phase).toBe('connected');
    t.emit({ type: 'online' });
    expect(selectOfflineSince(t.store.getState())).toBeNull();
  });
});

describe('freeing with the stream, the user and the room', () => {
  it('T3 + 90 s: the stream DELETE frees its health and autoplay block once the player stops', () => {
    const t = playing();
    t.emit({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' });
    t.emit({ type: 'autoplayFailed', streamID: 'host-main', blocked: 'audio' });
    t.clock.advance(90 * SECOND);
    t.deleteStream('host-main');
    // Still played (the policy stops it next): kept.
    expect(t.media().streams.has('host-main')).toBe(true);
    t.player('host-main', 'NO_PLAY');
    expect(t.media().streams.has('host-main')).toBe(false);
    expect(t.media().autoplay.has('host-main')).toBe(false);
  });

  it('a stream deleted that this client never played goes at once', () => {
    const t = setup();
    t.login();
    t.addStream('s');
    t.emit({ type: 'remoteMicStatusUpdate', streamID: 's', status: 'MUTE' });
    t.deleteStream('s');
    expect(t.media().streams.size).toBe(0);
  });

  it('a failed player of a deleted stream (NO_PLAY with an error) does not keep it', () => {
    const t = playing();
    t.playQuality('host-main', { videoQuality: 1 });
    t.player('host-main', 'NO_PLAY', 1004020);
    expect(t.media().streams.has('host-main')).toBe(true); // still live in the room
    t.deleteStream('host-main');
    expect(t.media().streams.has('host-main')).toBe(false);
  });

  it('leaving the room frees its streams, its token and (last room) its users; a stream live in another room stays', () => {
    const t = setup();
    t.login('r1');
    t.login('r2');
    t.addStream('only-r1', 'r1');
    t.addStream('both', 'r1');
    t.addStream('both', 'r2');
    for (const streamID of ['only-r1', 'both']) t.emit({ type: 'remoteCameraStatusUpdate', streamID, status: 'MUTE' });
    t.emit({ type: 'tokenWillExpire', roomID: 'r1' });
    t.emit({ type: 'networkQuality', userID: 'u', upstreamQuality: 1, downstreamQuality: 1 });
    t.room('r1', 'LOGOUT');
    expect([...t.media().streams.keys()]).toEqual(['both']);
    expect(t.media().tokens.size).toBe(0);
    expect(t.media().users.size).toBe(1);
    t.room('r2', 'RECONNECT_FAILED');
    expect(t.media().streams.size).toBe(0);
    expect(t.media().users.size).toBe(0);
  });

  it('device issues and the offline flag are not tied to a room', () => {
    const t = setup();
    t.login();
    t.emit({ type: 'offline' });
    t.emit({ type: 'deviceError', device: 'camera', errorCode: 1103064 });
    t.room('r1', 'LOGOUT');
    expect(selectOfflineSince(t.store.getState())).not.toBeNull();
    expect(selectDeviceIssues(t.store.getState())).toHaveLength(1);
  });
});

describe('bad events', () => {
  it.each([null, undefined, 42, 'offline', {}, { type: 'offline' }, { type: 'offline', at: NaN }, { type: 'bogus', at: 1 }])(
    '%j changes nothing',
    (event) => {
      const t = setup();
      const state = t.store.getState();
      t.store.dispatch(event as unknown as MediaHealthEvent);
      expect(t.store.getState()).toBe(state);
    },
  );
});

describe('freshGrade', () => {
  it('keeps a grade for 7 s after its report, then says unknown', () => {
    expect(freshGrade(2, 1000, 8000)).toBe(2);
    expect(freshGrade(2, 1000, 8001)).toBe(-1);
    expect(freshGrade(2, -Infinity, 0)).toBe(-1);
  });
});
