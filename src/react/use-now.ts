/**
 * The ticking seam for countdowns: re-renders on the store's clock, only
 * while the caller shows something that moves with time.
 */
import { useEffect, useState } from 'react';
import type { TimerHandle } from '../core/clock.js';
import type { StatusStore } from '../core/store.js';
import { useStatusStore } from './context.js';

/**
 * Returns the store clock's `now()`, and re-renders every `intervalMs` while
 * `intervalMs` is a positive number; `null` (nothing shown) stops ticking. With
 * `anchor`, ticks fall on `anchor + k * intervalMs`, so a countdown to
 * `anchor + budget` changes digit exactly on the second. Timers run on
 * `store.clock` (a ManualClock in tests) and are cleared on unmount.
 *
 * @example
 * ```tsx
 * function Elapsed({ since }: { since: number }) {
 *   const now = useNow(1000, since);
 *   return <span role="timer">{Math.floor((now - since) / 1000)} s</span>;
 * }
 * ```
 */
export function useNow(intervalMs: number | null, anchor?: number | null, store?: StatusStore): number {
  const { clock } = useStatusStore(store);
  const [, tick] = useState<object>();
  useEffect(() => {
    if (!intervalMs || intervalMs < 0) return undefined;
    let handle: TimerHandle;
    const schedule = (): void => {
      const offset = typeof anchor === 'number' ? (((clock.now() - anchor) % intervalMs) + intervalMs) % intervalMs : 0;
      handle = clock.setTimeout(() => {
        tick({});
        schedule();
      }, intervalMs - offset);
    };
    schedule();
    return () => clock.clearTimeout(handle);
  }, [clock, intervalMs, anchor]);
  return clock.now();
}
