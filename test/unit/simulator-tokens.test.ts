/**
 * Issue 14, simulator: token expiry. tokenWillExpire(roomID) at T − 30 s
 * (web SDK 3.12 `renewToken` declaration); renewToken honoured (true, the
 * expiry moves) or refused by the server (true, as the SDK answers, and the
 * expiry stands); at the expiry the server kicks the user out, as web SDK
 * 3.12.0 reports it (handlePushKickout, reason 4): KICKOUT 1102018 with
 * `{"custom_kickout_message":"token expired; kickout reason: 4"}`. T1 is the
 * host's LOGINED.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectTokenStatus } from '../../src/core/media-selectors.js';
import { selectRoom } from '../../src/core/selectors.js';
import { attachTokenRenewal } from '../../src/policy/token-renewal.js';
import {
  DEFAULT_TOKEN_LIFETIME_MS,
  LOGIN_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  SimulatorErrorCode,
  TOKEN_WARNING_LEAD_MS,
  createSimulatedRoom,
} from '../../src/simulator/index.js';
import { ROOM, SECOND, STREAM, advanceTo, liveRoom, liveRoomSeenBy, record } from './simulator-health-helpers.js';

const LIFETIME = 60 * SECOND;
const KICKOUT = ['roomStateChanged', ROOM, 'KICKOUT', 1102018, '{"custom_kickout_message":"token expired; kickout reason: 4"}'];

/** Host and viewer in the room; the host's token expires LIFETIME from T (`expireTokenIn`). */
async function tokenRoom() {
  const live = await liveRoom();
  const t = live.clock.now();
  live.host.expireTokenIn(LIFETIME);
  return { ...live, t };
}

describe('token expiry (the host\'s token: 60 s from T)', () => {
  it('T + 30 s: tokenWillExpire(roomID); not renewed, T + 60 s: KICKOUT 1102018; the viewer: the stream DELETE (reason 4) ≈100 ms later', async () => {
    const { clock, hostCalls, viewerCalls, t } = await tokenRoom();
    advanceTo(clock, t + LIFETIME + PROPAGATION_DELAY_MS);
    expect(hostCalls.of(['tokenWillExpire', 'roomStateChanged'], t)).toEqual([
      [LIFETIME - TOKEN_WARNING_LEAD_MS, 'tokenWillExpire', ROOM],
      [LIFETIME, ...KICKOUT],
    ]);
    expect(hostCalls.of('publisherStateUpdate', t).map(([at, , result]) => [at, (result as { state: string }).state])).toEqual([[LIFETIME, 'NO_PUBLISH']]);
    expect(viewerCalls.of('roomStreamUpdate', t)).toEqual([
      [LIFETIME + PROPAGATION_DELAY_MS, 'roomStreamUpdate', ROOM, 'DELETE', [expect.objectContaining({ streamID: STREAM })], '{"stream_delete_reason":4}'],
    ]);
    expect(viewerCalls.of('tokenWillExpire')).toEqual([]); // the viewer's token does not expire
  });

  it('renewToken at the warning: true; the expiry moves a lifetime on; no kick-out at T + 60 s', async () => {
    const { clock, host, hostCalls, t } = await tokenRoom();
    advanceTo(clock, t + LIFETIME - TOKEN_WARNING_LEAD_MS);
    expect(host.renewToken('fresh-token', ROOM)).toBe(true);
    const renewedAt = clock.now();
    advanceTo(clock, t + LIFETIME + SECOND);
    expect(hostCalls.after('roomStateChanged', t)).toEqual([]);
    advanceTo(clock, renewedAt + DEFAULT_TOKEN_LIFETIME_MS);
    expect(hostCalls.after(['tokenWillExpire', 'roomStateChanged'], renewedAt)).toEqual([
      [DEFAULT_TOKEN_LIFETIME_MS - TOKEN_WARNING_LEAD_MS, 'tokenWillExpire', ROOM],
      [DEFAULT_TOKEN_LIFETIME_MS, ...KICKOUT],
    ]);
  });

  it('renewToken refused by the server: it still returns true (the SDK only logs), and T + 60 s: KICKOUT 1102018', async () => {
    const { clock, host, hostCalls, t } = await tokenRoom();
    host.refuseTokenRenewal();
    advanceTo(clock, t + LIFETIME - TOKEN_WARNING_LEAD_MS);
    expect(host.renewToken('rejected-token', ROOM)).toBe(true);
    advanceTo(clock, t + LIFETIME);
    expect(hostCalls.after('roomStateChanged', t)).toEqual([[LIFETIME, ...KICKOUT]]);
  });

  it('tokenLifetimeMs on the room: every login\'s token lasts it, T1 + 30 s both are warned, T1 + 60 s both are out', async () => {
    const { clock, hostCalls, viewerCalls } = await liveRoom({ tokenLifetimeMs: LIFETIME });
    const t1 = LOGIN_LATENCY_MS;
    advanceTo(clock, t1 + LIFETIME);
    for (const calls of [hostCalls, viewerCalls]) {
      expect(calls.after(['tokenWillExpire', 'roomStateChanged'], t1)).toEqual([
        [LIFETIME - TOKEN_WARNING_LEAD_MS, 'tokenWillExpire', ROOM],
        [LIFETIME, ...KICKOUT],
      ]);
    }
  });

  it("renewToken's own checks: false outside the room, for an empty token or another roomID; the token appears in no callback", async () => {
    const clock = createManualClock();
    const engine = createSimulatedRoom({ clock }).createEngine({ userID: 'u' });
    const calls = record(engine, clock);
    expect(engine.renewToken('secret-token-1', ROOM)).toBe(false); // not logged in
    void engine.loginRoom(ROOM, 'secret-token-0', engine.user);
    clock.advance(LOGIN_LATENCY_MS);
    expect(engine.renewToken('', ROOM)).toBe(false);
    expect(engine.renewToken('secret-token-2', 'another-room')).toBe(false);
    expect(engine.renewToken('secret-token-3', '')).toBe(false);
    expect(engine.renewToken('secret-token-4')).toBe(true); // the room logged in
    clock.advance(2 * DEFAULT_TOKEN_LIFETIME_MS);
    expect(JSON.stringify(calls.calls)).not.toMatch(/secret-token/);
  });
});

