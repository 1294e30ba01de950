/**
 * The shape of a message catalog. Every visible string of the React layer
 * comes from one; `{name}` placeholders are filled by {@link formatMessage}
 * and always rendered as text.
 */
import type { ErrorMessages } from '../../core/errors.js';
import type { DeviceKind } from '../../core/media-events.js';
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
 * const overrides: StatusMessageOverrides = { reconnecting: 'Hang on…' };
 * ```
 */
export interface StatusMessages extends Partial<MediaMessages> {
  /** Which locale this catalog is written in. */
  readonly locale: StatusLocale;
  /**
   * Error-code sentences in this language, for `describeError`; English
   * (built into core) when absent. `zhCN` carries `zhCNErrors`.
   */
  readonly errors?: ErrorMessages | undefined;
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
  /** Shown once the 90 s heartbeat timeout has passed ("Express SDK: disconnection and reconnection", T4'). */
  readonly heartbeatTimedOut: string;
  readonly reconnected: string;
  readonly loginFailed: string;
  readonly reconnectFailed: string;
  readonly errorCode: string;
  readonly retry: string;
  /** The browser went offline (its `offline` event), before the SDK noticed. */
  readonly offline: string;
  /** The room's token expires soon and has not been renewed yet. */
  readonly tokenExpiring: string;
  /** Time left before the token expires: `{remaining}`. */
  readonly tokenRemaining: string;
  /** The last token renewal failed (the error follows). */
  readonly tokenRenewFailed: string;

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
 * Overrides for some messages of a catalog, for `StatusProvider messages` and
 * every component's `messages` prop. A key given as `undefined` keeps the
 * catalog's text (so `messages={{ retry: maybeLabel }}` is fine).
 *
 * @example
 * ```ts
 * const overrides: StatusMessageOverrides = { retry: 'Try again', reconnecting: undefined };
 * ```
 */
export type StatusMessageOverrides = { readonly [K in keyof StatusMessages]?: StatusMessages[K] | undefined };

/**
 * The quality grades as `ConnectionQualityIndicator` names them in
 * `data-quality`: the web SDK's `QualityGrade` names (−1 Unknown, 0
 * Excellent, 1 Good, 2 Middle, 3 Poor, 4 Die), lower-case.
 *
 * @example
 * ```ts
 * const quality: QualityName = 'poor'; // grade 3
 * ```
 */
export type QualityName = 'unknown' | 'excellent' | 'good' | 'middle' | 'poor' | 'die';

/**
 * The strings of the media-health components (`StreamView`'s tile states,
 * `StartMediaButton`, `ConnectionQualityIndicator`, `DeviceErrorBanner`).
 * Optional in {@link StatusMessages}: `zhCN` has them all, and any missing
 * one falls back to English (`enMedia`), which only the media components
 * ship, so an app that uses none of them does not carry these strings.
 *
 * @example
 * ```ts
 * const overrides: Partial<MediaMessages> = { tapToPlay: 'Start video' };
 * ```
 */
export interface MediaMessages {
  /** The button over a tile (and `StartMediaButton`) when the browser blocked playback. */
  readonly tapToPlay: string;
  /** The same when only the sound is blocked: the picture plays muted. */
  readonly turnOnSound: string;
  /** Accessible name of the placeholder shown while the remote camera is off: `{name}`. */
  readonly cameraOff: string;
  /** Accessible name of the muted-microphone icon. */
  readonly microphoneOff: string;
  /** Hint on a tile whose play quality is poor. */
  readonly weakNetwork: string;
  /** Hint on a tile with a decode or render exception (1008–1010). */
  readonly stuttering: string;
  /** Accessible label of `ConnectionQualityIndicator`: `{quality}`. */
  readonly qualityLabel: string;
  readonly qualities: Readonly<Record<QualityName, string>>;
  /** Title of `DeviceErrorBanner`: `{device}`. */
  readonly deviceFailed: string;
  /** The device in {@link MediaMessages.deviceFailed}; `unknown` when the SDK did not say which. */
  readonly devices: Readonly<Record<DeviceKind | 'unknown', string>>;
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
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
