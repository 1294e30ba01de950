/**
 * Issue 17, "what the mutations left alive": one-line mutations of the
 * simulator and the reducer that passed the whole suite, each a real bug.
 * Each test here fails with its mutation applied (checked by hand on the
 * simulator as split by issue 13 too, see
 * docs/mutation.md). The adapter's try/catch is covered by rows of the
 * bad-input table in adapters.test.ts.
 */
import { describe, expect, it } from 'vitest';
// Core modules one by one rather than the package barrel, so this suite runs
// whatever state the rest of the barrel is in.
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { selectPlayer, selectRoom } from '../../src/core/selectors.js';
import { HEARTBEAT_TIMEOUT_MS, WEB_ROOM_RETRY_TIME_MS, createInitialStatus, type StatusState } from '../../src/core/status.js';
import { parseExtendedData, statusReducer } from '../../src/core/reducer.js';
import { createStatusStore } from '../../src/core/store.js';
import { connectZegoWeb } from '../../src/adapters/index.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  createSimulatedRoom,
  type SimulatedEngine,
} from '../../src/simulator/index.js';

const SECOND = 1000;
const ROOM = 'room-1';

/** A store fed by connectZegoWeb from `engine`, recording every event. */
function observe(engine: SimulatedEngine, clock: ManualClock) {
  const store = createStatusStore({ clock, roomRetryTimeMs: WEB_ROOM_RETRY_TIME_MS });
  const events: StatusEvent[] = [];
  store.subscribeEvents((event) => events.push(event));
  connectZegoWeb(engine, store);
  return { store, events };
}

/** Host A and viewer B logged in to one simulated room, both told of users, settled. */
async function twoUsers() {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock });
  const host = room.createEngine({ userID: 'host' });
  const viewer = room.createEngine({ userID: 'viewer' });
  const b = observe(viewer, clock);
  const logins = [
    host.loginRoom(ROOM, 'token', { userID: 'host' }, { userUpdate: true }),
    viewer.loginRoom(ROOM, 'token', { userID: 'viewer' }, { userUpdate: true }),
  ];
  clock.advance(LOGIN_LATENCY_MS + PROPAGATION_DELAY_MS);
  await Promise.all(logins);
  return { clock, room, host, viewer, b };
}

describe('simulator: two outages in a row (seed 003: others lose the user 90 s after the disconnection)', () => {
  it('a 10 s outage, then 20 s after it began a second one: others lose the user at second T3 + 90 s, not at first T3 + 90 s', async () => {
    // Mutation caught: restoreNetwork() leaving the first outage's heartbeat timer armed,
    // which would unlist the host 70 s into the second outage.
    const { clock, host, b } = await twoUsers();
    const hostListed = () => selectRoom(b.store.getState(), ROOM).users.has('host');
    expect(hostListed()).toBe(true);

    const firstT3 = clock.now();
    host.dropNetwork();
    clock.advance(10 * SECOND);
    host.restoreNetwork(); // Case 1: back before the heartbeat timeout, others saw nothing
    expect(hostListed()).toBe(true);
    clock.advance(firstT3 + 20 * SECOND - clock.now());

    const secondT3 = clock.now();
    host.dropNetwork();
    clock.advance(70 * SECOND);
    expect(hostListed()).toBe(true); // first T3 + 90 s: the first outage is over and forgotten
    clock.advance(HEARTBEAT_TIMEOUT_MS - 70 * SECOND - 1);
    expect(hostListed()).toBe(true);
    clock.advance(1);
    // T4' = second T3 + 90 s: user DELETE for others (Case 2/3).
    expect(hostListed()).toBe(false);
    const deletes = b.events.filter((e) => e.type === 'roomUserUpdate' && e.updateType === 'DELETE');
    expect(deletes.map((e) => e.at - secondT3)).toEqual([HEARTBEAT_TIMEOUT_MS]);
  });
});

