/**
 * Render cost report (issue 8; issue 17 made it a report rather than a test):
 * in real Chromium with 1,000 `StreamView` tiles mounted, the mount time and
 * the time per room event, per player event and per stream DELETE/ADD, with
 * the same events on a store nobody renders for comparison. Printed, not
 * asserted: timings depend on the machine and on React's development build,
 * which vitest serves. Not part of `npm test`; `npm run bench:render` (and
 * `npm run bench`, last step) runs it with vitest.render-report.config.ts.
 */
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { StatusEvent } from '../../src/core/events.js';
import type { StatusStore } from '../../src/core/store.js';
import { EVENTS, ROOM, STREAM_IDS, TILES, liveStore, mount, player, room, unmountAll } from './render-tiles.js';

afterEach(unmountAll);

/** Mean ms per event, each dispatched and committed inside flushSync (dispatch + selectors + render + DOM). */
function timePerEvent(store: StatusStore, make: (i: number) => StatusEvent): number {
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) flushSync(() => store.dispatch(make(i)));
  return (performance.now() - started) / EVENTS;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

describe(`render cost report: ${TILES} StreamView tiles in Chromium`, () => {
  it('prints mount time and the cost of a room event and a player event with all tiles mounted', async () => {
    // Baseline: the same events on a store nobody renders.
    const bare = liveStore();
    timePerEvent(bare, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i)); // warm-up
    const bareRoom = timePerEvent(bare, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i));
    const barePlayer = timePerEvent(bare, (i) => player(STREAM_IDS[(i * 7) % TILES]!, i % 2 ? 'PLAYING' : 'PLAY_REQUESTING', i));

    // Warm mount (a first mount compiles the code), no Profiler.
    const first = mount(liveStore());
    unmountAll();
    const store = liveStore();
    const { mountMs, tile } = mount(store);
    expect(tile(STREAM_IDS[TILES - 1]!).dataset['state']).toBe('PLAYING');
    timePerEvent(store, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i)); // warm-up
    const roomMs = timePerEvent(store, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i));
    const playerMs = timePerEvent(store, (i) => player(STREAM_IDS[(i * 7) % TILES]!, i % 2 ? 'PLAYING' : 'PLAY_REQUESTING', i));
    const streamMs = timePerEvent(store, (i) => ({
      type: 'roomStreamUpdate',
      roomID: ROOM,
      updateType: i % 2 ? 'ADD' : 'DELETE',
      streamList: [{ streamID: STREAM_IDS[(i * 13) % TILES]! }],
      at: i,
    }));

    const lines = [
      `[render-bench] ${TILES} StreamView tiles, Chromium, React development build, ${EVENTS} events each`,
      `[render-bench] mount (warm, no Profiler): ${fmt(mountMs)} (${fmt(mountMs / TILES)} per tile)`,
      `[render-bench] room event (RECONNECTING/RECONNECTED), all tiles mounted: ${fmt(roomMs)} per event (store alone: ${fmt(bareRoom)})`,
      `[render-bench] player event (one tile changes), all tiles mounted: ${fmt(playerMs)} per event (store alone: ${fmt(barePlayer)})`,
      `[render-bench] stream DELETE/ADD (one overlay changes), all tiles mounted: ${fmt(streamMs)} per event`,
    ];
    lines.push(`[render-bench] first mount (cold): ${fmt(first.mountMs)}`);
    for (const line of lines) console.log(line);
    const ms = (value: number) => Number(value.toFixed(4));
    const figures = {
      tiles: TILES,
      eventsEach: EVENTS,
      coldMountMs: ms(first.mountMs),
      mountMs: ms(mountMs),
      roomEventMs: ms(roomMs),
      playerEventMs: ms(playerMs),
      streamEventMs: ms(streamMs),
      storeAlone: { roomEventMs: ms(bareRoom), playerEventMs: ms(barePlayer) },
    };
    await commands.writeFile('test-results/render.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  }, 60_000);
});
