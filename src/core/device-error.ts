/**
 * Turns what a failed `createZegoStream`, `getUserMedia` or
 * `getDisplayMedia` rejects with (a DOMException such as `NotAllowedError`,
 * or the web SDK's `{ code: 1103064, msg }`) into a `deviceError` event the
 * store keeps, names the reason, and describes it for people with what to do
 * (in English; `zhCNErrors` from `zego-status-kit/zh-CN` has them in Chinese).
 * Pure: reads `name`, `code`, `message`. Part of media health: apps that do
 * not use it do not ship these sentences.
 *
 * Where the codes and names come from:
 * - Device and permission codes 1006006 1103002 1103010 1103042 1103043
 *   1103053 1103061 1103064 1103065 1103066 1106007–1106010: the same web
 *   tables (1103064 "get device not allowed", 1103065 "device is not
 *   readable", 1103066 "device does not meet constraints", 1006006 "the
 *   device is unplugged", 1106008 "the camera may be loose", 1106010 "camera
 *   track ended", ...) and `createZegoStream`'s declaration in
 *   zego.client.web.d.ts (1103064 permission, 1103065 device occupied, 1103066
 *   bad settings, 1103061 getUserMedia failed).
 * - Browser names NotAllowedError NotFoundError NotReadableError
 *   OverconstrainedError SecurityError AbortError: what `getUserMedia` /
 *   `getDisplayMedia` reject with (MDN, "MediaDevices: getUserMedia() method",
 *   Exceptions); `screenSharingEnded` is the SDK event of that name.
 */
import { describeFrom, type Entry } from './error-lookup.js';
import { describeError, type ErrorDescription, type ErrorMessages } from './errors.js';
import { isNumber, isObject } from './guards.js';
import type { DeviceErrorEvent, DeviceIssueReason, DeviceKind } from './media-events.js';
import type { DeviceIssue } from './media-health.js';

/**
 * Every {@link DeviceIssueReason}.
 *
 * @example
 * ```ts
 * DEVICE_ISSUE_REASONS.includes('denied'); // true
 * ```
 */
export const DEVICE_ISSUE_REASONS: readonly DeviceIssueReason[] = [
  'denied',
  'denied-by-system',
  'not-found',
  'in-use',
  'overconstrained',
  'insecure',
  'unplugged',
  'unstable',
  'ended',
  'cancelled',
  'unsupported',
  'unknown',
];

// Browser error names (MDN, getUserMedia() exceptions; the older Chrome
// spellings in brackets) and web SDK device codes (errors.ts lists where each
// comes from), by reason.
const BY_NAME: { readonly [name: string]: DeviceIssueReason } = {
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  NotFoundError: 'not-found',
  DevicesNotFoundError: 'not-found',
  NotReadableError: 'in-use',
  TrackStartError: 'in-use',
  OverconstrainedError: 'overconstrained',
  ConstraintNotSatisfiedError: 'overconstrained',
  SecurityError: 'insecure',
};
const BY_CODE: { readonly [code: number]: DeviceIssueReason } = {
  1006006: 'unplugged',
  1103002: 'unsupported',
  1103029: 'overconstrained',
  1103042: 'cancelled',
  1103043: 'unsupported',
  1103053: 'insecure',
  1103064: 'denied',
  1103065: 'in-use',
  1103066: 'overconstrained',
  1106007: 'unstable',
  1106008: 'unstable',
  1106009: 'ended',
  1106010: 'ended',
};
// The codes that say which device they are about (the rest do not).
const DEVICE_BY_CODE: { readonly [code: number]: DeviceKind } = {
  1103010: 'screen',
  1103042: 'screen',
  1103043: 'screen',
  1106007: 'microphone',
  1106008: 'camera',
  1106009: 'microphone',
  1106010: 'camera',
};

// Sentences several codes share (an SDK code and the browser error it wraps).
const DENIED = "Camera or microphone access is blocked; allow it in the browser's site settings (and the system's privacy settings), then try again.";
const IN_USE = 'The camera or microphone is in use by another app or failed to start; close other apps using it and try again.';
const NO_MATCH = 'No camera or microphone matches the requested settings; choose another device and try again.';
const NOT_STARTED = 'The camera or microphone could not be started; check the device and try again.';
// The permission sentences (every other one is about a device). The SDK's
// 1103053 and the browser's SecurityError are the same `insecure` reason: one sentence.
const NOT_ALLOWED_HERE = 'This page is not allowed to use the camera or microphone; it must be served over HTTPS and allowed by the site.';
const PERMISSION: readonly string[] = [DENIED, NOT_ALLOWED_HERE];

