/**
 * Error-code catalog: what a ZEGO Express error code means for the person in
 * front of the screen, as a coarse category plus a one-sentence message in
 * English and Simplified Chinese. Pure data and one pure function.
 *
 * Where each group of codes comes from:
 * - 1002033 1002053 1002050 1002055 1002051 1002002: the room-state tables of
 *   seeds 000 (native C++), 001 (iOS) and 004 (Unity); 1000017 (web
 *   reconnecting) and the web use of 1002033/1002053/1002050/1002055: seed 002.
 * - 1002031 1002034 1002077 1002078 1002082 1003020 1003021 1003025 1004002
 *   1004020 1004025: the native `ZegoErrorCode` enum, ZegoExpressErrorCode.h
 *   (zegoim/zego-express-flutter-sdk, windows/deps/include, and the newer C++
 *   header of the same name with the token codes 1002077–1002082).
 * - 1102001 1102016 1102018 1103051 1104031 1104039 (web only), and the web
 *   wording of 1000017 "network is broken", 1002031 "login timeout",
 *   1002082, 1003025/1004025 "stream is forbided by media server", 1004002 /
 *   1004020: the error tables inside zego-express-engine-webrtc 3.12.0
 *   (ZegoExpressWebRTC.js, the web SDK's own code/message tables).
 *
 * Note: the native SDKs use 1000017 for "illegal parameter"; the catalog
 * follows the web SDK, which sends it while the room is reconnecting.
 */

/**
 * What kind of problem an error code is, for choosing an icon, a tone or a
 * recovery action.
 *
 * @example
 * ```ts
 * const category: ErrorCategory = describeError(1002034).category; // 'limit'
 * ```
 */
export type ErrorCategory = 'auth' | 'network' | 'kicked' | 'not-found' | 'forbidden' | 'limit' | 'unknown';

/**
 * The languages `describeError` speaks.
 *
 * @example
 * ```ts
 * const locale: StatusLocale = 'zh-CN';
 * ```
 */
export type StatusLocale = 'en' | 'zh-CN';

/**
 * One error code, described for people.
 *
 * @example
 * ```ts
 * const d: ErrorDescription = describeError(1002050);
 * // { code: 1002050, category: 'kicked', message: 'You were signed out ...', known: true }
 * ```
 */
export interface ErrorDescription {
  /** The code as given (NaN when the input was not a number). */
  code: number;
  category: ErrorCategory;
  /** One plain-text sentence in the requested locale. */
  message: string;
  /** Whether the code is in the catalog (0, "no error", counts as known). */
  known: boolean;
}

interface Entry {
  readonly c: ErrorCategory;
  readonly en: string;
  readonly zh: string;
}

