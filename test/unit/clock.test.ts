import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/index.js';

describe('createManualClock', () => {
  it('fires timers in due order, at their due time, only when advanced', () => {
    const clock = createManualClock(1000);
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    clock.setTimeout(() => fired.push(['c', clock.now()]), 200);
    expect(clock.pending()).toBe(3);
    clock.advance(150);
    expect(fired).toEqual([['a', 1100]]);
    clock.advance(50);
    expect(fired).toEqual([['a', 1100], ['b', 1200], ['c', 1200]]);
    expect(clock.now()).toBe(1200);
    expect(clock.pending()).toBe(0);
  });

  it('fires timers scheduled by timers within the same advance', () => {
    const clock = createManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 3000);
    }, 3000);
    clock.advance(6000);
    expect(fired).toEqual([3000, 6000]);
  });

  it('cancels timers and ignores unknown handles and bad durations', () => {
    const clock = createManualClock();
    let count = 0;
    const handle = clock.setTimeout(() => count++, 10);
    clock.clearTimeout(handle);
    clock.clearTimeout('nope');
    clock.setTimeout(() => count++, NaN);
    expect(clock.pending()).toBe(1);
    clock.advance(-5);
    expect(count).toBe(1);
    expect(clock.now()).toBe(0);
  });
});
