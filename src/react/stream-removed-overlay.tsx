import { forwardRef, type HTMLAttributes, type Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from './class-names.js';
import { useMediaRegistry, useMessages } from './context.js';
import { enRetry } from './i18n/en.js';
import { actionButton, textPart } from './parts.js';
import { useRetryFocus } from './use-retry-focus.js';
import { useStreamRemoved, type StreamRemovedOptions } from './use-stream-removed.js';

/**
 * Props of {@link StreamRemovedOverlay}.
 *
 * @example
 * ```tsx
 * const props: StreamRemovedOverlayProps = { streamID: 'host-main', onRetry: () => policy.retry('host-main') };
 * ```
 */
export interface StreamRemovedOverlayProps
  extends StreamRemovedOptions,
    ThemingProps,
    Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  streamID: string;
  /**
   * The Retry action once the policy gave up; default: the `useAudiencePolicy`
   * in the provider. Not offered while the room has failed: the banner's
   * Retry (rejoin) is the one for that.
   *
   * @defaultValue the provider's `useAudiencePolicy` retry, if any
   */
  onRetry?: ((streamID: string) => void) | undefined;
  /**
   * Who or what the stream is, for screen readers: the Retry button is named
   * "Retry {label}", so in a grid of tiles each says which stream it retries.
   *
   * @defaultValue the streamID
   *
   * @example
   * ```tsx
   * <StreamRemovedOverlay streamID="u42-main" label="Alice" />
   * ```
   */
  label?: string | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * The overlay over a video tile: after a stream DELETE, "Host connection
 * lost, waiting…" (heartbeat timeout, with how long the host has been
 * unreachable; disconnect) or "Stream ended, waiting for the host…" (any
 * other reason) with the reason; "Retrying in N s" while a replay is
 * scheduled, "Stream unavailable" with Retry once the policy gave up (no
 * Retry while the room itself has failed: the banner's Retry rejoins it),
 * "Connecting…" while PLAY_REQUESTING. `role="status"` (polite), "Stream
 * unavailable" `role="alert"` (assertive). After its Retry, focus moves to
 * the status that replaces the alert.
 *
 * With nothing to show (`data-state="hidden"`: PLAYING, or not played) it
 * still renders its root, empty, transparent and click-through: screen
 * readers announce text that appears inside a polite live region they already
 * track, and often miss one inserted together with its text. "Stream
 * unavailable" replaces the root with a new `role="alert"` element, which is
 * announced on insertion.
 *
 * @example
 * ```tsx
 * <div className="tile">
 *   <video ref={videoRef} autoPlay playsInline />
 *   <StreamRemovedOverlay streamID="host-main" />
 * </div>
 * ```
 */
export const StreamRemovedOverlay = forwardRef(function StreamRemovedOverlay(props: StreamRemovedOverlayProps, ref: Ref<HTMLDivElement>) {
  const { streamID, roomID, store, messages, showDelayMs, minVisibleMs, onRetry, label, unstyled, className, ...rest } = props;
  const view = useStreamRemoved(streamID, props);
  const text = useMessages(enRetry, messages);
  const registry = useMediaRegistry();
  const { state } = view;
  const failed = state === 'unavailable';
  const live = liveRegion(failed);
  const focus = useRetryFocus(live.role, ref);
  // No Retry button that does nothing: only with onRetry or a policy that
  // registered one, and not for a failed room (one failure, one Retry: the banner's).
  const retry = view.roomFailed ? undefined : (onRetry ?? (registry?.canRetry() ? (id: string) => registry.retry(id) : undefined));
  // Mounted while hidden too (empty: the view has no text then), so what it says
  // later is announced. Keyed by role: "unavailable" gets a fresh role="alert"
  // node, announced on insertion; a role/aria-live flip on this node often is not.
  return (
    <div
      key={live.role}
      ref={focus.ref}
      {...live}
      data-state={state}
      data-delete-reason={view.deleteReason}
      className={kitClass(unstyled, 'zsk-overlay', className)}
      {...rest}
    >
      {textPart(unstyled, 'zsk-overlay__title', view.title, state === 'retrying', true)}
      {textPart(unstyled, 'zsk-overlay__detail', view.detail)}
      {failed && retry && actionButton(unstyled, focus.retry(() => retry(streamID)), text.retry, undefined, `${text.retry} ${label ?? streamID}`)}
    </div>
  );
});
