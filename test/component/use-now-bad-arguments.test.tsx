/**
 * Issue 13: `useNow(1000, NaN)` and `useNow(Infinity)` armed a 0 ms timer that
 * re-armed itself, so ManualClock.advance never returned (and a real page
 * spun). Bad arguments are ignored: an interval that is not a finite number
 * > 0 does not tick, one under 1 ms ticks every 1 ms, an anchor that is not
 * finite counts as none. Every delay asked of the clock is checked before the
 * clock is advanced, so a regression fails here instead of hanging the run.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createManualClock, type Clock } from '../../src/core/clock.js';
import { createStatusStore } from '../../src/core/store.js';
import { useNow } from '../../src/react/use-now.js';

/** A manual clock that records every delay it is asked for. */
function recordingClock() {
  const clock = createManualClock();
  const delays: number[] = [];
  const recorded: Clock = {
    now: clock.now,
    setTimeout: (callback, ms) => {
      delays.push(ms);
      return clock.setTimeout(callback, ms);
    },
    clearTimeout: clock.clearTimeout,
  };
  const store = createStatusStore({ clock: recorded });
  return { clock, delays, store };
}

function mount(intervalMs: number | null, anchor?: number | null) {
  const { clock, delays, store } = recordingClock();
  clock.advance(250);
  let renders = 0;
  const view = renderHook(() => {
    renders++;
    return useNow(intervalMs, anchor, store);
  });
  return { clock, delays, view, renders: () => renders };
}

describe('useNow with bad arguments', () => {
  it.each([NaN, Infinity, -Infinity, -1000, 0])('interval %s: no timer, nothing ticks', (interval) => {
    const { clock, delays, view, renders } = mount(interval);
    expect(delays).toEqual([]);
    expect(clock.pending()).toBe(0);
    const before = renders();
    act(() => clock.advance(10_000));
    expect(renders()).toBe(before);
    expect(view.result.current).toBe(250);
  });

  it.each([NaN, Infinity, -Infinity])('anchor %s is ignored: ticks every second from mount', (anchor) => {
    const { clock, delays, view } = mount(1000, anchor);
    expect(delays).toEqual([1000]);
    act(() => clock.advance(2500));
    expect(delays).toEqual([1000, 1000, 1000]);
    expect(view.result.current).toBe(2750);
    view.unmount();
    expect(clock.pending()).toBe(0);
  });

  it('an interval under 1 ms ticks every 1 ms, never in a tight loop', () => {
    const { clock, delays } = mount(0.001);
    expect(delays).toEqual([1]);
    act(() => clock.advance(5));
    expect(delays).toHaveLength(6);
    expect(delays.every((ms) => ms === 1)).toBe(true);
  });

  it('a finite anchor still aligns the ticks', () => {
    const { clock, delays } = mount(1000, 0);
    expect(delays).toEqual([750]); // 250 ms after the anchor: the next whole second is 750 ms away
    act(() => clock.advance(750));
    expect(delays).toEqual([750, 1000]);
  });
});
