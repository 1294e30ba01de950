/**
 * useAudiencePolicy shares one policy per engine, store and roomID: hooks for
 * different rooms (the policy's multi-room `roomID` option) get a policy
 * each, hooks for the same room (and StrictMode's double mount) share one,
 * and the options of sharers follow the rule in its JSDoc.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import type { LiveStream } from '../../src/core/status.js';
import { StatusProvider } from '../../src/react/context.js';
import { createMediaRegistry } from '../../src/react/media-registry.js';
import { useAudiencePolicy, type UseAudiencePolicyOptions } from '../../src/react/use-audience-policy.js';
import { useZegoWeb } from '../../src/react/use-zego-web.js';
import { createFakeWebEngine, setup, type Setup } from './helpers.js';

type Engine = ReturnType<typeof createFakeWebEngine>;

/** Logs into `roomID` (LOGINING, then LOGINED 120 ms later). */
function login(t: Setup, roomID: string) {
  t.room('LOGINING', 0, undefined, roomID);
  t.clock.advance(120);
  t.room('LOGINED', 0, undefined, roomID);
}

const add = (t: Setup, roomID: string, ...streamIDs: string[]) =>
  t.streams('ADD', streamIDs.map((streamID) => ({ streamID })), undefined, roomID);

/** Counts the store's live event listeners (each attached policy has exactly one). */
function countListeners(t: Setup) {
  let live = 0;
  const subscribe = t.store.subscribeEvents.bind(t.store);
  vi.spyOn(t.store, 'subscribeEvents').mockImplementation((listener) => {
    live += 1;
    const unsubscribe = subscribe(listener);
    let done = false;
    return () => {
      if (!done) live -= 1;
      done = true;
      unsubscribe();
    };
  });
  return () => live;
}

function Policy({ engine, ...options }: UseAudiencePolicyOptions<Engine> & { engine: Engine }) {
  useAudiencePolicy(engine, options);
  return null;
}

function Wrap({ t, registry, children }: { t: Setup; registry?: ReturnType<typeof createMediaRegistry>; children?: ReactNode }) {
  return (
    <StatusProvider store={t.store} mediaRegistry={registry}>
      {children}
    </StatusProvider>
  );
}

/** Lets the microtask-delayed detach of unmounted hooks run. */
const settle = () => act(async () => {});

