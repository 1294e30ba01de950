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
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import type { QualityGrade } from '../../src/core/media-events.js';
import { createStatusStore, type StatusStore, type StoreEvent } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { ConnectionQualityIndicator } from '../../src/react/media/connection-quality-indicator.js';
import { StreamView } from '../../src/react/stream-view.js';

const TILES = 1000;
const ROOM = 'room-1';
const EVENTS = 200;
const STREAM_IDS = Array.from({ length: TILES }, (_, i) => `stream-${i}`);

/** A connected room with every stream PLAYING and one good (1) quality report each. */
function liveStore(media: boolean): { store: StatusStore; clock: ManualClock } {
  const clock = createManualClock();
  const store = createStatusStore({ clock, ...(media && { extensions: [mediaHealth({ browserConnectivity: false })] }) });
  const at = () => clock.now();
  store.dispatch({ type: 'roomStateChanged', roomID: ROOM, reason: 'LOGINING', errorCode: 0, at: at() });
  clock.advance(120);
  store.dispatch({ type: 'roomStateChanged', roomID: ROOM, reason: 'LOGINED', errorCode: 0, at: at() });
  store.dispatch({
    type: 'roomStreamUpdate',
    roomID: ROOM,
    updateType: 'ADD',
    streamList: STREAM_IDS.map((streamID, i) => ({ streamID, user: { userID: `host-${i}`, userName: `Host ${i}` } })),
    at: at(),
  });
  for (const streamID of STREAM_IDS) {
    store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: at() });
    if (media) store.dispatch(report(streamID, 1, at()));
  }
  return { store, clock };
}

const report = (streamID: string, grade: QualityGrade, at: number): StoreEvent => ({
  type: 'playQualityUpdate',
  streamID,
  stats: { videoQuality: grade, audioQuality: grade, videoBitrate: 600, audioBitrate: 48, videoFPS: 15, packetLossRate: 0.01 },
  at,
});

function Tiles({ store, onRender }: { store: StatusStore; onRender?: ProfilerOnRenderCallback }) {
  const tile = (streamID: string, i: number) => (
    <div key={streamID} data-stream={streamID}>
      <StreamView streamID={streamID} muted label={`Host ${i}`} style={{ width: 24, height: 18 }} />
      <ConnectionQualityIndicator streamID={streamID} />
    </div>
  );
  return (
    <StatusProvider store={store}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(40, 24px)', gap: 1 }}>
        {STREAM_IDS.map((streamID, i) =>
          onRender ? (
            <Profiler key={streamID} id={streamID} onRender={onRender}>
              {tile(streamID, i)}
            </Profiler>
          ) : (
            tile(streamID, i)
          ),
        )}
      </div>
    </StatusProvider>
  );
}

const mounted: { root: Root; host: HTMLElement }[] = [];
function mount(store: StatusStore, onRender?: ProfilerOnRenderCallback) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(<Tiles store={store} onRender={onRender} />));
  const mountMs = performance.now() - started;
  mounted.push({ root, host });
  const quality = (streamID: string) => host.querySelector<HTMLElement>(`[data-stream="${streamID}"] [data-quality]`)!.dataset['quality'];
  return { mountMs, quality };
}
function unmountAll(): void {
  for (const { root, host } of mounted.splice(0)) {
    root.unmount();
    host.remove();
  }
}
afterEach(unmountAll);

/** Mean ms per event, each dispatched and committed inside flushSync. */
function timePerEvent(store: StatusStore, make: (i: number) => StoreEvent, events = EVENTS): number {
  const started = performance.now();
  for (let i = 0; i < events; i++) flushSync(() => store.dispatch(make(i)));
  return (performance.now() - started) / events;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

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
    unmountAll();

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
