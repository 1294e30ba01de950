/**
 * The slice hooks, each on {@link useStatus} with a stable-reference selector,
 * so each re-renders only when its own room, publisher or player changes.
 */
import { useCallback } from 'react';
import {
  selectPlayer,
  selectPublisher,
  selectRoom,
  selectRoomStreams,
  selectRoomUsers,
} from '../core/selectors.js';
import type { LiveStream, PlayerStatus, PublisherStatus, RoomStatus, RoomUser, StatusState } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useStatus } from './use-status.js';

/** `select(state, key)` through {@link useStatus}, with a selector that changes only with `key`. */
function useSlice<K, T>(
  select: (state: StatusState, key: K) => T,
  key: K,
  store: StatusStore | undefined,
  equal?: (a: T, b: T) => boolean,
): T {
  return useStatus(useCallback((state: StatusState) => select(state, key), [select, key]), equal, store);
}

// The room lists change with every user or stream event; the connection
// fields (reason, phase, timing, errors, kick-out) far less often.
const LISTS = /* @__PURE__ */ new Set<string>(['streams', 'users', 'removedStreams'] satisfies (keyof RoomStatus)[]);
const sameConnection = (a: RoomStatus, b: RoomStatus): boolean =>
  a === b || (Object.keys(a) as (keyof RoomStatus)[]).every((key) => LISTS.has(key) || a[key] === b[key]);

/**
 * The room for a component that shows its connection (banner, badge, kick-out
 * dialog): re-renders when the reason, phase, timing, errors or kick-out
 * change, not on user or stream events (a hook re-renders only when
 * its own slice changes). Its `streams`, `users` and `removedStreams` are as of
 * the last such change. Internal to the kit.
 *
 * @internal
 */
export function useRoomConnection(roomID: string | undefined, store: StatusStore | undefined): RoomStatus {
  return useSlice(selectRoom, roomID, store, sameConnection);
}

/**
 * One room's status (the current room when `roomID` is omitted).
 *
 * @example
 * ```tsx
 * function Phase() {
 *   const room = useRoomState();
 *   return <span data-phase={room.phase}>{room.reason}</span>;
 * }
 * ```
 */
export function useRoomState(roomID?: string, store?: StatusStore): RoomStatus {
  return useSlice(selectRoom, roomID, store);
}

/**
 * One published stream's status.
 *
 * @example
 * ```tsx
 * const { state, errorCode } = usePublisherState('me-main');
 * ```
 */
export function usePublisherState(streamID: string, store?: StatusStore): PublisherStatus {
  return useSlice(selectPublisher, streamID, store);
}

/**
 * One played stream's status, with the audience policy's replay schedule.
 *
 * @example
 * ```tsx
 * function Tile({ streamID }: { streamID: string }) {
 *   const player = usePlayerState(streamID);
 *   return <div data-state={player.state} />;
 * }
 * ```
 */
export function usePlayerState(streamID: string, store?: StatusStore): PlayerStatus {
  return useSlice(selectPlayer, streamID, store);
}

/**
 * The live streams of a room, as an array that keeps its identity until the list changes.
 *
 * @example
 * ```tsx
 * const streams = useRoomStreams();
 * return <>{streams.map((s) => <StreamView key={s.streamID} streamID={s.streamID} />)}</>;
 * ```
 */
export function useRoomStreams(roomID?: string, store?: StatusStore): readonly LiveStream[] {
  return useSlice(selectRoomStreams, roomID, store);
}

/**
 * The users in a room, as an array that keeps its identity until the list changes.
 *
 * @example
 * ```tsx
 * const users = useRoomUsers('r1');
 * return <ul>{users.map((u) => <li key={u.userID}>{u.userName ?? u.userID}</li>)}</ul>;
 * ```
 */
export function useRoomUsers(roomID?: string, store?: StatusStore): readonly RoomUser[] {
  return useSlice(selectRoomUsers, roomID, store);
}
