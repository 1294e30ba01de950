/**
 * Render cost report of media health (issue 14): in real Chromium with 1,000
 * StreamView tiles and 1,000 ConnectionQualityIndicators on a `mediaHealth()`
 * store, the time per `playQualityUpdate` (grade kept: nothing re-renders;
 * grade changed: one tile bar and one indicator), a whole 3 s round of 1,000
 * reports, and room / player events next to the same page on a store without
 * the extension. Printed and written to test-results/render-media.json, not
 * asserted (timings depend on the machine and on React's development build).
 * `npm run bench:render` runs it with render-cost.report.tsx.
 */
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { EVENTS, STREAM_IDS, TILES, fmt, liveStore, mount, player, room, timePerEvent, unmountAll } from './render-tiles.js';
import { mediaStore, mediaTile, report } from './media-tiles.js';

afterEach(unmountAll);

const roomFlap = (i: number) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i);
const playerFlap = (i: number) => player(STREAM_IDS[(i * 7) % TILES]!, i % 2 ? 'PLAYING' : 'PLAY_REQUESTING', i);

describe(`render cost report of media health: ${TILES} tiles with quality indicators in Chromium`, () => {
  it('prints the cost of quality reports, and of room and player events with and without media health', async () => {
    // The same page on a store without the extension.
    const bare = liveStore();
    mount(bare, undefined, mediaTile);
    timePerEvent(bare, roomFlap); // warm-up
    const bareRoom = timePerEvent(bare, roomFlap);
    const barePlayer = timePerEvent(bare, playerFlap);
    unmountAll();

    const { store, clock } = mediaStore();
    const { mountMs } = mount(store, undefined, mediaTile);
    timePerEvent(store, roomFlap); // warm-up
    const roomMs = timePerEvent(store, roomFlap);
    const playerMs = timePerEvent(store, playerFlap);
    // One 3 s round: every stream reports, grades kept.
    clock.advance(3000);
    const roundStarted = performance.now();
    for (const streamID of STREAM_IDS) flushSync(() => store.dispatch(report(streamID, 1, clock.now())));
    const roundMs = performance.now() - roundStarted;
    clock.advance(3000);
    const keptMs = timePerEvent(store, (i) => report(STREAM_IDS[i % TILES]!, 1, clock.now()));
    clock.advance(3000);
    const changedMs = timePerEvent(store, (i) => report(STREAM_IDS[(i * 7) % TILES]!, i % 2 ? 3 : 1, clock.now()));

    const lines = [
      `[render-bench media] ${TILES} StreamView tiles + ${TILES} ConnectionQualityIndicators, mediaHealth(), Chromium, React development build`,
      `[render-bench media] mount (no Profiler): ${fmt(mountMs)} (${fmt(mountMs / TILES)} per tile)`,
      `[render-bench media] quality report, grade kept (no re-render): ${fmt(keptMs)} per report`,
      `[render-bench media] quality report, grade changed (one tile bar + one indicator): ${fmt(changedMs)} per report`,
      `[render-bench media] a whole 3 s round (${TILES} reports, grades kept): ${fmt(roundMs)}`,
      `[render-bench media] room event, all mounted: ${fmt(roomMs)} per event (same page without mediaHealth: ${fmt(bareRoom)})`,
      `[render-bench media] player event, all mounted: ${fmt(playerMs)} per event (same page without mediaHealth: ${fmt(barePlayer)})`,
    ];
    for (const line of lines) console.log(line);
    const ms = (value: number) => Number(value.toFixed(4));
    const figures = {
      tiles: TILES,
      eventsEach: EVENTS,
      mountMs: ms(mountMs),
      qualityReportKeptMs: ms(keptMs),
      qualityReportChangedMs: ms(changedMs),
      qualityRoundMs: ms(roundMs),
      roomEventMs: ms(roomMs),
      playerEventMs: ms(playerMs),
      withoutMediaHealth: { roomEventMs: ms(bareRoom), playerEventMs: ms(barePlayer) },
    };
    await commands.writeFile('test-results/render-media.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
    expect(Number.isFinite(roundMs)).toBe(true);
  }, 120_000);
});
