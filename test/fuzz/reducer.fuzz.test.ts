import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOM_REASONS, createInitialStatus, statusReducer, type StatusEvent } from '../../src/index.js';
import { checkInvariants, plainState } from './invariants.js';
import { fuzz } from './seed.js';

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

// 12,000 sequences with every invariant checked after each event: 1–2 s idle,
// ~5 s on a loaded 2-core machine, where vitest's 5 s default would time it out.
describe('reducer under random event sequences', { timeout: 60_000 }, () => {
  it('never throws and keeps its invariants (10,000 sequences)', () => {
    fuzz(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (events, limit) => {
        let state = createInitialStatus({ removedStreamLimit: limit });
        for (const e of events) {
          state = statusReducer(state, e as StatusEvent);
          checkInvariants(state);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('applying the same event twice equals applying it once', () => {
    fuzz(
      fc.property(fc.array(event, { maxLength: 20 }), event, (prefix, last) => {
        let state = createInitialStatus();
        for (const e of prefix) state = statusReducer(state, e as StatusEvent);
        const once = statusReducer(state, last as StatusEvent);
        const twice = statusReducer(once, last as StatusEvent);
        // The whole state: rooms with their streams, users, removed streams and times, players, publishers.
        expect(plainState(twice)).toEqual(plainState(once));
      }),
      { numRuns: 2_000 },
    );
  });
});
