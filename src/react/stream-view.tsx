import { forwardRef, useEffect, useRef, type HTMLAttributes, type Ref, type VideoHTMLAttributes } from 'react';
import { kitClass, type ThemingProps } from './class-names.js';
import { usePlayerState } from './hooks.js';
import { StreamRemovedOverlay, type StreamRemovedOverlayProps } from './stream-removed-overlay.js';
import { useStreamMedia } from './use-stream-media.js';

/**
 * Props of {@link StreamView}.
 *
 * @example
 * ```tsx
 * const props: StreamViewProps = { streamID: 'host-main', muted: true };
 * ```
 */
export interface StreamViewProps
  extends Pick<StreamRemovedOverlayProps, 'roomID' | 'store' | 'messages' | 'showDelayMs' | 'minVisibleMs' | 'onRetry' | 'label'>,
    ThemingProps,
    Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  streamID: string;
  /**
   * The MediaStream to show; default: the one `useAudiencePolicy` got for this stream.
   *
   * @defaultValue the audience policy's MediaStream for this stream
   */
  media?: MediaStream | null;
  /**
   * Mute the video element (autoplay with sound needs a user gesture in browsers).
   *
   * @defaultValue false
   */
  muted?: boolean;
  /** Extra props for the `<video>` element. */
  videoProps?: VideoHTMLAttributes<HTMLVideoElement>;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A `<video autoPlay playsInline>` showing a played stream, with
 * {@link StreamRemovedOverlay} on top (while PLAYING, an empty, transparent,
 * click-through live region). `data-state` is the player state (NO_PLAY,
 * PLAY_REQUESTING, PLAYING).
 *
 * @example
 * ```tsx
 * function Stage() {
 *   useAudiencePolicy(engine);
 *   return <StreamView streamID="host-main" muted />;
 * }
 * ```
 */
export const StreamView = forwardRef(function StreamView({
  streamID,
  roomID,
  store,
  messages,
  showDelayMs,
  minVisibleMs,
  onRetry,
  label,
  media,
  muted,
  videoProps,
  unstyled,
  className,
  ...rest
}: StreamViewProps, ref: Ref<HTMLDivElement>) {
  const player = usePlayerState(streamID, store);
  const registered = useStreamMedia(streamID);
  const source = media === undefined ? registered : media;
  const video = useRef<HTMLVideoElement | null>(null);

  // srcObject is a property, not an attribute: set after mount, cleared after.
  useEffect(() => {
    const node = video.current!;
    node.srcObject = source;
    return () => {
      node.srcObject = null;
    };
  }, [source]);

  return (
    <div ref={ref} data-state={player.state} className={kitClass(unstyled, 'zsk-stream', className)} {...rest}>
      <video
        {...videoProps}
        ref={video}
        autoPlay
        playsInline
        muted={muted}
        className={kitClass(unstyled, 'zsk-stream__video', videoProps?.className)}
      />
      <StreamRemovedOverlay
        streamID={streamID}
        roomID={roomID}
        store={store}
        messages={messages}
        showDelayMs={showDelayMs}
        minVisibleMs={minVisibleMs}
        onRetry={onRetry}
        label={label}
        unstyled={unstyled}
      />
    </div>
  );
});
