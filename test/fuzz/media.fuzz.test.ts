/**
 * Media health under random event sequences (fast-check): core room, stream,
 * user and player events mixed with every media event, good and bad, through
 * a store with the mediaHealth() extension and a token renewal policy whose
 * fetch and renewal succeed, refuse or throw at random. After every event:
 * nothing is kept for a stream that is not live, played or published, nor
 * for a room that is not logged in; the maps stay bounded; and the token is
 * nowhere in the state or the events. (Run time, not the run count, is the
 * budget here: 500 long sequences take a few seconds on a shared machine.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock } from '../../src/core/clock.js';
import type { MediaHealthState } from '../../src/core/media-health.js';
import { PersistentMap } from '../../src/core/persistent-map.js';
import type { StatusState } from '../../src/core/status.js';
import { createStatusStore, type StoreEvent } from '../../src/core/store.js';
import { attachTokenRenewal } from '../../src/policy/token-renewal.js';

const TOKEN = 'tok-SECRET-fuzz';
const STREAM_IDS = ['s1', 's2', 's3', 'host', ''];
const USER_IDS = ['a', 'b', 'c', ''];

const roomID = fc.constantFrom('r1', 'r2', '');
const streamID = fc.constantFrom(...STREAM_IDS);
const userID = fc.oneof(fc.constantFrom(...USER_IDS), fc.constant(undefined), fc.integer());
const at = fc.oneof(fc.integer({ min: 0, max: 600_000 }), fc.constantFrom(NaN, -5));
const grade = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(NaN, '3', null));
const figure = fc.oneof(fc.double({ min: -10, max: 5000, noNaN: false }), fc.constant(undefined));
const stats = fc.oneof(
  fc.record(
    {
      level: grade,
      videoQuality: grade,
      audioQuality: grade,
      videoBitrate: figure,
      audioBitrate: figure,
      videoFPS: figure,
      rtt: figure,
      packetLossRate: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constant(undefined)),
      videoMuted: fc.boolean(),
      audioMuted: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, 42, 'x'),
);

const coreEvent = fc.oneof(
  fc.record({ type: fc.constant('roomStateChanged'), roomID, reason: fc.constantFrom('LOGINING', 'LOGINED', 'RECONNECTING', 'RECONNECTED', 'LOGOUT', 'KICKOUT', 'RECONNECT_FAILED', 'LOGIN_FAILED', 'LOGOUT_FAILED'), errorCode: fc.constantFrom(0, 1002050), at }),
  fc.record({ type: fc.constant('roomStreamUpdate'), roomID, updateType: fc.constantFrom('ADD', 'DELETE'), streamList: fc.array(fc.record({ streamID, user: fc.record({ userID: fc.constantFrom('a', 'b') }) }), { maxLength: 3 }), at }),
  fc.record({ type: fc.constant('roomUserUpdate'), roomID, updateType: fc.constantFrom('ADD', 'DELETE'), userList: fc.array(fc.record({ userID: fc.constantFrom('a', 'b', 'c') }), { maxLength: 3 }), at }),
  fc.record({ type: fc.constant('playerStateUpdate'), streamID, state: fc.constantFrom('NO_PLAY', 'PLAY_REQUESTING', 'PLAYING'), errorCode: fc.constantFrom(0, 1004020), at }),
  fc.record({ type: fc.constant('publisherStateUpdate'), streamID, state: fc.constantFrom('NO_PUBLISH', 'PUBLISH_REQUESTING', 'PUBLISHING'), errorCode: fc.constantFrom(0, 1003020), at }),
  fc.record({ type: fc.constant('replayCancelled'), target: fc.constant('player'), streamID, reset: fc.boolean(), at }),
);

const mediaEvent = fc.oneof(
  fc.record({ type: fc.constant('networkQuality'), userID, upstreamQuality: grade, downstreamQuality: grade, at }),
  fc.record({ type: fc.constantFrom('publishQualityUpdate', 'playQualityUpdate'), streamID, stats, at }),
  fc.record({ type: fc.constantFrom('remoteCameraStatusUpdate', 'remoteMicStatusUpdate'), streamID, status: fc.constantFrom('OPEN', 'MUTE', 'OFF', 1), at }),
  fc.record({ type: fc.constant('tokenWillExpire'), roomID, remainingMs: fc.oneof(fc.integer({ min: -1000, max: 60_000 }), fc.constant(undefined)), at }),
  fc.record({ type: fc.constant('tokenRenewal'), roomID, status: fc.constantFrom('renewing', 'renewed', 'failed', 'bogus'), errorCode: fc.oneof(fc.integer(), fc.constant(undefined)), message: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(undefined)), retryAt: fc.oneof(at, fc.constant(undefined)), at }),
  fc.record({ type: fc.constant('deviceError'), errorCode: fc.oneof(fc.constantFrom(0, 1006006, 1103064, 1106008, 1106009, 1103042), fc.integer()), errorName: fc.constantFrom(undefined, 'NotAllowedError', 'NotReadableError', 'TypeError', 7), device: fc.constantFrom(undefined, 'camera', 'microphone', 'speaker', 'screen', 'toaster'), deviceName: fc.constantFrom(undefined, 'USB Camera', 'Mic'), at }),
  fc.record({ type: fc.constant('deviceStateChanged'), device: fc.constantFrom('camera', 'microphone', 'speaker', 'x'), updateType: fc.constantFrom('ADD', 'DELETE', 'X'), deviceID: fc.constantFrom('d1', undefined), deviceName: fc.constantFrom('USB Camera', 'Mic', undefined), at }),
  fc.record({ type: fc.constant('deviceRecovered'), device: fc.constantFrom(undefined, 'camera', 'microphone', 'x'), at }),
  fc.record({ type: fc.constant('screenSharingEnded'), at }),
  fc.record({ type: fc.constant('exceptionUpdate'), streamID, code: fc.oneof(fc.integer({ min: 1000, max: 1011 }), fc.integer({ min: 2000, max: 2011 }), fc.constantFrom(NaN, 5)), at }),
  fc.record({ type: fc.constant('autoplayFailed'), streamID, blocked: fc.constantFrom('all', 'audio', 'video'), at }),
  fc.record({ type: fc.constant('autoplayResumed'), streamID, at }),
  fc.record({ type: fc.constantFrom('offline', 'online'), at }),
  fc.constantFrom(null, undefined, 42, {}, { type: 'offline' }, { type: 'bogus', at: 1 }),
);

const step = fc.oneof(
  { arbitrary: coreEvent, weight: 2 },
  { arbitrary: mediaEvent, weight: 3 },
  // Time passes (retries fall due); the renewal's fetch and renewal outcomes vary.
  { arbitrary: fc.record({ advance: fc.integer({ min: 0, max: 10_000 }) }), weight: 1 },
);

const inSession = (state: StatusState, roomID: string) => {
  const phase = state.rooms.get(roomID)?.phase;
  return phase === 'connecting' || phase === 'connected' || phase === 'reconnecting';
};

function alive(state: StatusState, id: string): boolean {
  const player = state.players.get(id);
  const publisher = state.publishers.get(id);
  let live = false;
  state.rooms.forEach((room) => (live ||= room.streams.has(id)));
  return live || (player !== undefined && player.state !== 'NO_PLAY') || (publisher !== undefined && publisher.state !== 'NO_PUBLISH');
}

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (v instanceof PersistentMap ? Object.fromEntries(v.entries()) : v));

/** Throws with `message` unless `ok` (plain checks: this runs after every one of tens of thousands of steps). */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

