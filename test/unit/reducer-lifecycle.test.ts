/**
 * Issue 13, the room lifecycle in the reducer: leave and rejoin, a room the
 * store never saw the login of, many rooms over a long session, and the
 * 500-character cap on hostile text.
 */
import { describe, expect, it } from 'vitest';
import {
  LEFT_ROOM_LIMIT,
  createInitialStatus,
  selectCurrentRoomID,
  selectPlayer,
  selectRoom,
  selectRoomStreams,
  statusReducer,
  type StatusEvent,
} from '../../src/index.js';
import { MINUTE, SECOND, setup } from './helpers.js';

const HOST = { streamID: 'host-main', user: { userID: 'host', userName: 'Host' } };
const HEARTBEAT = '{"stream_delete_reason":2}';

function session() {
  const s = setup({ roomRetryTimeMs: 5 * MINUTE });
  const streams = (roomID: string, updateType: 'ADD' | 'DELETE', ...list: { streamID: string }[]) =>
    s.emit({ type: 'roomStreamUpdate', roomID, updateType, streamList: list, ...(updateType === 'DELETE' && { extendedData: HEARTBEAT }) });
  const users = (roomID: string, updateType: 'ADD' | 'DELETE', ...userIDs: string[]) =>
    s.emit({ type: 'roomUserUpdate', roomID, updateType, userList: userIDs.map((userID) => ({ userID })) });
  const player = (streamID: string, state: string, errorCode = 0) =>
    s.emit({ type: 'playerStateUpdate', streamID, state: state as never, errorCode });
  /** T0 loginRoom, T1 = T0 + 120 ms LOGINED (seed 003). */
  const login = (roomID = 'r1') => {
    s.room(roomID, 'LOGINING');
    s.clock.advance(120);
    s.room(roomID, 'LOGINED');
  };
  const get = (roomID = 'r1') => selectRoom(s.store.getState(), roomID);
  return { ...s, streams, users, player, login, get };
}

