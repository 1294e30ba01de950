/**
 * `<StatusProvider locale>` (issue 6) tags the catalog; the text comes from
 * `messages`. Chinese text is its own entry, so `locale="zh-CN"` without
 * `messages={zhCN}` would show English quietly: the provider warns instead.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusProvider } from '../../src/react/context.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { setup } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('StatusProvider locale', () => {
  it('locale="zh-CN" with the built-in English catalog warns once, naming the fix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    const view = render(
      <StatusProvider store={t.store} locale="zh-CN">
        <ReconnectingBanner />
      </StatusProvider>,
    );
    view.rerender(
      <StatusProvider store={t.store} locale="zh-CN">
        <ReconnectingBanner />
      </StatusProvider>,
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/locale="zh-CN" with "en" text.*messages=\{zhCN\}.*zego-status-kit\/react\/zh-CN/);
  });

  it('says nothing in production (the warning is development-only, and leaves production bundles)', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      render(
        <StatusProvider store={setup().store} locale="zh-CN">
          <ReconnectingBanner />
        </StatusProvider>,
      );
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a catalog of the same locale, or no locale at all, does not warn; zhCN shows Chinese', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    render(
      <>
        <StatusProvider store={t.store} locale="zh-CN" messages={zhCN}>
          <ReconnectingBanner />
        </StatusProvider>
        <StatusProvider store={t.store} locale="en">
          <p>en</p>
        </StatusProvider>
        <StatusProvider store={t.store}>
          <p>default</p>
        </StatusProvider>
      </>,
    );
    act(() => t.login());
    act(() => t.room('RECONNECTING', 1000017));
    expect(screen.getByRole('status')).toHaveTextContent(zhCN.reconnecting);
    expect(warn).not.toHaveBeenCalled();
  });
});
