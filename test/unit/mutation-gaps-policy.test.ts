/**
 * Issue 17, what Stryker left alive in the audience policy (src/policy/audience.ts,
 * src/policy/engine-plays.ts): backoff and its bounds, plays shared by rooms and
 * policies, re-arms. Each test names the mutations it catches; docs/mutation.md
 * lists the survivors left and why.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectPlayer } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachAudiencePolicy, type AudiencePolicyOptions } from '../../src/policy/index.js';
import { replayDelayFor, replaysForWindow } from '../../src/policy/engine-plays.js';
import { createFakeEngine, sdkEvents, type FakeEngine } from './policy-fake-engine.js';

const SECOND = 1000;
const WINDOW = 90 * SECOND; // seed 003: the heartbeat timeout
const PLAY_FAILED = 1104001;
const A = 'room-a';
const B = 'room-b';
const S = 'host-main';

function setup() {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const engine = createFakeEngine(clock);
  const sdk = sdkEvents(store, clock);
  const attach = (options: Partial<AudiencePolicyOptions<FakeEngine>> = {}) => attachAudiencePolicy({ engine, store, ...options });
  const player = (streamID = S) => selectPlayer(store.getState(), streamID);
  return { clock, store, engine, sdk, attach, player };
}

/** One policy that never replays (maxReplayAttempts 0), in `roomID` (after logging in to `rooms`), that gave up on S's first failure. */
function givenUp(roomID = A, rooms: readonly string[] = [A]) {
  const t = setup();
  const policy = t.attach({ maxReplayAttempts: 0 });
  for (const room of rooms) t.sdk.login(room);
  t.sdk.streamAdd(roomID, S);
  t.sdk.player(S, 'NO_PLAY', PLAY_FAILED);
  expect(t.player().gaveUp).toBe(true);
  return { ...t, policy };
}

describe('backoff: replayDelayFor and replaysForWindow', () => {
  it('inside the window the delay doubles but never passes its end; the last allowed replay waits for the end', () => {
    // Mutation caught: `doubled > untilEnd` → false (the fourth replay 24 s after a failure at 80 s, past 90 s).
    expect(replayDelayFor(4, 80 * SECOND, WINDOW, 3 * SECOND, 5)).toBe(10 * SECOND);
    expect(replayDelayFor(2, 10 * SECOND, WINDOW, 3 * SECOND, 5)).toBe(6 * SECOND);
    expect(replayDelayFor(2, 10 * SECOND, WINDOW, 3 * SECOND, 2)).toBe(80 * SECOND);
  });

  it('after the window (more replays than the default), the delay goes on doubling: no replay every 3 s', () => {
    // Mutations caught: `untilEnd > 0` → true and → `>= 0` (once the window is over, every replay
    // came after the base 3 s: a tight loop against a host that is gone).
    expect(replayDelayFor(6, 100 * SECOND, WINDOW, 3 * SECOND, 8)).toBe(96 * SECOND);
    expect(replayDelayFor(6, WINDOW, WINDOW, 3 * SECOND, 8)).toBe(96 * SECOND);
  });

  it('the replays that span the window: 5 for 3 s and 90 s; 5 for 50 s; exactly spanning needs no extra one; at most 30', () => {
    // Mutations caught: `2 ** replays - 1` → `+ 1` (3 + 6 + 12 + 24 = 45 s < 50 s needs a fifth),
    // `< windowMs` → `<=` (3 + … + 48 = 93 s spans 93 s), `replays < 30` → `<= 30` / true.
    expect(replaysForWindow(3 * SECOND, WINDOW)).toBe(5);
    expect(replaysForWindow(3 * SECOND, 50 * SECOND)).toBe(5);
    expect(replaysForWindow(3 * SECOND, 93 * SECOND)).toBe(5);
    expect(replaysForWindow(1, Number.MAX_SAFE_INTEGER)).toBe(30);
  });

  it('replayDelayMs 0: one replay by default, at the window\'s end, not 30 back to back', () => {
    // Mutations caught: `!(baseMs > 0)` → false, `baseMs > 0` → true / `>= 0` (0 × anything never spans the window).
    expect(replaysForWindow(0, WINDOW)).toBe(1);
    const t = setup();
    t.attach({ replayDelayMs: 0 });
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    t.sdk.player(S, 'NO_PLAY', PLAY_FAILED);
    t.clock.advance(SECOND);
    expect(t.engine.starts(S)).toBe(1); // the one replay waits for the window's end
    t.clock.advance(WINDOW);
    expect(t.engine.starts(S)).toBe(2);
    t.sdk.player(S, 'NO_PLAY', PLAY_FAILED);
    expect(t.player()).toMatchObject({ gaveUp: true, attempts: 1 });
  });
});

