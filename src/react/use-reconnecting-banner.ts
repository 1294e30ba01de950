/**
 * What the reconnecting banner shows, as data: the headless half of
 * `ReconnectingBanner`, usable in React Native too (no DOM).
 */
import { useCallback, useEffect, useState } from 'react';
import { describeRoomError } from '../core/errors.js';
import { nonNegative } from '../core/guards.js';
import { selectOfflineSince, selectTokenStatus } from '../core/media-selectors.js';
import type { RoomStatus } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useMessages, useStatusStore } from './context.js';
import { enBanner, enDuration } from './i18n/en.js';
import { formatDuration } from './format.js';
import { useRoomConnection } from './hooks.js';
import { formatMessage, type StatusMessageOverrides } from './i18n/messages.js';
import { useAntiFlap, type AntiFlapOptions } from './use-anti-flap.js';
import { useNow } from './use-now.js';
import { CONNECTING_NOTICE_MS, RECONNECTED_CONFIRMATION_MS } from './constants.js';
import { useStatus } from './use-status.js';

const SECOND = 1000;
// The banner's own English strings (a provider's catalog goes over them).
const EN = /* @__PURE__ */ Object.assign({}, enDuration, enBanner);

/**
 * What the banner shows: `data-state` of its root. With the `mediaHealth()`
 * extension also `offline` (the browser's `offline` event, at once, before the
 * SDK's RECONNECTING) and `expiring` (the room's token expires soon and has not
 * been renewed: a countdown, and the failure of the last renewal).
 *
 * @example
 * ```ts
 * const state: ReconnectingBannerState = 'reconnecting';
 * ```
 */
export type ReconnectingBannerState = 'hidden' | 'connecting' | 'reconnecting' | 'reconnected' | 'failed' | 'offline' | 'expiring';

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
  store?: StatusStore | undefined;
  /**
   * Per-component text overrides, over the provider's catalog.
   *
   * @defaultValue the provider's catalog
   */
  messages?: StatusMessageOverrides | undefined;
  /**
   * How long "Reconnected" stays.
   *
   * @defaultValue {@link RECONNECTED_CONFIRMATION_MS} (2000 ms)
   */
  reconnectedMs?: number | undefined;
  /**
   * How long LOGINING lasts before "Connecting…" shows.
   *
   * @defaultValue {@link CONNECTING_NOTICE_MS} (3000 ms)
   */
  connectingNoticeMs?: number | undefined;
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
  /** Since the outage (the browser going offline or the SDK's RECONNECTING, whichever came first) or the login began. */
  readonly elapsedMs: number | null;
  readonly elapsedText: string | null;
  /** Until the SDK gives up (retryDeadline), or, for `expiring`, until the token expires. */
  readonly remainingMs: number | null;
  readonly remainingText: string | null;
  /** The 90 s heartbeat timeout passed: others see this user as gone ("Express SDK: disconnection and reconnection", T4'). */
  readonly heartbeatTimedOut: boolean;
  readonly note: string | null;
  /** The failure from the error catalog, for `failed` (and a failed token renewal, for `expiring`). */
  readonly errorCode: number | null;
  readonly errorText: string | null;
}

