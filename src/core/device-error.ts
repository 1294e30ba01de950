/**
 * Turns what a failed `createZegoStream`, `getUserMedia` or
 * `getDisplayMedia` rejects with (a DOMException such as `NotAllowedError`,
 * or the web SDK's `{ code: 1103064, msg }`) into a `deviceError` event the
 * store keeps, and names the reason. Pure: reads `name`, `code`, `message`.
 */
import { describeDeviceError, type ErrorDescription, type ErrorMessages } from './errors.js';
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
  device?: DeviceKind;
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
  const errorName = typeof name === 'string' && name !== 'Error' && /^[A-Z]\w*Error$/.test(name) ? name : undefined;
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
  const { errorName, errorCode, reason, device } = issue;
  const byReason =
    reason === 'ended' && device === 'screen'
      ? 'screenSharingEnded'
      : reason === 'unstable'
        ? device === 'camera'
          ? 1106008
          : 1106007
        : own(DESCRIBED_BY, reason);
  for (const key of [errorName, errorCode, byReason]) {
    const description = key ? describeDeviceError(key, messages) : undefined;
    if (description?.known) return description;
  }
  return describeDeviceError(errorName ?? errorCode, messages);
}