describe('leave and rejoin', () => {
  it('a late stream ADD after LOGOUT is dropped, and the next login starts without it', () => {
    const t = session();
    t.login();
    t.room('r1', 'LOGOUT');
    const afterLogout = t.store.getState();
    t.streams('r1', 'ADD', HOST); // the SDK can deliver one after the logout
    expect(t.store.getState()).toBe(afterLogout);
    t.clock.advance(MINUTE);
    t.login();
    expect(selectRoomStreams(t.store.getState(), 'r1')).toEqual([]);
  });

  it('a late user update or RECONNECTING after LOGOUT is dropped too', () => {
    const t = session();
    t.login();
    t.room('r1', 'LOGOUT');
    const afterLogout = t.store.getState();
    t.users('r1', 'ADD', 'u2');
    t.room('r1', 'RECONNECTING', 1000017);
    t.room('r1', 'KICKOUT', 1002050);
    expect(t.store.getState()).toBe(afterLogout);
    expect(t.get().phase).toBe('idle');
  });

  it('host crash: DELETE at + 90 s, logout, a login an hour later shows no "host lost" tile', () => {
    const t = session();
    t.login();
    t.streams('r1', 'ADD', HOST);
    t.clock.advance(90 * SECOND);
    t.streams('r1', 'DELETE', HOST);
    expect(t.get().removedStreams.map((s) => s.streamID)).toEqual(['host-main']);
    t.room('r1', 'LOGOUT');
    t.clock.advance(60 * MINUTE);
    t.login();
    expect(t.get().removedStreams).toEqual([]);
  });

  it.each([
    ['LOGOUT', 0],
    ['KICKOUT', 1002050],
    ['RECONNECT_FAILED', 1002053],
    ['LOGIN_FAILED', 1002033],
  ] as const)('%s ends the room’s streams, users and removed streams', (reason, code) => {
    const t = session();
    if (reason === 'LOGIN_FAILED') t.room('r1', 'LOGINING');
    else t.login();
    t.streams('r1', 'ADD', HOST, { streamID: 'guest' });
    t.streams('r1', 'DELETE', { streamID: 'guest' });
    t.users('r1', 'ADD', 'host', 'u2');
    const before = t.get();
    expect([before.streams.size, before.users.size, before.removedStreams.length]).toEqual([1, 2, 1]);
    t.room('r1', reason, code);
    const after = t.get();
    expect([after.streams.size, after.users.size, after.removedStreams.length]).toEqual([0, 0, 0]);
    // Nothing of the room comes back through a late update either.
    t.streams('r1', 'ADD', HOST);
    t.users('r1', 'ADD', 'u3');
    expect([t.get().streams.size, t.get().users.size]).toEqual([0, 0]);
  });

  it('a new LOGINING starts from empty lists, even when the store missed the LOGOUT', () => {
    const t = session();
    t.login();
    t.streams('r1', 'ADD', HOST, { streamID: 'guest' });
    t.streams('r1', 'DELETE', { streamID: 'guest' });
    t.users('r1', 'ADD', 'host');
    // (the LOGOUT went by while nothing listened)
    t.clock.advance(MINUTE);
    t.room('r1', 'LOGINING');
    const r = t.get();
    expect([r.phase, r.streams.size, r.users.size, r.removedStreams.length]).toEqual(['connecting', 0, 0, 0]);
  });

  it.each([
    ['KICKOUT', 1002055, 'kicked'],
    ['RECONNECT_FAILED', 1002053, 'failed'],
  ] as const)('the details of a %s stay until the next login', (reason, code, phase) => {
    const t = session();
    t.login();
    t.clock.advance(SECOND);
    t.room('r1', reason, code, '{"custom_kickout_message":"Removed by moderator"}');
    t.clock.advance(SECOND);
    t.room('r1', 'LOGOUT_FAILED', 1002002); // the app's cleanup logout of a room the SDK already left
    expect(t.get()).toMatchObject({ phase, lastError: { code, reason } });
    if (phase === 'kicked') expect(t.get().kickout).toMatchObject({ code, message: 'Removed by moderator' });
    t.clock.advance(MINUTE);
    t.room('r1', 'LOGINING');
    expect(t.get()).toMatchObject({ phase: 'connecting', kickout: null, lastError: null });
  });

  it('a room left with LOGOUT leaves the store: its selector gives the stable idle default; currentRoomID stays', () => {
    const t = session();
    t.login();
    t.streams('r1', 'ADD', HOST);
    t.room('r1', 'LOGOUT');
    const state = t.store.getState();
    expect(state.rooms.has('r1')).toBe(false);
    expect(state.rooms.size).toBe(0);
    expect(selectRoom(state, 'r1')).toBe(selectRoom(createInitialStatus(), 'r1'));
    expect(selectRoom(state, 'r1')).toMatchObject({ reason: 'LOGOUT', phase: 'idle' });
    // The current room stays the one the app asked for: a hook without a roomID shows it left, not another room.
    expect(state.currentRoomID).toBe('r1');
    expect(selectRoom(state)).toBe(selectRoom(state, 'r1'));
  });

  it('switching rooms: the old room leaves the store, the new one is current', () => {
    const t = session();
    t.login('a');
    t.room('a', 'LOGOUT'); // switchRoom: LOGOUT of the old room, LOGINING of the new one
    t.login('b');
    const state = t.store.getState();
    expect([...state.rooms.keys()]).toEqual(['b']);
    expect(selectCurrentRoomID(state)).toBe('b');
  });
});

