import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import { LOCALES, SECOND, setup, type Setup } from './helpers.js';

const HOST = { streamID: 'host-main', user: { userID: 'host', userName: 'Host' } };

function playing(t: Setup) {
  t.login();
  t.streams('ADD', [HOST]);
  t.player('host-main', 'PLAY_REQUESTING');
  t.player('host-main', 'PLAYING');
}

describe('StreamRemovedOverlay', () => {
  it('connecting while PLAY_REQUESTING, hidden while PLAYING', () => {
    const t = setup();
    t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => {
      t.login();
      t.streams('ADD', [HOST]);
    });
    expect(screen.queryByRole('status')).toBeNull();
    act(() => t.player('host-main', 'PLAY_REQUESTING'));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'connecting');
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    act(() => t.player('host-main', 'PLAYING'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('T3 + 90 s: the audience gets DELETE (heartbeat timeout) and waits, with the reason', () => {
    const t = setup();
    t.view(<StreamRemovedOverlay streamID="host-main" />);
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
    expect(screen.queryByRole('status')).toBeNull();
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
    act(() => {
      t.player('host-main', 'NO_PLAY', 1004020);
      t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 3 });
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('aria-live', 'assertive');
    expect(alert).toHaveAttribute('data-state', 'unavailable');
    expect(alert).toHaveTextContent('Stream unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('host-main');
  });

  it('gave up with no onRetry and no policy attached: no Retry button that would do nothing', () => {
    const t = setup();
    t.view(<StreamRemovedOverlay streamID="host-main" />);
    act(() => playing(t));
    act(() => {
      t.player('host-main', 'NO_PLAY', 1004020);
      t.emit({ type: 'replayGaveUp', target: 'player', streamID: 'host-main', attempts: 3 });
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Stream unavailable');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
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
    expect(screen.getByRole('button', { name: messages.retry })).toBeInTheDocument();
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
    act(() => t.clock.advance(300));
    act(() => t.player('host-main', 'PLAYING'));
    act(() => t.clock.advance(2000));
    expect(container).toBeEmptyDOMElement();
    expect(t.clock.pending()).toBe(0);
  });
});
