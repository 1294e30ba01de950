/**
 * Issue 8, reliability: 1,000 rapid RECONNECTING/RECONNECTED flaps. A flaky
 * network (web SDK error 1000017, seed 002) can flap the room every few
 * hundred ms; the banner with anti-flap settings (showDelayMs, minVisibleMs)
 * must show a bounded number of times, stay up at least minVisibleMs each
 * time it shows, and leave no timer behind — during the flaps (the clock's
 * pending timers stay bounded) and after unmount (none).
 *
 * A "show" is the banner's root leaving data-state="hidden", until it is
 * back to "hidden". The root is its polite live region and stays mounted
 * (empty) while hidden, so shows are not mounts: they are read from every
 * value its data-state took, commit by commit (a MutationObserver's records,
 * taken after each step, so a show that begins and ends within one step still
 * counts). No failure happens here, so the root is one node for the whole
 * test; a ref callback checks that it is never replaced.
 */
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { setup, type Setup } from './helpers.js';

const SHOW_DELAY_MS = 1000;
const MIN_VISIBLE_MS = 1500;
const FLAPS = 1000;
/** The banner's own timers (anti-flap, ticking countdown, "Reconnected" hold) never pile up. */
const MAX_PENDING_TIMERS = 4;

interface Shown {
  readonly node: HTMLElement;
  readonly from: number;
  to: number | null;
}