const CATALOG: { readonly [code: number]: Entry } = {
  // Web: room connection interrupted, SDK reconnecting (native: illegal param).
  1000017: { c: 'network', en: 'The network connection was lost; reconnecting.', zh: '网络连接中断，正在重连。' },
  1002002: { c: 'not-found', en: 'You are not signed in to this room; check the room ID.', zh: '未登录该房间，请检查房间 ID。' },
  1002031: { c: 'network', en: 'Connecting to the room timed out; check your network and try again.', zh: '连接房间超时，请检查网络后重试。' },
  1002033: { c: 'auth', en: 'Your sign-in token is invalid or has expired; please sign in again.', zh: '登录凭证无效或已过期，请重新登录。' },
  1002034: { c: 'limit', en: 'This room is full; please try again later.', zh: '房间人数已满，请稍后再试。' },
  1002050: { c: 'kicked', en: 'You were signed out because your account joined this room on another device.', zh: '您的账号已在其他设备进入房间，本设备已退出。' },
  1002051: { c: 'network', en: 'The connection to the room was interrupted; reconnecting.', zh: '房间连接中断，正在重连。' },
  1002053: { c: 'network', en: 'Could not reach the room before the retry time ran out; check your network and rejoin.', zh: '重试超时仍无法连接房间，请检查网络后重新进入。' },
  1002055: { c: 'kicked', en: 'You were removed from the room by the server.', zh: '您已被服务器移出房间。' },
  1002077: { c: 'auth', en: 'Your sign-in token belongs to a different user; please sign in again.', zh: '登录凭证与当前用户不符，请重新登录。' },
  1002078: { c: 'auth', en: 'Your sign-in token has expired; please sign in again.', zh: '登录凭证已过期，请重新登录。' },
  1002082: { c: 'forbidden', en: 'Your token does not allow publishing this stream.', zh: '当前登录凭证没有推流权限。' },
  1003020: { c: 'network', en: 'Publishing was interrupted; retrying.', zh: '推流中断，正在重试。' },
  1003021: { c: 'network', en: 'Publishing stopped after retrying too long; check your network.', zh: '推流重试超时，请检查网络。' },
  1003025: { c: 'forbidden', en: 'The server does not allow this stream to be published.', zh: '服务器禁止推送该流。' },
  1004002: { c: 'not-found', en: 'This stream does not exist; the host may have stopped.', zh: '该流不存在，主播可能已停止推流。' },
  1004020: { c: 'network', en: 'Playback was interrupted; retrying.', zh: '播放中断，正在重试。' },
  1004025: { c: 'forbidden', en: 'The server does not allow this stream to be played.', zh: '服务器禁止播放该流。' },
  // Web SDK only.
  1102001: { c: 'network', en: 'Lost contact with the room server; check your network.', zh: '与房间服务器失去联系，请检查网络。' },
  1102016: { c: 'auth', en: 'Your sign-in token is invalid; please sign in again.', zh: '登录凭证无效，请重新登录。' },
  1102018: { c: 'auth', en: 'Your sign-in token has expired; please sign in again.', zh: '登录凭证已过期，请重新登录。' },
  1103051: { c: 'network', en: 'Publishing gave up after retrying too long; check your network.', zh: '推流重试超时已停止，请检查网络。' },
  1104031: { c: 'network', en: 'Playback gave up after retrying too long; check your network.', zh: '播放重试超时已停止，请检查网络。' },
  1104039: { c: 'not-found', en: 'This stream was not found; the host may have stopped.', zh: '未找到该流，主播可能已停止推流。' },
};

/**
 * Every error code the catalog describes, ascending (0 is not included).
 *
 * @example
 * ```ts
 * ERROR_CODES.includes(1002033); // true
 * ```
 */
export const ERROR_CODES: readonly number[] = Object.freeze(Object.keys(CATALOG).map(Number));

function show(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '?';
  }
}

/**
 * Describes a ZEGO Express error code for people: a category and a short,
 * plain-text sentence in English (default) or Simplified Chinese. Never
 * throws: unknown codes, NaN, negative numbers, non-numbers and unknown
 * locales all give a valid description (unknown locales fall back to `en`,
 * unknown codes get a generic message that shows the code).
 *
 * @example
 * ```ts
 * describeError(1002033);
 * // { code: 1002033, category: 'auth', known: true,
 * //   message: 'Your sign-in token is invalid or has expired; please sign in again.' }
 * describeError(1002034, 'zh-CN').message; // '房间人数已满，请稍后再试。'
 * describeError(4242).message; // 'Unexpected error (code 4242).'
 * ```
 */
export function describeError(code: number, locale?: StatusLocale): ErrorDescription {
  const zh = locale === 'zh-CN';
  const num = typeof code === 'number' ? code : Number.NaN;
  if (num === 0) {
    return { code: 0, category: 'unknown', message: zh ? '没有错误' : 'No error', known: true };
  }
  const entry = Number.isInteger(num) ? CATALOG[num] : undefined;
  if (entry) {
    return { code: num, category: entry.c, message: zh ? entry.zh : entry.en, known: true };
  }
  const raw = show(code);
  return {
    code: num,
    category: 'unknown',
    message: zh ? `未知错误（错误码 ${raw}）。` : `Unexpected error (code ${raw}).`,
    known: false,
  };
}
