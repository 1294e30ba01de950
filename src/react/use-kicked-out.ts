/**
 * What the kicked-out dialog shows, as data (no DOM).
 */
import { describeRoomError } from '../core/errors.js';
import type { StatusStore } from '../core/store.js';
import { useMessages } from './context.js';
import { enKickedOut } from './i18n/en.js';
import { useRoomConnection } from './hooks.js';
import type { StatusMessageOverrides } from './i18n/messages.js';
import { KICKOUT_BY_SERVER, KICKOUT_SIGNED_IN_ELSEWHERE } from './constants.js';

/**
 * Options of {@link useKickedOut}.
 *
 * @example
 * ```ts
 * const options: KickedOutOptions = { messages: { rejoin: 'Join again' } };
 * ```
 */
export interface KickedOutOptions {
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
 * The kick-out state of a room, in the catalog's words.
 *
 * @example
 * ```tsx
 * const kicked = useKickedOut();
 * if (kicked.open) console.log(kicked.message, kicked.customMessage);
 * ```
 */
export interface KickedOutView {
  /** The room is in KICKOUT. */
  readonly open: boolean;
  readonly code: number | null;
  readonly title: string;
  /** Per code: 1002050 signed in elsewhere, 1002055 removed by the service, else the error catalog. */
  readonly message: string | null;
  /** A custom message from extendedData, as plain text. */
  readonly customMessage: string | null;
}

/**
 * Whether the room (the current room by default) was kicked out, and why.
 *
 * @example
 * ```tsx
 * function KickNotice() {
 *   const { open, message } = useKickedOut();
 *   return open ? <p role="alert">{message}</p> : null;
 * }
 * ```
 */
export function useKickedOut(roomID?: string, options: KickedOutOptions = {}): KickedOutView {
  const messages = useMessages(enKickedOut, options.messages);
  const room = useRoomConnection(roomID, options.store);
  const kickout = room.phase === 'kicked' ? room.kickout : null;
  const code = kickout && kickout.code;
  return {
    open: code !== null,
    code,
    title: messages.kickedTitle,
    message:
      code === null
        ? null
        : code === KICKOUT_SIGNED_IN_ELSEWHERE
          ? messages.kickedElsewhere
          : code === KICKOUT_BY_SERVER
            ? messages.kickedByServer
            : describeRoomError(code, messages.errors).message,
    customMessage: kickout && kickout.message,
  };
}