describe('a room whose login the store never saw (the app attached after loginRoom)', () => {
  it('its stream and user updates put it in the store as joined (connected)', () => {
    const t = session();
    t.streams('r1', 'ADD', HOST);
    expect(t.get()).toMatchObject({ reason: 'LOGINED', phase: 'connected' });
    expect(t.get().streams.has('host-main')).toBe(true);
    expect(selectCurrentRoomID(t.store.getState())).toBe('r1');
    t.users('r2', 'ADD', 'u2');
    expect(t.get('r2')).toMatchObject({ phase: 'connected' });
    // The first room the user was seen in stays current.
    expect(t.store.getState().currentRoomID).toBe('r1');
  });

  it('its RECONNECTING puts it in as reconnecting, with the outage starting then', () => {
    const t = session();
    t.clock.advance(10 * SECOND);
    t.room('r1', 'RECONNECTING', 1000017);
    expect(t.get()).toMatchObject({ phase: 'reconnecting', reconnectingSince: 10 * SECOND, retryDeadline: 10 * SECOND + 5 * MINUTE });
  });

  it('never a room the store saw the user leave, until a new LOGINING', () => {
    const t = session();
    t.login();
    t.room('r1', 'LOGOUT');
    t.streams('r1', 'ADD', HOST);
    t.room('r1', 'RECONNECTING', 1000017);
    expect(t.store.getState().rooms.size).toBe(0);
    t.login();
    t.streams('r1', 'ADD', HOST);
    expect(t.get()).toMatchObject({ phase: 'connected' });
    expect(t.get().streams.size).toBe(1);
  });

  it('a LOGOUT of a room never seen leaves nothing behind', () => {
    const t = session();
    const before = t.store.getState();
    t.room('r1', 'LOGOUT');
    expect(t.store.getState()).toBe(before);
  });
});

describe('long sessions: memory stays bounded', () => {
  /** One visit as an audience member: login, the host's stream played (or failing), the host lost, logout, player stopped. */
  function visit(t: ReturnType<typeof session>, i: number) {
    const roomID = `room-${i}`;
    const streamID = `room-${i}-host`;
    t.login(roomID);
    t.streams(roomID, 'ADD', { streamID });
    t.users(roomID, 'ADD', `host-${i}`);
    t.player(streamID, 'PLAY_REQUESTING');
    switch (i % 4) {
      case 0: // plays, the host crashes, DELETE at + 90 s, the policy stops it
        t.player(streamID, 'PLAYING');
        t.streams(roomID, 'DELETE', { streamID });
        t.player(streamID, 'NO_PLAY');
        break;
      case 1: // fails; a replay is pending when the user leaves, the policy cancels it
        t.player(streamID, 'NO_PLAY', 1004020);
        t.emit({ type: 'replayScheduled', target: 'player', streamID, attempt: 1, dueAt: t.clock.now() + 3 * SECOND });
        t.emit({ type: 'engineCallFailed', target: 'player', streamID, call: 'startPlayingStream', errorCode: 1004020, message: 'play failed' });
        break;
      case 2: // the policy gave up
        t.player(streamID, 'NO_PLAY', 1004020);
        t.emit({ type: 'replayGaveUp', target: 'player', streamID, attempts: 3 });
        break;
      default: // still playing when the user leaves; stopped after
        t.player(streamID, 'PLAYING');
    }
    t.room(roomID, 'LOGOUT');
    t.emit({ type: 'replayCancelled', target: 'player', streamID });
    if (i % 4 !== 2) t.player(streamID, 'NO_PLAY');
    t.clock.advance(SECOND);
  }

  it('6,000 rooms visited and left: rooms.size and players.size stay bounded', () => {
    const t = session();
    t.login('home'); // one room the user stays in throughout
    t.streams('home', 'ADD', HOST);
    t.player('host-main', 'PLAYING');
    for (let i = 0; i < 6000; i++) visit(t, i);
    const state = t.store.getState();
    expect([...state.rooms.keys()]).toEqual(['home']);
    expect([...state.players.keys()]).toEqual(['host-main']);
    expect(state.leftRoomIDs.length).toBe(LEFT_ROOM_LIMIT);
  }, 60_000); // ~1 s alone; a loaded 2-core machine can take many times that

  it('rooms that failed or kicked the user out, never logged out of, are capped too', () => {
    const t = session();
    for (let i = 0; i < 1000; i++) {
      t.login(`room-${i}`);
      t.room(`room-${i}`, i % 2 ? 'RECONNECT_FAILED' : 'KICKOUT', i % 2 ? 1002053 : 1002050);
    }
    const state = t.store.getState();
    expect(state.rooms.size).toBe(LEFT_ROOM_LIMIT);
    // The most recent ones keep their details until the next login.
    expect(selectRoom(state, 'room-999')).toMatchObject({ phase: 'failed', lastError: { code: 1002053 } });
    expect(selectRoom(state, 'room-998').kickout?.code).toBe(1002050);
  });

  it('a player is kept while StreamView can show it: live, recently removed, or failing outside the room lists', () => {
    const t = session();
    t.login();
    t.streams('r1', 'ADD', HOST);
    t.player('host-main', 'NO_PLAY', 1004020);
    t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 3 });
    t.streams('r1', 'DELETE', HOST);
    t.player('host-main', 'NO_PLAY'); // the policy's stop
    expect(selectPlayer(t.store.getState(), 'host-main').gaveUp).toBe(true); // removed: its tile still shows
    // A stream the app plays itself, outside any room's lists: its failure stays to be shown.
    t.player('other-room-stream', 'NO_PLAY', 1004020);
    expect(t.store.getState().players.has('other-room-stream')).toBe(true);
    // Leaving the room ends the removed list: nothing shows the host's player any more.
    t.room('r1', 'LOGOUT');
    expect(t.store.getState().players.has('host-main')).toBe(false);
  });

  it('a player with an error is freed once its stream falls off removedStreams', () => {
    const t = setup({ removedStreamLimit: 2 });
    const streams = (updateType: 'ADD' | 'DELETE', streamID: string) =>
      t.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType, streamList: [{ streamID }] });
    t.room('r1', 'LOGINING');
    t.room('r1', 'LOGINED');
    streams('ADD', 'a');
    t.emit({ type: 'playerStateUpdate', streamID: 'a', state: 'NO_PLAY', errorCode: 1004020 });
    t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'a', attempts: 3 });
    streams('DELETE', 'a');
    expect(t.store.getState().players.has('a')).toBe(true);
    for (const id of ['b', 'c']) {
      streams('ADD', id);
      streams('DELETE', id);
    }
    expect(t.store.getState().players.has('a')).toBe(false);
  });
});

