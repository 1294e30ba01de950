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
 * Reported (console.log, not asserted: timings depend on the machine and on
 * React's development build, which vitest serves): mount time of all tiles,
 * time per room event and per player event with every tile mounted, and the
 * same events on the store alone for comparison. `npm run bench` runs this
 * file too (scripts/bench.mjs, last step).
 */
import type { ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusEvent } from '../../src/core/events.js';
import type { StatusStore } from '../../src/core/store.js';
import { StreamView } from '../../src/react/stream-view.js';
import { fmt, mountGrid, playingRoom, timePerEvent as timeEach, unmountGrids } from './bench-support.js';

const TILES = 1000;
const ROOM = 'room-1';
const EVENTS = 200;
const STREAM_IDS = Array.from({ length: TILES }, (_, i) => `stream-${i}`);

/** A connected room listing every stream, each PLAYING: the steady state of a big audience view. */
const liveStore = (): StatusStore => playingRoom(ROOM, STREAM_IDS).store;

const tile = (streamID: string) => (
  <StreamView streamID={streamID} muted data-stream={streamID} style={{ width: 24, height: 18 }} />
);
function mount(store: StatusStore, onRender?: ProfilerOnRenderCallback) {
  const { host, mountMs } = mountGrid(store, STREAM_IDS, tile, onRender);
  const tileOf = (streamID: string) => host.querySelector<HTMLElement>(`[data-stream="${streamID}"]`)!;
  return { host, mountMs, tile: tileOf };
}
afterEach(unmountGrids);

const player = (streamID: string, state: 'PLAYING' | 'PLAY_REQUESTING' | 'NO_PLAY', at: number): StatusEvent => ({
  type: 'playerStateUpdate',
  streamID,
  state,
  errorCode: state === 'NO_PLAY' ? 1004020 : 0,
  at,
});
const room = (reason: 'RECONNECTING' | 'RECONNECTED', at: number): StatusEvent => ({
  type: 'roomStateChanged',
  roomID: ROOM,
  reason,
  errorCode: reason === 'RECONNECTING' ? 1000017 : 0,
  at,
});

const timePerEvent = (store: StatusStore, make: (i: number) => StatusEvent): number => timeEach(store, make, EVENTS);

describe(`render cost: ${TILES} StreamView tiles in Chromium`, () => {
  it('one player event re-renders exactly one tile, and reaches the DOM within the same task', async () => {
    const store = liveStore();
    const renders: string[] = [];
    const { tile, mountMs } = mount(store, (id) => void renders.push(id));
    expect(renders).toHaveLength(TILES);
    expect(tile('stream-0').dataset['state']).toBe('PLAYING');
    console.log(`[render-bench] first mount of ${TILES} tiles (with a Profiler per tile): ${fmt(mountMs)}`);

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

  it('reports mount time and the cost of a room event and a player event with all tiles mounted', () => {
    // Baseline: the same events on a store nobody renders.
    const bare = liveStore();
    timePerEvent(bare, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i)); // warm-up
    const bareRoom = timePerEvent(bare, (i) => room(i % 2 ? 'RECONNECTED' : 'RECONNECTING', i));
    const barePlayer = timePerEvent(bare, (i) => player(STREAM_IDS[(i * 7) % TILES]!, i % 2 ? 'PLAYING' : 'PLAY_REQUESTING', i));

    // Warm mount (code already compiled by the first test), no Profiler.
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
    for (const line of lines) console.log(line);
    expect(Number.isFinite(roomMs) && Number.isFinite(playerMs)).toBe(true);
  }, 60_000);
});
