/**
 * The shape of a message catalog. Every visible string of the React layer
 * comes from one; `{name}` placeholders are filled by {@link formatMessage}
 * and always rendered as text.
 */
import type { ErrorMessages } from '../../core/errors.js';
import type { StreamDeleteReason } from '../../core/status.js';
import type { RoomPhase } from '../../core/states.js';

/**
 * The locales the kit ships catalogs for.
 *
 * @example
 * ```ts
 * const locale: StatusLocale = 'zh-CN';
 * ```
 */
export type StatusLocale = 'en' | 'zh-CN';

/**
 * A full message catalog. Pass a whole one (`zhCN`) or a partial override to
 * `StatusProvider messages` or to any component's `messages` prop.
 *
 * @example
 * ```ts
 * const overrides: Partial<StatusMessages> = { reconnecting: 'Hang on…' };
 * ```
 */
export interface StatusMessages {
  /** Which locale this catalog is written in. */
  readonly locale: StatusLocale;
  /**
   * Error-code sentences in this language, for `describeError`; English
   * (built into core) when absent. `zhCN` carries `zhCNErrors`.
   */
  readonly errors?: ErrorMessages;
  /** Durations: under a minute, under an hour, longer. */
  readonly durationSeconds: string;
  readonly durationMinutes: string;
  readonly durationHours: string;

  readonly connecting: string;
  readonly connectingElapsed: string;
  readonly connectingRemaining: string;
  readonly reconnecting: string;
  readonly reconnectingElapsed: string;
  readonly reconnectingRemaining: string;
  /** Shown once the 90 s heartbeat timeout has passed (seed 003, T4'). */
  readonly heartbeatTimedOut: string;
  readonly reconnected: string;
  readonly loginFailed: string;
  readonly reconnectFailed: string;
  readonly errorCode: string;
  readonly retry: string;

  readonly kickedTitle: string;
  /** 1002050: the same userID logged in elsewhere. */
  readonly kickedElsewhere: string;
  /** 1002055: removed through the server's kick-out API. */
  readonly kickedByServer: string;
  readonly rejoin: string;
  readonly leave: string;

  /** A stream deleted because its host lost the connection (heartbeat timeout, disconnected). */
  readonly streamWaiting: string;
  /** A stream deleted for any other reason, or for none given: nothing says the connection was lost. */
  readonly streamEnded: string;
  /** Why the stream was deleted; `{elapsed}` (heartbeat timeout) is how long the host has been unreachable. */
  readonly streamDeleteReasons: Readonly<Record<StreamDeleteReason, string>>;
  readonly streamRetrying: string;
  readonly streamUnavailable: string;
  /** Under "Stream unavailable" while the room itself has failed: the banner's Retry rejoins it. */
  readonly streamRoomFailed: string;
  readonly streamConnecting: string;

  readonly phaseLabel: string;
  readonly phases: Readonly<Record<RoomPhase, string>>;
}

/**
 * Fills `{name}` placeholders; unknown names are left as written. The result
 * is plain text, rendered by React as a text node.
 *
 * @example
 * ```ts
 * formatMessage('Retrying in {remaining}', { remaining: '3 s' }); // 'Retrying in 3 s'
 * ```
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