describe('simulator: a player released while the SDK still retries (PLAY_REQUESTING)', () => {
  it('stopPlayingStream takes the give-up timer with the player; the replay plays, with no stray NO_PLAY 1004020 later', async () => {
    // Mutation caught: releasePlayer() not cancelling the give-up timer, which then stays
    // armed for a player that is gone (a timer left behind, firing 10 s later).
    const { clock, host, viewer, b } = await twoUsers();
    host.startPublishingStream('host-main');
    clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
    const first = viewer.startPlayingStream('host-main');
    clock.advance(PLAY_LATENCY_MS);
    await first;
    expect(selectPlayer(b.store.getState(), 'host-main').state).toBe('PLAYING');

    // The host drops: the viewer's player retries internally (PLAY_REQUESTING) and
    // would give up after PLAYER_RETRY_TIMEOUT_MS (seed 003).
    const dropAt = clock.now();
    host.dropNetwork();
    expect(selectPlayer(b.store.getState(), 'host-main').state).toBe('PLAY_REQUESTING');
    clock.advance(2 * SECOND);
    const timers = clock.pending();
    const stoppedAt = clock.now();
    viewer.stopPlayingStream('host-main'); // the app stops, to replay
    expect(clock.pending()).toBe(timers - 1); // the give-up timer went with the player
    const second = viewer.startPlayingStream('host-main');
    clock.advance(3 * SECOND);
    host.restoreNetwork(); // back within 90 s: publishing resumes, the new start plays
    clock.advance(PUBLISH_LATENCY_MS + PLAY_LATENCY_MS);
    await second;
    expect(selectPlayer(b.store.getState(), 'host-main').state).toBe('PLAYING');

    // Past the first player's give-up time, and the new one's.
    clock.advance(dropAt + 3 * PLAYER_RETRY_TIMEOUT_MS - clock.now());
    expect(selectPlayer(b.store.getState(), 'host-main')).toMatchObject({ state: 'PLAYING', errorCode: 0 });
    const after = b.events.filter((e) => e.type === 'playerStateUpdate' && e.at >= stoppedAt);
    expect(after.map((e) => (e.type === 'playerStateUpdate' ? [e.state, e.errorCode] : []))).toEqual([
      ['NO_PLAY', 0],
      ['PLAY_REQUESTING', 0],
      ['PLAYING', 0],
    ]);
  });
});

describe('reducer: players and publishers stay bounded however many streams come and go', () => {
  const CYCLES = 1000;

  /** `CYCLES` host streams in one connected room: ADD, play, DELETE at the heartbeat timeout, then `end`. */
  function streamCycles(end: (streamID: string, at: number) => StatusEvent[]): StatusState {
    let state = createInitialStatus();
    const apply = (event: StatusEvent) => (state = statusReducer(state, event));
    apply({ type: 'roomStateChanged', roomID: ROOM, reason: 'LOGINING', errorCode: 0, at: 0 });
    apply({ type: 'roomStateChanged', roomID: ROOM, reason: 'LOGINED', errorCode: 0, at: 120 });
    for (let i = 0; i < CYCLES; i++) {
      const streamID = `s${i}`;
      const at = 1000 + i * 100 * SECOND;
      apply({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID, user: { userID: `h${i}` } }], at });
      apply({ type: 'playerStateUpdate', streamID, state: 'PLAY_REQUESTING', errorCode: 0, at });
      apply({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: at + 100 });
      const gone = at + HEARTBEAT_TIMEOUT_MS;
      apply({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'DELETE', streamList: [{ streamID }], extendedData: '{"stream_delete_reason":2}', at: gone });
      for (const event of end(streamID, gone)) apply(event);
    }
    return state;
  }

  it('a player that ended in NO_PLAY with an error is forgotten once its stream falls off removedStreams', () => {
    // Mutation caught: no eviction of players whose stream left removedStreams (+11 MB in the bench).
    const state = streamCycles((streamID, at) => [{ type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: 1004020, at }]);
    const limit = state.config.removedStreamLimit;
    expect(selectRoom(state, ROOM).removedStreams).toHaveLength(limit);
    expect(state.players.size).toBe(limit);
    // The ones kept are exactly the streams still listed as removed, so the UI can explain them.
    const kept = [...state.players].map(([streamID]) => streamID).sort();
    expect(kept).toEqual(selectRoom(state, ROOM).removedStreams.map((r) => r.streamID).sort());
  });

  it('a player stopped cleanly (NO_PLAY 0 after stopPlayingStream) leaves no entry at all', () => {
    // Mutation caught: entries back at their default (idle) kept instead of dropped.
    const state = streamCycles((streamID, at) => [{ type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: 0, at }]);
    expect(state.players.size).toBe(0);
  });

  it('1,000 publish / stop cycles leave no publisher entry', () => {
    let state = createInitialStatus();
    for (let i = 0; i < CYCLES; i++) {
      for (const [publisherState, at] of [['PUBLISH_REQUESTING', i * 10], ['PUBLISHING', i * 10 + 1], ['NO_PUBLISH', i * 10 + 2]] as const) {
        state = statusReducer(state, { type: 'publisherStateUpdate', streamID: `pub-${i}`, state: publisherState, errorCode: 0, at });
      }
    }
    expect(state.publishers.size).toBe(0);
  });
});