describe('which player states count as a failure', () => {
  it('PLAY_REQUESTING with an error code (the SDK still retrying) and a NO_PLAY whose code is not a number schedule nothing', () => {
    // Mutations caught: `state === 'NO_PLAY'` → true, `&&` → `||`, `typeof errorCode === 'number'` → true.
    const t = setup();
    t.attach();
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    t.sdk.player(S, 'PLAY_REQUESTING', PLAY_FAILED);
    t.store.dispatch({ type: 'playerStateUpdate', streamID: S, state: 'NO_PLAY', errorCode: '1104001' as never, at: t.clock.now() });
    expect(t.player().replay).toBeNull();
    t.clock.advance(WINDOW);
    expect(t.engine.starts(S)).toBe(1);
  });
});

describe('re-arms', () => {
  it('a rejoin of the host while its stream plays starts nothing', () => {
    // Mutation caught: `play.gaveUp && userID !== undefined` → `||` (a playing stream restarted).
    const t = setup();
    t.attach();
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    t.sdk.player(S, 'PLAYING');
    t.store.dispatch({ type: 'roomUserUpdate', roomID: A, updateType: 'ADD', userList: [{ userID: `host-of-${S}` }], at: t.clock.now() });
    expect(t.engine.starts(S)).toBe(1);
  });

  it('the host leaving (user DELETE) does not re-arm a stream given up on; its rejoin does', () => {
    // Mutations caught: `event.updateType !== 'ADD'` → false, and the `||` → `&&` of that check.
    const t = givenUp();
    const users = (updateType: string) =>
      t.store.dispatch({ type: 'roomUserUpdate', roomID: A, updateType: updateType as never, userList: [{ userID: `host-of-${S}` }], at: t.clock.now() });
    users('DELETE');
    expect(t.engine.starts(S)).toBe(1);
    users('ADD');
    expect(t.engine.starts(S)).toBe(2);
  });

  it('retry() after detach does nothing', () => {
    // Mutations caught: `attached && isId(streamID)` → true / `||` in retry.
    const t = givenUp();
    const other = t.attach({ maxReplayAttempts: 0 }); // keeps the play alive after `policy` detaches
    const { policy } = t;
    policy.detach();
    policy.retry(S);
    expect(t.engine.starts(S)).toBe(1);
    other.retry(S);
    expect(t.engine.starts(S)).toBe(2);
  });

  it('retry() of a stream this policy refused before and accepts now plays it', () => {
    // Mutation caught: `holder.claim(streamID)` → false (only the engine's other policies were asked).
    const t = setup();
    let accept = false;
    const policy = t.attach({ shouldPlay: () => accept });
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    expect(t.engine.starts(S)).toBe(0);
    accept = true;
    policy.retry(S);
    expect(t.engine.starts(S)).toBe(1);
  });
});

