/**
 * The one seam through which the kit sees time. Core code never calls
 * `Date.now` or `setTimeout` itself, so a 20-minute outage ("Express SDK: disconnection and reconnection", Case 3)
 * runs in a unit test in a millisecond on a {@link ManualClock}.
 */
import { nonNegative } from './guards.js';

/** An opaque timer handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = unknown;

/**
 * Time source and timer scheduler.
 *
 * @example
 * ```ts
 * const clock: Clock = systemClock;
 * const handle = clock.setTimeout(() => console.log('3 s later'), 3000);
 * clock.clearTimeout(handle);
 * ```
 */
export interface Clock {
  /** Milliseconds on this clock's time line. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock: `Date.now` and the global timers.
 *
 * @example
 * ```ts
 * const store = createStatusStore({ clock: systemClock });
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A clock that only moves when told to, for tests, stories and the simulator.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * clock.setTimeout(() => console.log('fired'), 90_000);
 * clock.advance(90_000); // logs "fired" at once
 * clock.pending();       // 0
 * ```
 */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** Number of timers scheduled and not yet fired or cleared. */
  pending(): number;
}

interface ManualTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/**
 * Creates a {@link ManualClock} starting at `startMs` (default 0).
 *
 * @example
 * ```ts
 * const clock = createManualClock(1_000);
 * const store = createStatusStore({ clock });
 * clock.advance(120); // T0 + 120 ms
 * ```
 */
export function createManualClock(startMs = 0): ManualClock {
  let now = Number.isFinite(startMs) ? startMs : 0;
  let nextId = 1;
  // Timers kept sorted by (dueAt, id) so same-time timers fire in scheduling order.
  const timers: ManualTimer[] = [];
  // A delay that is not a finite number >= 0 counts as 0, as setTimeout reads it.
  const delay = (ms: number): number => nonNegative(ms, 0);
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.push({ id, dueAt: now + delay(ms), callback });
      // A stable sort keeps same-time timers in the order they were set.
      timers.sort((a, b) => a.dueAt - b.dueAt);
      return id;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    advance(ms) {
      const target = now + delay(ms);
      for (let next; (next = timers[0]) && next.dueAt <= target; ) {
        timers.shift();
        now = next.dueAt;
        next.callback();
      }
      now = target;
    },
    pending: () => timers.length,
  };
}
