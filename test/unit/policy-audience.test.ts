/**
 * The audience policy against the seed 003 timelines ("Handling Host Network
 * Issues from the Audience Side", "Handling Host Crashes from the Audience
 * Side"), on a manual clock: a 90 s heartbeat timeout takes no real time.
 */
import { describe, expect, it } from 'vitest';
import type { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { createManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { selectPlayer } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudienceEngine, type AudiencePolicyOptions, type PlayedMedia } from '../../src/policy/index.js';
import { createFakeEngine, flush, sdkEvents, type FakeEngine } from './policy-fake-engine.js';

const SECOND = 1000;
/** Seed 003: others see a dropped host's stream deleted after the 90 s heartbeat timeout. */
const HEARTBEAT_TIMEOUT = 90 * SECOND;
/** Any errorCode ≠ 0: the SDK tried every node (seed 003). The seeds name no play code. */
const PLAY_FAILED = 1104001;
const ROOM = 'live-1';
const HOST = 'host-main';

function setup(options: Partial<AudiencePolicyOptions<FakeEngine>> = {}, attach = true) {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const engine = createFakeEngine(clock);
  const sdk = sdkEvents(store, clock);
  const media: [string, unknown][] = [];
  const events: StatusEvent[] = [];
  store.subscribeEvents((event) => events.push(event));
  const attachPolicy = () =>
    attachAudiencePolicy({ engine, store, onMediaStream: (streamID, m) => media.push([streamID, m]), ...options });
  const policy = attach ? attachPolicy() : undefined;
  const player = (streamID = HOST) => selectPlayer(store.getState(), streamID);
  const policyEvents = () => events.filter((e) => e.type.startsWith('replay') || e.type === 'engineCallFailed');
  return { clock, store, engine, sdk, media, events, policyEvents, policy: policy!, attachPolicy, player };
}

describe('types', () => {
  it('accepts the real web SDK engine and infers MediaStream for onMediaStream', () => {
    // Compile-time checks against zego-express-engine-webrtc 3.12.0's declarations.
    const web = null as unknown as ZegoExpressEngine;
    const engine: AudienceEngine = web;
    const media: PlayedMedia<ZegoExpressEngine> | null = null as MediaStream | null;
    expect(engine).toBeNull();
    expect(media).toBeNull();
  });
});

describe('attachAudiencePolicy: playing what the room lists', () => {
  it('T1 LOGINED, then the host stream ADD: one startPlayingStream, and its MediaStream goes to onMediaStream', async () => {
    const { engine, sdk, media } = setup();
    sdk.login(ROOM);
    expect(engine.calls).toEqual([]);
    sdk.streamAdd(ROOM, HOST);
    expect(engine.log()).toEqual([`start ${HOST} @0`]);
    const stream = engine.resolvePlay(HOST);
    await flush();
    expect(media).toEqual([[HOST, stream]]);
  });

  it('plays the streams already live when it attaches', () => {
    const { engine, sdk, attachPolicy } = setup({}, false);
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST, 'guest');
    attachPolicy();
    expect(engine.log()).toEqual([`start ${HOST} @0`, 'start guest @0']);
  });

  it('plays streams listed before LOGINED once the room reaches LOGINED', () => {
    const { engine, sdk } = setup();
    sdk.room(ROOM, 'LOGINING');
    sdk.streamAdd(ROOM, HOST);
    expect(engine.calls).toEqual([]);
    sdk.room(ROOM, 'LOGINED');
    expect(engine.log()).toEqual([`start ${HOST} @0`]);
  });

  it('an ADD while RECONNECTING is played at RECONNECTED, not before', () => {
    const { clock, engine, sdk } = setup();
    sdk.login(ROOM);
    sdk.room(ROOM, 'RECONNECTING', 1002051);
    sdk.streamAdd(ROOM, HOST);
    expect(engine.calls).toEqual([]);
    clock.advance(10 * SECOND);
    sdk.room(ROOM, 'RECONNECTED');
    expect(engine.log()).toEqual([`start ${HOST} @10000`]);
  });

  it('a repeated ADD of a stream being played starts nothing', () => {
    const { engine, sdk } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.streamAdd(ROOM, HOST);
    sdk.room(ROOM, 'RECONNECTED');
    expect(engine.starts(HOST)).toBe(1);
  });

  it('plays only what shouldPlay accepts, with playOptions as the second argument', () => {
    const { engine, sdk } = setup({
      shouldPlay: (stream, roomID) => roomID === ROOM && stream.streamID !== 'screen',
      playOptions: (stream) => (stream.streamID === HOST ? { video: true } : undefined),
    });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST, 'screen', 'guest');
    expect(engine.calls.map((c) => [c.streamID, c.options])).toEqual([
      [HOST, { video: true }],
      ['guest', undefined],
    ]);
  });

  it('with roomID, leaves the streams of other rooms alone', () => {
    const { engine, sdk } = setup({ roomID: ROOM });
    sdk.login(ROOM);
    sdk.login('other');
    sdk.streamAdd('other', 'x');
    sdk.streamAdd(ROOM, HOST);
    sdk.streamDelete('other', ['x']);
    expect(engine.log()).toEqual([`start ${HOST} @0`]);
  });
});

