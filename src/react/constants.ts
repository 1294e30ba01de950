/**
 * The React layer's public values, in a module of their own with no React
 * in it: they stay plain values when a server component imports them
 * (a module that uses hooks is a client module, and every export of a client
 * module reaches server code as a client reference, not as its value).
 */

/**
 * How long a LOGINING may last before the banner says "Connecting…": a normal
 * login takes ≈120 ms ("Express SDK: disconnection and reconnection", T1), but against an unreachable server the web
 * SDK stays in LOGINING for its whole retry time (`roomRetryTime`, 300 s by default in web SDK 3.12).
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

/**
 * KICKOUT errorCode: the same userID logged in elsewhere (the Web "Room connection status").
 *
 * @example
 * ```ts
 * if (room.kickout?.code === KICKOUT_SIGNED_IN_ELSEWHERE) askBeforeRejoining();
 * ```
 */
export const KICKOUT_SIGNED_IN_ELSEWHERE = 1002050;

/**
 * KICKOUT errorCode: removed through the server's kick-out API (the Web "Room connection status").
 *
 * @example
 * ```ts
 * if (room.kickout?.code === KICKOUT_BY_SERVER) showRemovedNotice();
 * ```
 */
export const KICKOUT_BY_SERVER = 1002055;
