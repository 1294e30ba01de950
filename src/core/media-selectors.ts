/**
 * Selectors for the media-health slice, with the same promises as the core's:
 * the same input gives the same object, unknown IDs give a stable default,
 * and a primitive where a component only needs one figure (a grade, a time),
 * so `useStatus` re-renders one indicator per report, not every tile.
 */
import type { QualityGrade } from './media-events.js';
import {
  QUALITY_STALE_AFTER_MS,
  type AutoplayBlock,
  type DeviceIssue,
  type MediaHealthState,
  type StreamHealth,
  type TokenStatus,
  type UserNetworkQuality,
} from './media-health.js';
import { selectCurrentRoomID } from './selectors.js';
import { arrayOf, defaults } from './stable.js';
import type { StatusState } from './status.js';

const defaultStream = /* @__PURE__ */ defaults(
  (streamID): StreamHealth => ({ streamID, publishQuality: null, playQuality: null, camera: null, microphone: null, exceptions: [] }),
);
// A user never reported: unknown both ways, reported "never" (-Infinity), so stale at any `now`.
const defaultUser = /* @__PURE__ */ defaults((userID): UserNetworkQuality => ({ userID, upstream: -1, downstream: -1, at: -Infinity }));
const NO_ISSUES: readonly DeviceIssue[] = [];

/**
 * The media-health slice, or `undefined` when the store was created without
 * the `mediaHealth()` extension.
 *
 * @example
 * ```ts
 * selectMediaHealth(store.getState())?.offlineSince;
 * ```
 */
export function selectMediaHealth(state: StatusState): MediaHealthState | undefined {
  return state.media;
}

/**
 * Whether the store keeps media health: what a media component checks to
 * warn, in development, that it will never show anything.
 *
 * @example
 * ```ts
 * if (!hasMediaHealth(store.getState())) console.warn('create the store with extensions: [mediaHealth()]');
 * ```
 */
export function hasMediaHealth(state: StatusState): boolean {
  return state.media !== undefined;
}

/**
 * A grade as it reads at `now`: `-1` (unknown) once the report that gave it
 * is older than {@link QUALITY_STALE_AFTER_MS}.
 *
 * @example
 * ```ts
 * freshGrade(3, 0, 5_000); // 3
 * freshGrade(3, 0, 8_000); // -1: no report for 8 s
 * ```
 */
export function freshGrade(grade: QualityGrade, at: number, now: number): QualityGrade {
  return now - at > QUALITY_STALE_AFTER_MS ? -1 : grade;
}

/** The worse of two grades, leaving unknown (-1) ones out. */
const worse = (a: QualityGrade, b: QualityGrade): QualityGrade => (a < 0 ? b : b < 0 ? a : a > b ? a : b);

/**
 * One stream's media health; a stable empty default for an unknown stream.
 *
 * @example
 * ```ts
 * selectStreamHealth(store.getState(), 'host-main').camera; // 'MUTE'
 * ```
 */
export function selectStreamHealth(state: StatusState, streamID: string): StreamHealth {
  return state.media?.streams.get(streamID) ?? defaultStream(streamID);
}

/**
 * A stream's quality grade at `now`: its play quality when this client plays
 * it, else its publish quality; `-1` when unknown or stale.
 *
 * @example
 * ```ts
 * selectStreamQualityGrade(store.getState(), 'host-main', clock.now()); // 3 (poor)
 * ```
 */
export function selectStreamQualityGrade(state: StatusState, streamID: string, now: number): QualityGrade {
  const { playQuality, publishQuality } = selectStreamHealth(state, streamID);
  const quality = playQuality ?? publishQuality;
  return quality ? freshGrade(quality.grade, quality.at, now) : -1;
}

/**
 * One user's network quality; a stable "unknown" default (grades −1) for a
 * user never reported.
 *
 * @example
 * ```ts
 * selectUserNetworkQuality(store.getState(), 'host').upstream; // 3
 * ```
 */
export function selectUserNetworkQuality(state: StatusState, userID: string): UserNetworkQuality {
  return state.media?.users.get(userID) ?? defaultUser(userID);
}

/**
 * A user's quality grade at `now`: the worse of upstream and downstream
 * (unknown ones left out); `-1` when unknown or stale.
 *
 * @example
 * ```ts
 * selectUserQualityGrade(store.getState(), 'host', clock.now()); // 3
 * ```
 */
export function selectUserQualityGrade(state: StatusState, userID: string, now: number): QualityGrade {
  const { upstream, downstream, at } = selectUserNetworkQuality(state, userID);
  return freshGrade(worse(upstream, downstream), at, now);
}

/**
 * Whether the browser blocked a stream's playback: `'all'`, `'audio'`, or null.
 *
 * @example
 * ```ts
 * selectAutoplayBlock(store.getState(), 'host-main'); // 'audio'
 * ```
 */
export function selectAutoplayBlock(state: StatusState, streamID: string): AutoplayBlock['blocked'] | null {
  return state.media?.autoplay.get(streamID)?.blocked ?? null;
}

/**
 * Every stream whose playback is blocked, as a stable array (what a
 * page-level "Start media" button shows for).
 *
 * @example
 * ```ts
 * selectAutoplayBlocked(store.getState()).length; // 2
 * ```
 */
export function selectAutoplayBlocked(state: StatusState): readonly AutoplayBlock[] {
  return state.media ? arrayOf(state.media.autoplay) : NO_BLOCKS;
}
const NO_BLOCKS: readonly AutoplayBlock[] = [];

/**
 * A room's token status (the current room by default), or null when nothing
 * was said about it.
 *
 * @example
 * ```ts
 * selectTokenStatus(store.getState(), 'r1')?.expiresAt;
 * ```
 */
export function selectTokenStatus(state: StatusState, roomID?: string): TokenStatus | null {
  return state.media?.tokens.get(roomID ?? selectCurrentRoomID(state)) ?? null;
}

/**
 * The current local device problems, newest first (a stable array).
 *
 * @example
 * ```ts
 * selectDeviceIssues(store.getState()).find((i) => i.device === 'camera')?.reason; // 'denied'
 * ```
 */
export function selectDeviceIssues(state: StatusState): readonly DeviceIssue[] {
  return state.media?.deviceIssues ?? NO_ISSUES;
}

/**
 * When the browser went offline, or null while it is online.
 *
 * @example
 * ```ts
 * const since = selectOfflineSince(store.getState());
 * if (since !== null) console.log('offline for', clock.now() - since, 'ms');
 * ```
 */
export function selectOfflineSince(state: StatusState): number | null {
  return state.media?.offlineSince ?? null;
}