// describeDeviceError's own table (sentence by code or name), so that
// describeError (in every banner) does not carry it. Every entry is about a
// device except the PERMISSION sentences.
const DEVICE_CATALOG: { readonly [key: string]: string } = {
  // Web SDK codes (createZegoStream rejects with these; deviceError sends 1006006, 1106007–1106010).
  1006006: 'A camera or microphone was unplugged; plug it back in or choose another device.',
  1103002: 'This browser cannot capture audio or video; use a recent Chrome, Edge, Firefox or Safari.',
  1103010: 'Screen sharing could not start; try again.',
  1103042: 'Screen sharing was cancelled; choose a screen or window to share it.',
  1103043: 'This browser cannot share the screen; use a recent desktop Chrome, Edge or Firefox.',
  1103053: NOT_ALLOWED_HERE,
  1103061: NOT_STARTED,
  1103064: DENIED,
  1103065: IN_USE,
  1103066: NO_MATCH,
  1106007: 'The microphone may be loose; check its connection.',
  1106008: 'The camera may be loose; check its connection.',
  1106009: 'The microphone stopped; check it and turn it back on.',
  1106010: 'The camera stopped; check it and turn it back on.',
  // What getUserMedia / getDisplayMedia reject with (DOMException names).
  NotAllowedError: DENIED,
  NotFoundError: 'No camera or microphone was found; connect one and try again.',
  NotReadableError: IN_USE,
  OverconstrainedError: NO_MATCH,
  SecurityError: NOT_ALLOWED_HERE,
  AbortError: NOT_STARTED,
  screenSharingEnded: 'Screen sharing stopped; share again to continue.',
};

// The catalog entry of `key` (own keys only: 'constructor' is not in it).
const entry = (key: number | string): Entry | undefined => {
  const en = Object.hasOwn(DEVICE_CATALOG, key) ? DEVICE_CATALOG[key] : undefined;
  return en ? { c: PERMISSION.includes(en) ? 'permission' : 'device', en } : undefined;
};

/**
 * Every code and name {@link describeDeviceError} adds to the catalog: the web
 * SDK's device and permission codes and the browser's media error names.
 *
 * @example
 * ```ts
 * DEVICE_ERROR_CODES.includes('NotAllowedError'); // true
 * DEVICE_ERROR_CODES.includes(1103064);           // true
 * ```
 */
// (Built in a pure call so that bundlers drop it, and the table, when unused.)
export const DEVICE_ERROR_CODES: readonly (number | string)[] = /* @__PURE__ */ (() =>
  Object.freeze(Object.keys(DEVICE_CATALOG).map((key) => (/^\d/.test(key) ? Number(key) : key))))();

/**
 * `describeError` for camera, microphone and screen problems too: the
 * web SDK's device codes (1103064 access denied, 1103065 in use, 1006006
 * unplugged, ...) and the browser's media error names (`NotAllowedError`,
 * `NotFoundError`, `NotReadableError`, `OverconstrainedError`,
 * `SecurityError`, `AbortError`), each with what to do; every other code as
 * `describeError` says it. In a function of its own so that the room banners,
 * which only need `describeError`, do not ship these sentences.
 *
 * @example
 * ```ts
 * describeDeviceError('NotAllowedError');
 * // { code: 'NotAllowedError', category: 'permission', known: true,
 * //   message: "Camera or microphone access is blocked; allow it in the browser's site settings ..." }
 * describeDeviceError(1103065, zhCNErrors).message; // '摄像头或麦克风被其他应用占用或无法启动，请关闭占用它的应用后重试。'
 * ```
 */
export function describeDeviceError(code: number | string, messages?: ErrorMessages | 'en'): ErrorDescription {
  // Integers, or names (not '1103064' as text); own keys only: 'constructor' is not in the catalog.
  const key = Number.isInteger(code) || (typeof code === 'string' && /^\D/.test(code));
  return key && Object.hasOwn(DEVICE_CATALOG, code)
    ? describeFrom(code, messages, entry)
    : describeError(code as number, messages);
}

