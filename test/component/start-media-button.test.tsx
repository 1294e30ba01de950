/**
 * Issue 14, autoplay at page level: StartMediaButton (LiveKit's StartAudio as
 * the model) and useAutoplay read the store's autoplay blocks, whoever
 * reported them (StreamView, or a ZegoStreamView's `autoplayFailed`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { StartMediaButton } from '../../src/react/media/start-media-button.js';
import { useAutoplay } from '../../src/react/media/use-autoplay.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { mediaSetup } from './media-helpers.js';

afterEach(() => vi.restoreAllMocks());

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('StartMediaButton and useAutoplay', { timeout: 20_000 }, () => {
  it('nothing blocked: renders nothing; sound blocked: "Turn on sound"; a stream fully blocked: "Tap to play"', () => {
    const t = mediaSetup();
    act(() => t.watching('a', 'b'));
    const ref = createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    const { container } = t.view(<StartMediaButton ref={ref} onClick={onClick} className="mine" />);
    expect(container).toBeEmptyDOMElement();

    act(() => t.media({ type: 'autoplayFailed', streamID: 'a', blocked: 'audio' }));
    const button = screen.getByRole('button', { name: 'Turn on sound' });
    expect(ref.current).toBe(button);
    expect(button).toHaveAttribute('data-state', 'audio-blocked');
    expect(button).toHaveClass('zsk-button', 'mine');

    act(() => t.media({ type: 'autoplayFailed', streamID: 'b', blocked: 'all' }));
    expect(screen.getByRole('button', { name: 'Tap to play' })).toHaveAttribute('data-state', 'blocked');

    act(() => {
      t.media({ type: 'autoplayResumed', streamID: 'a' });
      t.media({ type: 'autoplayResumed', streamID: 'b' });
    });
    expect(container).toBeEmptyDOMElement();
    expect(onClick).not.toHaveBeenCalled();
  });

  it('its click reaches the app\'s onClick too; zh-CN', async () => {
    const t = mediaSetup();
    act(() => {
      t.watching('a');
      t.media({ type: 'autoplayFailed', streamID: 'a', blocked: 'all' });
    });
    const onClick = vi.fn();
    t.view(<StartMediaButton onClick={onClick} />, zhCN);
    await userEvent.click(screen.getByRole('button', { name: '点击播放' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('useAutoplay: blocked / audioBlocked / streams / label', () => {
    const t = mediaSetup();
    act(() => t.watching('a', 'b'));
    function Probe() {
      const view = useAutoplay();
      return <output>{JSON.stringify([view.blocked, view.audioBlocked, view.streams.map((s) => s.streamID).sort(), view.label])}</output>;
    }
    t.view(<Probe />);
    expect(screen.getByRole('status')).toHaveTextContent('[false,false,[],null]');
    act(() => t.media({ type: 'autoplayFailed', streamID: 'a', blocked: 'audio' }));
    expect(screen.getByRole('status')).toHaveTextContent('[false,true,["a"],"Turn on sound"]');
    act(() => t.media({ type: 'autoplayFailed', streamID: 'b', blocked: 'all' }));
    expect(screen.getByRole('status')).toHaveTextContent('[true,true,["a","b"],"Tap to play"]');
  });
});