describe('what a policy plays, and passes', () => {
  it('streams already live when it attaches: only those shouldPlay accepts', () => {
    // Mutations caught: `attached && accepts(stream, roomID)` → true / `||` in sync().
    const t = setup();
    t.sdk.login(A);
    t.sdk.streamAdd(A, S, 'screen-share');
    t.attach({ shouldPlay: (stream) => stream.streamID === S });
    expect(t.engine.log()).toEqual([`start ${S} @0`]);
  });

  it('playOptions as an object is the second argument of startPlayingStream', () => {
    // Mutation caught: `typeof playOptions === 'function'` → true (the object called, throwing, and the play made without it).
    const t = setup();
    const calls: unknown[][] = [];
    const engine = { startPlayingStream: (...args: unknown[]) => void calls.push(args), stopPlayingStream: () => {} };
    const options = { video: false };
    attachAudiencePolicy({ engine, store: t.store, playOptions: options });
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    expect(calls).toEqual([[S, options]]);
    expect(t.player().lastError).toBeNull();
  });

  it('a throwing shouldPlay, playOptions or stopPlayingStream is recorded under its own name', () => {
    // Mutations caught: the call names 'shouldPlay', 'playOptions', 'stopPlayingStream' → "" and
    // engine-plays' guard without its catch body (the throw not recorded).
    const t = setup();
    const boom = () => {
      throw new Error('app bug');
    };
    const refuse = attachAudiencePolicy({ engine: t.engine, store: t.store, roomID: A, shouldPlay: boom });
    t.sdk.login(A);
    t.sdk.streamAdd(A, 'a1');
    expect(selectPlayer(t.store.getState(), 'a1').lastError?.call).toBe('shouldPlay');
    refuse.detach();
    const engine = { startPlayingStream: () => ({}), stopPlayingStream: boom };
    attachAudiencePolicy({ engine, store: t.store, roomID: B, playOptions: () => boom() });
    t.sdk.login(B);
    t.sdk.streamAdd(B, 'b1');
    expect(selectPlayer(t.store.getState(), 'b1').lastError?.call).toBe('playOptions');
    t.sdk.streamDelete(B, ['b1']);
    expect(selectPlayer(t.store.getState(), 'b1').lastError?.call).toBe('stopPlayingStream');
  });
});

describe('plays shared by rooms and policies', () => {
  /** Logged in to A and B, S listed in both (ADD in A, then in B). */
  function inBoth(t: ReturnType<typeof setup>) {
    t.sdk.login(A);
    t.sdk.login(B);
    t.sdk.streamAdd(A, S);
    t.sdk.streamAdd(B, S);
  }

  it('a stream live in rooms A and B, deleted from B: it goes on playing for A', () => {
    // Mutation caught: `!rooms` → true in hold() (the ADD in B replaced the policy's rooms {A} by {B}).
    const t = setup();
    t.attach();
    inBoth(t);
    t.sdk.streamDelete(B, [S]);
    expect(t.engine.stops(S)).toBe(0);
  });

  it('a repeated DELETE from room A, after the stream moved to B, leaves it playing', () => {
    // Mutation caught: `roomID !== undefined && !rooms.has(roomID)` → false in letGo() (a DELETE from a room
    // the policy no longer holds the stream for released it).
    const t = setup();
    t.attach();
    inBoth(t);
    t.sdk.streamDelete(A, [S]);
    t.sdk.streamDelete(A, [S]); // the SDK said it again
    expect(t.engine.stops(S)).toBe(0);
    expect(t.engine.starts(S)).toBe(1);
  });

  it('detaching a policy that holds the stream for two rooms, then the other: stopped once, at the end', () => {
    // Mutation caught: `roomID === undefined` → false in letGo() (a detach left the policy's hold behind,
    // so the last detach never stopped the stream).
    const t = setup();
    const both = t.attach();
    const onlyB = t.attach({ roomID: B });
    inBoth(t);
    both.detach();
    expect(t.engine.stops(S)).toBe(0);
    onlyB.detach();
    expect(t.engine.stops(S)).toBe(1);
  });

  it('a policy attached after another came and went shares the engine with the first: one start per stream', () => {
    // Mutations caught: the registry dropped while a policy is still attached (`holders.size === 0 &&
    // plays.size === 0` → true, `||`, `holders.size === 0` → true, `!== 0`).
    const t = setup();
    t.attach();
    t.attach().detach();
    t.attach();
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    expect(t.engine.starts(S)).toBe(1);
  });
});

