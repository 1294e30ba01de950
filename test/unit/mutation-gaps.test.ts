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
import { statusReducer } from '../../src/core/reducer.js';
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