describe('useAudiencePolicy: one policy per engine, store and roomID', () => {
  it('two rooms on one engine: a policy each, every stream started exactly once', async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    function RoomA() {
      useAudiencePolicy(engine, { roomID: 'a' });
      return null;
    }
    function RoomB() {
      useAudiencePolicy(engine, { roomID: 'b' });
      return null;
    }
    render(
      <Wrap t={t}>
        <RoomA />
        <RoomB />
      </Wrap>,
    );
    await act(async () => {
      login(t, 'a');
      login(t, 'b');
      add(t, 'a', 'sa');
      add(t, 'b', 'sb');
    });
    expect(engine.count('start sa')).toBe(1);
    expect(engine.count('start sb')).toBe(1);
    expect(engine.calls.filter((c) => c.startsWith('stop '))).toEqual([]);
  });

  it('StrictMode with two rooms: one start per stream, one store listener per policy, one set of engine handlers', async () => {
    const t = setup();
    const live = countListeners(t);
    const engine = createFakeWebEngine();
    // Streams already live in both rooms before the app mounts.
    login(t, 'a');
    login(t, 'b');
    add(t, 'a', 'sa');
    add(t, 'b', 'sb');
    const onA = vi.fn();
    function App() {
      useZegoWeb(engine);
      return (
        <>
          <Policy engine={engine} roomID="a" onMediaStream={onA} />
          <Policy engine={engine} roomID="b" />
        </>
      );
    }
    const { unmount } = render(
      <StrictMode>
        <Wrap t={t}>
          <App />
        </Wrap>
      </StrictMode>,
    );
    await settle();
    expect(live()).toBe(2);
    expect(engine.handlerCount('roomStreamUpdate')).toBe(1);
    expect(engine.count('start sa')).toBe(1);
    expect(engine.count('start sb')).toBe(1);
    expect(engine.calls.filter((c) => c.startsWith('stop '))).toEqual([]);
    expect(onA.mock.calls).toEqual([['sa', { id: 'media-sa' }]]);

    // Later streams, through the engine and its one adapter.
    await act(async () => {
      engine.emit('roomStreamUpdate', 'a', 'ADD', [{ streamID: 'sa2' }]);
      engine.emit('roomStreamUpdate', 'b', 'ADD', [{ streamID: 'sb2' }]);
    });
    expect(engine.count('start sa2')).toBe(1);
    expect(engine.count('start sb2')).toBe(1);

    unmount();
    await settle();
    expect(live()).toBe(0);
    expect(engine.handlerCount()).toBe(0);
    for (const id of ['sa', 'sb', 'sa2', 'sb2']) expect(engine.count(`stop ${id}`)).toBe(1);
  });

  it("unmounting one room's hook detaches only its policy", async () => {
    const t = setup();
    const live = countListeners(t);
    const engine = createFakeWebEngine();
    const view = (withB: boolean) => (
      <Wrap t={t}>
        <Policy engine={engine} roomID="a" />
        {withB && <Policy engine={engine} roomID="b" />}
      </Wrap>
    );
    const { rerender } = render(view(true));
    await act(async () => {
      login(t, 'a');
      login(t, 'b');
      add(t, 'a', 'sa');
      add(t, 'b', 'sb');
    });
    expect(live()).toBe(2);

    rerender(view(false));
    await settle();
    expect(live()).toBe(1);
    expect(engine.count('stop sb')).toBe(1);
    expect(engine.count('stop sa')).toBe(0);

    await act(async () => {
      add(t, 'b', 'sb2');
      add(t, 'a', 'sa2');
    });
    expect(engine.count('start sb2')).toBe(0);
    expect(engine.count('start sa2')).toBe(1);
    // Room a's policy still manages its streams: a DELETE stops sa.
    act(() => t.streams('DELETE', [{ streamID: 'sa' }], undefined, 'a'));
    expect(engine.count('stop sa')).toBe(1);
  });

  it('hooks for the same room share one policy: one start per stream, detached after the last one unmounts', async () => {
    const t = setup();
    const live = countListeners(t);
    const engine = createFakeWebEngine();
    const view = (count: number) => (
      <Wrap t={t}>
        {count > 0 && <Policy engine={engine} roomID="a" />}
        {count > 1 && <Policy engine={engine} roomID="a" />}
      </Wrap>
    );
    const { rerender } = render(view(2));
    await act(async () => {
      login(t, 'a');
      add(t, 'a', 'sa');
    });
    expect(live()).toBe(1);
    expect(engine.count('start sa')).toBe(1);

    rerender(view(1));
    await settle();
    expect(live()).toBe(1);
    expect(engine.count('stop sa')).toBe(0);
    await act(async () => add(t, 'a', 'sa2'));
    expect(engine.count('start sa2')).toBe(1);

    rerender(view(0));
    await settle();
    expect(live()).toBe(0);
    expect(engine.count('stop sa')).toBe(1);
    expect(engine.count('stop sa2')).toBe(1);
  });

  it("the registry's media and retry work for both rooms' streams", async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    const registry = createMediaRegistry();
    const view = (withB: boolean) => (
      <Wrap t={t} registry={registry}>
        <Policy engine={engine} roomID="a" maxReplayAttempts={0} />
        {withB && <Policy engine={engine} roomID="b" maxReplayAttempts={0} />}
      </Wrap>
    );
    const { rerender, unmount } = render(view(true));
    await act(async () => {
      login(t, 'a');
      login(t, 'b');
      add(t, 'a', 'sa');
      add(t, 'b', 'sb');
    });
    expect(registry.get('sa')).toEqual({ id: 'media-sa' });
    expect(registry.get('sb')).toEqual({ id: 'media-sb' });

    // Both plays fail for good; the registry's retry (the overlay's Retry button) plays each again.
    await act(async () => {
      t.player('sa', 'NO_PLAY', 1004020);
      t.player('sb', 'NO_PLAY', 1004020);
    });
    expect(t.store.getState().players.get('sa')?.gaveUp).toBe(true);
    expect(t.store.getState().players.get('sb')?.gaveUp).toBe(true);
    expect(registry.canRetry()).toBe(true);
    await act(async () => {
      registry.retry('sa');
      registry.retry('sb');
    });
    expect(engine.count('start sa')).toBe(2);
    expect(engine.count('start sb')).toBe(2);

    // With room b's policy gone, retry still reaches room a's.
    rerender(view(false));
    await settle();
    expect(registry.get('sb')).toBeNull();
    act(() => t.player('sa', 'NO_PLAY', 1004020));
    expect(registry.canRetry()).toBe(true);
    await act(async () => registry.retry('sa'));
    expect(engine.count('start sa')).toBe(3);

    unmount();
    await settle();
    expect(registry.canRetry()).toBe(false);
    expect(registry.get('sa')).toBeNull();
  });
});

