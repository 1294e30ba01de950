/**
 * The seed 003 host timelines end to end: simulated room server and engines
 * (src/simulator), the web adapter (connectZegoWeb) feeding the viewer's
 * store, and the audience policy driving the viewer's engine. Only the
 * viewer's startPlayingStream / stopPlayingStream calls are counted.
 */
import { describe, expect, it } from 'vitest';
import { connectZegoWeb } from '../../src/adapters/index.js';
import { createManualClock } from '../../src/core/clock.js';
import { selectPlayer } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudienceEngine } from '../../src/policy/index.js';
import { createSimulatedRoom, PLAYER_RETRY_TIMEOUT_MS, type SimulatedEngine } from '../../src/simulator/index.js';

const SECOND = 1000;
const ROOM = 'room-1';
const HOST_STREAM = 'host-main';

/** The viewer's engine as the policy sees it, with every call written down. */
function recording(engine: AudienceEngine, now: () => number) {
  const calls: string[] = [];
  const spy: AudienceEngine = {
    startPlayingStream(streamID, options) {
      calls.push(`start ${streamID} @${now()}`);
      return engine.startPlayingStream(streamID, options);
    },
    stopPlayingStream(streamID) {
      calls.push(`stop ${streamID} @${now()}`);
      engine.stopPlayingStream(streamID);
    },
  };
  return { spy, calls };
}

function setup(maxReplayAttempts?: number) {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock });
  const viewer = room.createEngine({ userID: 'viewer' });
  const store = createStatusStore({ clock });
  const disconnect = connectZegoWeb(viewer, store);
  const fits: AudienceEngine = viewer; // the simulator's engine is an AudienceEngine as it is
  const { spy, calls } = recording(fits, clock.now);
  const media: [string, unknown][] = [];
  const policy = attachAudiencePolicy({
    engine: spy,
    store,
    ...(maxReplayAttempts !== undefined && { maxReplayAttempts }),
    onMediaStream: (id, m) => media.push([id, m]),
  });
  const login = (engine: SimulatedEngine) => void engine.loginRoom(ROOM, 'token', engine.user, { userUpdate: true }).catch(() => undefined);
  const player = () => selectPlayer(store.getState(), HOST_STREAM);
  const tick = async (ms: number) => {
    // Engine promises settle in microtasks between clock steps.
    for (let left = ms; left > 0; left -= Math.min(left, 100)) {
      clock.advance(Math.min(left, 100));
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
  };
  /** The viewer logs in, the host 1 s later (T0) and publishes; the viewer plays it. */
  const hostOnAir = async (): Promise<SimulatedEngine> => {
    const host = room.createEngine({ userID: 'host' });
    login(viewer);
    await tick(1 * SECOND);
    login(host); // T0
    await tick(500);
    host.startPublishingStream(HOST_STREAM);
    await tick(2 * SECOND);
    return host;
  };
  return { clock, room, viewer, store, calls, media, policy, login, player, tick, disconnect, hostOnAir };
}