describe('expireTokenIn and a renewal without a room lifetime', () => {
  it('less than 30 s left: tokenWillExpire at once; then KICKOUT at the expiry', async () => {
    const { clock, host, hostCalls } = await liveRoom();
    const t = clock.now();
    expect(host.expireTokenIn(10 * SECOND)).toBe(true);
    clock.advance(10 * SECOND);
    expect(hostCalls.of(['tokenWillExpire', 'roomStateChanged'], t)).toEqual([
      [0, 'tokenWillExpire', ROOM],
      [10 * SECOND, ...KICKOUT],
    ]);
  });

  it('renewed without a room lifetime: the new token lasts an hour', async () => {
    const { clock, host, hostCalls } = await liveRoom();
    host.expireTokenIn(40 * SECOND);
    clock.advance(10 * SECOND);
    const t = clock.now();
    host.renewToken('fresh', ROOM);
    clock.advance(DEFAULT_TOKEN_LIFETIME_MS - 1);
    expect(hostCalls.of('roomStateChanged', t)).toEqual([]);
    clock.advance(1);
    expect(hostCalls.of('roomStateChanged', t)).toEqual([[DEFAULT_TOKEN_LIFETIME_MS, ...KICKOUT]]);
  });

  it('no session: false; a room the engine is not in: false', async () => {
    const engine = createSimulatedRoom({ clock: createManualClock() }).createEngine({ userID: 'u' });
    expect(engine.expireTokenIn(SECOND)).toBe(false);
    const { host } = await liveRoom();
    expect(host.expireTokenIn(SECOND, 'elsewhere')).toBe(false);
  });
});

describe('token expiry while cut off', () => {
  it('T: the host drops; T + 20 s the token expires: the server ends it at once (the viewer gets the DELETE); the host hears KICKOUT when back', async () => {
    const { clock, host, hostCalls, viewerCalls } = await liveRoom();
    const t = clock.now();
    host.dropNetwork();
    host.expireTokenIn(20 * SECOND);
    // The warning is the client's own timer: it comes even while cut off.
    clock.advance(20 * SECOND + PROPAGATION_DELAY_MS);
    expect(hostCalls.of('tokenWillExpire', t)).toEqual([[0, 'tokenWillExpire', ROOM]]);
    expect(viewerCalls.of('roomStreamUpdate', t).map(([at, , , type, , data]) => [at, type, data])).toEqual([
      [20 * SECOND + PROPAGATION_DELAY_MS, 'DELETE', '{"stream_delete_reason":4}'],
    ]);
    expect(hostCalls.of('roomStateChanged', t).map(([, , , reason]) => reason)).toEqual(['RECONNECTING']);
    host.restoreNetwork();
    expect(hostCalls.of('roomStateChanged', t).at(-1)).toEqual([clock.now() - t, ...KICKOUT]);
  });
});

describe('through the kit: attachTokenRenewal on the simulated engine', () => {
  it('T − 30 s: the policy fetches and renews; the store says renewed; T: no kick-out', async () => {
    const { clock, host, store } = await liveRoomSeenBy('host', { tokenLifetimeMs: LIFETIME });
    attachTokenRenewal({ engine: host, store: store, roomID: ROOM, fetchToken: () => 'fresh-token' });
    advanceTo(clock, LOGIN_LATENCY_MS + LIFETIME - TOKEN_WARNING_LEAD_MS);
    await Promise.resolve();
    await Promise.resolve();
    expect(selectTokenStatus(store.getState(), ROOM)?.status).toBe('renewed');
    advanceTo(clock, LOGIN_LATENCY_MS + LIFETIME + SECOND);
    expect(selectRoom(store.getState(), ROOM).reason).toBe('LOGINED');
  });

  it('the server refuses: the store says renewed (the SDK said true), and at T the room is KICKOUT 1102018', async () => {
    const { clock, host, store } = await liveRoomSeenBy('host', { tokenLifetimeMs: LIFETIME });
    host.refuseTokenRenewal();
    attachTokenRenewal({ engine: host, store: store, roomID: ROOM, fetchToken: () => 'fresh-token' });
    advanceTo(clock, LOGIN_LATENCY_MS + LIFETIME);
    await Promise.resolve();
    expect(selectRoom(store.getState(), ROOM)).toMatchObject({ reason: 'KICKOUT', errorCode: SimulatorErrorCode.TOKEN_EXPIRED_KICKOUT });
  });
});
