/**
 * What the render benches share: a grid of tiles under one StatusProvider,
 * each in a Profiler when renders are counted, mounted (and timed) with
 * flushSync; events timed one by one inside flushSync.
 */
import { Fragment, Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import { createStatusStore, type StatusStore, type StatusStoreOptions, type StoreEvent } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';

/**
 * A connected room (`roomID`) listing every stream of `ids`, each PLAYING
 * (host `host-<i>`, named `Host <i>`): the steady state of a big audience view.
 */
export function playingRoom(roomID: string, ids: readonly string[], options: StatusStoreOptions = {}): { store: StatusStore; clock: ManualClock } {
  const clock = createManualClock();
  const store = createStatusStore({ ...options, clock });
  const at = () => clock.now();
  store.dispatch({ type: 'roomStateChanged', roomID, reason: 'LOGINING', errorCode: 0, at: at() });
  clock.advance(120);
  store.dispatch({ type: 'roomStateChanged', roomID, reason: 'LOGINED', errorCode: 0, at: at() });
  store.dispatch({
    type: 'roomStreamUpdate',
    roomID,
    updateType: 'ADD',
    streamList: ids.map((streamID, i) => ({ streamID, user: { userID: `host-${i}`, userName: `Host ${i}` } })),
    at: at(),
  });
  for (const streamID of ids) store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: at() });
  return { store, clock };
}

/** A 40-column grid of `tile(streamID, i)` for every ID, each in a Profiler named after its stream when `onRender` is given. */
function Grid(props: { store: StatusStore; ids: readonly string[]; tile: (streamID: string, i: number) => ReactNode; onRender?: ProfilerOnRenderCallback }) {
  const { store, ids, tile, onRender } = props;
  return (
    <StatusProvider store={store}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(40, 24px)', gap: 1 }}>
        {ids.map((streamID, i) =>
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

/** Mounts the grid synchronously; returns its host and how long the mount took. */
export function mountGrid(
  store: StatusStore,
  ids: readonly string[],
  tile: (streamID: string, i: number) => ReactNode,
  onRender?: ProfilerOnRenderCallback,
): { host: HTMLElement; mountMs: number } {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(<Grid store={store} ids={ids} tile={tile} onRender={onRender} />));
  const mountMs = performance.now() - started;
  mounted.push({ root, host });
  return { host, mountMs };
}

/** Unmounts every grid (afterEach, and between measurements). */
export function unmountGrids(): void {
  for (const { root, host } of mounted.splice(0)) {
    root.unmount();
    host.remove();
  }
}

/** Mean ms per event, each dispatched and committed inside flushSync (dispatch + selectors + render + DOM). */
export function timePerEvent(store: StatusStore, make: (i: number) => StoreEvent, events: number): number {
  const started = performance.now();
  for (let i = 0; i < events; i++) flushSync(() => store.dispatch(make(i)));
  return (performance.now() - started) / events;
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
