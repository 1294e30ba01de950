/**
 * Turns what a failed `createZegoStream`, `getUserMedia` or
 * `getDisplayMedia` rejects with (a DOMException such as `NotAllowedError`,
 * or the web SDK's `{ code: 1103064, msg }`) into a `deviceError` event the
 * store keeps, and names the reason. Pure: reads `name`, `code`, `message`.
 */
import { describeError, type ErrorDescription, type ErrorMessages } from './errors.js';
import type { DeviceErrorEvent, DeviceIssueReason, DeviceKind } from './media-events.js';
import type { DeviceIssue } from './media-health.js';

/**
 * Options for {@link deviceErrorEvent}.
 *
 * @example
 * ```ts
 * const options: DeviceErrorEventOptions = { device: 'camera', at: clock.now() };
 * ```
 */
export interface DeviceErrorEventOptions {
  /** Which device the failed call asked for, when one. */
  device?: DeviceKind;
  /** When it failed, ms on the store's clock. */
  at: number;
}

/**
 * The reason a device error code or DOMException name stands for.
 *
 * @example
 * ```ts
 * deviceIssueReason(0, 'NotReadableError'); // 'in-use'
 * deviceIssueReason(1006006);               // 'unplugged'
 * ```
 */
export function deviceIssueReason(errorCode: number, errorName?: string | null, message?: string | null): DeviceIssueReason {
  void errorCode;
  void errorName;
  void message;
  return 'unknown';
}

/**
 * A `deviceError` event for a rejected media request, ready to dispatch.
 * Never throws, whatever `error` is.
 *
 * @example
 * ```ts
 * try {
 *   await engine.createZegoStream({ camera: { video: true, audio: true } });
 * } catch (error) {
 *   store.dispatch(deviceErrorEvent(error, { at: store.clock.now() }));
 * }
 * ```
 */
export function deviceErrorEvent(error: unknown, options: DeviceErrorEventOptions): DeviceErrorEvent {
  void error;
  return { type: 'deviceError', errorCode: 0, at: options.at };
}

/**
 * Describes a device issue for people: by its DOMException name, else its
 * SDK code, else its reason.
 *
 * @example
 * ```ts
 * const issue = selectDeviceIssues(store.getState())[0];
 * if (issue) console.log(describeDeviceIssue(issue).message);
 * ```
 */
export function describeDeviceIssue(issue: DeviceIssue, messages?: ErrorMessages): ErrorDescription {
  return describeError(issue.errorCode, messages);
}