// The survivors of Stryker on src/core/reducer.ts (docs/mutation.md lists
// each with the test that now kills it, or why it is equivalent).
describe('reducer: what the mutation run left alive in reduceRoom', () => {
  const MINUTE = 60 * SECOND;

  /** A reducer fold on a manual clock: `emit` stamps events with the clock's time. */
  function fold(state = createInitialStatus()) {
    const clock = createManualClock();
    const emit = (event: Record<string, unknown>) => (state = statusReducer(state, { ...event, at: clock.now() } as StatusEvent));
    const room = (reason: string, errorCode = 0, more: Record<string, unknown> = {}) =>
      emit({ type: 'roomStateChanged', roomID: ROOM, reason, errorCode, ...more });
    const streams = (updateType: string, streamList: unknown[], more: Record<string, unknown> = {}) =>
      emit({ type: 'roomStreamUpdate', roomID: ROOM, updateType, streamList, ...more });
    const users = (updateType: string, userList: unknown[]) => emit({ type: 'roomUserUpdate', roomID: ROOM, updateType, userList });
    const login = () => {
      room('LOGINING');
      clock.advance(120);
      room('LOGINED');
    };
    return { clock, emit, room, streams, users, login, get: () => state, the: () => selectRoom(state, ROOM) };
  }

  it('RECONNECTING again with another error code shows the new code; the outage keeps its start', () => {
    // Mutation caught: the duplicate check ignoring errorCode (`known.errorCode === errorCode` → true).
    const t = fold();
    t.login();
    const t3 = t.clock.now();
    t.room('RECONNECTING', 1000017);
    t.clock.advance(10 * SECOND);
    t.room('RECONNECTING', 1002051);
    expect(t.the()).toMatchObject({ reason: 'RECONNECTING', errorCode: 1002051, reconnectingSince: t3 });
  });

  it('an SDK retry time of 0 (the app set room_retry_time 0) is a deadline at once, not the store default', () => {
    // Mutations caught: `sdkBudget >= 0` → `> 0` (0 ignored for the default 20 min).
    const t = fold();
    t.login();
    const t3 = t.clock.now();
    t.room('RECONNECTING', 1000017, { roomRetryTimeMs: 0 });
    expect(t.the().retryDeadline).toBe(t3);
  });

  it.each([-1, NaN, '300000', null])('an SDK retry time of %s is not a budget: the store default (20 min) counts', (budget) => {
    // Mutation caught: `sdkBudget >= 0` → true (a negative budget puts the deadline before the outage began).
    const t = fold();
    t.login();
    const t3 = t.clock.now();
    t.room('RECONNECTING', 1000017, { roomRetryTimeMs: budget });
    expect(t.the().retryDeadline).toBe(t3 + t.get().config.roomRetryTimeMs);
    expect(t.get().config.roomRetryTimeMs).toBe(20 * MINUTE);
  });

  it('a stream update of an unknown type leaves a listed stream listed', () => {
    // Mutation caught: `!add && updateType !== 'DELETE'` → false (anything not ADD deleted).
    const t = fold();
    t.login();
    t.streams('ADD', [{ streamID: 'host-main', user: { userID: 'host' } }]);
    const before = t.get();
    for (const updateType of ['UPDATE', 'delete', 1, undefined]) t.streams(updateType as string, [{ streamID: 'host-main' }]);
    expect(t.get()).toBe(before);
    expect(t.the().streams.has('host-main')).toBe(true);
  });

  it('a user added again under a new name shows the new name, keeping when they joined', () => {
    // Mutation caught: `existing.userName === userName` → `!==` (renames skipped).
    const t = fold();
    t.login();
    t.users('ADD', [{ userID: 'u1', userName: 'Ann' }]);
    const joined = t.clock.now();
    t.clock.advance(SECOND);
    t.users('ADD', [{ userID: 'u1', userName: 'Ann Lee' }]);
    expect(t.the().users.get('u1')).toEqual({ userID: 'u1', userName: 'Ann Lee', joinedAt: joined });
  });

  it('a user added again unchanged changes nothing: the same state, no re-render', () => {
    // Mutation caught: `existing && existing.userName === userName` → false (a new state for nothing).
    const t = fold();
    t.login();
    t.users('ADD', [{ userID: 'u1', userName: 'Ann' }]);
    const before = t.get();
    t.clock.advance(SECOND);
    t.users('ADD', [{ userID: 'u1', userName: 'Ann' }]);
    expect(t.get()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['its extraInfo changes', { extraInfo: 'camera' }, { extraInfo: 'screen' }],
    ['its user is renamed', { user: { userID: 'host', userName: 'Host' } }, { user: { userID: 'host', userName: 'Host (away)' } }],
    ['another user takes the stream ID', { user: { userID: 'host' } }, { user: { userID: 'co-host' } }],
    ['it gets a user', {}, { user: { userID: 'host' } }],
  ])('a stream added again when %s shows the new details, keeping when it was added', (_, first, second) => {
    // Mutations caught: each part of the "unchanged stream" test → true, `was === user` → `!==`,
    // and `&&` → `||` between the user's ID and name.
    const t = fold();
    t.login();
    t.streams('ADD', [{ streamID: 'host-main', ...first }]);
    const added = t.clock.now();
    t.clock.advance(SECOND);
    t.streams('ADD', [{ streamID: 'host-main', ...second }]);
    expect(t.the().streams.get('host-main')).toEqual({ streamID: 'host-main', user: undefined, extraInfo: undefined, ...second, addedAt: added });
  });

  it('a removed stream coming back takes only itself off removedStreams', () => {
    // Mutations caught: the filter of removedStreams keeping nothing (`r.streamID !== streamID` → false,
    // the arrow → `() => undefined`): the other host's "left" tile would vanish too.
    const t = fold();
    t.login();
    t.streams('ADD', [{ streamID: 'a' }, { streamID: 'b' }]);
    t.clock.advance(90 * SECOND);
    t.streams('DELETE', [{ streamID: 'a' }, { streamID: 'b' }], { extendedData: '{"stream_delete_reason":2}' });
    t.clock.advance(SECOND);
    t.streams('ADD', [{ streamID: 'a' }]);
    expect(t.the().removedStreams.map((r) => r.streamID)).toEqual(['b']);
    expect([...t.the().streams.keys()]).toEqual(['a']);
  });

  it.each<[string, unknown]>([
    ['true', true],
    ['null', null],
    ['a blank string', ' '],
    ['an empty string', ''],
    ['a list', [2]],
    ['an object', { code: 2 }],
  ])('stream_delete_reason %s is no reason: the stream is removed with reason and code null', (_, code) => {
    // Mutations caught: `typeof code === 'string' && code.trim()` → true (Number(true) = 1 "stopped",
    // Number([2]) = 2 "heartbeat-timeout", Number(null) = 0) and `code.trim()` → `code` (Number(' ') = 0).
    const t = fold();
    t.login();
    t.streams('ADD', [{ streamID: 's' }]);
    t.streams('DELETE', [{ streamID: 's' }], { extendedData: JSON.stringify({ stream_delete_reason: code }) });
    expect(t.the().removedStreams[0]).toMatchObject({ streamID: 's', deleteReason: null, deleteReasonCode: null });
  });

  it('stream_delete_reason " 2 " (a numeric string with spaces) is heartbeat-timeout', () => {
    const t = fold();
    t.login();
    t.streams('ADD', [{ streamID: 's' }]);
    t.streams('DELETE', [{ streamID: 's' }], { extendedData: '{"stream_delete_reason":" 2 "}' });
    expect(t.the().removedStreams[0]).toMatchObject({ deleteReason: 'heartbeat-timeout', deleteReasonCode: 2 });
  });
});

describe('reducer: what the mutation run left alive around reduceRoom (extendedData, eviction, rooms left)', () => {
  /** r1 logged in on a reducer fold, with `emit` stamping the fold's clock. */
  function loggedIn() {
    let state = createInitialStatus();
    const clock = createManualClock();
    const emit = (event: Record<string, unknown>) => (state = statusReducer(state, { ...event, at: clock.now() } as StatusEvent));
    const room = (roomID: string, reason: string, errorCode = 0, extendedData?: string) =>
      emit({ type: 'roomStateChanged', roomID, reason, errorCode, ...(extendedData !== undefined && { extendedData }) });
    const login = (roomID: string) => {
      room(roomID, 'LOGINING');
      clock.advance(120);
      room(roomID, 'LOGINED');
    };
    login(ROOM);
    return { clock, emit, room, login, get: () => state };
  }

  it.each<[string, string]>([
    ['a JSON list', '[1,2,3]'],
    ['a JSON number', '2'],
    ['a JSON string', '"stream_delete_reason"'],
    ['JSON null', 'null'],
  ])('parseExtendedData of %s is null: only a JSON object is data', (_, text) => {
    // Mutation caught: `extendedData.trimStart()[0] === '{'` → true (any JSON parsed and returned).
    expect(parseExtendedData(text)).toBeNull();
  });

  it('parseExtendedData reads a JSON object behind leading white space (a line break, as some servers send)', () => {
    // Mutation caught: `trimStart()` → `trimEnd()`.
    expect(parseExtendedData('\n  {"stream_delete_reason":2}')).toEqual({ stream_delete_reason: 2 });
    const t = loggedIn();
    t.room(ROOM, 'KICKOUT', 1002055, '\n{"custom_kickout_message":"Removed by moderator"}');
    expect(selectRoom(t.get(), ROOM).kickout?.message).toBe('Removed by moderator');
  });

  it('a blank kick-out message is no message: the next key that has words is shown', () => {
    // Mutation caught: `value.trim()` → `value` (a message of spaces shown as the reason).
    const t = loggedIn();
    t.room(ROOM, 'KICKOUT', 1002055, '{"custom_kickout_message":"   ","reason":"Spam"}');
    expect(selectRoom(t.get(), ROOM).kickout?.message).toBe('Spam');
  });

  it('a player whose replay is pending is kept when its room empties its lists (kick-out), until the replay is cancelled', () => {
    // Mutation caught: `player.replay !== null` → false in release() (the countdown would vanish
    // while the replay is still due).
    const t = loggedIn();
    t.emit({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID: 'host-main' }] });
    t.emit({ type: 'playerStateUpdate', streamID: 'host-main', state: 'NO_PLAY', errorCode: 1004020 });
    t.emit({ type: 'replayScheduled', target: 'player', streamID: 'host-main', attempt: 1, dueAt: t.clock.now() + 3 * SECOND });
    t.room(ROOM, 'KICKOUT', 1002050);
    expect(selectPlayer(t.get(), 'host-main').replay).toEqual({ attempt: 1, dueAt: 3 * SECOND + 120 });
    t.emit({ type: 'replayCancelled', target: 'player', streamID: 'host-main' });
    expect(t.get().players.has('host-main')).toBe(false);
  });

  it('cancelling the replay of a failed player whose stream no room lists forgets the player', () => {
    // Mutation caught: replayCancelled not counted as an end of playback (`ended` true → false).
    const t = loggedIn();
    t.emit({ type: 'playerStateUpdate', streamID: 'elsewhere', state: 'NO_PLAY', errorCode: 1004020 });
    t.emit({ type: 'replayScheduled', target: 'player', streamID: 'elsewhere', attempt: 1, dueAt: t.clock.now() + 3 * SECOND });
    t.emit({ type: 'replayCancelled', target: 'player', streamID: 'elsewhere' });
    expect(t.get().players.has('elsewhere')).toBe(false);
  });

  it('a failed player goes with its room even when another room lists some other removed stream', () => {
    // Mutation caught: `r.streamID === streamID` → true in release() (any removed stream of any room kept every player).
    const t = loggedIn();
    t.login('r2');
    t.emit({ type: 'roomStreamUpdate', roomID: 'r2', updateType: 'ADD', streamList: [{ streamID: 'other' }] });
    t.emit({ type: 'roomStreamUpdate', roomID: 'r2', updateType: 'DELETE', streamList: [{ streamID: 'other' }] });
    t.emit({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID: 'host-main' }] });
    t.emit({ type: 'playerStateUpdate', streamID: 'host-main', state: 'NO_PLAY', errorCode: 1004020 });
    t.room(ROOM, 'LOGOUT');
    expect(t.get().players.has('host-main')).toBe(false);
    expect(selectRoom(t.get(), 'r2').removedStreams).toHaveLength(1);
  });

  it('rooms left are listed once each, and a new login takes its room off the list', () => {
    // Mutations caught: `id !== roomID` → true (a room left twice listed twice) and
    // `reason === 'LOGINING'` → false (a room logged in again still listed as left); either
    // wastes places of LEFT_ROOM_LIMIT, so a room really left falls off early.
    const t = loggedIn();
    t.room(ROOM, 'KICKOUT', 1002050);
    t.room(ROOM, 'LOGOUT_FAILED', 1002002);
    t.room(ROOM, 'LOGOUT');
    expect(t.get().leftRoomIDs).toEqual([ROOM]);
    t.room(ROOM, 'LOGINING');
    expect(t.get().leftRoomIDs).toEqual([]);
  });

  it('a player or publisher event with an unknown target changes nothing', () => {
    // Mutation caught: `target === 'publisher'` → true (anything not a player taken for a publisher).
    const t = loggedIn();
    const before = t.get();
    for (const target of ['speaker', undefined, 1]) {
      t.emit({ type: 'replayScheduled', target, streamID: 'me', attempt: 1, dueAt: 3 * SECOND });
      t.emit({ type: 'engineCallFailed', target, streamID: 'me', call: 'startPublishingStream', errorCode: 1003023 });
    }
    expect(t.get()).toBe(before);
  });

  it('a repeated player state or replay event changes nothing: the same state, no re-render', () => {
    // Mutations caught: the no-change checks of updateStreamStatus (`result[key] === map` → false),
    // replayGaveUp (`s.gaveUp && s.replay === null` → false, `=== null` → `!==`) and replayCancelled
    // (`s.replay === null` → false, the reset's check → false).
    const t = loggedIn();
    t.emit({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID: 'host-main' }] });
    t.emit({ type: 'playerStateUpdate', streamID: 'host-main', state: 'PLAYING', errorCode: 0 });
    let before = t.get();
    t.emit({ type: 'playerStateUpdate', streamID: 'host-main', state: 'PLAYING', errorCode: 0 });
    expect(t.get()).toBe(before);
    t.emit({ type: 'replayCancelled', target: 'player', streamID: 'host-main' });
    t.emit({ type: 'replayCancelled', target: 'player', streamID: 'host-main', reset: true });
    expect(t.get()).toBe(before);
    t.emit({ type: 'playerStateUpdate', streamID: 'host-main', state: 'NO_PLAY', errorCode: 1004020 });
    t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 5 });
    before = t.get();
    t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 5 });
    t.emit({ type: 'replayCancelled', target: 'player', streamID: 'host-main' });
    expect(t.get()).toBe(before);
  });

  it('replayStarted never lowers the attempt count, raises it when none was scheduled, and ignores a bad attempt', () => {
    // Mutations caught: `Math.max` → `Math.min`, `s.attempts >= attempt` → true / `<` / `>`, the whole
    // no-change check → false (a repeated replayStarted made a new state), `!isNumber(attempt)` → false.
    const t = loggedIn();
    t.emit({ type: 'playerStateUpdate', streamID: 's', state: 'NO_PLAY', errorCode: 1004020 });
    t.emit({ type: 'replayScheduled', target: 'player', streamID: 's', attempt: 3, dueAt: 12 * SECOND });
    t.emit({ type: 'replayStarted', target: 'player', streamID: 's', attempt: 2 }); // late, out of order
    expect(selectPlayer(t.get(), 's')).toMatchObject({ replay: null, attempts: 3 });
    t.emit({ type: 'replayStarted', target: 'player', streamID: 's', attempt: 4 }); // none scheduled
    expect(selectPlayer(t.get(), 's').attempts).toBe(4);
    const before = t.get();
    t.emit({ type: 'replayStarted', target: 'player', streamID: 's', attempt: 4 }); // the same again
    for (const attempt of [NaN, '5', undefined]) t.emit({ type: 'replayStarted', target: 'player', streamID: 's', attempt });
    expect(t.get()).toBe(before);
  });

  it('a publisher back to PUBLISHING ends its outage: the republish count starts over', () => {
    // Mutation caught: `name === 'PUBLISHING'` → false (only PLAYING reset the count: "attempt 2" stayed
    // on a publisher that publishes again). The "before" run counted it killed by a timeout of the loaded machine.
    const t = loggedIn();
    t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
    t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISH_REQUESTING', errorCode: 1003023 });
    t.emit({ type: 'replayScheduled', target: 'publisher', streamID: 'me', attempt: 2, dueAt: 9 * SECOND });
    t.emit({ type: 'replayStarted', target: 'publisher', streamID: 'me', attempt: 2 });
    t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
    expect(t.get().publishers.get('me')).toMatchObject({ state: 'PUBLISHING', attempts: 0, replay: null, gaveUp: false });
  });

  it('an engine call failure without a code or a call name is recorded as code -1 of an unknown call', () => {
    // Mutations caught: `typeof event.call === 'string'` → true, the defaults -1 and 'unknown' (no test reached them).
    const t = loggedIn();
    t.emit({ type: 'engineCallFailed', target: 'player', streamID: 's', call: 42, errorCode: 'x' });
    expect(selectPlayer(t.get(), 's').lastError).toEqual({ call: 'unknown', errorCode: -1, message: null, at: 120 });
  });
});
