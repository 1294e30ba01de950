import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import { formatDuration } from '../../src/react/format.js';
import { formatMessage } from '../../src/react/i18n/messages.js';
import { HOST, LOCALES, MINUTE, SECOND, expectEmptyLiveRegion, playing, setup, type Setup } from './helpers.js';

function gaveUp(t: Setup) {
  t.player('host-main', 'NO_PLAY', 1004020);
  t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 3 });
}

/**
 * Nothing shown: all the overlay renders is its polite live region, mounted,
 * hidden and empty (no text, no button), and no alert. With `same`, it is
 * that node still: the region was not replaced.
 */
function expectNothingShown(container: HTMLElement, same?: HTMLElement): HTMLElement {
  const region = expectEmptyLiveRegion(container, same);
  expect(region).not.toHaveAttribute('data-delete-reason');
  return region;
}

describe('StreamRemovedOverlay', () => {
  it('connecting while PLAY_REQUESTING, hidden while PLAYING', () => {
    const t = setup();
    const { container } = t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => {
      t.login();
      t.streams('ADD', [HOST]);
    });
    const region = expectNothingShown(container);
    act(() => t.player('host-main', 'PLAY_REQUESTING'));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'connecting');
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    act(() => t.player('host-main', 'PLAYING'));
    expectNothingShown(container, region);
  });

  it('T3 + 90 s: the audience gets DELETE (heartbeat timeout) and waits, with the reason', () => {
    const t = setup();
    const { container } = t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => playing(t));
    act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":2}'));
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'waiting');
    expect(status).toHaveAttribute('data-delete-reason', 'heartbeat-timeout');
    expect(status).toHaveTextContent('Host connection lost, waiting…');
    expect(status).toHaveTextContent('The host has been unreachable for 1 min 30 s.');
    // A later ADD: the host republished.
    act(() => t.streams('ADD', [HOST]));
    act(() => t.player('host-main', 'PLAYING'));
    expectNothingShown(container, status);
  });

  describe('live region (announced: text appears in a region that is already there)', () => {
    it('before anything happens, the polite region exists, empty, with data-state="hidden" and the kit class', () => {
      const t = setup();
      const { container } = t.view(<StreamRemovedOverlay streamID="host-main" onRetry={() => {}} />);
      expect(expectNothingShown(container)).toHaveClass('zsk-overlay');
    });

    it('stream DELETE while PLAYING: the text appears inside the same element that was there before', () => {
      const t = setup();
      const { container } = t.view(<StreamRemovedOverlay streamID="host-main" />);
      act(() => playing(t));
      const before = expectNothingShown(container);
      act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":2}'));
      expect(screen.getByRole('status')).toBe(before);
      expect(before).toHaveAttribute('data-state', 'waiting');
      expect(before).toHaveTextContent('Host connection lost, waiting…');
      expect(screen.getByText('The host has been unreachable for 1 min 30 s.')).toBeInTheDocument();
    });

    it('gave up: a new role="alert" node (assertive); PLAYING again: an empty role="status" region again', () => {
      const t = setup();
      const { container } = t.view(<StreamRemovedOverlay streamID="host-main" onRetry={() => {}} />);
      act(() => playing(t));
      const polite = expectNothingShown(container);
      act(() => {
        t.player('host-main', 'NO_PLAY', 1004020);
        t.emit({ type: 'replayScheduled', target: 'player', streamID: 'host-main', attempt: 1, dueAt: t.clock.now() + 3000 });
      });
      expect(screen.getByRole('status')).toBe(polite);
      expect(polite).toHaveTextContent('Retrying in 3 s');

      act(() => t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 1 }));
      const alert = screen.getByRole('alert');
      expect(alert).not.toBe(polite);
      expect(polite.isConnected).toBe(false);
      expect(alert).toHaveAttribute('aria-live', 'assertive');
      expect(alert).toHaveAttribute('data-state', 'unavailable');
      expect(alert).toHaveTextContent('Stream unavailable');
      expect(screen.queryByRole('status')).toBeNull();
      expect(container.children).toHaveLength(1);

      act(() => t.player('host-main', 'PLAYING'));
      const again = expectNothingShown(container);
      expect(again).not.toBe(alert);
      expect(alert.isConnected).toBe(false);
      expect(screen.queryByRole('button')).toBeNull();
      act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":1}'));
      expect(screen.getByRole('status')).toBe(again);
      expect(again).toHaveTextContent('Stream ended, waiting for the host…');
    });

    it('the hidden root carries className, style, rest props and ref, and no text or button', () => {
      const t = setup();
      const ref = createRef<HTMLDivElement>();
      const { rerender } = t.view(
        <StreamRemovedOverlay streamID="host-main" ref={ref} onRetry={() => {}} className="mine" style={{ top: 3 }} data-testid="overlay" id="o1" />,
      );
      act(() => playing(t));
      const root = screen.getByTestId('overlay');
      expect(ref.current).toBe(root);
      expect(screen.getByRole('status')).toBe(root);
      expect(root).toHaveClass('zsk-overlay', 'mine');
      expect(root).toHaveAttribute('id', 'o1');
      expect(root).toHaveStyle({ top: '3px' });
      expect(root).toHaveAttribute('data-state', 'hidden');
      expect(root).toBeEmptyDOMElement();
      expect(screen.queryByRole('button')).toBeNull();
      rerender(<StreamRemovedOverlay streamID="host-main" ref={ref} unstyled className="mine" data-testid="overlay" />);
      expect(screen.getByTestId('overlay')).toBe(root);
      expect(root.className).toBe('mine');
      act(() => t.player('host-main', 'PLAY_REQUESTING'));
      expect(ref.current).toBe(root);
      expect(root).toHaveTextContent('Connecting…');
    });
  });

  it('"Retrying in N s" counts down exactly while a replay is scheduled', () => {
    const t = setup();
    const { unmount } = t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => playing(t));
    act(() => {
      t.player('host-main', 'NO_PLAY', 1004020);
      t.emit({ type: 'replayScheduled', target: 'player', streamID: 'host-main', attempt: 1, dueAt: t.clock.now() + 3000 });
    });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'retrying');
    expect(status).toHaveTextContent('Retrying in 3 s');
    act(() => t.clock.advance(1));
    expect(status).toHaveTextContent('Retrying in 3 s');
    act(() => t.clock.advance(999));
    expect(status).toHaveTextContent('Retrying in 2 s');
    act(() => t.clock.advance(1500));
    expect(status).toHaveTextContent('Retrying in 1 s');
    expect(t.clock.pending()).toBe(1);
    unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('gave up: "Stream unavailable" as an alert, with Retry', async () => {
    const t = setup();
    const onRetry = vi.fn();
    t.view(<StreamRemovedOverlay streamID="host-main" onRetry={onRetry} />);
    act(() => playing(t));
    act(() => gaveUp(t));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('aria-live', 'assertive');
    expect(alert).toHaveAttribute('data-state', 'unavailable');
    expect(alert).toHaveTextContent('Stream unavailable');
    // Named after its stream, so a grid of tiles does not read "Retry, Retry, Retry".
    const button = screen.getByRole('button', { name: 'Retry host-main' });
    expect(button).toHaveTextContent(/^Retry$/);
    await userEvent.click(button);
    expect(onRetry).toHaveBeenCalledWith('host-main');
  });

  it('label names the Retry button after who the stream is: two tiles, two distinct names', () => {
    const t = setup();
    t.view(
      <>
        <StreamRemovedOverlay streamID="host-main" label="Alice" onRetry={() => {}} />
        <StreamRemovedOverlay streamID="guest-main" onRetry={() => {}} />
      </>,
    );
    act(() => {
      playing(t);
      gaveUp(t);
      t.player('guest-main', 'NO_PLAY', 1004020);
    });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Retry Alice', 'Retry guest-main']);
  });

  it('gave up with no onRetry and no policy attached: no Retry button that would do nothing', () => {
    const t = setup();
    t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => playing(t));
    act(() => gaveUp(t));
    expect(screen.getByRole('alert')).toHaveTextContent('Stream unavailable');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each(LOCALES)('every state in %s', (_, messages) => {
    const t = setup();
    t.view(<StreamRemovedOverlay streamID="host-main" onRetry={() => {}} />, messages);
    act(() => {
      t.login();
      t.streams('ADD', [HOST]);
      t.player('host-main', 'PLAY_REQUESTING');
    });
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamConnecting);
    act(() => {
      t.player('host-main', 'NO_PLAY', 1004020);
      t.emit({ type: 'replayScheduled', target: 'player', streamID: 'host-main', attempt: 1, dueAt: t.clock.now() + 3000 });
    });
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamRetrying.replace('{remaining}', messages.durationSeconds.replace('{s}', '3')));
    act(() => t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 3 }));
    expect(screen.getByRole('alert')).toHaveTextContent(messages.streamUnavailable);
    expect(screen.getByRole('button', { name: `${messages.retry} host-main` })).toHaveTextContent(messages.retry);
    act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":1}'));
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamEnded);
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamDeleteReasons.stopped);
  });

  describe('copy that matches its cause and the time', () => {
    it.each([
      [1, 'stopped', 'Stream ended, waiting for the host…', 'The host stopped the stream.'],
      [2, 'heartbeat-timeout', 'Host connection lost, waiting…', 'The host has been unreachable for 1 min 30 s.'],
      [3, 'repeated-login', 'Stream ended, waiting for the host…', 'The host signed in elsewhere.'],
      [4, 'kicked', 'Stream ended, waiting for the host…', 'The host was removed from the room.'],
      [5, 'disconnected', 'Host connection lost, waiting…', 'The host disconnected.'],
      [6, 'removed-by-server', 'Stream ended, waiting for the host…', 'The stream was removed by the service.'],
    ])('stream_delete_reason %i (%s): "%s" above "%s"', (code, reason, title, detail) => {
      const t = setup();
      t.view(<StreamRemovedOverlay streamID="host-main" />);
      act(() => playing(t));
      act(() => t.streams('DELETE', [HOST], JSON.stringify({ stream_delete_reason: code })));
      const status = screen.getByRole('status');
      expect(status).toHaveAttribute('data-delete-reason', reason);
      expect(status.textContent).toBe(`${title}${detail}`);
    });

    it('no delete reason (native SDKs, catch-up lists): no claim that the connection was lost', () => {
      const t = setup();
      t.view(<StreamRemovedOverlay streamID="host-main" />);
      act(() => playing(t));
      act(() => t.streams('DELETE', [HOST]));
      expect(screen.getByRole('status').textContent).toBe('Stream ended, waiting for the host…');
    });

    it.each(LOCALES)('heartbeat timeout in %s: unreachable for 90 s at the DELETE (T3 + 90 s), 5 min at T3 + 5 min, ticking', (_, messages) => {
      const t = setup();
      t.view(<StreamRemovedOverlay streamID="host-main" />, messages);
      act(() => playing(t));
      // T3 + 90 s: the server deletes the stream of a host it last heard from 90 s ago (seed 003).
      act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":2}'));
      const unreachable = (ms: number) => formatMessage(messages.streamDeleteReasons['heartbeat-timeout'], { elapsed: formatDuration(ms, messages) });
      expect(screen.getByRole('status')).toHaveTextContent(unreachable(90 * SECOND));
      act(() => t.clock.advance(1 * SECOND));
      expect(screen.getByRole('status')).toHaveTextContent(unreachable(91 * SECOND));
      act(() => t.clock.advance(3 * MINUTE + 29 * SECOND));
      expect(screen.getByRole('status')).toHaveTextContent(unreachable(5 * MINUTE));
      expect(screen.getByRole('status')).not.toHaveTextContent(unreachable(90 * SECOND));
    });
  });

  describe('one failure, one Retry', () => {
    /** Playing; T3 network drop, the player requesting again; RECONNECT_FAILED at T3 + 5 min (web retry time). */
    const reconnectFailed = (t: Setup) => {
      t.room('RECONNECTING', 1000017);
      t.player('host-main', 'PLAY_REQUESTING');
      t.clock.advance(5 * MINUTE);
      t.room('RECONNECT_FAILED', 1002053);
    };

    it('RECONNECT_FAILED: "Stream unavailable" because of the room, and no Retry (the banner rejoins)', () => {
      const t = setup();
      const onRetry = vi.fn();
      t.view(<StreamRemovedOverlay streamID="host-main" onRetry={onRetry} />);
      act(() => playing(t));
      act(() => {
        reconnectFailed(t);
        t.player('host-main', 'NO_PLAY', 1004020);
        t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 1 });
      });
      const alert = screen.getByRole('alert');
      expect(alert).toHaveAttribute('data-state', 'unavailable');
      expect(alert.textContent).toBe('Stream unavailableNot connected to the room.');
      expect(screen.queryByRole('button')).toBeNull();
    });

    it('the room failed while the play was still requesting: not "Connecting…"', () => {
      const t = setup();
      t.view(<StreamRemovedOverlay streamID="host-main" onRetry={() => {}} />);
      act(() => playing(t));
      act(() => reconnectFailed(t));
      expect(screen.getByRole('alert')).toHaveTextContent('Not connected to the room.');
      expect(screen.queryByText('Connecting…')).toBeNull();
      expect(screen.queryByRole('button')).toBeNull();
    });

    it('the policy gave up while the room is connected: the tile owns the Retry', () => {
      const t = setup();
      const onRetry = vi.fn();
      t.view(<StreamRemovedOverlay streamID="host-main" onRetry={onRetry} />);
      act(() => playing(t));
      act(() => gaveUp(t));
      expect(screen.getByRole('alert').textContent).toBe('Stream unavailableRetry');
      expect(screen.getAllByRole('button')).toHaveLength(1);
    });
  });

  it('Retry calls onRetry with the streamID only, not the click event', async () => {
    const t = setup();
    const onRetry = vi.fn();
    t.view(<StreamRemovedOverlay streamID="host-main" onRetry={onRetry} />);
    act(() => playing(t));
    act(() => gaveUp(t));
    await userEvent.click(screen.getByRole('button', { name: 'Retry host-main' }));
    expect(onRetry.mock.calls).toEqual([['host-main']]);
  });

  it('showDelayMs keeps a short PLAY_REQUESTING from flashing "Connecting…"', () => {
    const t = setup();
    const { container } = t.view(<StreamRemovedOverlay streamID="host-main" showDelayMs={1000} />);
    act(() => {
      t.login();
      t.streams('ADD', [HOST]);
      t.player('host-main', 'PLAY_REQUESTING');
    });
    const region = expectNothingShown(container);
    act(() => t.clock.advance(300));
    expectNothingShown(container, region);
    act(() => t.player('host-main', 'PLAYING'));
    act(() => t.clock.advance(2000));
    expectNothingShown(container, region);
    expect(screen.queryByText('Connecting…')).toBeNull();
    expect(t.clock.pending()).toBe(0);
  });
});
