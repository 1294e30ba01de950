import { forwardRef, type HTMLAttributes, type Ref } from 'react';
import { kitClass, type ThemingProps } from './class-names.js';
import { useConnectionStatus, type ConnectionStatusOptions } from './use-connection-status.js';

/**
 * Props of {@link ConnectionStatusBadge}.
 *
 * @example
 * ```tsx
 * const props: ConnectionStatusBadgeProps = { roomID: 'r1', hideText: true };
 * ```
 */
export interface ConnectionStatusBadgeProps
  extends ConnectionStatusOptions,
    ThemingProps,
    Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /**
   * The room to show; the current room by default.
   *
   * @defaultValue the current room
   */
  roomID?: string | undefined;
  /**
   * Show only the dot; the accessible label stays.
   *
   * @defaultValue false
   */
  hideText?: boolean | undefined;
  ref?: Ref<HTMLSpanElement> | undefined;
}

/**
 * A compact indicator of the room phase (idle, connecting, connected,
 * reconnecting, failed, kicked) with an accessible label such as
 * "Connection: Reconnecting". Not a live region: the banner announces changes.
 *
 * @example
 * ```tsx
 * <header>
 *   <h1>Live</h1>
 *   <ConnectionStatusBadge />
 * </header>
 * ```
 */
export const ConnectionStatusBadge = forwardRef(function ConnectionStatusBadge(props: ConnectionStatusBadgeProps, ref: Ref<HTMLSpanElement>) {
  const { roomID, store, messages, hideText, unstyled, className, ...rest } = props;
  const view = useConnectionStatus(roomID, props);
  return (
    <span
      ref={ref}
      role="img"
      aria-label={view.label}
      data-state={view.phase}
      data-reason={view.reason}
      className={kitClass(unstyled, 'zsk-badge', className)}
      {...rest}
    >
      <span className={kitClass(unstyled, 'zsk-badge__dot')} aria-hidden="true" />
      {!hideText && (
        <span className={kitClass(unstyled, 'zsk-badge__text')} aria-hidden="true">
          {view.text}
        </span>
      )}
    </span>
  );
});
