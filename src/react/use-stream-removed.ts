/**
 * What the overlay over a video tile shows, as data (no DOM).
 */
import { useCallback } from 'react';
import { selectPlayer, selectRoom } from '../core/selectors.js';
import type { PlayerStatus, RemovedStream, StatusState, StreamDeleteReason } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useMessages, useStatusStore } from './context.js';
import { enDuration, enStream } from './i18n/en.js';
import { formatDuration } from './format.js';
import { formatMessage, type StatusMessageOverrides } from './i18n/messages.js';
import { useAntiFlap, type AntiFlapOptions } from './use-anti-flap.js';
import { useNow } from './use-now.js';
import { useStatus } from './use-status.js';

/**
 * What the overlay shows: `data-state` of its root.
 * - `waiting`: the stream was deleted (host lost, "Express SDK: disconnection and reconnection" — 90 s after the host dropped);
 * - `retrying`: the policy replays after a failed play (≈3 s, "Express SDK: disconnection and reconnection"): counts
 *   down to the replay's `dueAt`;
 * - `unavailable`: the policy gave up (or a play failed with nothing scheduled),
 *   or the room itself failed (LOGIN_FAILED, RECONNECT_FAILED; `roomFailed`);
 * - `connecting`: PLAY_REQUESTING, or a scheduled replay whose `dueAt` has passed
 *   while the store still shows it pending: it is due or under way (the policy
 *   holds it while the user's room is reconnecting and plays it on RECONNECTED),
 *   so no "Retrying in 0 s" and no ticking;
 * - `hidden`: PLAYING, or nothing to say.
 *
 * @example
 * ```ts
 * const state: StreamRemovedState = 'retrying';
 * ```
 */
export type StreamRemovedState = 'hidden' | 'waiting' | 'retrying' | 'unavailable' | 'connecting';

/**
 * Options of {@link useStreamRemoved}.
 *
 * @example
 * ```ts
 * const options: StreamRemovedOptions = { roomID: 'r1', showDelayMs: 500 };
 * ```
 */
export interface StreamRemovedOptions extends AntiFlapOptions {
  /**
   * The room the stream is in; the current room by default.
   *
   * @defaultValue the current room
   */
  roomID?: string | undefined;
  /**
   * The status store; the `StatusProvider`'s by default.
   *
   * @defaultValue the provider's store
   */
  store?: StatusStore | undefined;
  /**
   * Per-component text overrides, over the provider's catalog.
   *
   * @defaultValue the provider's catalog
   */
  messages?: StatusMessageOverrides | undefined;
}

/**
 * Everything the overlay would show.
 *
 * @example
 * ```tsx
 * const view = useStreamRemoved('host-main');
 * if (view.state === 'retrying') console.log(view.remainingText);
 * ```
 */
export interface StreamRemovedView {
  readonly state: StreamRemovedState;
  readonly player: PlayerStatus;
  readonly title: string | null;
  /** Why the stream was deleted, for `waiting` (from `stream_delete_reason`). */
  readonly deleteReason: StreamDeleteReason | null;
  readonly detail: string | null;
  /**
   * `unavailable` because the room failed (LOGIN_FAILED, RECONNECT_FAILED),
   * not the stream: replaying it cannot work outside the room, so the overlay
   * offers no Retry; the banner's Retry (rejoin) brings every stream back.
   */
  readonly roomFailed: boolean;
  /** Until the scheduled replay (> 0), for `retrying`. */
  readonly remainingMs: number | null;
  readonly remainingText: string | null;
}

/**
 * This stream's player, its deletion while it is gone (else `undefined`), and
 * whether its room failed (a boolean, not the phase: a room event that does
 * not fail the room re-renders no tile).
 */
interface StreamSlice {
  readonly player: PlayerStatus;
  readonly gone: RemovedStream | undefined;
  readonly inFailedRoom: boolean;
}

const sameSlice = (a: StreamSlice, b: StreamSlice): boolean =>
  a.player === b.player && a.gone === b.gone && a.inFailedRoom === b.inFailedRoom;

/** Deleted because the host lost its connection: the only reasons that may say so. */
// The overlay's own English strings (a provider's catalog goes over them).
const EN = /* @__PURE__ */ Object.assign({}, enDuration, enStream);
const connectionLost = (reason: StreamDeleteReason | null): boolean => reason === 'heartbeat-timeout' || reason === 'disconnected';

