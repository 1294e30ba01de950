/**
 * What the reconnecting banner shows, as data: the headless half of
 * `ReconnectingBanner`, usable in React Native too (no DOM).
 */
import { useEffect, useState } from 'react';
import { describeError } from '../core/errors.js';
import { nonNegative } from '../core/guards.js';
import type { RoomStatus } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useStatusMessages, useStatusStore } from './context.js';
import { formatDuration } from './format.js';
import { useRoomConnection } from './hooks.js';
import { formatMessage, type StatusMessages } from './i18n/messages.js';
import { useAntiFlap, type AntiFlapOptions } from './use-anti-flap.js';
import { useNow } from './use-now.js';

/**
 * How long a LOGINING may last before the banner says "Connecting…": a normal
 * login takes ≈120 ms (seed 003, T1), but against an unreachable server the web
 * SDK stays in LOGINING for its whole retry time (DESIGN §4).
 *
 * @example
 * ```tsx
 * <ReconnectingBanner connectingNoticeMs={CONNECTING_NOTICE_MS * 2} />
 * ```
 */
export const CONNECTING_NOTICE_MS = 3000;

/**
 * How long "Reconnected" stays before the banner hides.
 *
 * @example
 * ```tsx
 * <ReconnectingBanner reconnectedMs={RECONNECTED_CONFIRMATION_MS} />
 * ```
 */
export const RECONNECTED_CONFIRMATION_MS = 2000;

const SECOND = 1000;

/**
 * What the banner shows: `data-state` of its root.
 *
 * @example
 * ```ts
 * const state: ReconnectingBannerState = 'reconnecting';
 * ```
 */
export type ReconnectingBannerState = 'hidden' | 'connecting' | 'reconnecting' | 'reconnected' | 'failed';

/**
 * Options of {@link useReconnectingBanner} (and props of `ReconnectingBanner`).
 *
 * @example
 * ```ts
 * const options: ReconnectingBannerOptions = { showDelayMs: 1000, minVisibleMs: 1500 };
 * ```
 */
export interface ReconnectingBannerOptions extends AntiFlapOptions {
  /**
   * The status store; the `StatusProvider`'s by default.
   *
   * @defaultValue the provider's store
   */
  store?: StatusStore;
  /**
   * Per-component text overrides, over the provider's catalog.
   *
   * @defaultValue the provider's catalog
   */
  messages?: Partial<StatusMessages>;
  /**
   * How long "Reconnected" stays.
   *
   * @defaultValue {@link RECONNECTED_CONFIRMATION_MS} (2000 ms)
   */
  reconnectedMs?: number;
  /**
   * How long LOGINING lasts before "Connecting…" shows.
   *
   * @defaultValue {@link CONNECTING_NOTICE_MS} (3000 ms)
   */
  connectingNoticeMs?: number;
}

/**
 * Everything the banner would show, already in the catalog's words.
 *
 * @example
 * ```tsx
 * const view = useReconnectingBanner();
 * if (view.state === 'reconnecting') console.log(view.title, view.remainingText);
 * ```
 */
export interface ReconnectingBannerView {
  readonly state: ReconnectingBannerState;
  /**
   * The room's connection fields. The hook does not re-render for user or
   * stream events, so its `streams` / `users` are as of the last connection
   * change: use `useRoomStreams` / `useRoomUsers` for those.
   */
  readonly room: RoomStatus;
  readonly title: string | null;
  /** Since the outage (or the login) began. */
  readonly elapsedMs: number | null;
  readonly elapsedText: string | null;
  /** Until the SDK gives up (retryDeadline). */
  readonly remainingMs: number | null;
  readonly remainingText: string | null;
  /** The 90 s heartbeat timeout passed: others see this user as gone (seed 003, T4'). */
  readonly heartbeatTimedOut: boolean;
  readonly note: string | null;
  /** The failure from the error catalog, for `failed`. */
  readonly errorCode: number | null;
  readonly errorText: string | null;
}

/**
 * The reconnecting banner's state for a room (the current room by default):
 * hidden while connected; "Reconnecting…" with elapsed time, time left before
 * the SDK gives up and, past 90 s, that others see you as gone; "Reconnected"
 * for 2 s; LOGIN_FAILED / RECONNECT_FAILED with the reason; a LOGINING longer
 * than 3 s as "Connecting…". Ticks once a second only while a time is shown.
 *
 * `ReconnectingBanner` keeps its live region mounted, empty, while `hidden`:
 * screen readers announce text that appears in a region they already track,
 * and often miss a region inserted together with its text. A UI of your own
 * should do the same, as below.
 *
 * @example
 * ```tsx
 * function MyBanner() {
 *   const view = useReconnectingBanner(undefined, { showDelayMs: 1000 });
 *   return <p role="status">{view.state !== 'hidden' && <>{view.title} {view.elapsedText}</>}</p>;
 * }
 * ```
 */
