/**
 * Error-code catalog: what a ZEGO Express error code means for the person in
 * front of the screen, as a coarse category plus a one-sentence message in
 * English and Simplified Chinese. Pure data and one pure function.
 *
 * Where each group of codes comes from:
 * - 1002033 1002053 1002050 1002055 1002051 1002002: the room-state tables of
 *   ZEGO's "Room connection status" documents for the native SDKs (C++, iOS, Unity); 1000017 (web
 *   reconnecting) and the web use of 1002033/1002053/1002050/1002055: the Web "Room connection status".
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
 * - Device and permission codes and the browser's media error names:
 *   describeDeviceError, in device-error.ts.
 *
 * Note: the native SDKs use 1000017 for "illegal parameter"; the catalog
 * follows the web SDK, which sends it while the room is reconnecting.
 */
import { describeFrom, type Catalog } from './error-lookup.js';

/**
 * What kind of problem an error code is, for choosing an icon, a tone or a
 * recovery action.
 *
 * @example
 * ```ts
 * const category: ErrorCategory = describeError(1002034).category; // 'limit'
 * ```
 */
export type ErrorCategory =
  | 'auth'
  | 'network'
  | 'kicked'
  | 'not-found'
  | 'forbidden'
  | 'limit'
  | 'permission'
  | 'device'
  | 'unknown';

/**
 * The error messages of one more language, for {@link describeError}. English
 * is built in; Simplified Chinese ships as `zhCNErrors` from
 * `zego-status-kit/zh-CN`, in a module of its own so English-only apps never
 * bundle it. Codes missing from `codes` fall back to the English sentence.
 *
 * @example
 * ```ts
 * const fr: ErrorMessages = {
 *   locale: 'fr',
 *   none: 'Aucune erreur',
 *   unknown: 'Erreur inattendue (code {code}).',
 *   codes: { 1002034: 'La salle est pleine ; réessayez plus tard.' },
 * };
 * describeError(1002034, fr).message; // 'La salle est pleine ; réessayez plus tard.'
 * ```
 */
export interface ErrorMessages {
  /** The BCP 47 tag of the language, e.g. `'zh-CN'`. */
  readonly locale: string;
  /** The message for code 0. */
  readonly none: string;
  /** The message for a code not in the catalog; `{code}` is replaced by the code. */
  readonly unknown: string;
  /** One plain-text sentence per code (and per browser error name, e.g. `NotAllowedError`). */
  readonly codes: { readonly [code: number | string]: string | undefined };
}

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
  /** The code as given: a number, a browser error name, or NaN when the input was neither. */
  code: number | string;
  category: ErrorCategory;
  /** One plain-text sentence in the requested locale. */
  message: string;
  /** Whether the code is in the catalog (0, "no error", counts as known). */
  known: boolean;
}


// The room and token codes: all that a room's failure, kick-out or token
// renewal reports, so the room components (banner, kick-out dialog) carry
// only these (describeRoomError).
const ROOM_CATALOG: Catalog = {
  // Web: room connection interrupted, SDK reconnecting (native: illegal param).
  1000017: { c: 'network', en: 'The network connection was lost; reconnecting.' },
  1002002: { c: 'not-found', en: 'You are not signed in to this room; check the room ID.' },
  1002031: { c: 'network', en: 'Connecting to the room timed out; check your network and try again.' },
  1002033: { c: 'auth', en: 'Your sign-in token is invalid or has expired; please sign in again.' },
  1002034: { c: 'limit', en: 'This room is full; please try again later.' },
  1002050: { c: 'kicked', en: 'You were signed out because your account joined this room on another device.' },
  1002051: { c: 'network', en: 'The connection to the room was interrupted; reconnecting.' },
  1002053: { c: 'network', en: 'Could not reach the room before the retry time ran out; check your network and rejoin.' },
  1002055: { c: 'kicked', en: 'You were removed from the room by the server.' },
  1002077: { c: 'auth', en: 'Your sign-in token belongs to a different user; please sign in again.' },
  1002078: { c: 'auth', en: 'Your sign-in token has expired; please sign in again.' },
  1002082: { c: 'forbidden', en: 'Your token does not allow publishing this stream.' },
  // Web SDK only.
  1102001: { c: 'network', en: 'Lost contact with the room server; check your network.' },
  1102016: { c: 'auth', en: 'Your sign-in token is invalid; please sign in again.' },
  1102018: { c: 'auth', en: 'Your sign-in token has expired; please sign in again.' },
};

