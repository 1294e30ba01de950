/**
 * DESIGN §6: "A hook re-renders only when its own slice changes." The banner,
 * the badge and the kick-out dialog show the room's connection, so a burst of
 * user joins or stream updates (thousands of audience users, DESIGN §3) must
 * not re-render them; a change of reason must.
 */
import { act, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { StatusProvider } from '../../src/react/context.js';
import { ConnectionStatusBadge } from '../../src/react/connection-status-badge.js';
import { KickedOutOverlay } from '../../src/react/kicked-out-overlay.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { useReconnectingBanner } from '../../src/react/use-reconnecting-banner.js';
import { setup } from './helpers.js';

describe('connection components and user or stream events', () => {
  it.each([
    ['ConnectionStatusBadge', <ConnectionStatusBadge />],
    ['ReconnectingBanner', <ReconnectingBanner />],
    ['KickedOutOverlay', <KickedOutOverlay onLeave={() => {}} />],
  ] as [string, ReactNode][])('%s: 100 user joins and 20 stream updates re-render nothing; RECONNECTING does', (_, element) => {
    const t = setup();
    let commits = 0;
    render(
      <StatusProvider store={t.store}>
        <Profiler id="c" onRender={() => (commits += 1)}>
          {element}
        </Profiler>
      </StatusProvider>,
    );
    act(() => t.login());
    const before = commits;
    act(() => {
      for (let i = 0; i < 100; i++) t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: `u${i}` }] });
      for (let i = 0; i < 10; i++) {
        t.streams('ADD', [{ streamID: `s${i}` }]);
        t.streams('DELETE', [{ streamID: `s${i}` }], '{"stream_delete_reason":1}');
      }
    });
    expect(commits).toBe(before);
    act(() => t.room('RECONNECTING', 1000017));
    expect(commits).toBeGreaterThan(before);
  });

  it('the banner still shows the live values: reason, timing and the failure', () => {
    const t = setup();
    const views: ReturnType<typeof useReconnectingBanner>[] = [];
    function Probe() {
      views.push(useReconnectingBanner());
      return null;
    }
    render(
      <StatusProvider store={t.store}>
        <Probe />
        <ReconnectingBanner />
      </StatusProvider>,
    );
    act(() => t.login());
    act(() => t.emit({ type: 'roomUserUpdate', roomID: 'r1', updateType: 'ADD', userList: [{ userID: 'u1' }] }));
    act(() => t.room('RECONNECTING', 1000017));
    expect(views.at(-1)?.room).toMatchObject({ reason: 'RECONNECTING', phase: 'reconnecting' });
    act(() => t.room('RECONNECT_FAILED', 1002053));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reconnect');
    expect(views.at(-1)?.errorCode).toBe(1002053);
  });
});
