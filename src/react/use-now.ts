/**
 * The ticking seam for countdowns: re-renders on the store's clock, only
 * while the caller shows something that moves with time.
 */
import { useEffect, useState } from 'react';
import type { TimerHandle } from '../core/clock.js';
import { isNumber } from '../core/guards.js';
import type { StatusStore } from '../core/store.js';
import { useStatusStore } from './context.js';

/**
 * Returns the store clock's `now()`, and re-renders every `intervalMs` while
 * `intervalMs` is a positive number; `null` (nothing shown) stops ticking. With
 * `anchor`, ticks fall on `anchor + k * intervalMs`, so a countdown to
 * `anchor + budget` changes digit exactly on the second. Timers run on
 * `store.clock` (a ManualClock in tests) and are cleared on unmount. Bad
 * arguments never spin: an interval that is not a finite number > 0 does not
 * tick, one under 1 ms ticks every 1 ms, and an anchor that is not a finite
 * number counts as none.
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
  // NaN or Infinity here once made a 0 ms timer that re-armed itself forever.
  const interval = isNumber(intervalMs) && intervalMs > 0 ? Math.max(1, intervalMs) : null;
  const start = isNumber(anchor) ? anchor : null;
  useEffect(() => {
    if (interval === null) return undefined;
    let handle: TimerHandle;
    const schedule = (): void => {
      const offset = start === null ? 0 : (((clock.now() - start) % interval) + interval) % interval;
      handle = clock.setTimeout(() => {
        tick({});
        schedule();
      }, interval - offset);
    };
    schedule();
    return () => clock.clearTimeout(handle);
  }, [clock, interval, start]);
  return clock.now();
}