/**
 * The reconnecting banner's state for a room (the current room by default):
 * hidden while connected; "Reconnecting…" with elapsed time, time left before
 * the SDK gives up and, past 90 s, that others see you as gone; "Reconnected"
 * for 2 s; LOGIN_FAILED / RECONNECT_FAILED with the reason; a LOGINING longer
 * than 3 s as "Connecting…". With the `mediaHealth()` extension: "You're
 * offline" as soon as the browser says so (the outage clock starts then, and
 * the room's phase stays what the SDK says), and "Session expiring" with a
 * countdown while the token's renewal has not succeeded (with the error of a
 * failed one). Ticks once a second only while a time is shown.
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
  const messages = useMessages(EN, options.messages);
  const room = useRoomConnection(roomID, store);
  const noticeMs = nonNegative(options.connectingNoticeMs, CONNECTING_NOTICE_MS);
  const [outageShown, setOutageShown] = useState(false);
  const [held, setHeld] = useState<ReconnectingBannerState>('hidden');
  const { phase, loginStartedAt } = room;
  const offlineSince = useStatus(selectOfflineSince, undefined, store);
  const token = useStatus(useCallback((state) => selectTokenStatus(state, roomID), [roomID]), undefined, store);
  const [outageFrom, setOutageFrom] = useState<number | null>(null);
  const now = store.clock.now();
  const reconnecting = phase === 'reconnecting';
  // Offline is the browser's word, kept apart from the SDK's phase; a failure or a kick-out says more.
  const offline = offlineSince !== null && phase !== 'failed' && phase !== 'kicked';
  // The outage began with whichever came first, and keeps that start while it lasts (back online, still
  // reconnecting): outageFrom holds the offline start once the browser is back online.
  const outageStart = offline || reconnecting ? Math.min(offlineSince ?? now, reconnecting ? room.reconnectingSince ?? now : now, outageFrom ?? now) : null;
  // Set from tokenWillExpire until a renewal succeeds.
  const expiresAt = token?.expiresAt ?? null;

  // The state the room asks for right now, before anti-flap.
  const waitingForNotice = phase === 'connecting' && loginStartedAt !== null;
  const noticeShown = waitingForNotice && now - loginStartedAt >= noticeMs;
  const wanted: ReconnectingBannerState =
    phase === 'failed'
      ? phase
      : offline
        ? 'offline'
        : reconnecting
          ? phase
          : expiresAt !== null
            ? 'expiring'
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
    outageStart !== null || expiresAt !== null || (phase === 'connected' && outageShown) || noticeShown
      ? SECOND
      : waitingForNotice
        ? noticeMs
        : null,
    outageStart ?? expiresAt ?? (phase === 'connecting' ? loginStartedAt : room.since),
    store,
  );
  const visible = useAntiFlap(wanted !== 'hidden', options, store.clock);

  useEffect(() => {
    // The outage was seen once it showed, and is forgotten once the banner is gone.
    if ((visible ? outageStart !== null : wanted === 'hidden') && visible !== outageShown) setOutageShown(visible);
    if (wanted !== 'hidden' && wanted !== held) setHeld(wanted);
    // Only an outage that began offline needs holding (reconnectingSince outlives repeated RECONNECTING).
    const hold = offlineSince ?? (reconnecting ? outageFrom : null);
    if (hold !== outageFrom) setOutageFrom(hold);
  }, [visible, wanted, outageShown, held, offlineSince, reconnecting, outageFrom]);

  // Kept on screen by minVisibleMs after the room moved on: the last thing shown.
  const state = !visible ? 'hidden' : wanted !== 'hidden' ? wanted : held;
  // Times and the error only for what the room says now, not for a state held by minVisibleMs.
  const current = wanted === state;
  const expiring = current && state === 'expiring';
  const since = !current ? null : state === 'connecting' ? loginStartedAt : outageStart;
  const elapsedMs = since === null ? null : Math.max(0, now - since);
  // The SDK's deadline while it logs in or retries (none while only the browser is offline); the token's while it expires.
  const deadline = expiring ? expiresAt : since !== null ? room.retryDeadline : null;
  const remainingMs = deadline === null ? null : Math.max(0, deadline - now);
  const heartbeatTimedOut = since !== null && reconnecting && room.heartbeatDeadline !== null && now >= room.heartbeatDeadline;
  const code = current && state === 'failed' ? (room.lastError?.code ?? room.errorCode) : null;
  const tokenError = expiring ? token!.error : null;
  const tokenFailure = tokenError && describeRoomError(tokenError.errorCode, messages.errors);
  const texts = state === 'connecting' ? 'connecting' : 'reconnecting';
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
          : state === 'expiring'
            ? messages.tokenExpiring
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
        : formatMessage(messages[expiring ? 'tokenRemaining' : (`${texts}Remaining` as const)], { remaining: formatDuration(remainingMs, messages, 'ceil') }),
    heartbeatTimedOut,
    note: heartbeatTimedOut ? messages.heartbeatTimedOut : null,
    errorCode: code ?? tokenError?.errorCode ?? null,
    errorText:
      code !== null
        ? describeRoomError(code, messages.errors).message
        : tokenFailure && `${messages.tokenRenewFailed} ${tokenFailure.known ? tokenFailure.message : (tokenError!.message ?? tokenFailure.message)}`,
  };
}
