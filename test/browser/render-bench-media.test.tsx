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
 * Reported (console.log; React development build, machine-dependent): time
 * per report with every tile mounted (grade kept, grade changed), a full
 * 3 s round of 1,000 reports, and room / player events on this store beside
 * the same events on a store without the extension (what the media
 * subscriptions add). `npm run bench:render` runs this file with
 * render-bench.test.tsx.
 */
import type { ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import type { ManualClock } from '../../src/core/clock.js';
import type { QualityGrade } from '../../src/core/media-events.js';
import type { StatusStore, StoreEvent } from '../../src/core/store.js';
import { ConnectionQualityIndicator } from '../../src/react/media/connection-quality-indicator.js';
import { StreamView } from '../../src/react/stream-view.js';
import { fmt, mountGrid, playingRoom, timePerEvent as timeEach, unmountGrids } from './bench-support.js';

const TILES = 1000;
const ROOM = 'room-1';
const EVENTS = 200;
const STREAM_IDS = Array.from({ length: TILES }, (_, i) => `stream-${i}`);

/** A connected room with every stream PLAYING, and (with media health) one good (1) quality report each. */
function liveStore(media: boolean): { store: StatusStore; clock: ManualClock } {
  const live = playingRoom(ROOM, STREAM_IDS, media ? { extensions: [mediaHealth({ browserConnectivity: false })] } : {});
  if (media) for (const streamID of STREAM_IDS) live.store.dispatch(report(streamID, 1, live.clock.now()));
  return live;
}

const report = (streamID: string, grade: QualityGrade, at: number): StoreEvent => ({
  type: 'playQualityUpdate',
  streamID,
  stats: { videoQuality: grade, audioQuality: grade, videoBitrate: 600, audioBitrate: 48, videoFPS: 15, packetLossRate: 0.01 },
  at,
});

const tile = (streamID: string, i: number) => (
  <div data-stream={streamID}>
    <StreamView streamID={streamID} muted label={`Host ${i}`} style={{ width: 24, height: 18 }} />
    <ConnectionQualityIndicator streamID={streamID} />
  </div>
);
function mount(store: StatusStore, onRender?: ProfilerOnRenderCallback) {
  const { host, mountMs } = mountGrid(store, STREAM_IDS, tile, onRender);
  const quality = (streamID: string) => host.querySelector<HTMLElement>(`[data-stream="${streamID}"] [data-quality]`)!.dataset['quality'];
  return { mountMs, quality };
}
afterEach(unmountGrids);
const timePerEvent = (store: StatusStore, make: (i: number) => StoreEvent): number => timeEach(store, make, EVENTS);

describe(`render cost of media health: ${TILES} tiles with quality indicators in Chromium`, () => {
  it('a report re-renders only its own stream: one changed grade, one tile bar and indicator; a round of 1,000 unchanged reports, none', () => {
    const { store, clock } = liveStore(true);
    const renders: string[] = [];
    const { quality } = mount(store, (id) => void renders.push(id));
    expect(renders).toHaveLength(TILES);
    expect(quality('stream-0')).toBe('good');

    // T + 3 s: stream-500's report says poor.
    renders.length = 0;
    clock.advance(3000);
    flushSync(() => store.dispatch(report('stream-500', 3, clock.now())));
    expect(quality('stream-500')).toBe('poor');
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
    expect(quality('stream-999')).toBe('die');
  }, 120_000);

  it('reports the cost of quality reports, and of room and player events next to a store without media health', () => {
    // Baseline: the same tiles on a store without the extension.
    const bare = liveStore(false);
    mount(bare.store);
    const room = (i: number): StoreEvent => ({ type: 'roomStateChanged', roomID: ROOM, reason: i % 2 ? 'RECONNECTED' : 'RECONNECTING', errorCode: i % 2 ? 0 : 1000017, at: i });
    const player = (i: number): StoreEvent => ({ type: 'playerStateUpdate', streamID: STREAM_IDS[(i * 7) % TILES]!, state: i % 2 ? 'PLAYING' : 'PLAY_REQUESTING', errorCode: 0, at: i });
    timePerEvent(bare.store, room); // warm-up
    const bareRoom = timePerEvent(bare.store, room);
    const barePlayer = timePerEvent(bare.store, player);
    unmountGrids();

    const { store, clock } = liveStore(true);
    const { mountMs } = mount(store);
    timePerEvent(store, room); // warm-up
    const roomMs = timePerEvent(store, room);
    const playerMs = timePerEvent(store, player);
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
      `[render-bench media] mount (warm, no Profiler): ${fmt(mountMs)} (${fmt(mountMs / TILES)} per tile)`,
      `[render-bench media] quality report, grade kept (no re-render): ${fmt(keptMs)} per report`,
      `[render-bench media] quality report, grade changed (one tile bar + one indicator): ${fmt(changedMs)} per report`,
      `[render-bench media] a whole 3 s round (${TILES} reports, grades kept): ${fmt(roundMs)}`,
      `[render-bench media] room event, all mounted: ${fmt(roomMs)} per event (same tiles without mediaHealth: ${fmt(bareRoom)})`,
      `[render-bench media] player event, all mounted: ${fmt(playerMs)} per event (same tiles without mediaHealth: ${fmt(barePlayer)})`,
    ];
    for (const line of lines) console.log(line);
    expect(Number.isFinite(roundMs) && Number.isFinite(changedMs)).toBe(true);
  }, 120_000);
});
