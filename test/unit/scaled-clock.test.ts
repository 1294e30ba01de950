import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/index.js';
import { createScaledClock } from '../../src/simulator/index.js';

// The base is a ManualClock: "real" time only moves when the test says so.
function setup(scale: number, start = 1_000) {
  const base = createManualClock(start);
  const clock = createScaledClock({ base, scale });
  return { base, clock };
}

describe('createScaledClock', () => {
  it('starts at the base time and runs scale times as fast', () => {
    const { base, clock } = setup(60);
    expect(clock.now()).toBe(1_000);
    expect(clock.scale()).toBe(60);
    base.advance(1_500); // 1.5 real seconds
    expect(clock.now()).toBe(1_000 + 90_000); // T3 + 90 s: the heartbeat timeout
  });

  it('defaults to the system clock at 1x', () => {
    const clock = createScaledClock();
    expect(clock.scale()).toBe(1);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
    expect(clock.pending()).toBe(0);
  });

  it('fires a timer after delay / scale base milliseconds, seeing its due time', () => {
    const { base, clock } = setup(10, 0);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 90_000);
    expect(clock.pending()).toBe(1);
    expect(base.pending()).toBe(1); // one base timer drives the queue
    base.advance(8_999);
    expect(fired).toEqual([]);
    base.advance(1);
    expect(fired).toEqual([90_000]);
    expect(clock.pending()).toBe(0);
    expect(base.pending()).toBe(0);
  });

  it('fires timers in due order (ties in scheduling order) through a single base timer', () => {
    const { base, clock } = setup(600, 0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 200);
    clock.setTimeout(() => fired.push('a'), 100);
    clock.setTimeout(() => fired.push('c'), 200);
    expect(base.pending()).toBe(1);
    base.advance(1); // 600 simulated ms: all three are due in the same base tick
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('setScale keeps time continuous and reschedules pending timers', () => {
    const { base, clock } = setup(1, 0);
    const fired: Array<[number, number]> = [];
    clock.setTimeout(() => fired.push([base.now(), clock.now()]), 90_000);
    base.advance(30_000); // T+30 s at 1x
    expect(clock.now()).toBe(30_000);
    clock.setScale(60);
    expect(clock.now()).toBe(30_000); // no jump
    expect(clock.scale()).toBe(60);
    base.advance(999); // 59.94 simulated seconds later: not yet
    expect(fired).toEqual([]);
    base.advance(1); // 60 s left at 60x = 1 real second
    expect(fired).toEqual([[31_000, 90_000]]);
  });

  it('slowing down postpones a pending timer in base time, not in its own', () => {
    const { base, clock } = setup(10, 0);
    let firedAt: number | null = null;
    clock.setTimeout(() => (firedAt = base.now()), 10_000); // 1 real second at 10x
    base.advance(500); // 5 s simulated
    clock.setScale(1); // 5 s left, now at 1x
    base.advance(4_999);
    expect(firedAt).toBeNull();
    base.advance(1);
    expect(firedAt).toBe(5_500);
    expect(clock.now()).toBe(10_000);
  });

  it('scale 0 pauses time and timers; resuming carries on', () => {
    const { base, clock } = setup(10, 0);
    let fired = 0;
    clock.setTimeout(() => fired++, 3_000);
    base.advance(100); // 1 s simulated
    clock.setScale(0);
    expect(base.pending()).toBe(0);
    base.advance(60_000);
    expect(clock.now()).toBe(1_000);
    expect(fired).toBe(0);
    clock.setScale(2);
    base.advance(1_000); // the 2 s left at 2x
    expect(fired).toBe(1);
    expect(clock.now()).toBe(3_000);
  });

  it('rejects a negative or non-finite scale', () => {
    expect(() => createScaledClock({ scale: -1 })).toThrow(RangeError);
    const { clock } = setup(1);
    expect(() => clock.setScale(Number.NaN)).toThrow(RangeError);
    expect(() => clock.setScale(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.scale()).toBe(1);
  });

  it('clearTimeout cancels one timer and re-arms for the next', () => {
    const { base, clock } = setup(1, 0);
    const fired: string[] = [];
    const first = clock.setTimeout(() => fired.push('first'), 100);
    clock.setTimeout(() => fired.push('second'), 200);
    clock.clearTimeout(first);
    clock.clearTimeout('unknown');
    expect(clock.pending()).toBe(1);
    expect(base.pending()).toBe(1);
    base.advance(200);
    expect(fired).toEqual(['second']);
  });

  it('advance jumps time, firing due timers in order at their own due time', () => {
    const { base, clock } = setup(1, 0);
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => {
      fired.push(['T3 + 10 s', clock.now()]);
      // Scheduled during the jump and due within it: fires in the same jump.
      clock.setTimeout(() => fired.push(['T3 + 13 s', clock.now()]), 3_000);
    }, 10_000);
    clock.setTimeout(() => fired.push(['T3 + 90 s', clock.now()]), 90_000);
    clock.setTimeout(() => fired.push(['T3 + 5 min', clock.now()]), 300_000);
    clock.advance(90_000);
    expect(fired).toEqual([
      ['T3 + 10 s', 10_000],
      ['T3 + 13 s', 13_000],
      ['T3 + 90 s', 90_000],
    ]);
    expect(clock.now()).toBe(90_000);
    expect(clock.pending()).toBe(1);
    base.advance(210_000); // the rest of the way at 1x
    expect(fired.at(-1)).toEqual(['T3 + 5 min', 300_000]);
  });

  it('a timer that throws surfaces the error and the other timers still fire', () => {
    const { base, clock } = setup(1, 0);
    const fired: string[] = [];
    clock.setTimeout(() => {
      throw new Error('app bug');
    }, 100);
    clock.setTimeout(() => fired.push('after'), 100);
    expect(() => base.advance(100)).toThrow('app bug');
    base.advance(0);
    expect(fired).toEqual(['after']);
  });

  it('never goes back in time when the base does', () => {
    let wall = 5_000;
    const base = { ...createManualClock(), now: () => wall };
    const clock = createScaledClock({ base, scale: 2 });
    wall += 100;
    expect(clock.now()).toBe(5_200);
    wall -= 1_000; // the wall clock was set back
    expect(clock.now()).toBe(5_200);
  });
});
