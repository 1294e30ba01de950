/**
 * The kit's class names, dropped by `unstyled`; the app's `className` always stays.
 */

/**
 * Props every component root accepts for theming.
 *
 * @example
 * ```tsx
 * <ConnectionStatusBadge unstyled className="my-badge" />
 * ```
 */
export interface ThemingProps {
  /**
   * Render without the kit's `zsk-*` classes (the markup and `data-state` stay).
   *
   * @defaultValue false
   */
  unstyled?: boolean | undefined;
}

/**
 * Joins the kit's class (unless `unstyled`) with the app's.
 *
 * @example
 * ```ts
 * kitClass(false, 'zsk-badge', 'mine'); // 'zsk-badge mine'
 * kitClass(true, 'zsk-badge', 'mine');  // 'mine'
 * ```
 */
export function kitClass(unstyled: boolean | undefined, kit: string, own?: string): string | undefined {
  return (unstyled ? own : own ? `${kit} ${own}` : kit) || undefined;
}

/**
 * The live-region attributes every status root uses: failures
 * interrupt (`role="alert"`, assertive), everything else waits its turn
 * (`role="status"`, polite). Keep the polite root mounted, empty while there
 * is nothing to say (screen readers often miss a live region inserted with
 * its text), and key it by `role`, so a failure inserts a new alert (announced
 * on insertion) instead of flipping the attributes of the polite one.
 *
 * @example
 * ```tsx
 * const live = liveRegion(view.state === 'failed');
 * <div key={live.role} {...live}>{view.title}</div>
 * ```
 *
 * @internal
 */
export function liveRegion(failed: boolean): { role: 'alert' | 'status'; 'aria-live': 'assertive' | 'polite' } {
  return failed ? { role: 'alert', 'aria-live': 'assertive' } : { role: 'status', 'aria-live': 'polite' };
}
