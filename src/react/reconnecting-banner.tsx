import { forwardRef, type HTMLAttributes, type Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from './class-names.js';
import { useStatusMessages } from './context.js';
import { actionButton, textPart } from './parts.js';
import { useReconnectingBanner, type ReconnectingBannerOptions } from './use-reconnecting-banner.js';

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
  /** The room to watch; the current room by default. */
  roomID?: string;
  /** Shown as a Retry button after LOGIN_FAILED / RECONNECT_FAILED. */
  onRetry?: () => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A banner for the room connection: "Reconnecting…" with time elapsed and
 * time left before the SDK gives up, and a note once others see you as gone
 * (90 s, seed 003); "Reconnected" for 2 s; the failure reason with a Retry
 * action; "Connecting…" for a login longer than 3 s. `role="status"` (polite),
 * failures `role="alert"` (assertive); never takes focus.
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
    unstyled,
    className,
    ...rest
  } = props;
  const view = useReconnectingBanner(roomID, props);
  const text = useStatusMessages(messages);
  const { state } = view;
  const live = liveRegion(state === 'failed');
  const part = (name: string, content: string | null, timer?: boolean) =>
    textPart(unstyled, `zsk-banner__${name}`, content, timer);
  // Mounted while hidden too (empty: the view has no text then), so what it says
  // later is announced. Keyed by role: a failure gets a fresh role="alert" node,
  // announced on insertion; a role/aria-live flip on this node often is not.
  return (
    <div key={live.role} ref={ref} {...live} data-state={state} className={kitClass(unstyled, 'zsk-banner', className)} {...rest}>
      {part('title', view.title)}
      {part('time', view.elapsedText, true)}
      {part('time', view.remainingText, true)}
      {part('note', view.note)}
      {part('detail', view.errorText)}
      {state === 'failed' && actionButton(unstyled, onRetry, text.retry)}
    </div>
  );
});
