import type { HTMLAttributes, Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from './class-names.js';
import { useMediaRegistry, useStatusMessages } from './context.js';
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
  /** The Retry action once the policy gave up; default: the `useAudiencePolicy` in the provider. */
  onRetry?: (streamID: string) => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The overlay over a video tile: "Host connection lost, waiting…" (with the
 * delete reason) after a stream DELETE, "Retrying in N s" while a replay is
 * scheduled, "Stream unavailable" with Retry once the policy gave up,
 * "Connecting…" while PLAY_REQUESTING; nothing while PLAYING.
 *
 * @example
 * ```tsx
 * <div className="tile">
 *   <video ref={videoRef} autoPlay playsInline />
 *   <StreamRemovedOverlay streamID="host-main" />
 * </div>
 * ```
 */
export function StreamRemovedOverlay({
  streamID,
  roomID,
  store,
  messages,
  showDelayMs,
  minVisibleMs,
  onRetry,
  unstyled,
  className,
  ref,
  ...rest
}: StreamRemovedOverlayProps) {
  const view = useStreamRemoved(streamID, { roomID, store, messages, showDelayMs, minVisibleMs });
  const text = useStatusMessages(messages);
  const registry = useMediaRegistry();
  if (view.state === 'hidden') return null;
  const failed = view.state === 'unavailable';
  // No Retry button that does nothing: only with onRetry or a policy that registered one.
  const retry = onRetry ?? (registry?.canRetry() ? (id: string) => void registry.retry(id) : undefined);
  const part = (name: string) => kitClass(unstyled, `zsk-overlay__${name}`);
  return (
    <div
      ref={ref}
      {...liveRegion(failed)}
      data-state={view.state}
      data-delete-reason={view.deleteReason ?? undefined}
      className={kitClass(unstyled, 'zsk-overlay', className)}
      {...rest}
    >
      <span className={part('title')} role={view.state === 'retrying' ? 'timer' : undefined} suppressHydrationWarning>
        {view.title}
      </span>
      {view.detail !== null && <span className={part('detail')}>{view.detail}</span>}
      {failed && retry && (
        <button type="button" className={kitClass(unstyled, 'zsk-button')} onClick={() => retry(streamID)}>
          {text.retry}
        </button>
      )}
    </div>
  );
}
