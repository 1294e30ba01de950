import { forwardRef, type ButtonHTMLAttributes, type Ref } from 'react';
import { kitClass, type ThemingProps } from '../class-names.js';
import { useAutoplay, type AutoplayOptions } from './use-autoplay.js';

/**
 * Props of {@link StartMediaButton}.
 *
 * @example
 * ```tsx
 * const props: StartMediaButtonProps = { className: 'start-media' };
 * ```
 */
export interface StartMediaButtonProps
  extends AutoplayOptions,
    ThemingProps,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'type'> {
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A page-level button that appears only while the browser blocks playback
 * (autoplay policy: sound needs a user gesture) and starts every blocked tile
 * of the page with one click: "Tap to play", or "Turn on sound" when the
 * pictures play muted. Modelled on LiveKit's `StartAudio`. Renders nothing
 * otherwise. `data-state` is `blocked` or `audio-blocked`. Needs the
 * `mediaHealth()` extension.
 *
 * It starts the kit's own tiles (`StreamView`). A stream the SDK plays in a
 * `ZegoStreamView` (its `autoplayFailed` reported with
 * `connectZegoStreamView`) is counted too; resume that view in `onClick`,
 * which runs within the same click: `onClick={() => view.resume()}`.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store}>
 *   <StartMediaButton />
 *   <StreamView streamID="host-main" />
 * </StatusProvider>
 * ```
 */
export const StartMediaButton = forwardRef(function StartMediaButton(
  { store, messages, unstyled, className, onClick, ...rest }: StartMediaButtonProps,
  ref: Ref<HTMLButtonElement>,
) {
  const view = useAutoplay({ store, messages });
  return (
    view.label && (
      <button
        ref={ref}
        type="button"
        data-state={view.blocked ? 'blocked' : 'audio-blocked'}
        className={kitClass(unstyled, 'zsk-button', className)}
        onClick={(event) => {
          view.unblock();
          onClick?.(event);
        }}
        {...rest}
      >
        {view.label}
      </button>
    )
  );
});
