/**
 * One engine, many rooms, one or several audience policies: a stream is
 * played at most once per engine, stopped only when it is live in no
 * connected room a policy serves, and `retry()` reaches it from any policy
 * on the engine (DESIGN §10). The viewer is logged in to rooms A and B (web
 * SDK multi-room); SDK callbacks are dispatched as an adapter would.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectPlayer } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudiencePolicyOptions } from '../../src/policy/index.js';
import { createFakeEngine, flush, sdkEvents, type FakeEngine } from './policy-fake-engine.js';

const A = 'room-a';
const B = 'room-b';
const S = 'host-main';
const PLAY_FAILED = 1104001;

function setup() {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const engine = createFakeEngine(clock);
  const sdk = sdkEvents(store, clock);
  /** onMediaStream calls per policy name: [streamID, media]. */
  const media: Record<string, [string, unknown][]> = {};
  const attach = (name: string, options: Partial<AudiencePolicyOptions<FakeEngine>> = {}) => {
    const got: [string, unknown][] = (media[name] = []);
    return attachAudiencePolicy({ engine, store, onMediaStream: (streamID, m) => got.push([streamID, m]), ...options });
  };
  sdk.login(A);
  sdk.login(B);
  return { clock, store, engine, sdk, media, attach, player: () => selectPlayer(store.getState(), S) };
}

describe('one policy, a viewer in rooms A and B', () => {
  it('a stream that moves (ADD in B before DELETE in A) keeps playing: one start, no stop, no null', async () => {
    const { engine, sdk, media, attach } = setup();
    attach('one');
    sdk.streamAdd(A, S);
    const played = engine.resolvePlay(S);
    await flush();
    sdk.player(S, 'PLAYING');

    sdk.streamAdd(B, S); // the host republished in B; room A hears of its old session only later
    sdk.streamDelete(A, [S], 2); // T3 + 90 s in room A
    expect(engine.log()).toEqual([`start ${S} @0`]);
    expect(media['one']).toEqual([[S, played]]);

    // Deleted from B too: live in no room now, so stopped at once, media withdrawn.
    sdk.streamDelete(B, [S], 1);
    expect(engine.log()).toEqual([`start ${S} @0`, `stop ${S} @0`]);
    expect(media['one']!.at(-1)).toEqual([S, null]);
  });

  it('leaving room A keeps a stream that B still lists; leaving B too ends it without an engine call', async () => {
    const { engine, sdk, media, attach } = setup();
    attach('one');
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    const played = engine.resolvePlay(S);
    await flush();
    sdk.room(A, 'LOGOUT');
    expect(engine.log()).toEqual([`start ${S} @0`]);
    expect(media['one']).toEqual([[S, played]]);
    sdk.room(B, 'KICKOUT', 1002050);
    expect(engine.log()).toEqual([`start ${S} @0`]);
    expect(media['one']!.at(-1)).toEqual([S, null]);
  });
});