// The publish and play codes (1003xxx, 1004xxx; web SDK only: 1103xxx, 1104xxx).
const STREAM_CATALOG: Catalog = {
  1003020: { c: 'network', en: 'Publishing was interrupted; retrying.' },
  1003021: { c: 'network', en: 'Publishing stopped after retrying too long; check your network.' },
  1003025: { c: 'forbidden', en: 'The server does not allow this stream to be published.' },
  1004002: { c: 'not-found', en: 'This stream does not exist; the host may have stopped.' },
  1004020: { c: 'network', en: 'Playback was interrupted; retrying.' },
  1004025: { c: 'forbidden', en: 'The server does not allow this stream to be played.' },
  1103051: { c: 'network', en: 'Publishing gave up after retrying too long; check your network.' },
  1104031: { c: 'network', en: 'Playback gave up after retrying too long; check your network.' },
  1104039: { c: 'not-found', en: 'This stream was not found; the host may have stopped.' },
};

/**
 * Every error code the catalog describes, ascending (0 is not included; the
 * device codes are {@link DEVICE_ERROR_CODES}).
 *
 * @example
 * ```ts
 * ERROR_CODES.includes(1002033); // true
 * ```
 */
export const ERROR_CODES: readonly number[] = /* @__PURE__ */ (() =>
  Object.freeze(Object.keys({ ...ROOM_CATALOG, ...STREAM_CATALOG }).map(Number)))();

/**
 * Describes a ZEGO Express error code for people: a category and a short,
 * plain-text sentence, in English unless another language's
 * {@link ErrorMessages} is given (`zhCNErrors` from `zego-status-kit/zh-CN`).
 * Never throws: unknown codes, NaN, negative numbers, non-numbers and
 * anything else as `messages` all give a valid description (unknown codes get
 * a generic message that shows the code). Device and permission problems:
 * `describeDeviceError`.
 *
 * @example
 * ```ts
 * import { describeError } from 'zego-status-kit';
 * import { zhCNErrors } from 'zego-status-kit/zh-CN';
 *
 * describeError(1002033);
 * // { code: 1002033, category: 'auth', known: true,
 * //   message: 'Your sign-in token is invalid or has expired; please sign in again.' }
 * describeError(1002034, zhCNErrors).message; // '房间人数已满，请稍后再试。'
 * describeError(4242).message; // 'Unexpected error (code 4242).'
 * ```
 */
export function describeError(code: number, messages?: ErrorMessages | 'en'): ErrorDescription {
  return describeFrom(code, messages, (num) => (Number.isInteger(num) ? (ROOM_CATALOG[num] ?? STREAM_CATALOG[num]) : undefined));
}

/**
 * {@link describeError} for what a room reports: a login or reconnection
 * failure, a kick-out, a token renewal. The same descriptions for the room
 * and token codes (1000017, 1002xxx, 1102xxx); the publish and play codes
 * (1003xxx, 1004xxx, 1103xxx, 1104xxx), which no room event carries, get
 * the generic sentence with the code. So the room components (banner,
 * kick-out dialog) do not carry the stream sentences.
 *
 * @internal
 */
export function describeRoomError(code: number, messages?: ErrorMessages): ErrorDescription {
  return describeFrom(code, messages, (num) => (Number.isInteger(num) ? ROOM_CATALOG[num] : undefined));
}
