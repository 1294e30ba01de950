/**
 * Issue 14: what StreamView's tile says about its stream's media, through
 * store -> selector -> hook -> component: autoplay blocked (play() refused),
 * the remote camera off (placeholder with the label's name and initial), the
 * remote microphone off (an icon with a name), the label as a name tag, a
 * weak network (play quality poor, unknown once stale), a stutter
 * (exceptionUpdate). The real autoplay policy is tested in Chromium
 * (test/browser/autoplay.test.tsx); here play() is a stub that refuses as
 * Chromium does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { selectAutoplayBlocked, selectAutoplayBlock } from '../../src/core/media-selectors.js';
import { QUALITY_STALE_AFTER_MS } from '../../src/core/media-health.js';
import { StreamView } from '../../src/react/stream-view.js';
import { StartMediaButton } from '../../src/react/media/start-media-button.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { SECOND } from './helpers.js';
import { autoplayPolicy, fakeMedia, mediaSetup } from './media-helpers.js';

const flush = () => act(async () => {});

afterEach(() => vi.restoreAllMocks());

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('StreamView: autoplay', { timeout: 20_000 }, () => {
  it('sound refused before a gesture: the picture plays muted, the tile offers "Turn on sound", the store knows; a click plays with sound', async () => {
    const policy = autoplayPolicy('sound');
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    const { container } = t.view(<StreamView streamID="host-main" label="Alice" media={fakeMedia('m1')} data-testid="tile" />);
    await flush();
    const video = container.querySelector('video')!;
    // Tried with sound, refused; then muted, which plays.
    expect(policy.play.mock.contexts.length).toBe(2);
    expect(video.muted).toBe(true);
    expect(screen.getByTestId('tile')).toHaveAttribute('data-autoplay', 'audio');
    expect(selectAutoplayBlock(t.store.getState(), 'host-main')).toBe('audio');
    const button = screen.getByRole('button', { name: 'Turn on sound Alice' });
    expect(button).toHaveTextContent('Turn on sound');
    // Nothing takes focus.
    expect(document.activeElement).toBe(document.body);

    policy.set('none'); // the click is the gesture
    await userEvent.click(button);
    await flush();
    expect(video.muted).toBe(false);
    expect(selectAutoplayBlock(t.store.getState(), 'host-main')).toBeNull();
    expect(screen.getByTestId('tile')).not.toHaveAttribute('data-autoplay');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('everything refused: "Tap to play" (data-autoplay="all")', async () => {
    autoplayPolicy('all');
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    t.view(<StreamView streamID="host-main" label="Alice" media={fakeMedia('m1')} data-testid="tile" />);
    await flush();
    expect(screen.getByTestId('tile')).toHaveAttribute('data-autoplay', 'all');
    expect(screen.getByRole('button', { name: 'Tap to play Alice' })).toHaveTextContent('Tap to play');
    expect(selectAutoplayBlock(t.store.getState(), 'host-main')).toBe('all');
  });

  it('muted tiles ask for nothing while muted playback is allowed; refused even muted, "Tap to play"', async () => {
    const policy = autoplayPolicy('sound');
    const t = mediaSetup();
    act(() => t.watching('a', 'b'));
    t.view(
      <>
        <StreamView streamID="a" muted media={fakeMedia('a')} />
        <StreamView streamID="b" media={fakeMedia('b', false)} />
      </>,
    );
    await flush();
    // a: muted plays; b: no sound track, so muted playback loses nothing.
    expect(screen.queryByRole('button')).toBeNull();
    expect(selectAutoplayBlocked(t.store.getState())).toEqual([]);
    expect(policy.play).toHaveBeenCalled();

    policy.set('all');
    const u = mediaSetup();
    act(() => u.watching('c'));
    u.view(<StreamView streamID="c" muted media={fakeMedia('c')} />);
    await flush();
    expect(screen.getByRole('button', { name: 'Tap to play c' })).toBeInTheDocument();
  });

  it('one click on any blocked tile, or on StartMediaButton, starts every blocked tile of the page, inside the click', async () => {
    const policy = autoplayPolicy('sound');
    const t = mediaSetup();
    act(() => t.watching('a', 'b'));
    t.view(
      <>
        <StartMediaButton />
        <StreamView streamID="a" label="Alice" media={fakeMedia('a')} />
        <StreamView streamID="b" label="Bob" media={fakeMedia('b')} />
      </>,
    );
    await flush();
    expect(selectAutoplayBlocked(t.store.getState()).map((block) => block.streamID).sort()).toEqual(['a', 'b']);
    const start = screen.getByRole('button', { name: 'Turn on sound' });
    expect(start).toHaveAttribute('data-state', 'audio-blocked');

    policy.set('none');
    // play() is called while the click is being dispatched (a user gesture), not after.
    const during: (string | undefined)[] = [];
    policy.play.mockImplementation(function (this: HTMLMediaElement) {
      during.push(window.event?.type);
      return Promise.resolve();
    });
    await userEvent.click(start);
    await flush();
    expect(during).toEqual(['click', 'click']);
    expect(selectAutoplayBlocked(t.store.getState())).toEqual([]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('StrictMode: one block, one button, and unmounting releases the tile', async () => {
    autoplayPolicy('sound');
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    const events: string[] = [];
    t.store.subscribeEvents((event) => events.push(event.type));
    const { unmount } = t.view(
      <StrictMode>
        <StreamView streamID="host-main" media={fakeMedia('m1')} />
      </StrictMode>,
    );
    await flush();
    expect(events.filter((type) => type === 'autoplayFailed')).toEqual(['autoplayFailed']);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    unmount();
    await flush();
    expect(t.clock.pending()).toBe(0);
  });

  it('without the mediaHealth() extension the tile keeps the block itself, and does not warn (it works without)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    autoplayPolicy('sound');
    const t = mediaSetup({ extensions: [] });
    t.view(<StreamView streamID="host-main" label="Alice" media={fakeMedia('m1')} />);
    await flush();
    expect(screen.getByRole('button', { name: 'Turn on sound Alice' })).toBeInTheDocument();
    expect(warn).not.toHaveBeenCalled();
  });

  it('the media-only components warn once each when the store has no media health', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = mediaSetup({ extensions: [] });
    t.view(
      <>
        <StartMediaButton />
        <StartMediaButton />
      </>,
    );
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      'zego-status-kit: useAutoplay needs createStatusStore({ extensions: [mediaHealth()] })',
    ]);
  });
});

describe('StreamView: camera, microphone, name tag', { timeout: 20_000 }, () => {
  it('the label is a name tag; camera MUTE shows the name and initial instead of a black picture; mic MUTE an icon with a name', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    t.view(<StreamView streamID="host-main" label="alice" media={fakeMedia('m1')} data-testid="tile" />);
    const tile = screen.getByTestId('tile');
    expect(within(tile).getByText('alice')).toHaveClass('zsk-stream__name');
    expect(screen.queryByRole('img')).toBeNull();

    act(() => t.media({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' }));
    const placeholder = screen.getByRole('img', { name: 'alice: camera off' });
    expect(placeholder).toHaveTextContent('A');
    expect(placeholder).toHaveTextContent('alice');
    expect(tile).toHaveAttribute('data-camera', 'off');

    act(() => t.media({ type: 'remoteMicStatusUpdate', streamID: 'host-main', status: 'MUTE' }));
    expect(screen.getByRole('img', { name: 'Microphone off' })).toBeInTheDocument();
    expect(tile).toHaveAttribute('data-microphone', 'off');

    act(() => {
      t.media({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'OPEN' });
      t.media({ type: 'remoteMicStatusUpdate', streamID: 'host-main', status: 'OPEN' });
    });
    expect(screen.queryByRole('img')).toBeNull();
    expect(tile).not.toHaveAttribute('data-camera');
    expect(tile).not.toHaveAttribute('data-microphone');
  });

  it('without a label: no name tag, and the placeholder names the stream', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    const { container } = t.view(<StreamView streamID="host-main" />);
    act(() => t.media({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' }));
    expect(screen.getByRole('img', { name: 'host-main: camera off' })).toHaveTextContent('H');
    expect(container.querySelector('.zsk-stream__name')).toBeNull();
  });

  it('a name is text, never markup; its initial is a whole character (emoji, Chinese)', () => {
    const t = mediaSetup();
    act(() => t.watching('a', 'b'));
    t.view(
      <>
        <StreamView streamID="a" label="<b>x</b>" />
        <StreamView streamID="b" label="😀 张三" />
      </>,
    );
    act(() => {
      t.media({ type: 'remoteCameraStatusUpdate', streamID: 'a', status: 'MUTE' });
      t.media({ type: 'remoteCameraStatusUpdate', streamID: 'b', status: 'MUTE' });
    });
    expect(screen.getByRole('img', { name: '<b>x</b>: camera off' })).toHaveTextContent('<');
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByRole('img', { name: '😀 张三: camera off' }).firstElementChild).toHaveTextContent(/^😀$/u);
  });
});

describe('StreamView: weak network and stutter', { timeout: 20_000 }, () => {
  it('play quality poor (3) or die (4): "Weak network"; good again: gone; no report for 7 s: gone (unknown), with no timer left', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    t.view(<StreamView streamID="host-main" label="Alice" />);
    expect(screen.queryByText('Weak network')).toBeNull();
    act(() => t.playQuality('host-main', 3));
    expect(screen.getByText('Weak network')).toBeInTheDocument();
    act(() => {
      t.clock.advance(3 * SECOND);
      t.playQuality('host-main', 4);
    });
    expect(screen.getByText('Weak network')).toBeInTheDocument();
    act(() => {
      t.clock.advance(3 * SECOND);
      t.playQuality('host-main', 1);
    });
    expect(screen.queryByText('Weak network')).toBeNull();

    // The reports stop while poor: it reads unknown once the last one is 7 s old.
    act(() => {
      t.clock.advance(3 * SECOND);
      t.playQuality('host-main', 3);
    });
    expect(screen.getByText('Weak network')).toBeInTheDocument();
    act(() => t.clock.advance(QUALITY_STALE_AFTER_MS - 1));
    expect(screen.getByText('Weak network')).toBeInTheDocument();
    act(() => t.clock.advance(2));
    expect(screen.queryByText('Weak network')).toBeNull();
    expect(t.clock.pending()).toBe(0);
  });

  it('exceptionUpdate 1010 (render frame rate low): "Video is stuttering" until 2010', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    t.view(<StreamView streamID="host-main" />);
    act(() => t.media({ type: 'exceptionUpdate', streamID: 'host-main', code: 1010 }));
    expect(screen.getByText('Video is stuttering')).toBeInTheDocument();
    act(() => t.media({ type: 'exceptionUpdate', streamID: 'host-main', code: 2010 }));
    expect(screen.queryByText('Video is stuttering')).toBeNull();
  });

  it('zh-CN, and unstyled drops every kit class', async () => {
    autoplayPolicy('sound');
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    const { container } = t.view(<StreamView streamID="host-main" label="张三" unstyled media={fakeMedia('m1')} />, zhCN);
    act(() => {
      t.media({ type: 'remoteCameraStatusUpdate', streamID: 'host-main', status: 'MUTE' });
      t.media({ type: 'remoteMicStatusUpdate', streamID: 'host-main', status: 'MUTE' });
      t.media({ type: 'exceptionUpdate', streamID: 'host-main', code: 1008 });
      t.playQuality('host-main', 3);
    });
    await flush();
    expect(screen.getByRole('img', { name: '张三：摄像头已关闭' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '麦克风已关闭' })).toBeInTheDocument();
    expect(screen.getByText('网络不佳')).toBeInTheDocument();
    expect(screen.getByText('视频卡顿')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开启声音 张三' })).toBeInTheDocument();
    expect(container.querySelector('[class*="zsk-"]')).toBeNull();
  });
});