describe('attachAudiencePolicy: host network loss (seed 003)', () => {
  it('fail → one start at +3 s; T3 + 90 s DELETE → stop, replay cancelled, no start after; ADD → one start', async () => {
    const { clock, engine, sdk, media, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    const first = engine.resolvePlay(HOST);
    await flush();
    sdk.player(HOST, 'PLAYING');
    expect(media).toEqual([[HOST, first]]);

    // T3: the host loses its network. The audience cannot tell; the SDK
    // retries playing in the background, then gives up with errorCode ≠ 0.
    const T3 = clock.now();
    clock.advance(20 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 1, dueAt: T3 + 23 * SECOND });
    clock.advance(3 * SECOND - 1);
    expect(engine.starts(HOST)).toBe(1);
    clock.advance(1);
    // "attempts to play the stream again after a delay (for example, 3 seconds later)"
    expect(engine.log()).toEqual([`start ${HOST} @0`, `start ${HOST} @${T3 + 23 * SECOND}`]);
    expect(player()).toMatchObject({ replay: null, attempts: 1 });

    // Still no host: this replay fails too, and another is scheduled, twice as far off.
    clock.advance(30 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 2, dueAt: T3 + 59 * SECOND });
    clock.advance(6 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 3, dueAt: T3 + 71 * SECOND });

    // T3 + 90 s: heartbeat timeout, the audience gets the stream DELETE.
    clock.advance(T3 + HEARTBEAT_TIMEOUT - clock.now());
    const calls = engine.calls.length;
    sdk.streamDelete(ROOM, [HOST], 2);
    expect(engine.log().slice(calls)).toEqual([`stop ${HOST} @${T3 + HEARTBEAT_TIMEOUT}`]);
    expect(player().replay).toBeNull();
    expect(media.at(-1)).toEqual([HOST, null]);
    expect(clock.pending()).toBe(0);

    // Nothing more while the host is away, however long.
    clock.advance(10 * 60 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(engine.calls.length).toBe(calls + 1);

    // The host's network recovers and the SDK republishes: "new stream added".
    sdk.streamAdd(ROOM, HOST);
    expect(engine.calls.length).toBe(calls + 2);
    expect(engine.log().at(-1)).toBe(`start ${HOST} @${clock.now()}`);
    expect(player()).toMatchObject({ replay: null, attempts: 0, gaveUp: false });
    const second = engine.resolvePlay(HOST, 'newest');
    await flush();
    expect(media.at(-1)).toEqual([HOST, second]);
  });

  it('PLAYING ends the outage: the attempt count and the backoff start over', () => {
    const { clock, engine, sdk, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    clock.advance(3 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 2, dueAt: 9 * SECOND });
    clock.advance(6 * SECOND);
    sdk.player(HOST, 'PLAYING');
    expect(player()).toMatchObject({ attempts: 0, gaveUp: false });
    // A later, separate outage gets its own replays, from 3 s again.
    clock.advance(60 * SECOND);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 1, dueAt: 72 * SECOND });
    clock.advance(3 * SECOND);
    expect(engine.starts(HOST)).toBe(4);
  });

  it('the SDK recovering by itself (PLAYING) cancels a pending replay', () => {
    const { clock, engine, sdk, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    sdk.player(HOST, 'PLAYING');
    expect(player().replay).toBeNull();
    expect(clock.pending()).toBe(0);
    clock.advance(10 * SECOND);
    expect(engine.starts(HOST)).toBe(1);
  });

  it('a replay falling due while the room is RECONNECTING is made at RECONNECTED', () => {
    const { clock, engine, sdk } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    sdk.room(ROOM, 'RECONNECTING', 1002051);
    clock.advance(3 * SECOND);
    expect(engine.starts(HOST)).toBe(1);
    clock.advance(5 * SECOND);
    sdk.room(ROOM, 'RECONNECTED');
    expect(engine.log()).toEqual([`start ${HOST} @0`, `start ${HOST} @8000`]);
  });
});

