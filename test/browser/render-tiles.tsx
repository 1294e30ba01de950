/**
 * The 1,000-tile page shared by the render benchmark (test/browser/render-bench.test.tsx,
 * asserted) and the render cost report (test/browser/render-cost.report.tsx,
 * timings only): a live room whose every stream is PLAYING, one `StreamView`
 * per stream under one StatusProvider.
 */
import { Fragment, Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { createStatusStore, type StatusStore, type StatusStoreOptions, type StoreEvent } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { StreamView } from '../../src/react/stream-view.js';

export const TILES = 1000;
export const ROOM = 'room-1';
export const EVENTS = 200;
export const STREAM_IDS = Array.from({ length: TILES }, (_, i) => `stream-${i}`);

/** A connected room listing every stream, each PLAYING: the steady state of a big audience view. `store.clock` is a ManualClock. */
export function liveStore(options: StatusStoreOptions = {}): StatusStore {
  const clock = createManualClock();
  const store = createStatusStore({ ...options, clock });
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
  for (const streamID of STREAM_IDS) store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: at() });
  return store;
}

/** What one tile is: by default a muted StreamView marked with its streamID. */
export type TileRenderer = (streamID: string, index: number) => ReactNode;
const streamTile: TileRenderer = (streamID) => (
  <StreamView streamID={streamID} muted data-stream={streamID} style={{ width: 24, height: 18 }} />
);

function Tiles({ store, onRender, tile }: { store: StatusStore; onRender?: ProfilerOnRenderCallback; tile: TileRenderer }) {
  return (
    <StatusProvider store={store}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(40, 24px)', gap: 1 }}>
        {STREAM_IDS.map((streamID, i) =>
          onRender ? (
            <Profiler key={streamID} id={streamID} onRender={onRender}>
              {tile(streamID, i)}
            </Profiler>
          ) : (
            <Fragment key={streamID}>{tile(streamID, i)}</Fragment>
          ),
        )}
      </div>
    </StatusProvider>
  );
}

const mounted: { root: Root; host: HTMLElement }[] = [];
export function mount(store: StatusStore, onRender?: ProfilerOnRenderCallback, render: TileRenderer = streamTile) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(<Tiles store={store} onRender={onRender} tile={render} />));
  const mountMs = performance.now() - started;
  mounted.push({ root, host });
  const tile = (streamID: string) => host.querySelector<HTMLElement>(`[data-stream="${streamID}"]`)!;
  return { host, mountMs, tile };
}
/** Unmounts every page `mount` made: call in afterEach. */
export function unmountAll(): void {
  for (const { root, host } of mounted.splice(0)) {
    root.unmount();
    host.remove();
  }
}

export const player = (streamID: string, state: 'PLAYING' | 'PLAY_REQUESTING' | 'NO_PLAY', at: number): StatusEvent => ({
  type: 'playerStateUpdate',
  streamID,
  state,
  errorCode: state === 'NO_PLAY' ? 1004020 : 0,
  at,
});
export const room = (reason: 'RECONNECTING' | 'RECONNECTED', at: number): StatusEvent => ({
  type: 'roomStateChanged',
  roomID: ROOM,
  reason,
  errorCode: reason === 'RECONNECTING' ? 1000017 : 0,
  at,
});

/** Mean ms per event, each dispatched and committed inside flushSync (dispatch + selectors + render + DOM). */
export function timePerEvent(store: StatusStore, make: (i: number) => StoreEvent): number {
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) flushSync(() => store.dispatch(make(i)));
  return (performance.now() - started) / EVENTS;
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
