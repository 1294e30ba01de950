/**
 * Anti-flap for anything that appears and disappears with the connection: a
 * one-second RECONNECTING blip should not flash a banner, and a banner that
 * did appear should stay long enough to be read.
 */
import { useEffect, useState } from 'react';
import type { Clock } from '../core/clock.js';
import { nonNegative } from '../core/guards.js';

/**
 * Timing of {@link useAntiFlap}, shared by every component that shows and hides.
 *
 * @example
 * ```tsx
 * <ReconnectingBanner showDelayMs={1000} minVisibleMs={1500} />
 * ```
 */
export interface AntiFlapOptions {
  /**
   * Show only once the condition has held this long (0: at once).
   *
   * @defaultValue 0
   */
  showDelayMs?: number | undefined;
  /**
   * Once shown, stay at least this long.
   *
   * @defaultValue 0
   */
  minVisibleMs?: number | undefined;
}

/**
 * Whether to show something that is `active`, debounced on `clock`: shown
 * `showDelayMs` after it became active (never, if it stops before), and kept
 * for `minVisibleMs` once shown. With both 0 it is `active` itself. Every
 * timer is cleared on change and unmount.
 *
 * @example
 * ```ts
 * const visible = useAntiFlap(room.phase === 'reconnecting', { showDelayMs: 1000 }, store.clock);
 * ```
 */
export function useAntiFlap(active: boolean, options: AntiFlapOptions, clock: Clock): boolean {
  const showDelayMs = nonNegative(options.showDelayMs, 0);
  const minVisibleMs = nonNegative(options.minVisibleMs, 0);
  // When it was last shown, or null while hidden.
  const [shownAt, setShownAt] = useState<number | null>(() => (active && showDelayMs === 0 ? clock.now() : null));
  const shown = shownAt !== null;

  useEffect(() => {
    // With no delay and no minimum the answer is `active` itself: no state to keep,
    // so a change costs one render, not a render plus an effect's setState.
    if (!(showDelayMs || minVisibleMs) || active === shown) return undefined;
    const delay = active ? showDelayMs : shownAt! + minVisibleMs - clock.now();
    const apply = (): void => setShownAt(active ? clock.now() : null);
    if (delay <= 0) return apply();
    const handle = clock.setTimeout(apply, delay);
    return () => clock.clearTimeout(handle);
  }, [active, shown, shownAt, showDelayMs, minVisibleMs, clock]);

  // What needs no timer is true at once, so nothing lags a render behind the store.
  return active ? showDelayMs === 0 || shown : minVisibleMs !== 0 && shown;
}