describe('the 500-character cap cuts on a code-point boundary', () => {
  const emoji = '😀'; // two UTF-16 units
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('a kick-out message', () => {
    let state = createInitialStatus();
    const text = 'a'.repeat(499) + emoji.repeat(3);
    const event: StatusEvent = {
      type: 'roomStateChanged',
      roomID: 'r1',
      reason: 'KICKOUT',
      errorCode: 1002055,
      extendedData: JSON.stringify({ custom_kickout_message: text }),
      at: 0,
    };
    state = statusReducer(state, event);
    const message = selectRoom(state, 'r1').kickout!.message!;
    expect(lone.test(message)).toBe(false);
    expect(message).toBe('a'.repeat(499));
    // An emoji that fits whole is kept whole.
    state = statusReducer(state, { ...event, extendedData: JSON.stringify({ custom_kickout_message: 'a'.repeat(498) + emoji.repeat(3) }), errorCode: 1002050 });
    expect(selectRoom(state, 'r1').kickout!.message).toBe('a'.repeat(498) + emoji);
  });

  it('an engine call’s error message', () => {
    const state = statusReducer(createInitialStatus(), {
      type: 'engineCallFailed',
      target: 'player',
      streamID: 's',
      call: 'startPlayingStream',
      errorCode: 1,
      message: 'x'.repeat(499) + emoji,
      at: 0,
    });
    const message = selectPlayer(state, 's').lastError!.message!;
    expect(lone.test(message)).toBe(false);
    expect(message).toHaveLength(499);
  });
});