/**
 * The overlay state of one played stream: waiting after a stream DELETE, with
 * a title and detail that match the delete reason ("Host connection lost"
 * only when it was: heartbeat timeout or disconnect; for a heartbeat timeout
 * how long the host has been unreachable, 90 s at the DELETE and counting),
 * "Retrying in N s" until a scheduled replay's `dueAt`, unavailable after
 * the policy gave up or while the room itself has failed, connecting while
 * PLAY_REQUESTING or once that replay is due, hidden while PLAYING. Re-renders only for this
 * stream; ticks only while counting down, the last tick at `dueAt`.
 *
 * `StreamRemovedOverlay` keeps its live region mounted, empty, while `hidden`:
 * screen readers announce text that appears in a region they already track,
 * and often miss a region inserted together with its text.
 *
 * @example
 * ```tsx
 * function TileStatus({ streamID }: { streamID: string }) {
 *   const view = useStreamRemoved(streamID);
 *   return <p role="status">{view.state !== 'hidden' && view.title}</p>;
 * }
 * ```
 */
export function useStreamRemoved(streamID: string, options: StreamRemovedOptions = {}): StreamRemovedView {
  const { roomID } = options;
  const store = useStatusStore(options.store);
  const messages = useMessages(EN, options.messages);
  const { player, gone, inFailedRoom } = useStatus(
    useCallback(
      (state: StatusState): StreamSlice => {
        const room = selectRoom(state, roomID);
        return {
          player: selectPlayer(state, streamID),
          // A deleted stream is not playing, whatever the player last said; a later ADD brings it back.
          gone: room.streams.has(streamID) ? undefined : room.removedStreams.find((stream) => stream.streamID === streamID),
          inFailedRoom: room.phase === 'failed',
        };
      },
      [roomID, streamID],
    ),
    sameSlice,
    store,
  );
  const now = store.clock.now();
  // Out of a failed room nothing plays and no ADD will come: say that, not "waiting" or "retrying".
  const roomFailed = inFailedRoom && player.state !== 'PLAYING';
  const wanted: StreamRemovedState = roomFailed
    ? 'unavailable'
    : gone !== undefined
      ? 'waiting'
      : player.state === 'PLAYING'
        ? 'hidden'
        : player.replay
          ? // Past dueAt the replay is due or under way (the policy holds it while the room reconnects).
            now < player.replay.dueAt
            ? 'retrying'
            : 'connecting'
          : player.gaveUp || (player.state === 'NO_PLAY' && player.errorCode !== 0)
            ? 'unavailable'
            : player.state === 'PLAY_REQUESTING'
              ? 'connecting'
              : 'hidden';
  // The server deletes a stream 90 s after the host's last heartbeat (seed 003):
  // by then the host has been unreachable that long, and longer every second after.
  const unreachableSince =
    wanted === 'waiting' && gone!.deleteReason === 'heartbeat-timeout' ? gone!.removedAt - store.getState().config.heartbeatTimeoutMs : null;
  // Ticks on dueAt - k s while counting down; the last tick, at dueAt itself,
  // turns 'retrying' into 'connecting', and that stops it. While the host is
  // unreachable, on the second of that time.
  useNow(wanted === 'retrying' || unreachableSince !== null ? 1000 : null, unreachableSince ?? player.replay?.dueAt, store);
  const state = useAntiFlap(wanted !== 'hidden', options, store.clock) ? wanted : 'hidden';
  const remainingMs = state === 'retrying' ? player.replay!.dueAt - now : null;
  const remainingText = remainingMs === null ? null : formatDuration(remainingMs, messages, 'ceil');
  const deleteReason = state === 'waiting' ? gone!.deleteReason : null;
  const failedRoom = state === 'unavailable' && roomFailed;
  return {
    state,
    player,
    title:
      remainingText !== null
        ? formatMessage(messages.streamRetrying, { remaining: remainingText })
        : state === 'waiting'
          ? connectionLost(deleteReason)
            ? messages.streamWaiting
            : messages.streamEnded
          : state === 'unavailable'
            ? messages.streamUnavailable
            : state === 'connecting'
              ? messages.streamConnecting
              : null,
    deleteReason,
    detail: failedRoom
      ? messages.streamRoomFailed
      : deleteReason === null
        ? null
        : formatMessage(messages.streamDeleteReasons[deleteReason], {
            elapsed: formatDuration(unreachableSince === null ? 0 : now - unreachableSince, messages),
          }),
    roomFailed: failedRoom,
    remainingMs,
    remainingText,
  };
}
