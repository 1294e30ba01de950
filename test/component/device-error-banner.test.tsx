/**
 * Issue 14, devices and permissions: DeviceErrorBanner and useDeviceError
 * show the newest local device problem (the SDK's `deviceError`, a rejected
 * createZegoStream / getUserMedia) from the error catalog, in en and zh-CN,
 * with a Retry whose outcome is recorded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describeDeviceIssue, deviceErrorEvent } from '../../src/core/device-error.js';
import { selectDeviceIssues } from '../../src/core/media-selectors.js';
import { DeviceErrorBanner } from '../../src/react/media/device-error-banner.js';
import { useDeviceError } from '../../src/react/media/use-device-error.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { expectEmptyLiveRegion } from './helpers.js';
import { mediaSetup } from './media-helpers.js';

afterEach(() => vi.restoreAllMocks());

const denied = () => new DOMException('Permission denied', 'NotAllowedError');

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('DeviceErrorBanner', { timeout: 20_000 }, () => {
  it('nothing wrong: an empty polite live region; a denied camera: an alert with the catalog text and Retry', () => {
    const t = mediaSetup();
    const ref = createRef<HTMLDivElement>();
    const { container } = t.view(<DeviceErrorBanner ref={ref} onRetry={() => {}} />);
    const region = expectEmptyLiveRegion(container);
    expect(ref.current).toBe(region);

    act(() => t.store.dispatch(deviceErrorEvent(denied(), { device: 'camera', at: t.clock.now() })));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveAttribute('data-reason', 'denied');
    expect(alert).toHaveAttribute('data-device', 'camera');
    expect(alert).toHaveTextContent("Can't use your camera");
    const issue = selectDeviceIssues(t.store.getState())[0]!;
    expect(alert).toHaveTextContent(describeDeviceIssue(issue).message);
    expect(screen.getByRole('button', { name: 'Retry camera' })).toHaveTextContent('Retry');
    expect(document.activeElement).toBe(document.body);
  });

  it('the SDK\'s deviceError 1006006 (unplugged, device not named): "camera or microphone"', () => {
    const t = mediaSetup();
    t.view(<DeviceErrorBanner />);
    act(() => t.media({ type: 'deviceError', errorCode: 1006006, deviceName: 'USB Camera' }));
    expect(screen.getByRole('alert')).toHaveTextContent("Can't use your camera or microphone");
    expect(screen.getByRole('alert')).toHaveAttribute('data-reason', 'unplugged');
    // No onRetry: no button that does nothing.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('Retry: a resolved retry clears the issue (deviceRecovered); a rejected one shows the new error', async () => {
    const t = mediaSetup();
    let attempt: { resolve(): void; reject(error: unknown): void } | undefined;
    const onRetry = vi.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          attempt = { resolve, reject };
        }),
    );
    const { container } = t.view(<DeviceErrorBanner onRetry={onRetry} />);
    act(() => t.store.dispatch(deviceErrorEvent(denied(), { device: 'camera', at: t.clock.now() })));

    await userEvent.click(screen.getByRole('button', { name: 'Retry camera' }));
    expect(onRetry).toHaveBeenCalledWith('camera');
    // While it runs: no second click.
    expect(screen.queryByRole('button')).toBeNull();
    await act(async () => attempt!.reject(new DOMException('Device in use', 'NotReadableError')));
    expect(screen.getByRole('alert')).toHaveAttribute('data-reason', 'in-use');

    await userEvent.click(screen.getByRole('button', { name: 'Retry camera' }));
    await act(async () => attempt!.resolve());
    expect(selectDeviceIssues(t.store.getState())).toEqual([]);
    expectEmptyLiveRegion(container);
  });

  it('zh-CN: the title and the catalog sentence in Chinese', () => {
    const t = mediaSetup();
    t.view(<DeviceErrorBanner onRetry={() => {}} />, zhCN);
    act(() => t.store.dispatch(deviceErrorEvent(denied(), { device: 'microphone', at: t.clock.now() })));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('无法使用麦克风');
    expect(alert).toHaveTextContent(describeDeviceIssue(selectDeviceIssues(t.store.getState())[0]!, zhCN.errors).message);
    expect(screen.getByRole('button', { name: '重试 麦克风' })).toBeInTheDocument();
  });

  it('useDeviceError: the newest issue first; unstyled drops the kit classes', () => {
    const t = mediaSetup();
    function Probe() {
      const view = useDeviceError();
      return <output>{`${view.issues.length} ${view.title}`}</output>;
    }
    const { container } = t.view(
      <>
        <Probe />
        <DeviceErrorBanner unstyled />
      </>,
    );
    act(() => {
      t.store.dispatch(deviceErrorEvent(denied(), { device: 'camera', at: t.clock.now() }));
      t.clock.advance(1000);
      t.store.dispatch(deviceErrorEvent(new DOMException('none', 'NotFoundError'), { device: 'microphone', at: t.clock.now() }));
    });
    expect(screen.getByRole('status')).toHaveTextContent("2 Can't use your microphone");
    expect(container.querySelector('[class*="zsk-"]')).toBeNull();
  });
});