function checkInvariants(state: StatusState) {
  const media = state.media as MediaHealthState;
  media.streams.forEach((health, id) => {
    check(alive(state, id), `stream ${id} kept while not live, played or published`);
    const sorted = [...new Set(health.exceptions)].sort((a, b) => a - b);
    check(sorted.join() === health.exceptions.join(), `exceptions not sorted and unique: ${health.exceptions}`);
    check(health.exceptions.every((code) => code >= 1001 && code <= 1010), `exception out of range: ${health.exceptions}`);
    for (const quality of [health.playQuality, health.publishQuality]) {
      check(!quality || [-1, 0, 1, 2, 3, 4].includes(quality.grade), `bad grade ${quality?.grade}`);
    }
  });
  media.autoplay.forEach((_block, id) => check(alive(state, id), `autoplay block of ${id} kept while not alive`));
  media.tokens.forEach((_token, id) => check(inSession(state, id), `token of ${id} kept out of session`));
  let anyInSession = false;
  state.rooms.forEach((_room, id) => (anyInSession ||= inSession(state, id)));
  check(anyInSession || media.users.size === 0, 'users kept with no room in session');
  // Bounded: one entry per ID there is.
  check(media.streams.size <= STREAM_IDS.length && media.users.size <= USER_IDS.length && media.tokens.size <= 2, 'a map grew past its IDs');
  check(new Set(media.deviceIssues.map((i) => i.device)).size === media.deviceIssues.length && media.deviceIssues.length <= 5, 'device issues');
}

describe('media health under random event sequences', () => {
  it('keeps its invariants and never holds the token (500 sequences of up to 80 steps)', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 80, size: 'max' }),
        fc.array(fc.constantFrom('ok', 'false', 'throw', 'no-token'), { minLength: 1, maxLength: 8 }),
        (steps, outcomes) => {
          const clock = createManualClock();
          const thrown: unknown[] = [];
          const store = createStatusStore({ clock, extensions: [mediaHealth({ browserConnectivity: false })], onListenerError: (e) => thrown.push(e) });
          const events: unknown[] = [];
          store.subscribeEvents((event) => events.push(event));
          let call = 0;
          const next = () => outcomes[call++ % outcomes.length];
          const renewal = attachTokenRenewal({
            store,
            roomID: 'r1',
            fetchToken: () => (next() === 'no-token' ? '' : TOKEN),
            renewToken: (token) => {
              const outcome = next();
              if (outcome === 'throw') throw new Error(`refused ${token}`);
              return outcome !== 'false';
            },
          });
          for (const item of steps) {
            if (item !== null && typeof item === 'object' && 'advance' in item) clock.advance(item.advance);
            else store.dispatch(item as StoreEvent);
            checkInvariants(store.getState());
          }
          // The policy's listener never throws, whatever is dispatched.
          expect(thrown).toEqual([]);
          expect(json(store.getState())).not.toContain('SECRET');
          expect(json(events)).not.toContain('SECRET');
          renewal.detach();
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it('a media event applied twice changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(coreEvent, mediaEvent), { maxLength: 40, size: 'max' }), mediaEvent, (prefix, last) => {
        const store = createStatusStore({ clock: createManualClock(), extensions: [mediaHealth({ browserConnectivity: false })] });
        for (const event of prefix) store.dispatch(event as StoreEvent);
        store.dispatch(last as StoreEvent);
        const once = store.getState();
        store.dispatch(last as StoreEvent);
        expect(store.getState()).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});
