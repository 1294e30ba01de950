import type { HTMLAttributes, Ref } from 'react';
import { kitClass, liveRegion, type ThemingProps } from './class-names.js';
import { useStatusMessages } from './context.js';
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
 * A banner for the room connection: nothing while connected; "Reconnecting…"
 * with time elapsed and time left before the SDK gives up, and a note once
 * others see you as gone (90 s, seed 003); "Reconnected" for 2 s; the failure
 * reason with a Retry action; "Connecting…" for a login longer than 3 s.
 * `role="status"` (polite), failures `role="alert"` (assertive); never takes focus.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store}>
 *   <ReconnectingBanner showDelayMs={1000} onRetry={() => zg.loginRoom(roomID, token, user)} />
 * </StatusProvider>
 * ```
 */
export function ReconnectingBanner({
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
  ref,
  ...rest
}: ReconnectingBannerProps) {
  const view = useReconnectingBanner(roomID, { store, messages, showDelayMs, minVisibleMs, reconnectedMs, connectingNoticeMs });
  const text = useStatusMessages(messages);
  if (view.state === 'hidden') return null;
  const failed = view.state === 'failed';
  const part = (name: string) => kitClass(unstyled, `zsk-banner__${name}`);
  return (
    <div
      ref={ref}
      {...liveRegion(failed)}
      data-state={view.state}
      className={kitClass(unstyled, 'zsk-banner', className)}
      {...rest}
    >
      <span className={part('title')}>{view.title}</span>
      {view.elapsedText !== null && (
        <span role="timer" className={part('time')} suppressHydrationWarning>
          {view.elapsedText}
        </span>
      )}
      {view.remainingText !== null && (
        <span role="timer" className={part('time')} suppressHydrationWarning>
          {view.remainingText}
        </span>
      )}
      {view.note !== null && <span className={part('note')}>{view.note}</span>}
      {view.errorText !== null && <span className={part('detail')}>{view.errorText}</span>}
      {failed && onRetry && (
        <button type="button" className={kitClass(unstyled, 'zsk-button')} onClick={onRetry}>
          {text.retry}
        </button>
      )}
    </div>
  );
}
