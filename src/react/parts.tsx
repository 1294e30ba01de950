/**
 * Markup the components share: a line of text in a kit-classed `<span>`, and
 * an action button. Plain functions returning elements, not components, so
 * they add nothing to the React tree.
 */
import { kitClass } from './class-names.js';

/**
 * A `<span>` with `content` and the kit class `kit`, or nothing for `null`.
 * `timer` makes it `role="timer"`; `suppressHydrationWarning` (default: with
 * `timer`) is for text that moves with the clock, so it may differ from the
 * server's.
 *
 * @example
 * ```tsx
 * <div>{textPart(unstyled, 'zsk-banner__time', view.elapsedText, true)}</div>
 * ```
 *
 * @internal
 */
export const textPart = (
  unstyled: boolean | undefined,
  kit: string,
  content: string | null,
  timer?: boolean,
  suppressHydrationWarning = timer,
) =>
  content !== null && (
    <span role={timer ? 'timer' : undefined} className={kitClass(unstyled, kit)} suppressHydrationWarning={suppressHydrationWarning}>
      {content}
    </span>
  );

/**
 * A `<button type="button">` with the kit's button class (`kit`), or nothing
 * without an `onClick`. `name`, when given, is its accessible name (it should
 * start with `label`, the visible text, so speech input still finds it).
 * `onClick` is called with no arguments, as its type says: not with the click
 * event, which an app's `onRetry={policy.retry}` would take for a streamID.
 *
 * @example
 * ```tsx
 * <div>{actionButton(unstyled, onRetry, messages.retry)}</div>
 * ```
 *
 * @internal
 */
export const actionButton = (
  unstyled: boolean | undefined,
  onClick: (() => void) | undefined,
  label: string,
  kit = 'zsk-button',
  name?: string,
) =>
  onClick && (
    <button type="button" className={kitClass(unstyled, kit)} onClick={() => onClick()} aria-label={name}>
      {label}
    </button>
  );
