import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import { HOST, LOCALES, SECOND, expectEmptyLiveRegion, playing, setup, type Setup } from './helpers.js';

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
    expect(status).toHaveTextContent('The host has been unreachable for 90 s.');
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
      expect(screen.getByText('The host has been unreachable for 90 s.')).toBeInTheDocument();
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
      expect(again).toHaveTextContent('Host connection lost, waiting…');
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
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamWaiting);
    expect(screen.getByRole('status')).toHaveTextContent(messages.streamDeleteReasons.stopped);
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
