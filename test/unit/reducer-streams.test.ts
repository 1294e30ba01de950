import { describe, expect, it } from 'vitest';
import { STREAM_DELETE_REASONS, selectPlayer, selectPublisher, selectRoom, selectRoomStreams, selectRoomUsers } from '../../src/index.js';
import { SECOND, setup } from './helpers.js';

function inRoom(options = {}) {
  const s = setup(options);
  s.room('r1', 'LOGINING');
  s.room('r1', 'LOGINED');
  const add = (...ids: string[]) =>
    s.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', streamList: ids.map((streamID) => ({ streamID, user: { userID: `u-${streamID}` } })) });
  const del = (extendedData: string | undefined, ...ids: string[]) =>
    s.emit({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'DELETE', streamList: ids.map((streamID) => ({ streamID })), ...(extendedData !== undefined && { extendedData }) });
  return { ...s, add, del };
}

describe('room streams', () => {
  it('ADD lists a stream with its user; DELETE moves it to removedStreams with the time', () => {
    const { store, add, del, clock } = inRoom();
    add('host-main');
    expect(selectRoomStreams(store.getState(), 'r1')).toEqual([{ streamID: 'host-main', user: { userID: 'u-host-main' }, addedAt: 0 }]);
    clock.advance(90 * SECOND);
    del('{"stream_delete_reason":2}', 'host-main');
    const room = selectRoom(store.getState(), 'r1');
    expect(room.streams.size).toBe(0);
    expect(room.removedStreams).toEqual([
      { streamID: 'host-main', user: { userID: 'u-host-main' }, removedAt: 90 * SECOND, deleteReason: 'heartbeat-timeout', deleteReasonCode: 2 },
    ]);
  });

  it.each(STREAM_DELETE_REASONS.map((name, i) => [i + 1, name] as const))('stream_delete_reason %i is %s', (code, name) => {
    const { store, add, del } = inRoom();
    add('s');
    del(JSON.stringify({ stream_delete_reason: code }), 's');
    expect(selectRoom(store.getState(), 'r1').removedStreams[0]).toMatchObject({ deleteReason: name, deleteReasonCode: code });
  });

  it.each([
    ['no extendedData', undefined, null, null],
    ['malformed JSON', '{"stream_delete_reason":', null, null],
    ['an unknown code', '{"stream_delete_reason":99}', null, 99],
    ['a numeric string', '{"stream_delete_reason":"1"}', 'stopped', 1],
    ['plain text', 'bye', null, null],
  ])('DELETE with %s still removes the stream', (_, extendedData, deleteReason, deleteReasonCode) => {
    const { store, add, del } = inRoom();
    add('s');
    del(extendedData, 's');
    const room = selectRoom(store.getState(), 'r1');
    expect(room.streams.has('s')).toBe(false);
    expect(room.removedStreams[0]).toMatchObject({ streamID: 's', deleteReason, deleteReasonCode });
  });

  it('duplicate ADD keeps the same objects; DELETE of an unknown stream is a no-op', () => {
    const { store, add, del } = inRoom();
    add('s');
    const before = store.getState();
    add('s');
    expect(store.getState()).toBe(before);
    del(undefined, 'never-seen');
    expect(store.getState()).toBe(before);
  });

  it('a stream added again is no longer listed as removed (host crash, restart within 90 s: DELETE then ADD)', () => {
    const { store, add, del, clock } = inRoom();
    add('host');
    clock.advance(5 * SECOND);
    del('{"stream_delete_reason":3}', 'host');
    clock.advance(1 * SECOND);
    add('host');
    const room = selectRoom(store.getState(), 'r1');
    expect(room.streams.get('host')?.addedAt).toBe(6 * SECOND);
    expect(room.removedStreams).toEqual([]);
  });

  it('removedStreams stays within its cap over 100,000 add/delete cycles', () => {
    const { store, add, del } = inRoom({ removedStreamLimit: 20 });
    for (let i = 0; i < 100_000; i++) {
      add(`s${i}`);
      del('{"stream_delete_reason":1}', `s${i}`);
    }
    const room = selectRoom(store.getState(), 'r1');
    expect(room.removedStreams).toHaveLength(20);
    expect(room.removedStreams[0]?.streamID).toBe('s99999');
    expect(room.streams.size).toBe(0);
  }, 60_000); // 200,000 dispatches: ~0.5 s idle, 4 s seen on a loaded 2-core machine

  it('leaving the room (logout, kick-out, failure) clears the lists it built', () => {
    const { store, add, room, emit } = inRoom();
    add('a', 'b');
    emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2' }] });
    room('r1', 'KICKOUT', 1002050);
    expect(selectRoomStreams(store.getState(), 'r1')).toEqual([]);
    expect(selectRoomUsers(store.getState(), 'r1')).toEqual([]);
  });

  it('stream arrays are stable while the streams do not change', () => {
    const { store, add, room } = inRoom();
    add('a');
    const streams = selectRoomStreams(store.getState(), 'r1');
    room('r1', 'RECONNECTING', 1002051);
    expect(selectRoomStreams(store.getState(), 'r1')).toBe(streams);
  });

  it('strips anything but the documented fields (no media objects or tokens enter the store)', () => {
    const { store, emit } = inRoom();
    emit({
      type: 'roomStreamUpdate',
      roomID: 'r1',
      updateType: 'ADD',
      streamList: [{ streamID: 's', user: { userID: 'u', userName: 'A', token: 'secret' }, extraInfo: 'x', media: {} } as never],
    });
    expect(selectRoomStreams(store.getState(), 'r1')).toEqual([{ streamID: 's', user: { userID: 'u', userName: 'A' }, extraInfo: 'x', addedAt: 0 }]);
  });
});

