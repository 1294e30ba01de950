/**
 * Issue 8, render cost and reliability of a tile: one player event renders
 * one StreamView once, and a burst of player events for one stream within a
 * single task (microtask gaps only, as an SDK that drains a queue of messages
 * would deliver them) neither trips React's nested-update guard ("Maximum
 * update depth exceeded", thrown out of store.dispatch) nor loses an update.
 *
 * Both failed before useAntiFlap stopped calling setState from its effect
 * when it has no delay and no minimum (the default): every overlay show/hide
 * was a render plus an effect's setState, a synchronous cascade per event.
 */
import { act, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusProvider } from '../../src/react/context.js';
import { StreamView } from '../../src/react/stream-view.js';
import { setup } from './helpers.js';

const STREAMS = ['s0', 's1', 's2'];
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

function mountTiles() {
  const t = setup();
  t.login();
  t.streams('ADD', STREAMS.map((streamID) => ({ streamID })));
  for (const streamID of STREAMS) t.player(streamID, 'PLAYING');
  const renders: string[] = [];
  const view = render(
    <StatusProvider store={t.store}>
      {STREAMS.map((streamID) => (
        <Profiler key={streamID} id={streamID} onRender={(id) => void renders.push(id)}>
          <StreamView streamID={streamID} data-stream={streamID} />
        </Profiler>
      ))}
    </StatusProvider>,
  );
  const tile = (streamID: string) => view.container.querySelector(`[data-stream="${streamID}"]`)!;
  return { t, renders, tile };
}

describe('StreamView render cost', () => {
  it('one player event: one render of one tile, overlay shown and hidden included', () => {
    const { t, renders, tile } = mountTiles();
    for (const state of ['PLAY_REQUESTING', 'PLAYING', 'NO_PLAY', 'PLAYING'] as const) {
      renders.length = 0;
      act(() => t.player('s1', state, state === 'NO_PLAY' ? 1004020 : 0));
      expect(renders).toEqual(['s1']);
      expect(tile('s1').getAttribute('data-state')).toBe(state);
    }
    renders.length = 0;
    act(() => t.room('RECONNECTING', 1000017));
    expect(renders).toEqual([]);
  });
});

describe('a burst of player events for one stream in one task', () => {
  beforeEach(() => {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false; // the real scheduler, as in an app
  });
  afterEach(() => {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  });

  it('200 PLAY_REQUESTING/PLAYING flips: no throw out of dispatch, no React error, the last state shown', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { t, tile } = mountTiles();
      const thrown: unknown[] = [];
      for (let i = 0; i < 200; i++) {
        try {
          t.player('s1', i % 2 ? 'PLAYING' : 'PLAY_REQUESTING');
        } catch (error) {
          thrown.push(error);
        }
        // React renders in a microtask; the next message arrives in the same task.
        for (let k = 0; k < 3; k++) await Promise.resolve();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(thrown.map(String)).toEqual([]);
      expect(errors.mock.calls.map((args) => String(args[0]).slice(0, 200))).toEqual([]);
      expect(tile('s1').getAttribute('data-state')).toBe('PLAYING');
      // Nothing over the video: the overlay's live region is there, hidden and empty.
      const overlay = tile('s1').querySelector('.zsk-overlay');
      expect(overlay).toHaveAttribute('data-state', 'hidden');
      expect(overlay).toBeEmptyDOMElement();
    } finally {
      errors.mockRestore();
    }
  });
});
