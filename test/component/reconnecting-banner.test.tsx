import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describeError } from '../../src/core/errors.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { en } from '../../src/react/i18n/en.js';
import { LOCALES, MINUTE, SECOND, expectEmptyLiveRegion, setup } from './helpers.js';

/**
 * Nothing shown: all the banner renders is its polite live region, mounted,
 * hidden and empty (no text, no button), and no alert. With `same`, it is
 * that node still: the region was not replaced.
 */
const expectNothingShown = expectEmptyLiveRegion;

describe('ReconnectingBanner', () => {
  it('is hidden while connected and before any login', () => {
    const t = setup();
    const { container } = t.view(<ReconnectingBanner />);
    const region = expectNothingShown(container);
    act(() => t.login());
    expectNothingShown(container, region);
    expect(t.clock.pending()).toBe(0);
  });

  describe('live region (announced: text appears in a region that is already there)', () => {
    it('before anything happens, the polite region exists, empty, with data-state="hidden" and the kit class', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner onRetry={() => {}} />);
      expect(expectNothingShown(container)).toHaveClass('zsk-banner');
    });

    it('RECONNECTING: the text appears inside the same element that was there before, and leaves it empty again', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner />);
      act(() => t.login());
      const before = expectNothingShown(container);
      act(() => t.room('RECONNECTING', 1000017));
      expect(screen.getByRole('status')).toBe(before);
      expect(before).toHaveAttribute('data-state', 'reconnecting');
      expect(before).toHaveTextContent('Reconnecting…');
      act(() => t.room('RECONNECTED'));
      expect(screen.getByRole('status')).toBe(before);
      expect(before).toHaveTextContent('Reconnected');
      act(() => t.clock.advance(2000));
      expectNothingShown(container, before);
    });

    it('a LOGINING past 3 s: "Connecting…" appears inside the region that was there during the first 3 s', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner />);
      act(() => t.room('LOGINING'));
      const before = expectNothingShown(container);
      act(() => t.clock.advance(3 * SECOND));
      expect(screen.getByRole('status')).toBe(before);
      expect(before).toHaveTextContent('Connecting…');
    });

    it('failure: a new role="alert" node (assertive); back to hidden: an empty role="status" region again', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner onRetry={() => {}} />);
      act(() => t.login());
      const polite = expectNothingShown(container);
      act(() => t.room('RECONNECTING', 1000017));
      expect(screen.getByRole('status')).toBe(polite);

      act(() => t.room('RECONNECT_FAILED', 1002053));
      const alert = screen.getByRole('alert');
      expect(alert).not.toBe(polite);
      expect(polite.isConnected).toBe(false);
      expect(alert).toHaveAttribute('aria-live', 'assertive');
      expect(alert).toHaveAttribute('data-state', 'failed');
      expect(alert).toHaveTextContent('Could not reconnect');
      expect(screen.queryByRole('status')).toBeNull();
      expect(container.children).toHaveLength(1);

      // A new loginRoom: nothing to show during the first 3 s, in a polite region again.
      act(() => t.room('LOGINING'));
      const again = expectNothingShown(container);
      expect(again).not.toBe(alert);
      expect(alert.isConnected).toBe(false);
      expect(screen.queryByRole('button')).toBeNull();
      act(() => t.clock.advance(3 * SECOND));
      expect(screen.getByRole('status')).toBe(again);
      expect(again).toHaveTextContent('Connecting…');
    });

    it('LOGIN_FAILED straight from the first LOGINING: the alert replaces the empty region', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner />);
      act(() => t.room('LOGINING'));
      const polite = expectNothingShown(container);
      act(() => t.room('LOGIN_FAILED', 1002033));
      expect(screen.getByRole('alert')).not.toBe(polite);
      expect(screen.getByRole('alert')).toHaveAttribute('aria-live', 'assertive');
      expect(screen.queryByRole('status')).toBeNull();
    });

    it('the hidden root carries className, style, rest props and ref, and no text or button', () => {
      const t = setup();
      const ref = createRef<HTMLDivElement>();
      const { rerender } = t.view(
        <ReconnectingBanner ref={ref} onRetry={() => {}} className="mine" style={{ top: 3 }} data-testid="banner" id="b1" />,
      );
      const root = screen.getByTestId('banner');
      expect(ref.current).toBe(root);
      expect(screen.getByRole('status')).toBe(root);
      expect(root).toHaveClass('zsk-banner', 'mine');
      expect(root).toHaveAttribute('id', 'b1');
      expect(root).toHaveStyle({ top: '3px' });
      expect(root).toHaveAttribute('data-state', 'hidden');
      expect(root).toBeEmptyDOMElement();
      expect(screen.queryByRole('button')).toBeNull();
      rerender(<ReconnectingBanner ref={ref} unstyled className="mine" data-testid="banner" />);
      expect(screen.getByTestId('banner')).toBe(root);
      expect(root.className).toBe('mine');
      expect(root).toHaveAttribute('data-state', 'hidden');
      act(() => t.room('RECONNECTING', 1000017));
      expect(ref.current).toBe(root);
      expect(root).toHaveTextContent('Reconnecting…');
    });
  });

  it('Case 1: T3 RECONNECTING shows elapsed and time left; RECONNECTED shows "Reconnected" for 2 s', () => {
    const t = setup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    const banner = screen.getByRole('status');
    expect(banner).toHaveAttribute('aria-live', 'polite');
    expect(banner).toHaveAttribute('data-state', 'reconnecting');
    expect(banner).toHaveTextContent('Reconnecting…');
    expect(screen.getByText('Offline for 0 s')).toBeInTheDocument();
    expect(screen.getByText('gives up in 5 min 0 s')).toBeInTheDocument();

    act(() => t.clock.advance(42 * SECOND));
    expect(screen.getByText('Offline for 42 s')).toBeInTheDocument();
    expect(screen.getByText('gives up in 4 min 18 s')).toBeInTheDocument();
    act(() => t.clock.advance(500));
    expect(screen.getByText('Offline for 42 s')).toBeInTheDocument();
    expect(screen.getByText('gives up in 4 min 18 s')).toBeInTheDocument();
    expect(screen.getAllByRole('timer')).toHaveLength(2);
    expect(screen.queryByText(en.heartbeatTimedOut)).toBeNull();

    act(() => t.clock.advance(20 * SECOND - 500)); // T3 + 62 s
    act(() => t.room('RECONNECTED'));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'reconnected');
    expect(screen.getByRole('status')).toHaveTextContent('Reconnected');
    act(() => t.clock.advance(1999));
    expect(screen.getByRole('status')).toHaveTextContent('Reconnected');
    act(() => t.clock.advance(1));
    expectNothingShown(container, banner);
    expect(t.clock.pending()).toBe(0);
  });

  it('a repeated RECONNECTING keeps counting from the start of the outage', () => {
    const t = setup();
    t.view(<ReconnectingBanner />);
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.clock.advance(10 * SECOND));
    act(() => t.room('RECONNECTING', 1002051));
    expect(screen.getByText('Offline for 10 s')).toBeInTheDocument();
  });

  it('Case 2/3: past T3 + 90 s it says others now see you as gone; RECONNECT_FAILED at T3 + 5 min shows the reason and Retry', async () => {
    const t = setup();
    const onRetry = vi.fn();
    t.view(<ReconnectingBanner onRetry={onRetry} />);
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.clock.advance(89 * SECOND));
    expect(screen.queryByText(en.heartbeatTimedOut)).toBeNull();
    act(() => t.clock.advance(1 * SECOND));
    expect(screen.getByText(en.heartbeatTimedOut)).toBeInTheDocument();
    expect(screen.getByText('Offline for 1 min 30 s')).toBeInTheDocument();
    expect(screen.getByText('gives up in 3 min 30 s')).toBeInTheDocument();

    act(() => t.clock.advance(3.5 * MINUTE));
    act(() => t.room('RECONNECT_FAILED', 1002053));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('aria-live', 'assertive');
    expect(alert).toHaveAttribute('data-state', 'failed');
    expect(alert).toHaveTextContent('Could not reconnect');
    expect(screen.queryAllByRole('timer')).toHaveLength(0);
    expect(t.clock.pending()).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('LOGIN_FAILED 1002033 shows the reason from the error catalog; no Retry without onRetry', async () => {
    const t = setup();
    t.view(<ReconnectingBanner />);
    act(() => t.room('LOGINING'));
    act(() => t.room('LOGIN_FAILED', 1002033));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not join the room');
    expect(alert).toHaveTextContent(describeError(1002033, 'en').message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a LOGOUT_FAILED after LOGIN_FAILED (the app logging out of a room it never joined) leaves the failure shown as it was', () => {
    const t = setup();
    t.view(<ReconnectingBanner />);
    act(() => t.room('LOGINING'));
    act(() => t.room('LOGIN_FAILED', 1002033));
    act(() => t.room('LOGOUT_FAILED', 1002002));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not join the room');
    expect(alert).toHaveTextContent(describeError(1002033).message);
    expect(alert).not.toHaveTextContent(describeError(1002002).message);
  });

  it('a LOGINING of more than 3 s shows "Connecting…" with elapsed time and the deadline', () => {
    const t = setup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.room('LOGINING'));
    act(() => t.clock.advance(2999));
    const region = expectNothingShown(container);
    act(() => t.clock.advance(1));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'connecting');
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    expect(screen.getByText('Trying for 3 s')).toBeInTheDocument();
    expect(screen.getByText('gives up in 4 min 57 s')).toBeInTheDocument();
    act(() => t.clock.advance(57 * SECOND));
    expect(screen.getByText('Trying for 1 min 0 s')).toBeInTheDocument();
    act(() => t.room('LOGINED'));
    expectNothingShown(container, region);
    expect(t.clock.pending()).toBe(0);
  });

  it('a normal 120 ms login never shows anything', () => {
    const t = setup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.room('LOGINING'));
    const region = expectNothingShown(container);
    act(() => t.clock.advance(120));
    act(() => t.room('LOGINED'));
    act(() => t.clock.advance(10 * SECOND));
    expectNothingShown(container, region);
    expect(screen.queryByText(en.connecting)).toBeNull();
  });

  describe('anti-flap', () => {
    it('a 500 ms RECONNECTING blip with showDelayMs 1000 never shows, not even "Reconnected"', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner showDelayMs={1000} />);
      act(() => t.login());
      act(() => t.room('RECONNECTING', 1000017));
      const region = expectNothingShown(container);
      act(() => t.clock.advance(500));
      act(() => t.room('RECONNECTED'));
      for (let i = 0; i < 30; i++) {
        act(() => t.clock.advance(100));
        expectNothingShown(container, region);
      }
      expect(screen.queryByText(en.reconnected)).toBeNull();
      expect(t.clock.pending()).toBe(0);
    });

    it('an outage longer than showDelayMs shows after the delay, and minVisibleMs keeps it up', () => {
      const t = setup();
      const { container } = t.view(<ReconnectingBanner showDelayMs={1000} minVisibleMs={3000} reconnectedMs={500} />);
      act(() => t.login());
      act(() => t.room('RECONNECTING', 1000017));
      act(() => t.clock.advance(999));
      const region = expectNothingShown(container);
      act(() => t.clock.advance(1));
      expect(screen.getByText('Offline for 1 s')).toBeInTheDocument();
      act(() => t.clock.advance(200));
      act(() => t.room('RECONNECTED'));
      expect(screen.getByRole('status')).toHaveTextContent('Reconnected');
      act(() => t.clock.advance(500)); // confirmation over, but shown only 700 ms of 3000
      expect(screen.getByRole('status')).toHaveTextContent('Reconnected');
      act(() => t.clock.advance(2299));
      expect(screen.getByRole('status')).toHaveAttribute('data-state', 'reconnected');
      expect(screen.getByRole('status')).toHaveTextContent('Reconnected');
      act(() => t.clock.advance(1));
      expectNothingShown(container, region);
      expect(t.clock.pending()).toBe(0);
    });
  });

  it('unmounting in the middle of a countdown leaves no timer on the clock', () => {
    const t = setup();
    const { unmount } = t.view(<ReconnectingBanner showDelayMs={1000} minVisibleMs={1000} />);
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.clock.advance(5500));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'reconnecting');
    expect(screen.getByRole('status')).toHaveTextContent('Offline for 5 s');
    expect(t.clock.pending()).toBeGreaterThan(0);
    unmount();
    expect(t.clock.pending()).toBe(0);
  });

  it('theming: data-state, unstyled, className, style, rest props and ref reach the root', () => {
    const t = setup();
    const ref = createRef<HTMLDivElement>();
    const { rerender } = t.view(
      <ReconnectingBanner ref={ref} className="mine" style={{ top: 3 }} data-testid="banner" id="b1" />,
    );
    act(() => t.room('RECONNECTING', 1000017));
    const root = screen.getByTestId('banner');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('zsk-banner', 'mine');
    expect(root).toHaveAttribute('id', 'b1');
    expect(root).toHaveStyle({ top: '3px' });
    rerender(<ReconnectingBanner unstyled className="mine" data-testid="banner" />);
    expect(screen.getByTestId('banner').className).toBe('mine');
    expect(screen.getByTestId('banner').querySelector('[class*="zsk-"]')).toBeNull();
    expect(screen.getByTestId('banner')).toHaveAttribute('data-state', 'reconnecting');
  });

  it.each(LOCALES)('every state in %s', (_, messages) => {
    const t = setup();
    t.view(<ReconnectingBanner onRetry={() => {}} />, messages);
    act(() => t.room('LOGINING'));
    act(() => t.clock.advance(3 * SECOND));
    expect(screen.getByRole('status')).toHaveTextContent(messages.connecting);
    act(() => t.room('LOGINED'));
    act(() => t.room('RECONNECTING', 1000017));
    expect(screen.getByRole('status')).toHaveTextContent(messages.reconnecting);
    act(() => t.clock.advance(90 * SECOND));
    expect(screen.getByText(messages.heartbeatTimedOut)).toBeInTheDocument();
    act(() => t.room('RECONNECTED'));
    expect(screen.getByRole('status')).toHaveTextContent(messages.reconnected);
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.room('RECONNECT_FAILED', 1002053));
    expect(screen.getByRole('alert')).toHaveTextContent(messages.reconnectFailed);
    expect(screen.getByRole('alert')).toHaveTextContent(describeError(1002053, messages.errors).message);
    expect(screen.getByRole('button', { name: messages.retry })).toBeInTheDocument();
  });

  it('zh-CN formats durations in Chinese', () => {
    const t = setup();
    t.view(<ReconnectingBanner />, zhCN);
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    act(() => t.clock.advance(42 * SECOND));
    expect(screen.getByText('已断开 42 秒')).toBeInTheDocument();
    expect(screen.getByText('4 分 18 秒后停止重试')).toBeInTheDocument();
  });

  it('zh-CN explains the error code in Chinese, from the catalog zhCN carries', () => {
    const t = setup();
    t.view(<ReconnectingBanner />, zhCN);
    act(() => t.room('LOGINING'));
    act(() => t.room('LOGIN_FAILED', 1002033));
    expect(screen.getByRole('alert')).toHaveTextContent('登录凭证无效或已过期，请重新登录。');
    expect(screen.getByRole('alert')).not.toHaveTextContent(describeError(1002033).message);
  });

  it('per-component message overrides win over the provider', () => {
    const t = setup();
    t.view(<ReconnectingBanner messages={{ reconnecting: 'Hang on…' }} />, zhCN);
    act(() => t.room('RECONNECTING', 1000017));
    expect(screen.getByRole('status')).toHaveTextContent('Hang on…');
    expect(screen.getByText('已断开 0 秒')).toBeInTheDocument();
  });
  describe('Retry', () => {
    it('calls onRetry with no arguments (not the click event)', async () => {
      const t = setup();
      const onRetry = vi.fn();
      t.view(<ReconnectingBanner onRetry={onRetry} />);
      act(() => t.room('LOGINING'));
      act(() => t.room('LOGIN_FAILED', 1002033));
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(onRetry.mock.calls).toEqual([[]]);
    });

    it('RECONNECT_FAILED, Retry, loginRoom: "Connecting…" at once (the user asked), not after the 3 s of a plain login', async () => {
      const t = setup();
      // The app's Retry logs in again: the web SDK emits LOGINING at once.
      t.view(<ReconnectingBanner onRetry={() => t.room('LOGINING')} />);
      act(() => t.login());
      act(() => t.room('RECONNECTING', 1000017));
      act(() => t.clock.advance(5 * MINUTE));
      act(() => t.room('RECONNECT_FAILED', 1002053));
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      const status = screen.getByRole('status');
      expect(status).toHaveAttribute('data-state', 'connecting');
      expect(status).toHaveTextContent('Connecting…');
      expect(status).toHaveTextContent('Trying for 0 s');
      // Logged in: hidden; the next plain LOGINING waits its 3 s again.
      act(() => t.room('LOGINED'));
      expect(screen.getByRole('status')).toHaveAttribute('data-state', 'hidden');
      act(() => t.room('LOGINING'));
      expect(screen.getByRole('status')).toHaveAttribute('data-state', 'hidden');
      act(() => t.clock.advance(3 * SECOND));
      expect(screen.getByRole('status')).toHaveAttribute('data-state', 'connecting');
    });
  });
});