describe('attachAudiencePolicy: host crash (seed 003)', () => {
  it('restart within 90 s: DELETE then ADD → stop then start, in that order, once each', async () => {
    const { clock, engine, sdk, media } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    const before = engine.resolvePlay(HOST);
    await flush();
    sdk.player(HOST, 'PLAYING');
    // The host app crashes and restarts its stream 40 s later.
    clock.advance(40 * SECOND);
    sdk.streamDelete(ROOM, [HOST], 1);
    clock.advance(100);
    sdk.streamAdd(ROOM, HOST);
    clock.advance(HEARTBEAT_TIMEOUT);
    expect(engine.log()).toEqual([`start ${HOST} @0`, `stop ${HOST} @40000`, `start ${HOST} @40100`]);
    const after = engine.resolvePlay(HOST);
    await flush();
    expect(media).toEqual([
      [HOST, before],
      [HOST, null],
      [HOST, after],
    ]);
  });

  it('no restart within 90 s: DELETE → stop only, and nothing until a later ADD', () => {
    const { clock, engine, sdk } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    clock.advance(HEARTBEAT_TIMEOUT);
    sdk.streamDelete(ROOM, [HOST], 2);
    clock.advance(20 * 60 * SECOND);
    expect(engine.log()).toEqual([`start ${HOST} @0`, `stop ${HOST} @90000`]);
    sdk.streamAdd(ROOM, HOST);
    expect(engine.starts(HOST)).toBe(2);
  });

  it('a start that resolves after its DELETE is not handed out, and is stopped', async () => {
    const { engine, sdk, media } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.streamDelete(ROOM, [HOST]);
    engine.resolvePlay(HOST);
    await flush();
    expect(media).toEqual([]);
    expect(engine.log()).toEqual([`start ${HOST} @0`, `stop ${HOST} @0`, `stop ${HOST} @0`]);
  });

  it('a stale start resolving after the stream was re-added does not stop the new play', async () => {
    const { engine, sdk, media } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.streamDelete(ROOM, [HOST]);
    sdk.streamAdd(ROOM, HOST);
    engine.resolvePlay(HOST); // the first, stale start
    await flush();
    expect(media).toEqual([]);
    const fresh = engine.resolvePlay(HOST);
    await flush();
    expect(media).toEqual([[HOST, fresh]]);
    expect(engine.log()).toEqual([`start ${HOST} @0`, `stop ${HOST} @0`, `start ${HOST} @0`]);
  });
});

