import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEFT_ROOM_LIMIT, REASON_PHASE, ROOM_REASONS, createInitialStatus, statusReducer, type StatusEvent, type StatusState } from '../../src/index.js';

const roomID = fc.constantFrom('r1', 'r2', '', 'r3');
const streamID = fc.constantFrom('s1', 's2', 's3', 'host', '');
const code = fc.oneof(
  fc.constantFrom(0, 1002050, 1002055, 1002053, 1002031, 1002033, 1002051, 1000017, 1002002),
  fc.integer(),
  fc.constantFrom(NaN, -1, Infinity),
);
const reason = fc.oneof(fc.constantFrom(...ROOM_REASONS), fc.integer({ min: -2, max: 10 }), fc.constantFrom('Logining', 'KICK_OUT', 'BOGUS', ''));
const extendedData = fc.option(
  fc.oneof(
    fc.constantFrom('{"stream_delete_reason":2}', '{"stream_delete_reason":7}', '{bad', 'login timeout', '{"custom_kickout_message":"<img src=x onerror=alert(1)>"}'),
    fc.json(),
    fc.string({ maxLength: 2000 }),
  ),
  { nil: undefined },
);
const at = fc.oneof(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom(NaN, -5));
const stream = fc.record({ streamID, user: fc.option(fc.record({ userID: fc.constantFrom('a', 'b') }), { nil: undefined }) });

const event: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ type: fc.constant('roomStateChanged'), roomID, reason, errorCode: code, extendedData, at }),
  fc.record({ type: fc.constant('roomStreamUpdate'), roomID, updateType: fc.constantFrom('ADD', 'DELETE', 'X'), streamList: fc.array(stream, { maxLength: 4 }), extendedData, at }),
  fc.record({ type: fc.constant('roomUserUpdate'), roomID, updateType: fc.constantFrom('ADD', 'DELETE'), userList: fc.array(fc.record({ userID: fc.constantFrom('a', 'b', 'c') }), { maxLength: 3 }), at }),
  fc.record({ type: fc.constant('playerStateUpdate'), streamID, state: fc.oneof(fc.constantFrom('NO_PLAY', 'PLAY_REQUESTING', 'PLAYING', 'BAD'), fc.integer({ min: -1, max: 3 })), errorCode: code, at }),
  fc.record({ type: fc.constant('publisherStateUpdate'), streamID, state: fc.integer({ min: -1, max: 3 }), errorCode: code, at }),
  fc.record({ type: fc.constantFrom('replayScheduled', 'replayStarted', 'replayGaveUp', 'replayCancelled'), target: fc.constantFrom('player', 'publisher', 'x'), streamID, attempt: fc.integer({ min: 0, max: 5 }), attempts: fc.integer({ min: 0, max: 5 }), dueAt: at, reset: fc.boolean(), at }),
  fc.constantFrom(null, undefined, 42, 'roomStateChanged', {}, { type: 'unknown', at: 1 }),
);

function checkInvariants(state: StatusState, limit: number) {
  state.rooms.forEach((room) => {
    const phase = REASON_PHASE[room.reason];
    if (phase !== null) expect(room.phase).toBe(phase);
    expect(room.reconnectingSince !== null).toBe(room.phase === 'reconnecting');
    expect(room.heartbeatDeadline !== null).toBe(room.phase === 'reconnecting');
    expect(room.removedStreams.length).toBeLessThanOrEqual(limit);
    for (const removed of room.removedStreams) expect(room.streams.has(removed.streamID)).toBe(false);
    expect(room.kickout !== null).toBe(room.phase === 'kicked');
  });
  state.players.forEach((player) => expect(['NO_PLAY', 'PLAY_REQUESTING', 'PLAYING']).toContain(player.state));
}

