import { describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen } from '@testing-library/react';
import { memo, useRef } from 'react';
import { selectRoom } from '../../src/core/selectors.js';
import { StatusProvider } from '../../src/react/context.js';
import { usePlayerState, usePublisherState, useRoomState, useRoomStreams, useRoomUsers } from '../../src/react/hooks.js';
import { useNow } from '../../src/react/use-now.js';
import { useStatus } from '../../src/react/use-status.js';
import { SECOND, setup } from './helpers.js';

const XSS = '<img src=x onerror=alert(1)>';

describe('store resolution', () => {
  it('explicit store > provider store > an error that says how to fix it', () => {
    const a = setup();
    const b = setup();
    a.room('LOGINING');
    b.room('RECONNECTING', 1000017);
    const inA = renderHook(() => useRoomState(), { wrapper: a.wrap() });
    expect(inA.result.current.phase).toBe('connecting');
    const explicit = renderHook(() => useRoomState(undefined, b.store), { wrapper: a.wrap() });
    expect(explicit.result.current.phase).toBe('reconnecting');
    const withoutProvider = renderHook(() => useRoomState(undefined, b.store));
    expect(withoutProvider.result.current.phase).toBe('reconnecting');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRoomState())).toThrow(/StatusProvider store=\{createStatusStore\(\)\}.*pass the store/);
    vi.restoreAllMocks();
  });

  it('in production the error keeps its first sentence (the fix is spelled out in development only)', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => renderHook(() => useRoomState())).toThrow(/^zego-status-kit: no status store found\.$/);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  });
});

describe('useStatus', () => {
  it('re-renders only when the selection changes, by Object.is or the equality function', () => {
    const t = setup();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        // A new object every time: the equality function keeps it from looping or re-rendering.
        return useStatus((s) => ({ phase: selectRoom(s, 'r1').phase }), (x, y) => x.phase === y.phase);
      },
      { wrapper: t.wrap() },
    );
    expect(result.current.phase).toBe('idle');
    const first = result.current;
    const base = renders;
    act(() => t.room('LOGINING'));
    expect(result.current.phase).toBe('connecting');
    expect(renders).toBe(base + 1);
    act(() => t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2' }] }));
    expect(renders).toBe(base + 1);
    expect(result.current).not.toBe(first);
  });

  it('slice hooks return the stable defaults and the live values', () => {
    const t = setup();
    const { result } = renderHook(
      () => ({ pub: usePublisherState('me'), player: usePlayerState('s1'), streams: useRoomStreams(), users: useRoomUsers() }),
      { wrapper: t.wrap() },
    );
    expect(result.current.pub.state).toBe('NO_PUBLISH');
    expect(result.current.player.state).toBe('NO_PLAY');
    act(() => {
      t.login();
      t.emit({ type: 'publisherStateUpdate', streamID: 'me', state: 'PUBLISHING', errorCode: 0 });
      t.streams('ADD', [{ streamID: 's1' }]);
      t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2' }] });
    });
    expect(result.current.pub.state).toBe('PUBLISHING');
    expect(result.current.streams.map((s) => s.streamID)).toEqual(['s1']);
    expect(result.current.users.map((u) => u.userID)).toEqual(['u2']);
  });
});

describe('render isolation', () => {
  it('1,000 tiles on usePlayerState: one player event re-renders one tile, a room event none', () => {
    const t = setup();
    const renders = new Map<string, number>();
    const Tile = memo(function Tile({ streamID }: { streamID: string }) {
      const player = usePlayerState(streamID);
      renders.set(streamID, (renders.get(streamID) ?? 0) + 1);
      return <div data-state={player.state}>{streamID}</div>;
    });
    const ids = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    render(
      <StatusProvider store={t.store}>
        {ids.map((id) => (
          <Tile key={id} streamID={id} />
        ))}
      </StatusProvider>,
    );
    const total = () => [...renders.values()].reduce((a, b) => a + b, 0);
    expect(total()).toBe(1000);
    act(() => t.player('s500', 'PLAYING'));
    expect(total()).toBe(1001);
    expect(renders.get('s500')).toBe(2);
    expect(screen.getByText('s500')).toHaveAttribute('data-state', 'PLAYING');
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.streams('ADD', [{ streamID: 's7' }]));
    expect(total()).toBe(1001);
  }, 60_000); // 1,000 tiles mounted in jsdom: 2.3 s seen on a loaded 2-core machine, near vitest's 5 s default
});

describe('text is text', () => {
  it('a user name of <img src=x onerror=alert(1)> renders as text and creates no element', () => {
    const t = setup();
    function Users() {
      const users = useRoomUsers();
      return (
        <ul>
          {users.map((u) => (
            <li key={u.userID}>{u.userName}</li>
          ))}
        </ul>
      );
    }
    const { container } = t.view(<Users />);
    act(() => {
      t.login();
      t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u2', userName: XSS }] });
    });
    expect(screen.getByText(XSS)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('useNow', () => {
  it('ticks on the store clock only while given an interval, aligned to the anchor, and clears on unmount', () => {
    const t = setup();
    t.clock.advance(250);
    let renders = 0;
    const { result, rerender, unmount } = renderHook(
      ({ interval }: { interval: number | null }) => {
        renders++;
        const now = useNow(interval, 0);
        const seen = useRef<number[]>([]);
        return { now, seen };
      },
      { wrapper: t.wrap(), initialProps: { interval: 1000 as number | null } },
    );
    expect(t.clock.pending()).toBe(1);
    act(() => t.clock.advance(750)); // aligned: the first tick at 1000, not 1250
    expect(result.current.now).toBe(1000);
    act(() => t.clock.advance(2 * SECOND));
    expect(result.current.now).toBe(3000);
    rerender({ interval: null });
    expect(t.clock.pending()).toBe(0);
    const before = renders;
    act(() => t.clock.advance(5 * SECOND));
    expect(renders).toBe(before);
    rerender({ interval: 1000 });
    expect(t.clock.pending()).toBe(1);
    unmount();
    expect(t.clock.pending()).toBe(0);
  });
});
