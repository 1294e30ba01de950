import { forwardRef, type HTMLAttributes, type Ref } from 'react';
import { kitClass, type ThemingProps } from '../class-names.js';
import type { QualityTarget } from './use-quality-grade.js';
import { useConnectionQuality, type ConnectionQualityOptions } from './use-connection-quality.js';

/**
 * Props of {@link ConnectionQualityIndicator}: a `streamID` or a `userID`.
 *
 * @example
 * ```tsx
 * const props: ConnectionQualityIndicatorProps = { userID: 'host' };
 * ```
 */
export type ConnectionQualityIndicatorProps = QualityTarget &
  ConnectionQualityOptions &
  ThemingProps &
  Omit<HTMLAttributes<HTMLSpanElement>, 'children'> & { ref?: Ref<HTMLSpanElement> };

/**
 * Signal bars for the connection quality of a stream (`streamID`: play
 * quality, else publish quality) or a user (`userID`: `networkQuality`, the
 * worse of up- and downstream). `role="img"` with a label such as
 * "Connection quality: poor"; `data-quality` is `unknown`, `excellent`,
 * `good`, `middle`, `poor` or `die` (the SDK's grades). A report older than
 * 7 s reads as unknown. Not a live region. Needs the `mediaHealth()` extension.
 *
 * @example
 * ```tsx
 * <li>
 *   {user.userName} <ConnectionQualityIndicator userID={user.userID} />
 * </li>
 * ```
 */
export const ConnectionQualityIndicator = forwardRef(function ConnectionQualityIndicator(
  { streamID, userID, store, messages, unstyled, className, ...rest }: ConnectionQualityIndicatorProps,
  ref: Ref<HTMLSpanElement>,
) {
  const view = useConnectionQuality((streamID !== undefined ? { streamID } : { userID: userID! }) as QualityTarget, { store, messages });
  const bar = kitClass(unstyled, 'zsk-quality__bar');
  return (
    <span
      ref={ref}
      role="img"
      aria-label={view.label}
      data-quality={view.quality}
      className={kitClass(unstyled, 'zsk-quality', className)}
      {...rest}
    >
      <span className={bar} />
      <span className={bar} />
      <span className={bar} />
      <span className={bar} />
    </span>
  );
});