describe('attachAudiencePolicy: bounded replays', () => {
  it('after maxReplayAttempts the policy gives up: no further calls; retry(streamID) starts again', () => {
    const { clock, engine, sdk, policy, player } = setup({ maxReplayAttempts: 3 });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    // 3 s, then twice as long; the last allowed replay waits for the end of
    // the 90 s heartbeat window after the first failure (seed 003).
    const dueAt = [3 * SECOND, 9 * SECOND, HEARTBEAT_TIMEOUT];
    for (let attempt = 1; attempt <= 3; attempt++) {
      sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
      expect(player().replay).toEqual({ attempt, dueAt: dueAt[attempt - 1] });
      clock.advance(dueAt[attempt - 1]! - clock.now());
    }
    expect(engine.log()).toEqual([`start ${HOST} @0`, `start ${HOST} @3000`, `start ${HOST} @9000`, `start ${HOST} @90000`]);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player()).toMatchObject({ gaveUp: true, replay: null, attempts: 3 });
    // "do not continuously retry": nothing more, whatever the SDK says.
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    clock.advance(10 * 60 * SECOND);
    expect(engine.starts(HOST)).toBe(4);
    expect(clock.pending()).toBe(0);

    policy.retry(HOST);
    expect(engine.starts(HOST)).toBe(5);
    expect(player()).toMatchObject({ gaveUp: false, attempts: 0, replay: null });
    // And the new outage has its own attempts.
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay?.attempt).toBe(1);
  });

  it('a new ADD after giving up starts again', () => {
    const { engine, sdk, player } = setup({ maxReplayAttempts: 0 });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().gaveUp).toBe(true);
    sdk.streamAdd(ROOM, HOST);
    expect(engine.starts(HOST)).toBe(2);
    expect(player().gaveUp).toBe(false);
  });

  it('retry(streamID) makes a pending replay now; does nothing for a playing or unknown stream', () => {
    const { clock, engine, sdk, policy, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    policy.retry(HOST); // starting: nothing to retry
    policy.retry('nobody');
    expect(engine.starts()).toBe(1);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    policy.retry(HOST);
    expect(engine.starts(HOST)).toBe(2);
    expect(player().replay).toBeNull();
    clock.advance(10 * SECOND);
    expect(engine.starts(HOST)).toBe(2);
  });

  it('a NO_PLAY and a rejected start for the same failure schedule one replay, not two', async () => {
    const { clock, engine, sdk, player, policyEvents } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    engine.rejectPlay(HOST, PLAY_FAILED);
    await flush();
    expect(policyEvents().filter((e) => e.type === 'replayScheduled')).toHaveLength(1);
    expect(clock.pending()).toBe(1);
    expect(player().lastError).toMatchObject({ call: 'startPlayingStream', errorCode: PLAY_FAILED, message: 'play failed' });
  });

  it('a NO_PLAY with errorCode 0 (stopped) or for a stream it does not play schedules nothing', () => {
    const { clock, sdk } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', 0);
    sdk.player('someone-else', 'NO_PLAY', PLAY_FAILED);
    expect(clock.pending()).toBe(0);
  });
});

describe('attachAudiencePolicy: leaving the room', () => {
  it.each(['KICKOUT', 'LOGOUT', 'LOGIN_FAILED', 'RECONNECT_FAILED'])(
    '%s during a pending replay → the replay is cancelled and no engine call follows',
    async (reason) => {
      const { clock, engine, sdk, media, player } = setup();
      sdk.login(ROOM);
      sdk.streamAdd(ROOM, HOST);
      engine.resolvePlay(HOST);
      await flush();
      sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
      clock.advance(1 * SECOND);
      const calls = engine.calls.length;
      sdk.room(ROOM, reason, reason === 'KICKOUT' ? 1002050 : reason === 'LOGOUT' ? 0 : 1002053);
      expect(player().replay).toBeNull();
      expect(clock.pending()).toBe(0);
      expect(media.at(-1)).toEqual([HOST, null]);
      clock.advance(10 * 60 * SECOND);
      sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
      expect(engine.calls.length).toBe(calls);
    },
  );

  it('after a kick-out and a new login, the re-listed stream is played afresh', () => {
    const { clock, engine, sdk } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.room(ROOM, 'KICKOUT', 1002050);
    clock.advance(5 * SECOND);
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    expect(engine.log()).toEqual([`start ${HOST} @0`, `start ${HOST} @5000`]);
  });
});

