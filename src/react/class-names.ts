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
  /** Render without the kit's `zsk-*` classes (the markup and `data-state` stay). */
  unstyled?: boolean;
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
  const joined = [unstyled ? '' : kit, own ?? ''].filter(Boolean).join(' ');
  return joined || undefined;
}
