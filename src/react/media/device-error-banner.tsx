import { forwardRef, type HTMLAttributes, type Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from '../class-names.js';
import { useMessages } from '../context.js';
import { enRetry } from '../i18n/en.js';
import { enDevice } from '../i18n/en-media.js';
import { actionButton, textPart } from '../parts.js';
import { useDeviceError, type DeviceErrorOptions } from './use-device-error.js';

// The banner's own English strings (a provider's catalog goes over them).
const EN = /* @__PURE__ */ Object.assign({}, enDevice, enRetry);

/**
 * Props of {@link DeviceErrorBanner}.
 *
 * @example
 * ```tsx
 * const props: DeviceErrorBannerProps = { onRetry: () => zg.createZegoStream() };
 * ```
 */
export interface DeviceErrorBannerProps
  extends DeviceErrorOptions,
    ThemingProps,
    Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * A banner for the local camera and microphone: "Can't use your camera", what
 * happened and what to do (denied by the browser or the system, not found,
 * in use by another app, unplugged, …, from the error catalog in the
 * provider's language), and Retry (`onRetry`). `role="alert"` while it shows a
 * problem; with none, an empty `role="status"` root (`data-state="hidden"`)
 * that takes no space, like `ReconnectingBanner`. `data-state` is `hidden` or
 * `error`, `data-reason` the issue's reason, `data-device` its device. Never
 * takes focus. Needs the `mediaHealth()` extension; a rejected
 * `createZegoStream` / `getUserMedia` reaches it through `deviceErrorEvent`.
 *
 * A banner of its own rather than a state of `ReconnectingBanner`: a device
 * problem is about this user's publishing, not the room's connection, the two
 * happen at once (a camera unplugged while reconnecting), and it stays until a
 * retry works, whatever the room does.
 *
 * @example
 * ```tsx
 * async function startCamera() {
 *   try {
 *     return await zg.createZegoStream();
 *   } catch (error) {
 *     store.dispatch(deviceErrorEvent(error, { at: store.clock.now() }));
 *     throw error;
 *   }
 * }
 * <DeviceErrorBanner onRetry={startCamera} />;
 * ```
 */
export const DeviceErrorBanner = forwardRef(function DeviceErrorBanner(
  { store, messages, onRetry, unstyled, className, ...rest }: DeviceErrorBannerProps,
  ref: Ref<HTMLDivElement>,
) {
  const view = useDeviceError({ store, messages, onRetry });
  const text = useMessages(EN, messages);
  const { issue } = view;
  const live = liveRegion(!!issue);
  // Mounted while hidden too (empty), keyed by role: a problem inserts a fresh role="alert".
  return (
    <div
      ref={ref}
      key={live.role}
      {...live}
      data-state={issue ? 'error' : 'hidden'}
      data-reason={issue?.reason}
      data-device={issue?.device ?? undefined}
      className={kitClass(unstyled, 'zsk-banner', className)}
      {...rest}
    >
      {textPart(unstyled, 'zsk-banner__title', view.title)}
      {textPart(unstyled, 'zsk-banner__detail', view.message)}
      {actionButton(unstyled, view.retry, text.retry, undefined, issue ? `${text.retry} ${text.devices[issue.device ?? 'unknown']}` : undefined)}
    </div>
  );
});
