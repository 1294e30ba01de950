import { describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StreamView } from '../../src/react/stream-view.js';
import { useAudiencePolicy } from '../../src/react/use-audience-policy.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { createFakeWebEngine, setup } from './helpers.js';

const HOST = { streamID: 'host-main', user: { userID: 'host' } };
const fakeMedia = (id: string) => ({ id }) as unknown as MediaStream;

describe('StreamView', () => {
  it('renders <video autoplay playsinline>, muted on request, srcObject from the media prop; ref is the tile', () => {
    const t = setup();
    const media = fakeMedia('m1');
    const ref = createRef<HTMLDivElement>();
    const { container, rerender } = t.view(<StreamView ref={ref} streamID="host-main" media={media} muted data-testid="tile" />);
    expect(ref.current).toBe(screen.getByTestId('tile'));
    const video = container.querySelector('video')!;
    expect(video).toHaveAttribute('autoplay');
    expect(video).toHaveAttribute('playsinline');
    expect(video.muted).toBe(true);
    expect(video.srcObject).toBe(media);
    expect(screen.getByTestId('tile')).toHaveAttribute('data-state', 'NO_PLAY');
    expect(screen.getByTestId('tile')).toHaveClass('zsk-stream');
    rerender(<StreamView streamID="host-main" media={null} data-testid="tile" />);
    expect(video.srcObject).toBeNull();
  });

  it('gets its MediaStream from useAudiencePolicy through the provider, with the overlay on top', async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    function Audience() {
      useAudiencePolicy(engine);
      return <StreamView streamID="host-main" data-testid="tile" />;
    }
    const { container, unmount } = t.view(<Audience />);
    await act(async () => {
      t.login();
      t.streams('ADD', [HOST]);
      t.player('host-main', 'PLAY_REQUESTING');
    });
    expect(engine.count('start host-main')).toBe(1);
    const video = container.querySelector('video')!;
    expect((video.srcObject as unknown as { id: string }).id).toBe('media-host-main');
    const overlay = screen.getByRole('status');
    expect(overlay).toHaveTextContent('Connecting…');
    act(() => t.player('host-main', 'PLAYING'));
    // Nothing over the video: the overlay's live region stays, empty.
    expect(screen.getByRole('status')).toBe(overlay);
    expect(overlay).toHaveAttribute('data-state', 'hidden');
    expect(overlay).toBeEmptyDOMElement();
    expect(screen.queryByText('Connecting…')).toBeNull();
    expect(screen.getByTestId('tile')).toHaveAttribute('data-state', 'PLAYING');

    // T3 + 90 s: DELETE; the policy stops the stream and withdraws the media.
    act(() => t.streams('DELETE', [HOST], '{"stream_delete_reason":2}'));
    expect(engine.count('stop host-main')).toBe(1);
    expect(video.srcObject).toBeNull();
    expect(screen.getByRole('status')).toBe(overlay);
    expect(overlay).toHaveTextContent('Host connection lost, waiting…');
    unmount();
    await act(async () => {});
    expect(t.clock.pending()).toBe(0);
  });

  it('Retry after the policy gave up goes to the policy', async () => {
    const t = setup();
    const engine = createFakeWebEngine();
    function Audience() {
      useAudiencePolicy(engine, { maxReplayAttempts: 0 });
      return <StreamView streamID="host-main" />;
    }
    t.view(<Audience />);
    await act(async () => {
      t.login();
      t.streams('ADD', [HOST]);
    });
    await act(async () => t.player('host-main', 'NO_PLAY', 1004020));
    expect(screen.getByRole('alert')).toHaveTextContent('Stream unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Retry host-main' }));
    expect(engine.count('start host-main')).toBe(2);
  });

  it('shows the overlay in zh-CN, and unstyled drops the kit classes of the tile and the overlay', () => {
    const t = setup();
    const { container } = t.view(<StreamView streamID="host-main" unstyled className="tile" />, zhCN);
    act(() => {
      t.login();
      t.streams('ADD', [HOST]);
      t.player('host-main', 'PLAYING');
      t.streams('DELETE', [HOST], '{"stream_delete_reason":3}');
    });
    expect(screen.getByRole('status')).toHaveTextContent(zhCN.streamEnded);
    expect(screen.getByRole('status')).toHaveTextContent(zhCN.streamDeleteReasons['repeated-login']);
    expect(container.querySelector('[class*="zsk-"]')).toBeNull();
    expect(container.firstElementChild).toHaveClass('tile');
  });
});