describe('reducer under random event sequences', () => {
  it('never throws and keeps its invariants (10,000 sequences)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (events, limit) => {
        let state = createInitialStatus({ removedStreamLimit: limit });
        for (const e of events) {
          state = statusReducer(state, e as StatusEvent);
          checkInvariants(state, limit);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('applying the same event twice equals applying it once', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), event, (prefix, last) => {
        let state = createInitialStatus();
        for (const e of prefix) state = statusReducer(state, e as StatusEvent);
        const once = statusReducer(state, last as StatusEvent);
        const twice = statusReducer(once, last as StatusEvent);
        expect([...twice.rooms].map(([, r]) => [r.reason, r.phase, r.errorCode, r.streams.size, r.users.size])).toEqual(
          [...once.rooms].map(([, r]) => [r.reason, r.phase, r.errorCode, r.streams.size, r.users.size]),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

// ---- issue 13: room lifecycles (leave, rejoin, switch, attach late) ------------------------
// Sequences an app lives through: logins (whole, or only their LOGINING), leaving by each of
// the four ways, switching between two rooms, bursts of rooms visited and left, member events
// for rooms whose login the store never saw (an adapter attached late), late events after a
// leave, and players that play, fail, retry and stop.
const LIFECYCLE_ROOMS = ['A', 'B', 'C'];
const lifecycleRoom = fc.constantFrom(...LIFECYCLE_ROOMS);
const lifecycleStream = fc.constantFrom('s1', 's2', 'host');
type LifecycleStep =
  | { kind: 'login'; roomID: string; complete: boolean }
  | { kind: 'leave'; roomID: string; reason: 'LOGOUT' | 'KICKOUT' | 'RECONNECT_FAILED' | 'LOGIN_FAILED' | 'LOGOUT_FAILED' }
  | { kind: 'switch'; from: string; to: string }
  | { kind: 'outage'; roomID: string; recovered: boolean }
  | { kind: 'streams'; roomID: string; updateType: 'ADD' | 'DELETE'; streamIDs: string[] }
  | { kind: 'users'; roomID: string; updateType: 'ADD' | 'DELETE'; userIDs: string[] }
  | { kind: 'player'; streamID: string; state: 'NO_PLAY' | 'PLAY_REQUESTING' | 'PLAYING'; errorCode: number }
  | { kind: 'policy'; type: 'replayScheduled' | 'replayCancelled' | 'replayGaveUp' | 'engineCallFailed'; streamID: string }
  | { kind: 'burst'; rooms: number; how: 'LOGOUT' | 'RECONNECT_FAILED' };
const lifecycleStep: fc.Arbitrary<LifecycleStep> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('login' as const), roomID: lifecycleRoom, complete: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('leave' as const),
      roomID: lifecycleRoom,
      reason: fc.constantFrom('LOGOUT' as const, 'LOGOUT' as const, 'KICKOUT' as const, 'RECONNECT_FAILED' as const, 'LOGIN_FAILED' as const, 'LOGOUT_FAILED' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), from: lifecycleRoom, to: lifecycleRoom }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('outage' as const), roomID: lifecycleRoom, recovered: fc.boolean() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('streams' as const),
      roomID: lifecycleRoom,
      updateType: fc.constantFrom('ADD' as const, 'DELETE' as const),
      streamIDs: fc.subarray(['s1', 's2', 'host'], { minLength: 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('users' as const),
      roomID: lifecycleRoom,
      updateType: fc.constantFrom('ADD' as const, 'DELETE' as const),
      userIDs: fc.subarray(['a', 'b'], { minLength: 1 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('player' as const),
      streamID: lifecycleStream,
      state: fc.constantFrom('NO_PLAY' as const, 'PLAY_REQUESTING' as const, 'PLAYING' as const),
      errorCode: fc.constantFrom(0, 1004020),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('policy' as const),
      type: fc.constantFrom('replayScheduled' as const, 'replayCancelled' as const, 'replayGaveUp' as const, 'engineCallFailed' as const),
      streamID: lifecycleStream,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('burst' as const), rooms: fc.integer({ min: 1, max: 40 }), how: fc.constantFrom('LOGOUT' as const, 'RECONNECT_FAILED' as const) }) },
);

function lifecycleEvents(step: LifecycleStep, at: number, burst: { next: number }): StatusEvent[] {
  const room = (roomID: string, reason: string, errorCode = 0): StatusEvent => ({ type: 'roomStateChanged', roomID, reason: reason as never, errorCode, at });
  const login = (roomID: string) => [room(roomID, 'LOGINING'), room(roomID, 'LOGINED')];
  switch (step.kind) {
    case 'login':
      return step.complete ? login(step.roomID) : [room(step.roomID, 'LOGINING')];
    case 'leave':
      return [room(step.roomID, step.reason, step.reason === 'LOGOUT' ? 0 : step.reason === 'KICKOUT' ? 1002050 : step.reason === 'LOGOUT_FAILED' ? 1002002 : 1002053)];
    case 'switch': // switchRoom: the old room's LOGOUT, then the new one's login
      return [room(step.from, 'LOGOUT'), ...login(step.to)];
    case 'outage':
      return [room(step.roomID, 'RECONNECTING', 1000017), ...(step.recovered ? [room(step.roomID, 'RECONNECTED')] : [])];
    case 'streams':
      return [
        {
          type: 'roomStreamUpdate',
          roomID: step.roomID,
          updateType: step.updateType,
          streamList: step.streamIDs.map((streamID) => ({ streamID })),
          ...(step.updateType === 'DELETE' && { extendedData: '{"stream_delete_reason":2}' }),
          at,
        },
      ];
    case 'users':
      return [{ type: 'roomUserUpdate', roomID: step.roomID, updateType: step.updateType, userList: step.userIDs.map((userID) => ({ userID })), at }];
    case 'player':
      return [{ type: 'playerStateUpdate', streamID: step.streamID, state: step.state, errorCode: step.errorCode, at }];
    case 'policy': {
      const base = { target: 'player' as const, streamID: step.streamID, at };
      if (step.type === 'replayScheduled') return [{ type: 'replayScheduled', ...base, attempt: 1, dueAt: at + 3000 }];
      if (step.type === 'replayGaveUp') return [{ type: 'replayGaveUp', ...base, attempts: 3 }];
      if (step.type === 'engineCallFailed') return [{ type: 'engineCallFailed', ...base, call: 'startPlayingStream', errorCode: 1004020, message: 'play failed' }];
      return [{ type: 'replayCancelled', ...base }];
    }
    case 'burst': {
      // Many rooms visited and left: each with its own stream played and stopped.
      const events: StatusEvent[] = [];
      for (let i = 0; i < step.rooms; i++) {
        const roomID = `visit-${burst.next++}`;
        const streamID = `${roomID}-host`;
        events.push(...login(roomID));
        events.push({ type: 'roomStreamUpdate', roomID, updateType: 'ADD', streamList: [{ streamID }], at });
        events.push({ type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: 1004020, at });
        events.push(room(roomID, step.how, step.how === 'LOGOUT' ? 0 : 1002053));
        events.push({ type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: 0, at });
      }
      return events;
    }
    default:
      return step satisfies never;
  }
}

const OUT = new Set(['idle', 'failed', 'kicked']);

/** What is wrong with the state, as sentences (plain checks: expect() per room per step is slow). */
function lifecycleProblems(state: StatusState, loggedOut: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  let out = 0;
  state.rooms.forEach((room, roomID) => {
    if (OUT.has(room.phase)) {
      out++;
      // Nothing shown for a room the user is not in.
      if (room.streams.size || room.users.size || room.removedStreams.length) problems.push(`${roomID} (${room.phase}) still lists streams, users or removed streams`);
      // Every room the user is out of is remembered as left, so it falls out of `rooms` in time.
      if (!state.leftRoomIDs.includes(roomID)) problems.push(`${roomID} (${room.phase}) is not remembered as left`);
    }
    // A room left with LOGOUT is not kept (a present idle room only ever comes from a LOGOUT_FAILED).
    if (room.reason === 'LOGOUT') problems.push(`${roomID} kept after LOGOUT`);
  });
  // No room object for a room left with LOGOUT, while the store remembers leaving it.
  for (const roomID of loggedOut) if (state.rooms.has(roomID)) problems.push(`${roomID} came back after LOGOUT without a login`);
  // No unbounded map.
  if (state.leftRoomIDs.length > LEFT_ROOM_LIMIT) problems.push(`${state.leftRoomIDs.length} left rooms remembered`);
  if (out > LEFT_ROOM_LIMIT) problems.push(`${out} rooms kept that the user is out of`);
  return problems;
}

describe('reducer over room lifecycles (issue 13)', () => {
  it('shows nothing for a room the user is not in, keeps no left room, and leaves no map unbounded (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.array(lifecycleStep, { minLength: 1, maxLength: 50 }), (steps) => {
        let state = createInitialStatus({ removedStreamLimit: 2 });
        const loggedOut = new Set<string>();
        const burst = { next: 0 };
        let at = 0;
        for (const step of steps) {
          for (const event of lifecycleEvents(step, (at += 1000), burst)) {
            const known = event.type === 'roomStateChanged' && state.rooms.has(event.roomID);
            state = statusReducer(state, event);
            if (event.type === 'roomStateChanged') {
              // (A LOGOUT of a room the store never saw leaves nothing to remember.)
              if (event.reason === 'LOGOUT' && known) loggedOut.add(event.roomID);
              if (event.reason === 'LOGINING') loggedOut.delete(event.roomID);
            }
            // A room that fell off the bounded record of left rooms is forgotten, as if never seen.
            for (const roomID of loggedOut) if (!state.leftRoomIDs.includes(roomID)) loggedOut.delete(roomID);
          }
          const problems = lifecycleProblems(state, loggedOut);
          if (problems.length > 0) expect(problems).toEqual([]);
        }
        // When everything ends (every room logged out, every playback stopped), nothing is left.
        at += 1000;
        const everyRoom = [...LIFECYCLE_ROOMS, ...state.rooms.keys()];
        for (const roomID of everyRoom) state = statusReducer(state, { type: 'roomStateChanged', roomID, reason: 'LOGOUT', errorCode: 0, at });
        for (const streamID of [...state.players.keys()]) {
          state = statusReducer(state, { type: 'replayCancelled', target: 'player', streamID, at });
          state = statusReducer(state, { type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: 0, at });
        }
        expect([state.rooms.size, state.players.size]).toEqual([0, 0]);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