describe('attachAudiencePolicy: failures never escape', () => {
  it('a throwing startPlayingStream is recorded and replayed once after the delay', () => {
    const { clock, engine, sdk, player } = setup();
    sdk.login(ROOM);
    engine.throwOnNextStart = { code: 1104001, msg: 'boom' };
    expect(() => sdk.streamAdd(ROOM, HOST)).not.toThrow();
    expect(player().lastError).toMatchObject({ call: 'startPlayingStream', errorCode: 1104001, message: 'boom' });
    expect(player().replay?.attempt).toBe(1);
    clock.advance(3 * SECOND);
    expect(engine.starts(HOST)).toBe(2);
  });

  it('a throwing stopPlayingStream and a throwing onMediaStream are recorded, not thrown', async () => {
    const { engine, sdk, player } = setup({
      onMediaStream: () => {
        throw new Error('app bug');
      },
    });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    engine.resolvePlay(HOST);
    await flush();
    expect(player().lastError).toMatchObject({ call: 'onMediaStream', errorCode: -1, message: 'app bug' });
    engine.throwOnNextStop = new Error('stop failed');
    expect(() => sdk.streamDelete(ROOM, [HOST])).not.toThrow();
    expect(player().lastError?.call).toBe('onMediaStream'); // the null hand-out threw last
    expect(engine.stops(HOST)).toBe(1);
  });

  it('an engine that is not an object: attaching throws nothing; each failed start is recorded, bounded, no timer left', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const sdk = sdkEvents(store, clock);
    const policy = attachAudiencePolicy({ engine: null as unknown as AudienceEngine, store });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    expect(selectPlayer(store.getState(), HOST).lastError?.call).toBe('startPlayingStream');
    clock.advance(20 * 60 * SECOND);
    expect(selectPlayer(store.getState(), HOST).gaveUp).toBe(true);
    policy.detach();
    expect(clock.pending()).toBe(0);
  });

  it('an engine that emits NO_PLAY synchronously inside startPlayingStream gets one replay', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const sdk = sdkEvents(store, clock);
    const starts: number[] = [];
    const engine: AudienceEngine = {
      startPlayingStream(streamID) {
        starts.push(clock.now());
        sdk.player(streamID, 'NO_PLAY', PLAY_FAILED);
        return Promise.reject(new Error('no node'));
      },
      stopPlayingStream() {},
    };
    attachAudiencePolicy({ engine, store, maxReplayAttempts: 2 });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    expect(clock.pending()).toBe(1);
    clock.advance(120 * SECOND);
    // The second and last replay waits for the end of the 90 s heartbeat window.
    expect(starts).toEqual([0, 3000, HEARTBEAT_TIMEOUT]);
    expect(selectPlayer(store.getState(), HOST).gaveUp).toBe(true);
  });
});

describe('attachAudiencePolicy: detach', () => {
  it('cancels pending replays, stops what it plays, and handles nothing after', async () => {
    const { clock, engine, sdk, media, policy, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST, 'guest');
    engine.resolvePlay(HOST);
    await flush();
    sdk.player('guest', 'NO_PLAY', PLAY_FAILED);
    expect(clock.pending()).toBe(1);
    policy.detach();
    policy.detach();
    expect(clock.pending()).toBe(0);
    expect(player('guest').replay).toBeNull();
    expect(engine.log().slice(2).sort()).toEqual(['stop guest @0', `stop ${HOST} @0`]);
    expect(media.at(-1)).toEqual([HOST, null]);
    const calls = engine.calls.length;
    engine.resolvePlay('guest'); // resolves after detach: dropped
    await flush();
    sdk.streamAdd(ROOM, 'late');
    sdk.streamDelete(ROOM, [HOST]);
    policy.retry('guest');
    clock.advance(60 * SECOND);
    expect(engine.calls.length).toBe(calls);
    expect(media.filter(([, m]) => m !== null)).toHaveLength(1);
  });

  it('an onMediaStream that detaches while the media is handed out leaves nothing behind', async () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    const engine = createFakeEngine(clock);
    const sdk = sdkEvents(store, clock);
    const policy = attachAudiencePolicy({ engine, store, onMediaStream: (_, m) => m && policy.detach() });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST, 'guest');
    sdk.player('guest', 'NO_PLAY', PLAY_FAILED);
    engine.resolvePlay(HOST);
    await flush();
    expect(clock.pending()).toBe(0);
    expect(engine.stops()).toBe(2);
  });
});

