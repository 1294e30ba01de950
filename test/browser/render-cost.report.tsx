/**
 * Render cost report (issue 8; issue 17 made it a report rather than a test):
 * in real Chromium with 1,000 `StreamView` tiles mounted, the mount time and
 * the time per room event, per player event and per stream DELETE/ADD, with
 * the same events on a store nobody renders for comparison. Printed, not
 * asserted: timings depend on the machine and on React's development build,
 * which vitest serves. Not part of `npm test`; `npm run bench:render` (and
 * `npm run bench`, last step) runs it with vitest.render-report.config.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { EVENTS, ROOM, STREAM_IDS, TILES, fmt, liveStore, mount, player, room, timePerEvent, unmountAll } from './render-tiles.js';

afterEach(unmountAll);


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
