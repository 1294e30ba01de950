/**
 * Issue 14, render cost of media health, in real Chromium: 1,000 StreamView
 * tiles, each with a ConnectionQualityIndicator, on a store with the
 * `mediaHealth()` extension, receiving `playQualityUpdate` every 3 s (the
 * SDK's interval) for every stream.
 *
 * Asserted: a report that changes a stream's grade re-renders that stream's
 * tile bar and indicator and nothing else; a report that keeps the grade
 * re-renders nothing; a whole round of 1,000 reports re-renders only the
 * streams whose grade changed.
 *
 * The timings are a report, not a test: test/browser/render-media-cost.report.tsx,
 * run by `npm run bench:render`.
 */
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { STREAM_IDS, TILES, mount, unmountAll } from './render-tiles.js';
import { mediaStore, mediaTile, qualityOf, report } from './media-tiles.js';

afterEach(unmountAll);

describe(`render cost of media health: ${TILES} tiles with quality indicators in Chromium`, () => {
  it('a report re-renders only its own stream: one changed grade, one tile bar and indicator; a round of unchanged reports, none', () => {
    const { store, clock } = mediaStore();
    const renders: string[] = [];
    const { host } = mount(store, (id) => void renders.push(id), mediaTile);
    expect(renders).toHaveLength(TILES);
    expect(qualityOf(host, 'stream-0')).toBe('good');

    // T + 3 s: stream-500's report says poor.
    renders.length = 0;
    clock.advance(3000);
    flushSync(() => store.dispatch(report('stream-500', 3, clock.now())));
    expect(qualityOf(host, 'stream-500')).toBe('poor');
    expect(new Set(renders)).toEqual(new Set(['stream-500']));

    // The rest of that round, grades unchanged: nothing re-renders.
    renders.length = 0;
    for (const streamID of STREAM_IDS) if (streamID !== 'stream-500') flushSync(() => store.dispatch(report(streamID, 1, clock.now())));
    expect(renders).toEqual([]);

    // T + 6 s, a full round in which 3 streams change grade: those 3 only.
    clock.advance(3000);
    const changed = new Set(['stream-1', 'stream-420', 'stream-999']);
    for (const streamID of STREAM_IDS) {
      flushSync(() => store.dispatch(report(streamID, changed.has(streamID) ? 4 : streamID === 'stream-500' ? 3 : 1, clock.now())));
    }
    expect(new Set(renders)).toEqual(changed);
    expect(qualityOf(host, 'stream-999')).toBe('die');
  }, 120_000);
});
