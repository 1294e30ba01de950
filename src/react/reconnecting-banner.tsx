import { forwardRef, useEffect, useState, type HTMLAttributes, type Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from './class-names.js';
import { useMessages } from './context.js';
import { enRetry } from './i18n/en.js';
import { actionButton, textPart } from './parts.js';
import { useReconnectingBanner, type ReconnectingBannerOptions } from './use-reconnecting-banner.js';
import { useRetryFocus } from './use-retry-focus.js';

/**
 * Where the banner sits: `inline` in the page flow (it pushes what follows
 * down while shown), or over the page at the `top` or `bottom` of the
 * viewport, which moves nothing. See {@link ReconnectingBannerProps.placement}.
 *
 * @example
 * ```tsx
 * const placement: BannerPlacement = 'top';
 * ```
 */
export type BannerPlacement = 'inline' | 'top' | 'bottom';

/**
 * Props of {@link ReconnectingBanner}.
 *
 * @example
 * ```tsx
 * const props: ReconnectingBannerProps = { showDelayMs: 1000, onRetry: () => rejoin() };
 * ```
 */
export interface ReconnectingBannerProps
  extends ReconnectingBannerOptions,
    ThemingProps,
    Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * The room to watch; the current room by default.
   *
   * @defaultValue the current room
   */
  roomID?: string | undefined;
  /**
   * Shown as a Retry button after LOGIN_FAILED / RECONNECT_FAILED: e.g.
   * loginRoom again. This is the one Retry for a failed room: the tiles'
   * `StreamRemovedOverlay` offers none while the room has failed, since
   * rejoining plays every stream again. Pressed, the banner says
   * "Connecting…" at once and takes focus (the alert it was in is replaced).
   *
   * @defaultValue none: no Retry button
   */
  onRetry?: (() => void) | undefined;
  /**
   * `inline` (default): in the page flow, where you render it; it takes
   * space only while shown, so what follows moves down by its height.
   * `top` / `bottom`: over the page (`position: fixed`), centred at the top
   * or bottom of the viewport, above the content at `--zsk-z-banner`: the
   * page does not move when it appears. With `contained`, at the top or
   * bottom of the nearest positioned ancestor instead (`position: absolute`).
   * Class `zsk-banner--top` / `zsk-banner--bottom`, attribute `data-placement`.
   *
   * @defaultValue 'inline'
   * @example
   * ```tsx
   * <ReconnectingBanner placement="top" />
   * ```
   */
  placement?: BannerPlacement | undefined;
  /**
   * With `placement` `top` or `bottom`: place it in the nearest positioned
   * ancestor (give it `position: relative`) rather than the viewport, e.g.
   * over one room's video.
   *
   * @defaultValue false
   * @example
   * ```tsx
   * <section style={{ position: 'relative' }}>
   *   <StreamView streamID="host-main" />
   *   <ReconnectingBanner placement="top" contained />
   * </section>
   * ```
   */
  contained?: boolean | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * A banner for the room connection: "Reconnecting…" with time elapsed and
 * time left before the SDK gives up, and a note once others see you as gone
 * (90 s, "Express SDK: disconnection and reconnection"); "Reconnected" for 2 s; the failure reason with a Retry
 * action; "Connecting…" for a login longer than 3 s. `role="status"` (polite),
 * failures `role="alert"` (assertive); takes focus only after its own Retry,
 * when the alert holding the focused button is replaced. In the page flow by
 * default; `placement="top"` / `"bottom"` lays it over the page so nothing
 * moves when it appears.
 *
 * With nothing to show (`data-state="hidden"`: connected, out of the room) it
 * still renders its root, empty and styled to take no space: screen readers
 * announce text that appears inside a polite live region they already track,
 * and often miss one inserted together with its text. A failure replaces the
 * root with a new `role="alert"` element, which is announced on insertion.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store}>
 *   <ReconnectingBanner showDelayMs={1000} onRetry={() => zg.loginRoom(roomID, token, user)} />
 * </StatusProvider>
 * ```
 */
export const ReconnectingBanner = forwardRef(function ReconnectingBanner(props: ReconnectingBannerProps, ref: Ref<HTMLDivElement>) {
  const {
    roomID,
    store,
    messages,
    showDelayMs,
    minVisibleMs,
    reconnectedMs,
    connectingNoticeMs,
    onRetry,
    placement = 'inline',
    contained,
    unstyled,
    className,
    ...rest
  } = props;
  // After its own Retry, "Connecting…" shows at once: the user asked, so the
  // 3 s quiet of an ordinary login would read as nothing happening.
  const [retried, setRetried] = useState(false);
  const view = useReconnectingBanner(roomID, retried ? { ...props, connectingNoticeMs: 0 } : props);
  const text = useMessages(enRetry, messages);
  const { state } = view;
  const { phase } = view.room;
  useEffect(() => {
    if (retried && phase !== 'connecting' && phase !== 'failed') setRetried(false);
  }, [retried, phase]);
  const live = liveRegion(state === 'failed');
  const focus = useRetryFocus(live.role, ref);
  const placed = placement === 'top' || placement === 'bottom';
  const classes = placed ? `zsk-banner zsk-banner--${placement}${contained ? ' zsk-banner--contained' : ''}` : 'zsk-banner';
  const part = (name: string, content: string | null, timer?: boolean) =>
    textPart(unstyled, `zsk-banner__${name}`, content, timer);
  // Mounted while hidden too (empty: the view has no text then), so what it says
  // later is announced. Keyed by role: a failure gets a fresh role="alert" node,
  // announced on insertion; a role/aria-live flip on this node often is not.
  return (
    <div
      key={live.role}
      ref={focus.ref}
      {...live}
      data-state={state}
      data-placement={placed ? placement : undefined}
      className={kitClass(unstyled, classes, className)}
      {...rest}
    >
      {part('title', view.title)}
      {part('time', view.elapsedText, true)}
      {part('time', view.remainingText, true)}
      {part('note', view.note)}
      {part('detail', view.errorText)}
      {state === 'failed' &&
        actionButton(
          unstyled,
          focus.retry(
            onRetry &&
              (() => {
                setRetried(true);
                onRetry();
              }),
          ),
          text.retry,
        )}
    </div>
  );
});