describe('one policy per room on one engine', () => {
  it("policy B plays s; policy A's DELETE does not stop it nor hand null to the app", async () => {
    const { engine, sdk, media, attach } = setup();
    attach('a', { roomID: A });
    attach('b', { roomID: B });
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    expect(engine.starts(S)).toBe(1); // one play per engine, whichever policy asked first
    const played = engine.resolvePlay(S);
    await flush();
    expect(media['a']).toEqual([[S, played]]);
    expect(media['b']).toEqual([[S, played]]);

    sdk.streamDelete(A, [S], 2);
    expect(engine.stops(S)).toBe(0);
    expect(media['a']).toEqual([[S, played]]);
    expect(media['b']).toEqual([[S, played]]);

    // The last room listing it deletes it: stopped once, and every policy handed the media gets null.
    sdk.streamDelete(B, [S], 1);
    expect(engine.log()).toEqual([`start ${S} @0`, `stop ${S} @0`]);
    expect(media['a']!.at(-1)).toEqual([S, null]);
    expect(media['b']!.at(-1)).toEqual([S, null]);
  });

  it('a policy attached late to a stream the engine already plays gets its media, and starts nothing', async () => {
    const { engine, sdk, media, attach } = setup();
    attach('a', { roomID: A });
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    const played = engine.resolvePlay(S);
    await flush();
    attach('b', { roomID: B });
    expect(engine.starts(S)).toBe(1);
    expect(media['b']).toEqual([[S, played]]);
  });

  it('retry() on either reaches the play, even from the policy whose room no longer lists it', async () => {
    const { clock, engine, sdk, attach, player } = setup();
    const policyA = attach('a', { roomID: A, maxReplayAttempts: 0 });
    const policyB = attach('b', { roomID: B, maxReplayAttempts: 0 });
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    sdk.streamDelete(A, [S], 2);
    sdk.player(S, 'NO_PLAY', PLAY_FAILED);
    expect(player().gaveUp).toBe(true);
    clock.advance(5000);
    policyA.retry(S);
    expect(engine.log()).toEqual([`start ${S} @0`, `start ${S} @5000`]);
    expect(player()).toMatchObject({ gaveUp: false, attempts: 0 });
    sdk.player(S, 'NO_PLAY', PLAY_FAILED);
    policyB.retry(S);
    expect(engine.starts(S)).toBe(3);
    policyB.retry(S); // starting: nothing to retry
    expect(engine.starts(S)).toBe(3);
  });

  it("retry() of a stream no play holds asks the engine's other policies: B claims what it now accepts", () => {
    const { engine, sdk, attach } = setup();
    let acceptInB = false;
    const policyA = attach('a', { roomID: A });
    attach('b', { roomID: B, shouldPlay: () => acceptInB });
    sdk.streamAdd(B, S);
    expect(engine.starts()).toBe(0);
    acceptInB = true;
    policyA.retry(S);
    expect(engine.log()).toEqual([`start ${S} @0`]);
  });

  it('detaching one policy leaves the play to the other; detaching the last stops it', async () => {
    const { engine, sdk, media, attach } = setup();
    const policyA = attach('a', { roomID: A });
    const policyB = attach('b', { roomID: B });
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    const played = engine.resolvePlay(S);
    await flush();
    policyA.detach();
    expect(engine.stops(S)).toBe(0);
    expect(media['a']).toEqual([[S, played]]); // a detached policy hears nothing more
    expect(media['b']).toEqual([[S, played]]);
    sdk.streamDelete(A, [S]);
    sdk.streamAdd(A, 'other');
    expect(engine.log()).toEqual([`start ${S} @0`]);
    policyB.detach();
    expect(engine.log()).toEqual([`start ${S} @0`, `stop ${S} @0`]);
    expect(media['b']!.at(-1)).toEqual([S, null]);
    expect(media['a']).toHaveLength(1);
  });

  it('a policy for every room and one for room B on one engine: still one play', () => {
    const { engine, sdk, attach } = setup();
    attach('all');
    attach('b', { roomID: B });
    sdk.streamAdd(B, S);
    sdk.room(B, 'RECONNECTING', 1002051);
    sdk.room(B, 'RECONNECTED');
    expect(engine.starts(S)).toBe(1);
  });

  it('a replay is shown once in the shared store and cancelled when the last room deletes the stream', () => {
    const { clock, engine, sdk, attach, player } = setup();
    attach('a', { roomID: A });
    attach('b', { roomID: B });
    sdk.streamAdd(A, S);
    sdk.streamAdd(B, S);
    sdk.player(S, 'NO_PLAY', PLAY_FAILED);
    expect(player().replay).toEqual({ attempt: 1, dueAt: 3000 });
    expect(clock.pending()).toBe(1);
    sdk.streamDelete(A, [S]);
    expect(player().replay).toEqual({ attempt: 1, dueAt: 3000 });
    sdk.streamDelete(B, [S]);
    expect(player().replay).toBeNull();
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    expect(engine.log()).toEqual([`start ${S} @0`, `stop ${S} @0`]);
  });
});