describe('room users', () => {
  it('ADD and DELETE users; T3 + 90 s others lose the dropped user', () => {
    const { store, emit, clock } = inRoom();
    emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'a', userName: 'Alice' }, { userID: 'b' }] });
    expect(selectRoomUsers(store.getState(), 'r1').map((u) => u.userID).sort()).toEqual(['a', 'b']);
    clock.advance(90 * SECOND);
    emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'DELETE', userList: [{ userID: 'a' }] });
    expect(selectRoomUsers(store.getState(), 'r1').map((u) => u.userID)).toEqual(['b']);
  });
});

describe('publishers and players', () => {
  it('track state, errorCode and since; unknown streams give stable defaults', () => {
    const { store, emit, clock } = inRoom();
    expect(selectPlayer(store.getState(), 'x')).toMatchObject({ state: 'NO_PLAY', errorCode: 0 });
    expect(selectPublisher(store.getState(), 'x')).toBe(selectPublisher(store.getState(), 'x'));
    emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISH_REQUESTING', errorCode: 0 });
    clock.advance(300);
    emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
    expect(selectPublisher(store.getState(), 'me')).toMatchObject({ state: 'PUBLISHING', since: 300 });
    emit({ type: 'playerStateUpdate', streamID: 'host', state: 'NO_PLAY', errorCode: 1004020 });
    expect(selectPlayer(store.getState(), 'host')).toMatchObject({ state: 'NO_PLAY', errorCode: 1004020 });
  });

  it('a player event changes no room object; a room event does not change the players map', () => {
    const { store, emit, room } = inRoom();
    const rooms = store.getState().rooms;
    emit({ type: 'playerStateUpdate', streamID: 'host', state: 'PLAYING', errorCode: 0 });
    expect(store.getState().rooms).toBe(rooms);
    const players = store.getState().players;
    room('r1', 'RECONNECTING', 1002051);
    expect(store.getState().players).toBe(players);
  });

  it('keeps replay bookkeeping from policy events and resets it on PLAYING', () => {
    const { store, emit, clock } = inRoom();
    emit({ type: 'playerStateUpdate', streamID: 'host', state: 'NO_PLAY', errorCode: 1004020 });
    emit({ type: 'replayScheduled', target: 'player', streamID: 'host', attempt: 1, dueAt: clock.now() + 3 * SECOND });
    expect(selectPlayer(store.getState(), 'host')).toMatchObject({ replay: { attempt: 1, dueAt: 3 * SECOND }, attempts: 1, gaveUp: false });
    clock.advance(3 * SECOND);
    emit({ type: 'replayStarted', target: 'player', streamID: 'host', attempt: 1 });
    expect(selectPlayer(store.getState(), 'host').replay).toBeNull();
    emit({ type: 'replayGaveUp', target: 'player', streamID: 'host', attempts: 3 });
    expect(selectPlayer(store.getState(), 'host')).toMatchObject({ gaveUp: true, attempts: 3 });
    emit({ type: 'playerStateUpdate', streamID: 'host', state: 'PLAYING', errorCode: 0 });
    expect(selectPlayer(store.getState(), 'host')).toMatchObject({ replay: null, attempts: 0, gaveUp: false });
  });

  it('records failed engine calls and cancelled retries', () => {
    const { store, emit, clock } = inRoom();
    emit({ type: 'replayScheduled', target: 'publisher', streamID: 'me', attempt: 1, dueAt: clock.now() + 3000 });
    emit({ type: 'replayCancelled', target: 'publisher', streamID: 'me' });
    expect(selectPublisher(store.getState(), 'me')).toMatchObject({ replay: null, attempts: 1 });
    emit({ type: 'replayCancelled', target: 'publisher', streamID: 'me', reset: true });
    expect(selectPublisher(store.getState(), 'me').attempts).toBe(0);
    emit({ type: 'engineCallFailed', target: 'player', streamID: 'host', call: 'startPlayingStream', errorCode: 1004002, message: 'no stream' });
    expect(selectPlayer(store.getState(), 'host').lastError).toEqual({ call: 'startPlayingStream', errorCode: 1004002, message: 'no stream', at: 0 });
  });
});
