/**
 * A clock whose time runs faster (or slower) than real time, for the
 * playground: at 60x the 90 s heartbeat timeout ("Express SDK: disconnection and reconnection") is seen after
 * 1.5 s, the web SDK's 5 min retry time after 5 s. Everything on it — the
 * simulator, adapters, policies, countdowns — sees one consistent time line,
 * so the documented order of events is kept whatever the speed.
 */
import { systemClock, type Clock, type TimerHandle } from '../core/clock.js';
import { isNumber, nonNegative } from '../core/guards.js';

/**
 * Options for {@link createScaledClock}.
 *
 * @example
 * ```ts
 * const options: ScaledClockOptions = { scale: 60 }; // one real second is one simulated minute
 * ```
 */
export interface ScaledClockOptions {
  /** The clock whose time is scaled and whose timers drive this one. Default: {@link systemClock}. */
  base?: Clock | undefined;
  /** Simulated milliseconds per base millisecond; 0 pauses. Default 1. */
  scale?: number | undefined;
}

/**
 * A {@link Clock} running `scale()` times as fast as its base, whose speed can
 * change at any moment without time jumping.
 *
 * @example
 * ```ts
 * const clock = createScaledClock({ scale: 10 });
 * clock.setTimeout(() => console.log('90 s of simulated time'), 90_000); // 9 real seconds
 * clock.setScale(60); // the same timer now fires 1.5 real seconds after its last reschedule point
 * ```
 */
export interface ScaledClock extends Clock {
  /** Simulated milliseconds per base millisecond. */
  scale(): number;
  /**
   * Changes the speed from now on: `now()` carries on from where it is and
   * every pending timer keeps its due time on this clock, so it fires after
   * `(dueAt - now()) / scale` base milliseconds. 0 pauses; a negative or
   * non-finite scale throws a RangeError.
   */
  setScale(scale: number): void;
  /**
   * Jumps forward `ms` at once: every timer that falls due fires in order,
   * each seeing `now()` equal to its own due time (as on a ManualClock), so
   * "skip 90 s" gives the same callbacks, with the same timestamps, as
   * waiting for them.
   */
  advance(ms: number): void;
  /** Number of timers scheduled and not yet fired or cleared. */
  pending(): number;
}

interface ScaledTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

function checkScale(scale: number): number {
  if (!isNumber(scale) || scale < 0) {
    throw new RangeError(`createScaledClock: scale must be a finite number >= 0, got ${String(scale)}`);
  }
  return scale;
}

/**
 * Creates a {@link ScaledClock}. Its time starts at the base clock's `now()`
 * and runs `scale` times as fast. Timers are kept in one queue ordered by due
 * time (ties in scheduling order) and driven by a single base timer for the
 * earliest, so they fire in the order of this clock's time even at 600x,
 * where the base would round many of them to the same millisecond.
 *
 * @example
 * ```ts
 * const clock = createScaledClock({ scale: 60 });
 * const room = createSimulatedRoom({ clock });
 * const store = createStatusStore({ clock });
 * // ...later: slow down to watch the 90 s mark closely, without a jump in time
 * clock.setScale(1);
 * ```
 */
export function createScaledClock(options: ScaledClockOptions = {}): ScaledClock {
  const base = options.base ?? systemClock;
  let rate = checkScale(options.scale ?? 1);
  // now() = anchorTime + (base.now() - anchorBase) * rate, re-anchored on every change of rate.
  let anchorBase = base.now();
  let anchorTime = anchorBase;
  /** The last time handed out: never goes back, even if the base does (a wall-clock change). */
  let last = anchorTime;
  /** While advance() fires timers: the due time of the one running. */
  let pinned: number | null = null;
  let nextId = 1;
  const timers: ScaledTimer[] = [];
  let baseHandle: TimerHandle | null = null;

  const now = (): number => {
    if (pinned !== null) return pinned;
    const time = anchorTime + (base.now() - anchorBase) * rate;
    if (time > last) last = time;
    return last;
  };

  const reanchor = (time: number): void => {
    anchorBase = base.now();
    anchorTime = time;
    last = time;
  };

  /** One base timer, for the earliest of ours (none while paused). */
  const arm = (): void => {
    if (baseHandle !== null) {
      base.clearTimeout(baseHandle);
      baseHandle = null;
    }
    const head = timers[0];
    if (!head || rate === 0 || pinned !== null) return;
    baseHandle = base.setTimeout(fire, Math.max(0, (head.dueAt - now()) / rate));
  };

  function fire(): void {
    baseHandle = null;
    try {
      // A base timer may fire a little early after rounding: only what is due runs.
      for (let head = timers[0]; head && head.dueAt <= now(); head = timers[0]) {
        timers.shift();
        head.callback();
      }
    } finally {
      // A callback that throws surfaces as from any timer; the rest still fire.
      arm();
    }
  }

  const clock: ScaledClock = {
    now,
    setTimeout(callback, ms) {
      const timer: ScaledTimer = { id: nextId++, dueAt: now() + nonNegative(ms, 0), callback };
      let i = timers.length;
      while (i > 0 && timers[i - 1]!.dueAt > timer.dueAt) i--;
      timers.splice(i, 0, timer);
      if (i === 0) arm();
      return timer.id;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((timer) => timer.id === handle);
      if (index < 0) return;
      timers.splice(index, 1);
      if (index === 0) arm();
    },
    scale: () => rate,
    setScale(scale) {
      const next = checkScale(scale);
      if (pinned !== null) {
        rate = next; // inside advance(): re-anchored when the jump ends
        return;
      }
      reanchor(now());
      rate = next;
      arm();
    },
    advance(ms) {
      if (pinned !== null) return; // a timer fired by a jump cannot start another jump
      const start = now();
      const target = start + nonNegative(ms, 0);
      pinned = start;
      try {
        for (let head = timers[0]; head && head.dueAt <= target; head = timers[0]) {
          timers.shift();
          pinned = Math.max(pinned, head.dueAt);
          head.callback();
        }
      } finally {
        pinned = null;
        reanchor(target);
        arm();
      }
    },
    pending: () => timers.length,
  };
  return clock;
}
