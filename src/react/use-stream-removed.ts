/**
 * What the overlay over a video tile shows, as data (no DOM).
 */
import { useCallback } from 'react';
import { selectPlayer, selectRoom } from '../core/selectors.js';
import type { PlayerStatus, StatusState, StreamDeleteReason } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useStatusMessages, useStatusStore } from './context.js';
import { formatDuration } from './format.js';
import { formatMessage, type StatusMessages } from './i18n/messages.js';
import { useAntiFlap, type AntiFlapOptions } from './use-anti-flap.js';
import { useNow } from './use-now.js';
import { useStatus } from './use-status.js';

/**
 * What the overlay shows: `data-state` of its root.
 * - `waiting`: the stream was deleted (host lost, seed 003 — 90 s after the host dropped);
 * - `retrying`: the policy replays after a failed play (≈3 s, seed 003);
 * - `unavailable`: the policy gave up (or a play failed with nothing scheduled);
 * - `connecting`: PLAY_REQUESTING;
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
  /** The room the stream is in; the current room by default. */
  roomID?: string;
  store?: StatusStore;
  messages?: Partial<StatusMessages>;
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
  /** Until the scheduled replay, for `retrying`. */
  readonly remainingMs: number | null;
  readonly remainingText: string | null;
}

interface StreamSlice {
  readonly player: PlayerStatus;
  readonly live: boolean;
  readonly removed: boolean;
  readonly deleteReason: StreamDeleteReason | null;
}

const sameSlice = (a: StreamSlice, b: StreamSlice): boolean =>
  a.player === b.player && a.live === b.live && a.removed === b.removed && a.deleteReason === b.deleteReason;

function streamState(slice: StreamSlice): StreamRemovedState {
  const { player } = slice;
  // A deleted stream is not playing, whatever the player last said.
  if (slice.removed && !slice.live) return 'waiting';
  if (player.state === 'PLAYING') return 'hidden';
  if (player.replay !== null) return 'retrying';
  if (player.gaveUp || (player.state === 'NO_PLAY' && player.errorCode !== 0)) return 'unavailable';
  if (player.state === 'PLAY_REQUESTING') return 'connecting';
  return 'hidden';
}

/**
 * The overlay state of one played stream: host lost and waiting (with the
 * delete reason), "Retrying in N s" while a replay is scheduled, unavailable
 * after the policy gave up, connecting while PLAY_REQUESTING, hidden while
 * PLAYING. Re-renders only for this stream; ticks only while counting down.
 *
 * @example
 * ```tsx
 * function TileStatus({ streamID }: { streamID: string }) {
 *   const view = useStreamRemoved(streamID);
 *   return view.state === 'hidden' ? null : <p>{view.title} {view.remainingText}</p>;
 * }
 * ```
 */
export function useStreamRemoved(streamID: string, options: StreamRemovedOptions = {}): StreamRemovedView {
  const { roomID } = options;
  const store = useStatusStore(options.store);
  const messages = useStatusMessages(options.messages);
  const slice = useStatus(
    useCallback(
      (state: StatusState): StreamSlice => {
        const room = selectRoom(state, roomID);
        const removed = room.removedStreams.find((stream) => stream.streamID === streamID);
        return {
          player: selectPlayer(state, streamID),
          live: room.streams.has(streamID),
          removed: removed !== undefined,
          deleteReason: removed?.deleteReason ?? null,
        };
      },
      [roomID, streamID],
    ),
    sameSlice,
    store,
  );
  const wanted = streamState(slice);
  const dueAt = wanted === 'retrying' ? slice.player.replay!.dueAt : null;
  const now = useNow(dueAt === null ? null : 1000, dueAt, store);
  const visible = useAntiFlap(wanted !== 'hidden', options, store.clock);
  const state = visible ? wanted : 'hidden';
  const base = { state, player: slice.player, title: null, deleteReason: null, detail: null, remainingMs: null, remainingText: null };
  switch (state) {
    case 'hidden':
      return base;
    case 'waiting':
      return {
        ...base,
        title: messages.streamWaiting,
        deleteReason: slice.deleteReason,
        detail: slice.deleteReason === null ? null : messages.streamDeleteReasons[slice.deleteReason],
      };
    case 'retrying': {
      const remainingMs = Math.max(0, dueAt! - now);
      const remainingText = formatDuration(remainingMs, messages, 'ceil');
      return { ...base, title: formatMessage(messages.streamRetrying, { remaining: remainingText }), remainingMs, remainingText };
    }
    case 'unavailable':
      return { ...base, title: messages.streamUnavailable };
    case 'connecting':
      return { ...base, title: messages.streamConnecting };
    default:
      state satisfies never;
      return base;
  }
}