export function useReconnectingBanner(roomID?: string, options: ReconnectingBannerOptions = {}): ReconnectingBannerView {
  const store = useStatusStore(options.store);
  const messages = useStatusMessages(options.messages);
  const room = useRoomConnection(roomID, store);
  const noticeMs = nonNegative(options.connectingNoticeMs, CONNECTING_NOTICE_MS);
  const [outageShown, setOutageShown] = useState(false);
  const [held, setHeld] = useState<ReconnectingBannerState>('hidden');
  const { phase, loginStartedAt } = room;
  const now = store.clock.now();

  // The state the room asks for right now, before anti-flap.
  const waitingForNotice = phase === 'connecting' && loginStartedAt !== null;
  const noticeShown = waitingForNotice && now - loginStartedAt >= noticeMs;
  const wanted: ReconnectingBannerState =
    phase === 'reconnecting' || phase === 'failed'
      ? phase
      : noticeShown
        ? 'connecting'
        : // Confirm only an outage the user saw: a blip hidden by showDelayMs stays hidden.
          phase === 'connected' &&
            room.reason === 'RECONNECTED' &&
            outageShown &&
            now - room.since < nonNegative(options.reconnectedMs, RECONNECTED_CONFIRMATION_MS)
          ? 'reconnected'
          : 'hidden';

  // Tick on the second while a time is shown, or once when a LOGINING reaches the notice delay.
  useNow(
    phase === 'reconnecting' || (phase === 'connected' && outageShown) || noticeShown
      ? SECOND
      : waitingForNotice
        ? noticeMs
        : null,
    phase === 'reconnecting' ? room.reconnectingSince : phase === 'connecting' ? loginStartedAt : room.since,
    store,
  );
  const visible = useAntiFlap(wanted !== 'hidden', options, store.clock);

  useEffect(() => {
    // The outage was seen once it showed, and is forgotten once the banner is gone.
    if ((visible ? wanted === 'reconnecting' : wanted === 'hidden') && visible !== outageShown) setOutageShown(visible);
    if (wanted !== 'hidden' && wanted !== held) setHeld(wanted);
  }, [visible, wanted, outageShown, held]);

  // Kept on screen by minVisibleMs after the room moved on: the last thing shown.
  const state = !visible ? 'hidden' : wanted !== 'hidden' ? wanted : held;
  // Times and the error only for what the room says now, not for a state held by minVisibleMs.
  const current = wanted === state;
  const reconnecting = state === 'reconnecting';
  const since = !current ? null : reconnecting ? room.reconnectingSince : state === 'connecting' ? loginStartedAt : null;
  const elapsedMs = since === null ? null : Math.max(0, now - since);
  const remainingMs = since === null || room.retryDeadline === null ? null : Math.max(0, room.retryDeadline - now);
  const heartbeatTimedOut = since !== null && reconnecting && room.heartbeatDeadline !== null && now >= room.heartbeatDeadline;
  const code = current && state === 'failed' ? (room.lastError?.code ?? room.errorCode) : null;
  const texts = reconnecting ? 'reconnecting' : 'connecting';
  return {
    state,
    room,
    title:
      state === 'hidden'
        ? null
        : state === 'failed'
          ? // The failure's own reason: a later LOGOUT_FAILED leaves the phase and this error as they were.
            (room.lastError?.reason ?? room.reason) === 'LOGIN_FAILED'
            ? messages.loginFailed
            : messages.reconnectFailed
          : messages[state],
    elapsedMs,
    elapsedText:
      elapsedMs === null
        ? null
        : formatMessage(messages[`${texts}Elapsed`], { elapsed: formatDuration(elapsedMs, messages) }),
    remainingMs,
    remainingText:
      remainingMs === null
        ? null
        : formatMessage(messages[`${texts}Remaining`], { remaining: formatDuration(remainingMs, messages, 'ceil') }),
    heartbeatTimedOut,
    note: heartbeatTimedOut ? messages.heartbeatTimedOut : null,
    errorCode: code,
    errorText: code === null ? null : describeError(code, messages.errors).message,
  };
}
