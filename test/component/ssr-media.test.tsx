// @vitest-environment node
/**
 * Issue 14: the media-health components render on the server (no window, no
 * document, no timers left), in their media states, with text only.
 */
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock } from '../../src/core/clock.js';
import { createStatusStore, type StoreEvent } from '../../src/core/store.js';
import * as kit from '../../src/react/index.js';
import { zhCN } from '../../src/react/zh-CN.js';

const { StatusProvider, ReconnectingBanner, StreamView, StartMediaButton, ConnectionQualityIndicator, DeviceErrorBanner } = kit;

describe('server rendering of media health', () => {
  it('renders every media component in its media state with no window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const clock = createManualClock(1_000);
    const store = createStatusStore({ clock, extensions: [mediaHealth()] });
    const at = clock.now();
    const events: StoreEvent[] = [
      { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at },
      { type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at },
      { type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', streamList: [{ streamID: 's1', user: { userID: 'u1' } }], at },
      { type: 'playerStateUpdate', streamID: 's1', state: 'PLAYING', errorCode: 0, at },
      { type: 'remoteCameraStatusUpdate', streamID: 's1', status: 'MUTE', at },
      { type: 'remoteMicStatusUpdate', streamID: 's1', status: 'MUTE', at },
      { type: 'playQualityUpdate', streamID: 's1', stats: { videoQuality: 3, audioQuality: 3 }, at },
      { type: 'autoplayFailed', streamID: 's1', blocked: 'audio', at },
      { type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError', at },
      { type: 'tokenWillExpire', roomID: 'r1', at },
    ];
    for (const event of events) store.dispatch(event);
    const html = renderToString(
      <StatusProvider store={store} messages={zhCN}>
        <ReconnectingBanner />
        <StartMediaButton />
        <DeviceErrorBanner onRetry={() => {}} />
        <StreamView streamID="s1" label="<i>张三</i>" />
        <ConnectionQualityIndicator streamID="s1" />
      </StatusProvider>,
    );
    expect(html).toContain('会话即将过期');
    expect(html).toContain('开启声音');
    expect(html).toContain('无法使用摄像头');
    expect(html).toContain('aria-label="&lt;i&gt;张三&lt;/i&gt;：摄像头已关闭"');
    expect(html).toContain('麦克风已关闭');
    expect(html).toContain('网络不佳');
    expect(html).toContain('data-quality="poor"');
    expect(html).not.toContain('<i>');
    expect(clock.pending()).toBe(0);
  });
});