const own = <T>(table: { readonly [key: string]: T }, key: unknown): T | undefined =>
  (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The reason a device error code or browser error name stands for; the name
 * wins when both are given. Chrome says "Permission denied by system" when
 * the operating system, not the browser, refused: pass the message to tell.
 *
 * @example
 * ```ts
 * deviceIssueReason(0, 'NotReadableError');                             // 'in-use'
 * deviceIssueReason(0, 'NotAllowedError', 'Permission denied by system'); // 'denied-by-system'
 * deviceIssueReason(1006006);                                           // 'unplugged'
 * ```
 */
export function deviceIssueReason(errorCode: number, errorName?: string | null, message?: string | null): DeviceIssueReason {
  const reason = own(BY_NAME, errorName) ?? own(BY_CODE, errorCode) ?? 'unknown';
  return reason === 'denied' && typeof message === 'string' && /by system/i.test(message) ? 'denied-by-system' : reason;
}

/**
 * The device a web SDK device code is about, or null when the code does not say.
 *
 * @example
 * ```ts
 * deviceOfCode(1106008); // 'camera'
 * deviceOfCode(1006006); // null
 * ```
 */
export function deviceOfCode(errorCode: number): DeviceKind | null {
  return own(DEVICE_BY_CODE, errorCode) ?? null;
}

/**
 * Options for {@link deviceErrorEvent}.
 *
 * @example
 * ```ts
 * const options: DeviceErrorEventOptions = { device: 'camera', at: clock.now() };
 * ```
 */
export interface DeviceErrorEventOptions {
  /** Which device the failed call asked for, when only one. */
  device?: DeviceKind | undefined;
  /** When it failed, ms on the store's clock. */
  at: number;
}

/**
 * A `deviceError` event for a rejected media request, ready to dispatch:
 * the SDK's 7-digit code when there is one (a DOMException's own legacy
 * `code`, such as 8, is not), the browser error's name, and the reason.
 * Never throws, whatever `error` is.
 *
 * @example
 * ```ts
 * try {
 *   await engine.createZegoStream({ camera: { video: true, audio: true } });
 *   store.dispatch({ type: 'deviceRecovered', at: store.clock.now() });
 * } catch (error) {
 *   store.dispatch(deviceErrorEvent(error, { at: store.clock.now() }));
 * }
 * ```
 */
export function deviceErrorEvent(error: unknown, options: DeviceErrorEventOptions): DeviceErrorEvent {
  const { name, code, errorCode, message, msg } = isObject(error) ? error : ({} as Record<string, unknown>);
  const sdkCode = [code, errorCode].find((value): value is number => isNumber(value) && value >= 1_000_000) ?? 0;
  // A specific error's name ('NotAllowedError'; the pattern leaves out plain 'Error').
  const errorName = typeof name === 'string' && /^[A-Z]\w*Error$/.test(name) ? name : undefined;
  const text = typeof message === 'string' ? message : typeof msg === 'string' ? msg : null;
  return Object.assign(
    { type: 'deviceError' as const, errorCode: sdkCode, reason: deviceIssueReason(sdkCode, errorName, text), at: options.at },
    errorName && { errorName },
    options.device && { device: options.device },
  );
}

// When an issue carries neither a browser name nor an SDK code (native SDKs,
// screen sharing stopped), the catalog entry that says the same thing.
const DESCRIBED_BY: { readonly [reason: string]: number | string } = {
  denied: 'NotAllowedError',
  'denied-by-system': 'NotAllowedError',
  'not-found': 'NotFoundError',
  'in-use': 'NotReadableError',
  overconstrained: 'OverconstrainedError',
  insecure: 'SecurityError',
  unplugged: 1006006,
  cancelled: 1103042,
  unsupported: 1103002,
  // "Get media failed": the SDK's own catch-all for a device that would not start.
  unknown: 1103061,
  ended: 1103061,
};

// The catalog keys an issue may be described by, in order: its browser error
// name, its SDK code, its reason's entry.
function issueKeys({ errorName, errorCode, reason, device }: DeviceIssue): readonly (number | string | null | undefined)[] {
  const byReason =
    reason === 'ended' && device === 'screen'
      ? 'screenSharingEnded'
      : reason === 'unstable'
        ? device === 'camera'
          ? 1106008
          : 1106007
        : own(DESCRIBED_BY, reason);
  return [errorName, errorCode, byReason];
}

/**
 * Describes a device issue for people (category and a sentence saying what to
 * do): by its browser error name, else its SDK code, else its reason.
 *
 * @example
 * ```ts
 * const issue = selectDeviceIssues(store.getState())[0];
 * if (issue) console.log(describeDeviceIssue(issue).message);
 * // "Camera or microphone access is blocked; allow it in the browser's site settings ..."
 * ```
 */
export function describeDeviceIssue(issue: DeviceIssue, messages?: ErrorMessages): ErrorDescription {
  for (const key of issueKeys(issue)) {
    const description = key ? describeDeviceError(key, messages) : undefined;
    if (description?.known) return description;
  }
  return describeDeviceError(issue.errorName ?? issue.errorCode, messages);
}

/**
 * {@link describeDeviceIssue} from the device part of the catalog alone: a
 * code a device issue does not carry (a room or stream code) counts as
 * unknown, and the issue is described by its reason. So the device banner
 * does not ship `describeError`'s room and stream sentences.
 *
 * @internal
 */
export function describeDeviceOnlyIssue(issue: DeviceIssue, messages?: ErrorMessages): ErrorDescription {
  // Every reason has an entry, so one is found; 1103061 ("would not start")
  // stands in for a reason that is none of DEVICE_ISSUE_REASONS.
  const code = issueKeys(issue).find((key) => key && Object.hasOwn(DEVICE_CATALOG, key)) ?? 1103061;
  const { c, en } = entry(code)!;
  const other = messages?.codes?.[code];
  return { code, category: c, message: typeof other === 'string' ? other : en, known: true };
}
