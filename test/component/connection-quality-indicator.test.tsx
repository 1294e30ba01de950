/**
 * Issue 14, network quality: ConnectionQualityIndicator for a user
 * (`networkQuality`, the worse of up- and downstream) and for a stream
 * (`playQualityUpdate` every 3 s), unknown once the last report is older than
 * 7 s; and 1,000 indicators receiving stats every 3 s: one report re-renders
 * only its own indicator.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { createRef, Profiler, StrictMode } from 'react';
import { QUALITY_REPORT_INTERVAL_MS, QUALITY_STALE_AFTER_MS } from '../../src/core/media-health.js';
import { ConnectionQualityIndicator } from '../../src/react/media/connection-quality-indicator.js';
import { useConnectionQuality } from '../../src/react/media/use-connection-quality.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { mediaSetup } from './media-helpers.js';

afterEach(() => vi.restoreAllMocks());

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('ConnectionQualityIndicator', { timeout: 20_000 }, () => {
  it('a user: the worse of up- and downstream, as bars with a label and data-quality; unknown before any report', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    const ref = createRef<HTMLSpanElement>();
    t.view(<ConnectionQualityIndicator ref={ref} userID="host" data-testid="q" />);
    const indicator = screen.getByRole('img', { name: 'Connection quality: unknown' });
    expect(ref.current).toBe(indicator);
    expect(indicator).toHaveAttribute('data-quality', 'unknown');
    expect(indicator).toHaveClass('zsk-quality');
    expect(indicator.querySelectorAll('.zsk-quality__bar')).toHaveLength(4);

    act(() => t.networkQuality('host', 0, 0));
    expect(indicator).toHaveAttribute('data-quality', 'excellent');
    act(() => t.networkQuality('host', 3, 1));
    expect(screen.getByRole('img', { name: 'Connection quality: poor' })).toBe(indicator);
    act(() => t.networkQuality('host', 1, 2));
    expect(indicator).toHaveAccessibleName('Connection quality: fair');
    expect(indicator).toHaveAttribute('data-quality', 'middle');
    act(() => t.networkQuality('host', 4, -1));
    expect(indicator).toHaveAttribute('data-quality', 'die');
    expect(indicator).toHaveAccessibleName('Connection quality: very poor');
  });

  it('a stream: its play quality; a report every 3 s keeps it, none for 7 s makes it unknown; no timer while unknown', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    t.view(<ConnectionQualityIndicator streamID="host-main" />);
    const indicator = screen.getByRole('img');
    expect(t.clock.pending()).toBe(0);
    act(() => t.playQuality('host-main', 3));
    expect(indicator).toHaveAttribute('data-quality', 'poor');
    // Reports every 3 s: never stale.
    for (let i = 0; i < 5; i++) {
      act(() => {
        t.clock.advance(QUALITY_REPORT_INTERVAL_MS);
        t.playQuality('host-main', 3);
      });
      expect(indicator).toHaveAttribute('data-quality', 'poor');
    }
    // The reports stop: T + 7 s, unknown.
    act(() => t.clock.advance(QUALITY_STALE_AFTER_MS - 1));
    expect(indicator).toHaveAttribute('data-quality', 'poor');
    act(() => t.clock.advance(2));
    expect(indicator).toHaveAttribute('data-quality', 'unknown');
    expect(indicator).toHaveAccessibleName('Connection quality: unknown');
    expect(t.clock.pending()).toBe(0);
    // A new report brings it back.
    act(() => t.playQuality('host-main', 0));
    expect(indicator).toHaveAttribute('data-quality', 'excellent');
  });

  it('zh-CN label; unstyled drops the kit classes; className, style and rest reach the root', () => {
    const t = mediaSetup();
    act(() => {
      t.watching('host-main');
      t.networkQuality('host', 2, 2);
    });
    const { container } = t.view(
      <ConnectionQualityIndicator userID="host" unstyled className="mine" style={{ color: 'red' }} data-x="1" />,
      zhCN,
    );
    const indicator = screen.getByRole('img', { name: '连接质量：中' });
    expect(indicator).toHaveClass('mine');
    expect(indicator).toHaveAttribute('data-x', '1');
    expect(indicator).toHaveStyle({ color: 'rgb(255, 0, 0)' });
    expect(container.querySelector('[class*="zsk-"]')).toBeNull();
  });

  it('useConnectionQuality returns the grade, its name and the label', () => {
    const t = mediaSetup();
    act(() => t.watching('host-main'));
    function Probe() {
      const view = useConnectionQuality({ streamID: 'host-main' });
      return <output>{`${view.grade} ${view.quality} ${view.label}`}</output>;
    }
    t.view(
      <StrictMode>
        <Probe />
      </StrictMode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('-1 unknown Connection quality: unknown');
    act(() => t.playQuality('host-main', 1));
    expect(screen.getByRole('status')).toHaveTextContent('1 good Connection quality: good');
  });

  it('1,000 indicators with stats every 3 s: one report re-renders only its own indicator; each goes unknown at its own 7 s mark', { timeout: 90_000 }, () => {
    const t = mediaSetup();
    const ids = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    act(() => {
      t.watching(...ids);
      for (const id of ids) t.playQuality(id, 1);
    });
    const renders: string[] = [];
    t.view(
      <>
        {ids.map((id) => (
          <Profiler key={id} id={id} onRender={() => renders.push(id)}>
            <ConnectionQualityIndicator streamID={id} />
          </Profiler>
        ))}
      </>,
    );
    expect(renders).toHaveLength(1000);

    // T + 3 s: s500's report changes its grade: that indicator re-renders, no other.
    renders.length = 0;
    act(() => {
      t.clock.advance(QUALITY_REPORT_INTERVAL_MS);
      t.playQuality('s500', 3);
    });
    expect(renders).toEqual(['s500']);
    expect(screen.getAllByRole('img', { name: 'Connection quality: poor' })).toHaveLength(1);

    // s501's report keeps its grade: no indicator re-renders.
    act(() => t.playQuality('s501', 1));
    expect(renders).toEqual(['s500']);

    // No more reports: each indicator re-renders once, at its own 7 s mark, and not before.
    renders.length = 0;
    act(() => t.clock.advance(QUALITY_STALE_AFTER_MS - QUALITY_REPORT_INTERVAL_MS));
    expect(renders).toEqual([]);
    act(() => t.clock.advance(1));
    expect(renders).toHaveLength(998);
    expect(renders).not.toContain('s500');
    expect(renders).not.toContain('s501');
    renders.length = 0;
    act(() => t.clock.advance(QUALITY_REPORT_INTERVAL_MS));
    expect(renders.sort()).toEqual(['s500', 's501']);
    expect(screen.getAllByRole('img', { name: 'Connection quality: unknown' })).toHaveLength(1000);
    expect(t.clock.pending()).toBe(0);
  });
});