function mountBanner(t: Setup, props: { showDelayMs?: number; minVisibleMs?: number } = {}) {
  const shows: Shown[] = [];
  let current: Shown | null = null;
  const mounts: HTMLDivElement[] = [];
  const ref = (node: HTMLDivElement | null) => {
    if (node) mounts.push(node);
  };
  const view = t.view(<ReconnectingBanner ref={ref} {...props} />);
  expect(mounts).toHaveLength(1);
  const root = mounts[0]!;
  expect(root).toHaveAttribute('role', 'status');
  expect(root).toHaveAttribute('data-state', 'hidden');
  expect(root).toBeEmptyDOMElement();
  const observer = new MutationObserver(() => {});
  observer.observe(root, { attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  /** Every data-state the root took since the last read, in order (a record holds the value before its change). */
  const states = () => {
    const records = observer.takeRecords();
    return records.length === 0 ? [] : [...records.slice(1).map((record) => record.oldValue), root.getAttribute('data-state')];
  };
  let maxPending = 0;
  const step = (action: () => void) => {
    act(action);
    const now = t.clock.now();
    for (const state of states()) {
      if (state !== 'hidden' && !current) {
        current = { node: root, from: now, to: null };
        shows.push(current);
      } else if (state === 'hidden' && current) {
        current.to = now;
        current = null;
      }
    }
    // The live region is never replaced: one node, mounted once, still in the document.
    expect(mounts).toHaveLength(1);
    expect(root.isConnected).toBe(true);
    expect(root).toHaveAttribute('role', 'status');
    // Hidden means empty; shown means the title is there.
    if (current) expect(root).not.toBeEmptyDOMElement();
    else expect(root).toBeEmptyDOMElement();
    maxPending = Math.max(maxPending, t.clock.pending());
  };
  return { view, shows, step, maxPending: () => maxPending };
}

/** `count` outages of `outageMs` (RECONNECTING … RECONNECTED), `gapMs` apart. */
function flap(t: Setup, step: (action: () => void) => void, count: number, outageMs: (i: number) => number, gapMs: (i: number) => number) {
  for (let i = 0; i < count; i++) {
    step(() => t.room('RECONNECTING', 1000017));
    step(() => t.clock.advance(outageMs(i)));
    step(() => t.room('RECONNECTED'));
    step(() => t.clock.advance(gapMs(i)));
  }
}

/** A small deterministic PRNG (mulberry32), so a failure replays exactly. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// 4,000 act() steps per test, each read back from the DOM: about 1 s on an idle
// machine, 9–13 s seen on a loaded 2-core one, where vitest's 5 s default
// timed them out. The work is the point (1,000 flaps), so the time limit moves.
describe('1,000 RECONNECTING/RECONNECTED flaps', { timeout: 60_000 }, () => {
  it('200 ms apart with showDelayMs 1000 / minVisibleMs 1500: the banner never shows; no timer left', () => {
    const t = setup();
    t.login();
    const banner = mountBanner(t, { showDelayMs: SHOW_DELAY_MS, minVisibleMs: MIN_VISIBLE_MS });
    flap(t, banner.step, FLAPS, () => 200, () => 200);
    expect(banner.shows).toHaveLength(0);
    expect(banner.view.getByRole('status')).toHaveAttribute('data-state', 'hidden');
    expect(banner.view.getByRole('status')).toBeEmptyDOMElement();
    expect(banner.maxPending()).toBeLessThanOrEqual(MAX_PENDING_TIMERS);
    banner.view.unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('outages just past showDelayMs, 200 ms apart: shows once and stays up through the flapping', () => {
    const t = setup();
    t.login();
    const banner = mountBanner(t, { showDelayMs: SHOW_DELAY_MS, minVisibleMs: MIN_VISIBLE_MS });
    flap(t, banner.step, FLAPS, () => 1200, () => 200);
    // One show: the 2 s "Reconnected" hold bridges each 200 ms gap, so the root never goes back to hidden.
    expect(banner.shows).toHaveLength(1);
    // Shown during the first outage, never before showDelayMs (times are commit times, read at the end of a step).
    const firstOutageAt = t.clock.now() - FLAPS * 1400;
    expect(banner.shows[0]!.from).toBeGreaterThanOrEqual(firstOutageAt + SHOW_DELAY_MS);
    expect(banner.shows[0]!.from).toBeLessThanOrEqual(firstOutageAt + 1200);
    expect(banner.shows[0]!.to).toBeNull();
    expect(banner.maxPending()).toBeLessThanOrEqual(MAX_PENDING_TIMERS);
    banner.view.unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('without a show delay (minVisibleMs only): one show for the whole burst, not one per flap', () => {
    const t = setup();
    t.login();
    const banner = mountBanner(t, { minVisibleMs: MIN_VISIBLE_MS });
    flap(t, banner.step, FLAPS, () => 200, () => 200);
    expect(banner.shows).toHaveLength(1);
    // After the burst: "Reconnected" for 2 s, then gone, exactly once.
    banner.step(() => t.clock.advance(5000));
    expect(banner.shows).toHaveLength(1);
    expect(banner.shows[0]!.to).not.toBeNull();
    expect(banner.maxPending()).toBeLessThanOrEqual(MAX_PENDING_TIMERS);
    banner.view.unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('random outages (0–3 s) and gaps (0–5 s): shows ≤ outages longer than showDelayMs, each up ≥ minVisibleMs', () => {
    const t = setup();
    t.login();
    const banner = mountBanner(t, { showDelayMs: SHOW_DELAY_MS, minVisibleMs: MIN_VISIBLE_MS });
    const next = random(8);
    const outages = Array.from({ length: FLAPS }, () => Math.floor(next() * 3000));
    const gaps = Array.from({ length: FLAPS }, () => Math.floor(next() * 5000));
    flap(t, banner.step, FLAPS, (i) => outages[i]!, (i) => gaps[i]!);
    banner.step(() => t.clock.advance(10_000));

    const longOutages = outages.filter((ms) => ms >= SHOW_DELAY_MS).length;
    expect(banner.shows.length).toBeGreaterThan(0);
    expect(banner.shows.length).toBeLessThanOrEqual(longOutages);
    for (const shown of banner.shows) {
      expect(shown.to).not.toBeNull();
      expect(shown.to! - shown.from).toBeGreaterThanOrEqual(MIN_VISIBLE_MS);
    }
    expect(banner.maxPending()).toBeLessThanOrEqual(MAX_PENDING_TIMERS);
    banner.view.unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('unmounted in the middle of a flap (show delay pending, countdown ticking): no timer left', () => {
    for (const stopAt of [100, 999, 1000, 1100, 1300, 2500]) {
      const t = setup();
      t.login();
      const banner = mountBanner(t, { showDelayMs: SHOW_DELAY_MS, minVisibleMs: MIN_VISIBLE_MS });
      flap(t, banner.step, 10, () => 1200, () => 200);
      banner.step(() => t.room('RECONNECTING', 1000017));
      banner.step(() => t.clock.advance(stopAt));
      expect(t.clock.pending()).toBeGreaterThan(0);
      banner.view.unmount();
      expect(t.clock.pending()).toBe(0);
    }
  });
});