describe('useAudiencePolicy: a stream that moves between the rooms of two hooks', () => {
  it('ADD in b before DELETE in a: played once, never stopped, its media stays in the registry', async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    const registry = createMediaRegistry();
    render(
      <Wrap t={t} registry={registry}>
        <Policy engine={engine} roomID="a" maxReplayAttempts={0} />
        <Policy engine={engine} roomID="b" maxReplayAttempts={0} />
      </Wrap>,
    );
    await act(async () => {
      login(t, 'a');
      login(t, 'b');
      add(t, 'a', 's');
    });
    expect(registry.get('s')).toEqual({ id: 'media-s' });
    await act(async () => {
      add(t, 'b', 's');
      t.streams('DELETE', [{ streamID: 's' }], '{"stream_delete_reason":2}', 'a');
    });
    expect(engine.calls.filter((c) => c.endsWith(' s'))).toEqual(['start s']);
    expect(registry.get('s')).toEqual({ id: 'media-s' });

    // It fails for good later: the overlay's Retry (the registry's) plays it again, once.
    act(() => t.player('s', 'NO_PLAY', 1004020));
    expect(registry.get('s')).toBeNull();
    expect(t.store.getState().players.get('s')?.gaveUp).toBe(true);
    await act(async () => registry.retry('s'));
    expect(engine.calls.filter((c) => c.endsWith(' s'))).toEqual(['start s', 'start s']);
    expect(registry.get('s')).toEqual({ id: 'media-s' });
  });
});

describe('useAudiencePolicy: options of hooks sharing a policy', () => {
  const hostOnly = (stream: LiveStream) => stream.user?.userID === 'host';

  it("shouldPlay: the first mounted sharer's that passes one, so a child without options keeps its parent's", async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    // The child's effect runs first: it attaches the policy, before its parent joins.
    function Parent({ child }: { child: boolean }) {
      useAudiencePolicy(engine, { roomID: 'a', shouldPlay: hostOnly });
      return child ? <Policy engine={engine} roomID="a" /> : null;
    }
    const { rerender } = render(
      <Wrap t={t}>
        <Parent child />
      </Wrap>,
    );
    await act(async () => {
      login(t, 'a');
      t.streams('ADD', [{ streamID: 'host-cam', user: { userID: 'host' } }, { streamID: 'guest-cam', user: { userID: 'guest' } }], undefined, 'a');
    });
    expect(engine.count('start host-cam')).toBe(1);
    expect(engine.count('start guest-cam')).toBe(0);

    // The child leaves: the parent's options go on.
    rerender(
      <Wrap t={t}>
        <Parent child={false} />
      </Wrap>,
    );
    await settle();
    await act(async () => t.streams('ADD', [{ streamID: 'guest-2', user: { userID: 'guest' } }], undefined, 'a'));
    expect(engine.count('start guest-2')).toBe(0);
    expect(engine.count('stop host-cam')).toBe(0);
  });

  it("onMediaStream: every mounted sharer's is called; the last one also gets the null at detach", async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    const first = vi.fn();
    const second = vi.fn();
    const view = (both: boolean) => (
      <Wrap t={t}>
        {both && <Policy engine={engine} roomID="a" onMediaStream={first} />}
        <Policy engine={engine} roomID="a" onMediaStream={second} />
      </Wrap>
    );
    const { rerender, unmount } = render(view(true));
    await act(async () => {
      login(t, 'a');
      add(t, 'a', 'sa');
    });
    expect(engine.count('start sa')).toBe(1);
    expect(first).toHaveBeenCalledWith('sa', { id: 'media-sa' });
    expect(second).toHaveBeenCalledWith('sa', { id: 'media-sa' });

    // The hook that attached the policy leaves; the other one keeps getting media.
    rerender(view(false));
    await settle();
    await act(async () => add(t, 'a', 'sa2'));
    expect(first).not.toHaveBeenCalledWith('sa2', expect.anything());
    expect(second).toHaveBeenCalledWith('sa2', { id: 'media-sa2' });

    unmount();
    await settle();
    expect(second).toHaveBeenCalledWith('sa', null);
    expect(second).toHaveBeenCalledWith('sa2', null);
    expect(first).not.toHaveBeenCalledWith('sa', null);
  });
});
