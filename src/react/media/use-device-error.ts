/**
 * The local camera / microphone problem to show, as data: the headless half
 * of `DeviceErrorBanner`.
 */
import { useRef, useState, useSyncExternalStore } from 'react';
import { deviceErrorEvent, describeDeviceOnlyIssue } from '../../core/device-error.js';
import type { ErrorCategory } from '../../core/errors.js';
import type { DeviceKind } from '../../core/media-events.js';
import type { DeviceIssue } from '../../core/media-health.js';
import { selectDeviceIssues } from '../../core/media-selectors.js';
import type { StatusStore } from '../../core/store.js';
import { useStatusStore, useMessages } from '../context.js';
import { formatMessage, type StatusMessageOverrides } from '../i18n/messages.js';
import { enDevice } from '../i18n/en-media.js';
import { useMediaHealthWarning } from './media-health-warning.js';

/**
 * Options of {@link useDeviceError}.
 *
 * @example
 * ```ts
 * const options: DeviceErrorOptions = { onRetry: (device) => zg.createZegoStream({ camera: { video: device !== 'microphone', audio: true } }) };
 * ```
 */
export interface DeviceErrorOptions {
  store?: StatusStore | undefined;
  messages?: StatusMessageOverrides | undefined;
  /**
   * Tries the device again (e.g. `createZegoStream` / `getUserMedia`). When it
   * returns a promise, the outcome is recorded: resolved clears the issue
   * (`deviceRecovered`), rejected replaces it with the new error
   * (`deviceErrorEvent`). Otherwise the app reports the outcome itself.
   */
  onRetry?: ((device: DeviceKind | null) => unknown) | undefined;
}

/**
 * What {@link useDeviceError} returns.
 *
 * @example
 * ```tsx
 * const view: DeviceErrorView = useDeviceError();
 * if (view.issue) console.log(view.title, view.message);
 * ```
 */
export interface DeviceErrorView {
  /** The newest device problem, or null when there is none. */
  readonly issue: DeviceIssue | null;
  /** Every current problem, newest first (at most one per device). */
  readonly issues: readonly DeviceIssue[];
  /** "Can't use your camera". */
  readonly title: string | null;
  /** What happened and what to do, from the device part of the error catalog (as `describeDeviceIssue` says it). */
  readonly message: string | null;
  readonly category: ErrorCategory | null;
  /** Runs `onRetry` for the issue's device; undefined without `onRetry` or while a retry runs. */
  readonly retry: (() => void) | undefined;
}

/**
 * The newest local device problem (camera or microphone denied by the browser
 * or the system, not found, in use, unplugged mid-call, screen sharing
 * ended), in the catalog's words with what to do, and a retry that records
 * its outcome. Needs the `mediaHealth()` extension.
 *
 * @example
 * ```tsx
 * function CameraProblem() {
 *   const { issue, title, message, retry } = useDeviceError({ onRetry: () => zg.createZegoStream() });
 *   if (!issue) return null;
 *   return <p role="alert">{title}: {message} {retry && <button onClick={retry}>Retry</button>}</p>;
 * }
 * ```
 */
export function useDeviceError(options: DeviceErrorOptions = {}): DeviceErrorView {
  const store = useStatusStore(options.store);
  const text = useMessages(enDevice, options.messages);
  useMediaHealthWarning('DeviceErrorBanner', store);
  // The state's own array (or one shared empty one): stable while unchanged,
  // so React's store hook needs no selection cache (useStatus) here.
  const select = () => selectDeviceIssues(store.getState());
  const issues = useSyncExternalStore(store.subscribe, select, select);
  const issue = issues[0] ?? null;
  const [pending, setPending] = useState(false);
  const latest = useRef(options.onRetry);
  latest.current = options.onRetry;
  const described = issue && describeDeviceOnlyIssue(issue, text.errors);

  const retry = (): void => {
    const device = issue!.device;
    const result = latest.current!(device) as PromiseLike<unknown> | undefined;
    if (typeof result?.then !== 'function') return;
    setPending(true);
    const done = (event: Parameters<StatusStore['dispatch']>[0]): void => {
      setPending(false);
      store.dispatch(event);
    };
    // The device retried, and the time it settled.
    const about = () => ({ ...(device && { device }), at: store.clock.now() });
    result.then(
      () => done({ type: 'deviceRecovered', ...about() }),
      (error) => done(deviceErrorEvent(error, about())),
    );
  };

  return {
    issue,
    issues,
    title: issue && formatMessage(text.deviceFailed, { device: text.devices[issue.device ?? 'unknown'] }),
    message: described && described.message,
    category: described && described.category,
    retry: issue && options.onRetry && !pending ? retry : undefined,
  };
}