describe('audience policy on the simulator (seed 003)', () => {
  it('host network loss: NO_PLAY → one start 3 s later; T3 + 90 s DELETE → stop, nothing after; host back → ADD → one start', async () => {
    const { clock, room, calls, media, player, tick, policy, disconnect, hostOnAir } = setup(10);
    const host = await hostOnAir();
    expect(calls).toHaveLength(1);
    expect(player().state).toBe('PLAYING');
    expect(media.at(-1)?.[1]).not.toBeNull();

    // T3: the host loses its network; the viewer's SDK retries, then NO_PLAY.
    host.dropNetwork();
    const T3 = clock.now();
    await tick(PLAYER_RETRY_TIMEOUT_MS);
    expect(player().state).toBe('NO_PLAY');
    expect(player().errorCode).not.toBe(0);
    const noPlayAt = player().since;
    expect(player().replay).toEqual({ attempt: 1, dueAt: noPlayAt + 3 * SECOND });
    await tick(3 * SECOND);
    expect(calls.slice(1)).toEqual([`start ${HOST_STREAM} @${noPlayAt + 3 * SECOND}`]);

    // T3 + 90 s: heartbeat timeout, the stream DELETE; stop at once.
    await tick(T3 + 90 * SECOND - 1 - clock.now());
    expect(player().gaveUp).toBe(false); // still trying inside the 90 s heartbeat window
    const beforeDelete = calls.length;
    await tick(1 * SECOND);
    expect(calls.slice(beforeDelete)).toEqual([`stop ${HOST_STREAM} @${T3 + 90 * SECOND}`]);
    expect(player().replay).toBeNull();
    expect(media.at(-1)).toEqual([HOST_STREAM, null]);
    // Between the NO_PLAY and the DELETE, replays backed off (3, 6, 12, 24 s after each
    // failure, the SDK's 10 s retry in between): no loop, fewer than the default 5.
    const starts = calls.slice(1, beforeDelete).map((c) => Number(c.split('@')[1]));
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(gaps).toEqual([6, 12, 24].map((delay) => PLAYER_RETRY_TIMEOUT_MS + 100 + delay * SECOND));
    expect(starts).toHaveLength(4);

    // Nothing while the host is away.
    await tick(20 * SECOND);
    expect(calls).toHaveLength(beforeDelete + 1);

    // T5: the host's network is back; publishing resumes; the viewer gets the ADD.
    host.restoreNetwork();
    await tick(2 * SECOND);
    expect(calls.slice(beforeDelete + 1)).toHaveLength(1);
    expect(calls.at(-1)).toMatch(/^start host-main @/);
    expect(player().state).toBe('PLAYING');
    expect(media.at(-1)?.[1]).not.toBeNull();

    policy.detach();
    disconnect();
    room.dispose();
  });

  it('host crash, restart within 90 s: DELETE then ADD → stop then start, in that order, once each', async () => {
    const { clock, room, calls, login, player, tick, policy, disconnect, hostOnAir } = setup();
    const host = await hostOnAir();
    expect(player().state).toBe('PLAYING');
    const first = calls.length;

    // T3: the host app dies; 30 s later it restarts, logs in again and republishes.
    host.crash();
    await tick(30 * SECOND);
    const restarted = room.createEngine({ userID: 'host' });
    login(restarted);
    await tick(500);
    restarted.startPublishingStream(HOST_STREAM);
    await tick(120 * SECOND);

    const after = calls.slice(first).map((c) => c.split(' @')[0]);
    const deleted = after.indexOf(`stop ${HOST_STREAM}`);
    // Before the DELETE the viewer saw NO_PLAY and replayed, bounded (seed 003: replay after ≈3 s).
    expect(after.slice(0, deleted).every((c) => c === `start ${HOST_STREAM}`)).toBe(true);
    expect(deleted).toBeLessThanOrEqual(3);
    // From the DELETE on: stop, then start on the ADD, once each.
    expect(after.slice(deleted)).toEqual([`stop ${HOST_STREAM}`, `start ${HOST_STREAM}`]);
    expect(player()).toMatchObject({ state: 'PLAYING', replay: null, attempts: 0, gaveUp: false });

    policy.detach();
    disconnect();
    room.dispose();
  });

  it('the host is away 60 s (< 90 s: no DELETE, no ADD): the default policy keeps replaying, and ends PLAYING', async () => {
    const { clock, room, calls, media, player, tick, policy, disconnect, hostOnAir } = setup();
    const host = await hostOnAir();
    expect(player().state).toBe('PLAYING');
    const played = media.at(-1)?.[1];

    // T3: the host drops. The viewer's SDK retries 10 s, then NO_PLAY: the dead media is withdrawn.
    host.dropNetwork();
    const T3 = clock.now();
    await tick(PLAYER_RETRY_TIMEOUT_MS + 100);
    expect(player()).toMatchObject({ state: 'NO_PLAY', gaveUp: false });
    expect(media.at(-1)).toEqual([HOST_STREAM, null]);
    expect(played).not.toBeNull();

    // T3 + 60 s: the host is back (Case 1: the others hear nothing of it).
    await tick(T3 + 60 * SECOND - clock.now());
    expect(player().gaveUp).toBe(false);
    host.restoreNetwork();
    await tick(30 * SECOND);
    expect(player()).toMatchObject({ state: 'PLAYING', replay: null, attempts: 0, gaveUp: false });
    expect(media.at(-1)?.[1]).not.toBeNull();
    // Bounded: the first start, then replays backing off from 3 s (fewer than the default 5).
    expect(calls.filter((c) => c.startsWith('start'))).toHaveLength(4);
    expect(calls.some((c) => c.startsWith('stop'))).toBe(false);

    policy.detach();
    disconnect();
    room.dispose();
  });
});
