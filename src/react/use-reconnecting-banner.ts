/**
 * What the reconnecting banner shows, as data: the headless half of
 * `ReconnectingBanner`, usable in React Native too (no DOM).
 */
import { useEffect, useState } from 'react';
import { describeError } from '../core/errors.js';
import type { RoomStatus } from '../core/status.js';
import type { StatusStore } from '../core/store.js';
import { useStatusMessages, useStatusStore } from './context.js';
import { formatDuration } from './format.js';
import { useRoomState } from './hooks.js';
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
  store?: StatusStore;
  /** Per-component text overrides. */
  messages?: Partial<StatusMessages>;
  /** How long "Reconnected" stays (default {@link RECONNECTED_CONFIRMATION_MS}). */
  reconnectedMs?: number;
  /** How long LOGINING lasts before "Connecting…" shows (default {@link CONNECTING_NOTICE_MS}). */
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

const positive = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** The state the room asks for right now, before anti-flap. */
function bannerState(room: RoomStatus, now: number, outageShown: boolean, noticeMs: number, reconnectedMs: number) {
  switch (room.phase) {
    case 'reconnecting':
      return 'reconnecting';
    case 'connecting':
      return room.loginStartedAt !== null && now - room.loginStartedAt >= noticeMs ? 'connecting' : 'hidden';
    case 'failed':
      return 'failed';
    case 'connected':
      // Confirm only an outage the user saw: a blip hidden by showDelayMs stays hidden.
      return room.reason === 'RECONNECTED' && outageShown && now - room.since < reconnectedMs ? 'reconnected' : 'hidden';
    case 'idle':
    case 'kicked':
      return 'hidden';
    default:
      room.phase satisfies never;
      return 'hidden';
  }
}

/**
 * The reconnecting banner's state for a room (the current room by default):
 * hidden while connected; "Reconnecting…" with elapsed time, time left before
 * the SDK gives up and, past 90 s, that others see you as gone; "Reconnected"
 * for 2 s; LOGIN_FAILED / RECONNECT_FAILED with the reason; a LOGINING longer
 * than 3 s as "Connecting…". Ticks once a second only while a time is shown.
 *
 * @example
 * ```tsx
 * function MyBanner() {
 *   const view = useReconnectingBanner(undefined, { showDelayMs: 1000 });
 *   if (view.state === 'hidden') return null;
 *   return <p role="status">{view.title} {view.elapsedText}</p>;
 * }
 * ```
 */
export function useReconnectingBanner(roomID?: string, options: ReconnectingBannerOptions = {}): ReconnectingBannerView {
  const store = useStatusStore(options.store);
  const messages = useStatusMessages(options.messages);
  const room = useRoomState(roomID, store);
  const noticeMs = positive(options.connectingNoticeMs, CONNECTING_NOTICE_MS);
  const reconnectedMs = positive(options.reconnectedMs, RECONNECTED_CONFIRMATION_MS);
  const [outageShown, setOutageShown] = useState(false);
  const [held, setHeld] = useState<ReconnectingBannerState>('hidden');

  // Tick on the second while a time is shown, or once when a LOGINING reaches the notice delay.
  const waitingForNotice = room.phase === 'connecting' && room.loginStartedAt !== null;
  const timed = room.phase === 'reconnecting' || (room.phase === 'connected' && outageShown);
  const anchor = room.phase === 'reconnecting' ? room.reconnectingSince : room.phase === 'connecting' ? room.loginStartedAt : room.since;
  const noticeShown = waitingForNotice && store.clock.now() - room.loginStartedAt! >= noticeMs;
  const interval = timed || noticeShown ? SECOND : waitingForNotice ? noticeMs : null;
  const now = useNow(interval, waitingForNotice && !noticeShown ? room.loginStartedAt : anchor, store);

  const wanted = bannerState(room, now, outageShown, noticeMs, reconnectedMs);
  const visible = useAntiFlap(wanted !== 'hidden', options, store.clock);

  useEffect(() => {
    if (visible && wanted === 'reconnecting' && !outageShown) setOutageShown(true);
    else if (!visible && wanted === 'hidden' && outageShown) setOutageShown(false);
    if (wanted !== 'hidden' && wanted !== held) setHeld(wanted);
  }, [visible, wanted, outageShown, held]);

  // Kept on screen by minVisibleMs after the room moved on: the last thing shown.
  const state: ReconnectingBannerState = !visible ? 'hidden' : wanted !== 'hidden' ? wanted : held;
  return describeBanner(state, room, now, messages, wanted === state);
}

function describeBanner(
  state: ReconnectingBannerState,
  room: RoomStatus,
  now: number,
  messages: StatusMessages,
  current: boolean,
): ReconnectingBannerView {
  const empty: ReconnectingBannerView = {
    state,
    room,
    title: null,
    elapsedMs: null,
    elapsedText: null,
    remainingMs: null,
    remainingText: null,
    heartbeatTimedOut: false,
    note: null,
    errorCode: null,
    errorText: null,
  };
  switch (state) {
    case 'hidden':
      return empty;
    case 'reconnected':
      return { ...empty, title: messages.reconnected };
    case 'failed': {
      const code = room.lastError?.code ?? room.errorCode;
      const title = room.reason === 'LOGIN_FAILED' ? messages.loginFailed : messages.reconnectFailed;
      if (!current) return { ...empty, title };
      return { ...empty, title, errorCode: code, errorText: describeError(code, messages.errors).message };
    }
    case 'connecting':
    case 'reconnecting': {
      const reconnecting = state === 'reconnecting';
      const title = reconnecting ? messages.reconnecting : messages.connecting;
      const since = reconnecting ? room.reconnectingSince : room.loginStartedAt;
      if (!current || since === null) return { ...empty, title };
      const elapsedMs = Math.max(0, now - since);
      const remainingMs = room.retryDeadline === null ? null : Math.max(0, room.retryDeadline - now);
      const heartbeatTimedOut = reconnecting && room.heartbeatDeadline !== null && now >= room.heartbeatDeadline;
      return {
        ...empty,
        title,
        elapsedMs,
        elapsedText: formatMessage(reconnecting ? messages.reconnectingElapsed : messages.connectingElapsed, {
          elapsed: formatDuration(elapsedMs, messages, 'floor'),
        }),
        remainingMs,
        remainingText:
          remainingMs === null
            ? null
            : formatMessage(reconnecting ? messages.reconnectingRemaining : messages.connectingRemaining, {
                remaining: formatDuration(remainingMs, messages, 'ceil'),
              }),
        heartbeatTimedOut,
        note: heartbeatTimedOut ? messages.heartbeatTimedOut : null,
      };
    }
    default:
      state satisfies never;
      return empty;
  }
}
