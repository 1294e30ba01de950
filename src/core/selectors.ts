/**
 * Selectors with stable references: the same input state gives the same
 * object, and a state with nothing known gives a stable default, never
 * undefined, so `useStatus(selectRoom)` re-renders only on real change.
 */
import { arrayOf, defaults } from './stable.js';
import {
  createPlayerStatus,
  createPublisherStatus,
  createRoomStatus,
  type LiveStream,
  type PlayerStatus,
  type PublisherStatus,
  type RoomStatus,
  type RoomUser,
  type StatusState,
} from './status.js';

const defaultRoom = /* @__PURE__ */ defaults(createRoomStatus);
const defaultPublisher = /* @__PURE__ */ defaults(createPublisherStatus);
const defaultPlayer = /* @__PURE__ */ defaults(createPlayerStatus);

/**
 * The roomID a selector uses when none is given: the room most recently asked
 * to log in, else the only room, else `''`.
 *
 * @example
 * ```ts
 * selectCurrentRoomID(store.getState()); // 'r1'
 * ```
 */
export function selectCurrentRoomID(state: StatusState): string {
  return state.currentRoomID ?? (state.rooms.size === 1 ? [...state.rooms.keys()][0]! : '');
}

/**
 * One room's status; without a roomID, the current room. Unknown rooms give a
 * stable LOGOUT default.
 *
 * @example
 * ```ts
 * const room = selectRoom(store.getState(), 'r1');
 * room.phase; // 'reconnecting'
 * ```
 */
export function selectRoom(state: StatusState, roomID?: string): RoomStatus {
  const id = roomID ?? selectCurrentRoomID(state);
  return state.rooms.get(id) ?? defaultRoom(id);
}

/**
 * One publisher's status; a stable NO_PUBLISH default when unknown.
 *
 * @example
 * ```ts
 * selectPublisher(store.getState(), 'me').state; // 'PUBLISHING'
 * ```
 */
export function selectPublisher(state: StatusState, streamID: string): PublisherStatus {
  return state.publishers.get(streamID) ?? defaultPublisher(streamID);
}

/**
 * One player's status; a stable NO_PLAY default when unknown.
 *
 * @example
 * ```ts
 * selectPlayer(store.getState(), 'host-main').replay?.dueAt;
 * ```
 */
export function selectPlayer(state: StatusState, streamID: string): PlayerStatus {
  return state.players.get(streamID) ?? defaultPlayer(streamID);
}

/**
 * The live streams of a room (the current room by default), as a stable array.
 *
 * @example
 * ```ts
 * selectRoomStreams(store.getState(), 'r1').map((s) => s.streamID);
 * ```
 */
export function selectRoomStreams(state: StatusState, roomID?: string): readonly LiveStream[] {
  return arrayOf(selectRoom(state, roomID).streams);
}

/**
 * The users in a room (the current room by default), as a stable array.
 *
 * @example
 * ```ts
 * selectRoomUsers(store.getState()).length;
 * ```
 */
export function selectRoomUsers(state: StatusState, roomID?: string): readonly RoomUser[] {
  return arrayOf(selectRoom(state, roomID).users);
}
