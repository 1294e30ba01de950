/**
 * The room phase with its accessible label: the headless half of `ConnectionStatusBadge`.
 */
import type { RoomPhase, RoomReason } from '../core/states.js';
import type { StatusStore } from '../core/store.js';
import { useMessages } from './context.js';
import { enBadge } from './i18n/en.js';
import { useRoomConnection } from './hooks.js';
import { formatMessage, type StatusMessageOverrides } from './i18n/messages.js';

/**
 * Options of {@link useConnectionStatus}.
 *
 * @example
 * ```ts
 * const options: ConnectionStatusOptions = { messages: zhCN };
 * ```
 */
export interface ConnectionStatusOptions {
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
 * The phase, its short text and the full accessible label.
 *
 * @example
 * ```ts
 * const view: ConnectionStatusView = { phase: 'connected', reason: 'LOGINED', text: 'Connected', label: 'Connection: Connected' };
 * ```
 */
export interface ConnectionStatusView {
  readonly phase: RoomPhase;
  readonly reason: RoomReason;
  readonly text: string;
  readonly label: string;
}

/**
 * The connection phase of a room (the current room by default), in words.
 *
 * @example
 * ```tsx
 * function Dot() {
 *   const { phase, label } = useConnectionStatus();
 *   return <span data-state={phase} aria-label={label} role="img" />;
 * }
 * ```
 */
export function useConnectionStatus(roomID?: string, options: ConnectionStatusOptions = {}): ConnectionStatusView {
  const messages = useMessages(enBadge, options.messages);
  const { phase, reason } = useRoomConnection(roomID, options.store);
  const text = messages.phases[phase];
  return { phase, reason, text, label: formatMessage(messages.phaseLabel, { phase: text }) };
}