describe('attachAudiencePolicy: a live stream is not given up inside the 90 s heartbeat window (seed 003)', () => {
  it('default policy, plays failing at once: replays at 3, 9, 21, 45 and 90 s after the first failure, then gave up', () => {
    const { clock, engine, sdk, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    const due = [3, 9, 21, 45, 90].map((s) => s * SECOND);
    for (const [i, dueAt] of due.entries()) {
      sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
      // The store shows when the replay really comes: the overlay counts down to it.
      expect(player()).toMatchObject({ replay: { attempt: i + 1, dueAt }, gaveUp: false });
      clock.advance(dueAt - clock.now() - 1);
      expect(engine.starts(HOST)).toBe(i + 1);
      clock.advance(1);
      expect(engine.starts(HOST)).toBe(i + 2);
    }
    // The window after the first failure has passed and the stream is still listed, still failing.
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player()).toMatchObject({ replay: null, gaveUp: true, attempts: 5 });
    clock.advance(20 * 60 * SECOND);
    expect(engine.starts(HOST)).toBe(6);
  });

  it('plays failing at 1, 16, 29 and 42 s while the host is away 60 s: replays go on, the host is back, PLAYING', () => {
    const { clock, engine, sdk, player } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'PLAYING');
    // T3 = 0: the host drops. The SDK retries each play for a while, then NO_PLAY.
    const failures = [1, 16, 29, 42].map((s) => s * SECOND);
    for (const at of failures) {
      clock.advance(at - clock.now());
      sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
      expect(player().gaveUp).toBe(false);
      const { dueAt } = player().replay!;
      clock.advance(dueAt - clock.now());
      sdk.player(HOST, 'PLAY_REQUESTING');
    }
    expect(engine.log().map((line) => line.split('@')[1])).toEqual(['0', '4000', '22000', '41000', '66000']);
    // T3 + 60 s: the host is back; the replay under way (due at 66 s) plays.
    sdk.player(HOST, 'PLAYING');
    expect(player()).toMatchObject({ state: 'PLAYING', replay: null, attempts: 0, gaveUp: false });
    expect(engine.starts(HOST)).toBeLessThanOrEqual(6);
  });

  it('a RECONNECTED of the viewer’s own room re-arms a stream the policy gave up on', () => {
    const { clock, engine, sdk, player } = setup({ maxReplayAttempts: 1 });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    clock.advance(HEARTBEAT_TIMEOUT);
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().gaveUp).toBe(true);
    expect(engine.starts(HOST)).toBe(2);
    sdk.room(ROOM, 'RECONNECTING', 1000017);
    clock.advance(10 * SECOND);
    expect(engine.starts(HOST)).toBe(2);
    sdk.room(ROOM, 'RECONNECTED');
    expect(engine.log().at(-1)).toBe(`start ${HOST} @${clock.now()}`);
    expect(player()).toMatchObject({ gaveUp: false, attempts: 0 });
  });

  it('a rejoin (roomUserUpdate ADD) of the stream’s user re-arms it; another user’s does not', () => {
    const { clock, engine, sdk, store, player } = setup({ maxReplayAttempts: 0 });
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST); // published by `host-of-${HOST}`
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(player().gaveUp).toBe(true);
    const userUpdate = (userID: string) =>
      store.dispatch({ type: 'roomUserUpdate', roomID: ROOM, updateType: 'ADD', userList: [{ userID }], at: clock.now() });
    userUpdate('someone-else');
    expect(engine.starts(HOST)).toBe(1);
    userUpdate(`host-of-${HOST}`);
    expect(engine.starts(HOST)).toBe(2);
  });
});

describe('attachAudiencePolicy: every end of a playback is reported as null', () => {
  it('a failed play (NO_PLAY with an errorCode) withdraws its media; the replay hands the new one', async () => {
    const { clock, engine, sdk, media } = setup();
    sdk.login(ROOM);
    sdk.streamAdd(ROOM, HOST);
    const first = engine.resolvePlay(HOST);
    await flush();
    sdk.player(HOST, 'PLAYING');
    sdk.player(HOST, 'NO_PLAY', PLAY_FAILED);
    expect(media).toEqual([
      [HOST, first],
      [HOST, null],
    ]);
    clock.advance(3 * SECOND);
    const second = engine.resolvePlay(HOST, 'newest');
    await flush();
    expect(media.at(-1)).toEqual([HOST, second]);
  });

  it('deleted, left and detached: one null each, in that order', async () => {
    const { engine, sdk, media, policy } = setup();
    sdk.login(ROOM);
    sdk.login('other');
    sdk.streamAdd(ROOM, HOST, 'guest');
    sdk.streamAdd('other', 'lobby');
    for (const streamID of [HOST, 'guest', 'lobby']) engine.resolvePlay(streamID);
    await flush();
    expect(media.map(([id, m]) => [id, m === null])).toEqual([
      [HOST, false],
      ['guest', false],
      ['lobby', false],
    ]);
    sdk.streamDelete(ROOM, ['guest']);
    sdk.room('other', 'LOGOUT');
    policy.detach();
    expect(media.slice(3)).toEqual([
      ['guest', null],
      ['lobby', null],
      [HOST, null],
    ]);
  });
});