describe('what the app is handed', () => {
  it('a start superseded by its replay, resolving late, is not handed out: the replay’s media is', async () => {
    // Mutation caught: `play.call === call` → true in current() (the dead first MediaStream shown,
    // and the replay's never handed, since a holder is handed media once).
    const t = setup();
    const media: [string, unknown][] = [];
    t.attach({ onMediaStream: (streamID, m) => media.push([streamID, m]) });
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    t.sdk.player(S, 'NO_PLAY', PLAY_FAILED); // the first start's promise is still pending
    t.clock.advance(3 * SECOND); // the replay
    expect(t.engine.starts(S)).toBe(2);
    t.engine.resolvePlay(S, 'oldest');
    await Promise.resolve();
    await Promise.resolve();
    expect(media).toEqual([]);
    const fresh = t.engine.resolvePlay(S, 'newest');
    await Promise.resolve();
    await Promise.resolve();
    expect(media).toEqual([[S, fresh]]);
  });

  it('an engine whose startPlayingStream returns the media at once (no promise) hands it at once', () => {
    // Mutation caught: the non-promise branch of start() emptied (no test reached it).
    const t = setup();
    const stream = { id: 'native-view' };
    const media: [string, unknown][] = [];
    attachAudiencePolicy({ engine: { startPlayingStream: () => stream, stopPlayingStream: () => {} }, store: t.store, onMediaStream: (id, m) => media.push([id, m]) });
    t.sdk.login(A);
    t.sdk.streamAdd(A, S);
    expect(media).toEqual([[S, stream]]);
  });
});

describe('more rooms, more stores', () => {
  it('a RECONNECTED of room A re-arms what was given up in A, not a stream given up in room B', () => {
    // Mutation caught: heldBy() without its filter (every play of the policy re-armed by any room's RECONNECTED).
    const t = givenUp(B, [A, B]);
    t.sdk.room(A, 'RECONNECTING', 1000017);
    t.sdk.room(A, 'RECONNECTED');
    expect(t.engine.starts(S)).toBe(1);
  });

  it('a stream update of an unknown type does not restart a stream given up on', () => {
    // Mutation caught: `updateType === 'ADD'` → true (anything not a DELETE taken for a new ADD, which re-arms).
    const t = givenUp();
    t.store.dispatch({ type: 'roomStreamUpdate', roomID: A, updateType: 'UPDATE' as never, streamList: [{ streamID: S }], at: t.clock.now() });
    expect(t.engine.starts(S)).toBe(1);
  });

  it('two stores on one engine: a policy detaching while a replay is pending clears the countdown in its own store', () => {
    // Mutations caught: the replayCancelled of letGo() for a store no remaining holder shares
    // (its condition → false, `||` → `&&`, `play.timer !== null` → false / `=== null`, `other.store === holder.store` → true).
    const clock = createManualClock();
    const engine = createFakeEngine(clock);
    const stores = [createStatusStore({ clock }), createStatusStore({ clock })] as const;
    const [first] = stores.map((store) => attachAudiencePolicy({ engine, store }));
    for (const store of stores) {
      const sdk = sdkEvents(store, clock);
      sdk.login(A);
      sdk.streamAdd(A, S);
    }
    expect(engine.starts(S)).toBe(1);
    sdkEvents(stores[0], clock).player(S, 'NO_PLAY', PLAY_FAILED);
    expect(selectPlayer(stores[0].getState(), S).replay).not.toBeNull();
    expect(selectPlayer(stores[1].getState(), S).replay).not.toBeNull();
    first!.detach();
    expect(selectPlayer(stores[0].getState(), S).replay).toBeNull();
    expect(selectPlayer(stores[1].getState(), S).replay).not.toBeNull(); // the play goes on for the other
  });
});
