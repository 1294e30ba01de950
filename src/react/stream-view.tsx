import { forwardRef, type HTMLAttributes, type Ref, type VideoHTMLAttributes } from 'react';
import { kitClass, type ThemingProps } from './class-names.js';
import { useStatusStore, useMessages } from './context.js';
import { usePlayerState } from './hooks.js';
import { autoplayPrompt, cameraOffPlaceholder, enStreamView, StreamTileBar } from './media/stream-tile-parts.js';
import { useStreamHealth } from './media/use-stream-health.js';
import { useStreamPlayback } from './media/use-stream-playback.js';
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
  media?: MediaStream | null | undefined;
  /**
   * Play without sound. Unmuted (the default), the browser may refuse to
   * start before a user gesture: the tile then plays muted if it can and
   * offers "Turn on sound", else "Tap to play".
   *
   * @defaultValue false
   */
  muted?: boolean | undefined;
  /** Extra props for the `<video>` element. */
  videoProps?: VideoHTMLAttributes<HTMLVideoElement> | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * A `<video autoPlay playsInline>` showing a played stream, with
 * {@link StreamRemovedOverlay} on top (while PLAYING, an empty, transparent,
 * click-through live region). `data-state` is the player state (NO_PLAY,
 * PLAY_REQUESTING, PLAYING).
 *
 * It calls `play()` itself. When the browser refuses (autoplay policy:
 * sound needs a user gesture) it plays muted so the picture shows and offers
 * "Turn on sound", or "Tap to play" when even muted playback is refused
 * (`data-autoplay="audio"` / `"all"`); one click there, or on
 * `StartMediaButton`, starts every blocked tile of the page. With the
 * `mediaHealth()` extension the block is in the store (`useAutoplay`), and the
 * tile also shows: the `label` as a name tag; a placeholder with the label's
 * name and initial while the publisher's camera is off (`data-camera="off"`);
 * a muted-mic icon ("Microphone off", `data-microphone="off"`); "Weak network"
 * while the play quality is poor; "Video is stuttering" during a decode or
 * render exception.
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
  const api = useStatusStore(store);
  const player = usePlayerState(streamID, api);
  const registered = useStreamMedia(streamID);
  const source = media === undefined ? registered : media;
  const health = useStreamHealth(streamID, { store: api });
  const { video, blocked } = useStreamPlayback(streamID, source, muted, health.autoplay, api);
  const text = useMessages(enStreamView, messages);
  const name = label ?? streamID;

  return (
    <div
      ref={ref}
      data-state={player.state}
      data-autoplay={blocked ?? undefined}
      data-camera={health.cameraOff ? 'off' : undefined}
      data-microphone={health.microphoneOff ? 'off' : undefined}
      className={kitClass(unstyled, 'zsk-stream', className)}
      {...rest}
    >
      <video
        {...videoProps}
        ref={video}
        autoPlay
        playsInline
        muted={muted}
        className={kitClass(unstyled, 'zsk-stream__video', videoProps?.className)}
      />
      {health.cameraOff && cameraOffPlaceholder(unstyled, name, text)}
      <StreamTileBar
        streamID={streamID}
        label={label}
        microphoneOff={health.microphoneOff}
        stuttering={health.stuttering}
        store={api}
        text={text}
        unstyled={unstyled}
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
      {blocked && autoplayPrompt(unstyled, blocked, name, text)}
    </div>
  );
});
