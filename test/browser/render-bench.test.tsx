/**
 * Issue 8, render cost, in real Chromium: 1,000 `StreamView` tiles under one
 * StatusProvider (a live room with 1,000 played streams).
 *
 * Asserted:
 * - one player event re-renders exactly one tile (React Profiler per tile),
 *   and a room event re-renders none;
 * - the change reaches the DOM within the same task: synchronously inside
 *   `flushSync`, and, without it, after microtasks only — before any
 *   macrotask queued ahead of the dispatch has run.
 *
 * The timings (mount, room event, player event) are a report, not a test:
 * test/browser/render-cost.report.tsx, run by `npm run bench:render`.
 */
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOM, TILES, liveStore, mount, player, room, unmountAll } from './render-tiles.js';

afterEach(unmountAll);

describe(`render cost: ${TILES} StreamView tiles in Chromium`, () => {
  it('one player event re-renders exactly one tile, and reaches the DOM within the same task', async () => {
    const store = liveStore();
    const renders: string[] = [];
    const { tile } = mount(store, (id) => void renders.push(id));
    expect(renders).toHaveLength(TILES);
    expect(tile('stream-0').dataset['state']).toBe('PLAYING');

    // Synchronous: inside flushSync the DOM is written before dispatch's caller continues.
    renders.length = 0;
    flushSync(() => store.dispatch(player('stream-500', 'PLAY_REQUESTING', 1)));
    expect(tile('stream-500').dataset['state']).toBe('PLAY_REQUESTING');
    expect(renders).toEqual(['stream-500']);

    // Without flushSync: committed in a microtask of the same task, before a macrotask queued earlier.
    renders.length = 0;
    let macrotaskRan = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (macrotaskRan = true);
    channel.port2.postMessage(null);
    setTimeout(() => (macrotaskRan = true), 0);
    store.dispatch(player('stream-777', 'NO_PLAY', 2));
    for (let i = 0; i < 10 && tile('stream-777').dataset['state'] !== 'NO_PLAY'; i++) await Promise.resolve();
    expect(macrotaskRan).toBe(false);
    expect(tile('stream-777').dataset['state']).toBe('NO_PLAY');
    expect(renders).toEqual(['stream-777']);
    channel.port1.close();

    // A stream DELETE shows the overlay on that tile only.
    renders.length = 0;
    flushSync(() =>
      store.dispatch({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'DELETE', streamList: [{ streamID: 'stream-42' }], extendedData: '{"stream_delete_reason":2}', at: 3 }),
    );
    expect(renders).toEqual(['stream-42']);
    expect(tile('stream-42').querySelector('.zsk-overlay')?.getAttribute('data-state')).toBe('waiting');

    // A room event (the tiles' slices do not change) re-renders no tile.
    renders.length = 0;
    flushSync(() => store.dispatch(room('RECONNECTING', 4)));
    flushSync(() => store.dispatch(room('RECONNECTED', 5)));
    expect(renders).toEqual([]);
  }, 60_000);
});
