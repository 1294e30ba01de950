import { describe, expect, it } from 'vitest';
import {
  PLAYER_STATES,
  PUBLISHER_STATES,
  PlayerStateValue,
  PublisherStateValue,
  REASON_PHASE,
  ROOM_REASONS,
  RoomReasonValue,
  canPublishOrPlay,
  phaseOfReason,
  toPlayerState,
  toPublisherState,
  toRoomReason,
} from '../../src/index.js';

describe('state names and numbers (seed 003 tables)', () => {
  it('numbers the nine room reasons 0–8 in the SDK order', () => {
    expect(ROOM_REASONS.map((r) => RoomReasonValue[r])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(RoomReasonValue).toMatchObject({ LOGINING: 0, RECONNECTING: 3, KICKOUT: 6, LOGOUT: 7, LOGOUT_FAILED: 8 });
  });

  it('numbers publisher and player states 0–2', () => {
    expect(PublisherStateValue).toEqual({ NO_PUBLISH: 0, PUBLISH_REQUESTING: 1, PUBLISHING: 2 });
    expect(PlayerStateValue).toEqual({ NO_PLAY: 0, PLAY_REQUESTING: 1, PLAYING: 2 });
  });

  it('converts numbers and every SDK spelling to names', () => {
    ROOM_REASONS.forEach((reason, n) => expect(toRoomReason(n)).toBe(reason));
    expect(toRoomReason('Logining')).toBe('LOGINING');
    expect(toRoomReason('LoginFailed')).toBe('LOGIN_FAILED');
    expect(toRoomReason('Kickout')).toBe('KICKOUT');
    expect(toRoomReason('KICK_OUT')).toBe('KICKOUT');
    expect(toRoomReason('reconnect_failed')).toBe('RECONNECT_FAILED');
    PUBLISHER_STATES.forEach((s, n) => expect(toPublisherState(n)).toBe(s));
    PLAYER_STATES.forEach((s, n) => expect(toPlayerState(n)).toBe(s));
    expect(toPlayerState('PlayRequesting')).toBe('PLAY_REQUESTING');
  });

  it('gives undefined for anything that is not a state', () => {
    for (const bad of [9, -1, 1.5, NaN, Infinity, 'CONNECTED', '', null, undefined, {}, [] as unknown]) {
      expect(toRoomReason(bad)).toBeUndefined();
    }
    expect(toPublisherState(3)).toBeUndefined();
    expect(toPlayerState('PUBLISHING')).toBeUndefined();
  });

  it('maps every reason to its phase; LOGOUT_FAILED keeps the phase', () => {
    expect(REASON_PHASE).toEqual({
      LOGINING: 'connecting',
      LOGINED: 'connected',
      LOGIN_FAILED: 'failed',
      RECONNECTING: 'reconnecting',
      RECONNECTED: 'connected',
      RECONNECT_FAILED: 'failed',
      KICKOUT: 'kicked',
      LOGOUT: 'idle',
      LOGOUT_FAILED: null,
    });
    expect(phaseOfReason('LOGOUT_FAILED')).toBeNull();
  });

  it('allows publishing and playing only in LOGINED and RECONNECTED (seed 002)', () => {
    const allowed = ROOM_REASONS.filter((reason) => canPublishOrPlay(reason));
    expect(allowed).toEqual(['LOGINED', 'RECONNECTED']);
    expect(canPublishOrPlay({ reason: 'RECONNECTING' })).toBe(false);
  });
});
