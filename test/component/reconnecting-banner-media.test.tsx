/**
 * Issue 14: the ReconnectingBanner's two media-health notices.
 * - Offline: the browser's `offline` event shows "You're offline" at once,
 *   before the SDK's RECONNECTING (web: about 8 s later), and the outage clock
 *   starts then; the room phase stays what the SDK says.
 * - Token: `tokenWillExpire` (web: 30 s before expiry) shows "Session
 *   expiring" with a countdown until a renewal succeeds; a failed renewal
 *   shows its error.
 */
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { selectRoom } from '../../src/core/selectors.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { MINUTE, SECOND, expectEmptyLiveRegion } from './helpers.js';
import { mediaSetup } from './media-helpers.js';

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('ReconnectingBanner: offline', { timeout: 20_000 }, () => {
  it('offline at T: "You\'re offline" at once; the SDK\'s RECONNECTING at T + 8 s keeps it and the clock from T; online, then RECONNECTED', () => {
    const t = mediaSetup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.login());
    const region = expectEmptyLiveRegion(container);

    act(() => t.media({ type: 'offline' }));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveAttribute('data-state', 'offline');
    expect(region).toHaveTextContent("You're offline");
    expect(region).toHaveTextContent('Offline for 0 s');
    // No state invented: the SDK has not said anything yet.
    expect(selectRoom(t.store.getState()).phase).toBe('connected');
    expect(region).not.toHaveTextContent('gives up in');

    act(() => t.clock.advance(8 * SECOND));
    expect(region).toHaveTextContent('Offline for 8 s');
    act(() => t.room('RECONNECTING', 1000017));
    expect(selectRoom(t.store.getState()).phase).toBe('reconnecting');
    expect(region).toHaveAttribute('data-state', 'offline');
    expect(region).toHaveTextContent("You're offline");
    expect(region).toHaveTextContent('Offline for 8 s');
    expect(region).toHaveTextContent('gives up in 5 min 0 s');

    // Back online at T + 20 s, the SDK still retrying: "Reconnecting…", the clock still from T.
    act(() => t.clock.advance(12 * SECOND));
    act(() => t.media({ type: 'online' }));
    expect(region).toHaveAttribute('data-state', 'reconnecting');
    expect(region).toHaveTextContent('Reconnecting…');
    expect(region).toHaveTextContent('Offline for 20 s');
    act(() => t.clock.advance(5 * SECOND));
    expect(region).toHaveTextContent('Offline for 25 s');

    act(() => t.room('RECONNECTED'));
    expect(region).toHaveTextContent('Reconnected');
    act(() => t.clock.advance(2 * SECOND));
    expectEmptyLiveRegion(container, region);
    expect(t.clock.pending()).toBe(0);
  });

  it('an offline blip the SDK never noticed: shown while offline, then nothing (no "Reconnected")', () => {
    const t = mediaSetup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.login());
    act(() => t.media({ type: 'offline' }));
    expect(screen.getByRole('status')).toHaveTextContent("You're offline");
    act(() => t.clock.advance(2 * SECOND));
    act(() => t.media({ type: 'online' }));
    expectEmptyLiveRegion(container);
    expect(t.clock.pending()).toBe(0);
  });

  it('a failure says more than offline: RECONNECT_FAILED while offline shows the failure', () => {
    const t = mediaSetup();
    t.view(<ReconnectingBanner onRetry={() => {}} />);
    act(() => {
      t.login();
      t.media({ type: 'offline' });
      t.room('RECONNECTING', 1000017);
      t.clock.advance(5 * MINUTE);
      t.room('RECONNECT_FAILED', 1002053);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reconnect');
  });

  it('zh-CN', () => {
    const t = mediaSetup();
    t.view(<ReconnectingBanner />, zhCN);
    act(() => {
      t.login();
      t.media({ type: 'offline' });
      t.clock.advance(3 * SECOND);
    });
    expect(screen.getByRole('status')).toHaveTextContent('你已离线');
    expect(screen.getByRole('status')).toHaveTextContent('已断开 3 秒');
  });
});

describe('ReconnectingBanner: token expiry', { timeout: 20_000 }, () => {
  it('tokenWillExpire (web: 30 s left): "Session expiring" counting down; renewing keeps it; renewed hides it', () => {
    const t = mediaSetup();
    const { container } = t.view(<ReconnectingBanner />);
    act(() => t.login());
    const region = expectEmptyLiveRegion(container);

    act(() => t.media({ type: 'tokenWillExpire', roomID: 'r1' }));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveAttribute('data-state', 'expiring');
    expect(region).toHaveTextContent('Session expiring');
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 30 s');
    act(() => t.clock.advance(10 * SECOND));
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 20 s');

    act(() => t.media({ type: 'tokenRenewal', roomID: 'r1', status: 'renewing' }));
    expect(region).toHaveTextContent('Session expiring');
    act(() => t.clock.advance(1 * SECOND));
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 19 s');

    act(() => t.media({ type: 'tokenRenewal', roomID: 'r1', status: 'renewed' }));
    expectEmptyLiveRegion(container, region);
    expect(t.clock.pending()).toBe(0);
  });

  it('a failed renewal shows its error with the countdown; the token is never shown', () => {
    const t = mediaSetup();
    t.view(<ReconnectingBanner />);
    act(() => {
      t.login();
      t.media({ type: 'tokenWillExpire', roomID: 'r1', remainingMs: 30 * SECOND });
      t.media({ type: 'tokenRenewal', roomID: 'r1', status: 'renewing' });
      t.media({ type: 'tokenRenewal', roomID: 'r1', status: 'failed', errorCode: -1, message: 'token server unreachable', retryAt: t.clock.now() + 5 * SECOND });
    });
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('data-state', 'expiring');
    expect(region).toHaveTextContent('Could not renew the session. token server unreachable');
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 30 s');
  });

  it('reconnecting says more than expiring; zh-CN', () => {
    const t = mediaSetup();
    t.view(<ReconnectingBanner />, zhCN);
    act(() => {
      t.login();
      t.media({ type: 'tokenWillExpire', roomID: 'r1' });
    });
    expect(screen.getByRole('status')).toHaveTextContent('会话即将过期');
    expect(screen.getByRole('timer')).toHaveTextContent('30 秒后过期');
    act(() => t.room('RECONNECTING', 1000017));
    expect(screen.getByRole('status')).toHaveTextContent('正在重新连接…');
  });
});
