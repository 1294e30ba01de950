// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderToString } from 'react-dom/server';
import { createManualClock } from '../../src/core/clock.js';
import { createStatusStore } from '../../src/core/store.js';
import * as kit from '../../src/react/index.js';
import { zhCN } from '../../src/react/zh-CN.js';

const { StatusProvider, ReconnectingBanner, KickedOutOverlay, StreamRemovedOverlay, ConnectionStatusBadge, StreamView } = kit;

/** Logged in to r1 with stream s1 live and its player in `player`, on a manual clock at 1 s. */
function inRoomWithStream(player: 'PLAY_REQUESTING' | 'PLAYING') {
  const clock = createManualClock(1_000);
  const store = createStatusStore({ clock, roomRetryTimeMs: 300_000 });
  const at = clock.now();
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at });
  store.dispatch({ type: 'roomStreamUpdate', roomID: 'r1', updateType: 'ADD', streamList: [{ streamID: 's1' }], at });
  store.dispatch({ type: 'playerStateUpdate', streamID: 's1', state: player, errorCode: 0, at });
  return { clock, store, at };
}

describe('server rendering', () => {
  it('imports and renders every component with no window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { clock, store, at } = inRoomWithStream('PLAY_REQUESTING');
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'RECONNECTING', errorCode: 1000017, at });
    const html = renderToString(
      <StatusProvider store={store} messages={zhCN}>
        <ConnectionStatusBadge />
        <ReconnectingBanner />
        <KickedOutOverlay />
        <StreamRemovedOverlay streamID="s1" />
        <StreamView streamID="s1" />
      </StatusProvider>,
    );
    expect(html).toContain('正在重新连接…');
    expect(html).toContain('data-state="reconnecting"');
    expect(html).toContain('<video');
    expect(clock.pending()).toBe(0);
  });

  it('with nothing to show, the banner and the overlay render their live regions, empty, into the server HTML', () => {
    const { clock, store } = inRoomWithStream('PLAYING');
    const html = renderToString(
      <StatusProvider store={store}>
        <ReconnectingBanner className="mine" />
        <StreamRemovedOverlay streamID="s1" />
      </StatusProvider>,
    );
    expect(html).toBe(
      '<div role="status" aria-live="polite" data-state="hidden" class="zsk-banner mine"></div>' +
        '<div role="status" aria-live="polite" data-state="hidden" class="zsk-overlay"></div>',
    );
    expect(clock.pending()).toBe(0);
  });

  it('exports no undefined names', () => {
    for (const [name, value] of Object.entries(kit)) expect(value, name).toBeDefined();
    expect(kit.en.locale).toBe('en');
    expect('zhCN' in kit).toBe(false);
  });

  const dir = join(import.meta.dirname, '../../src/react');
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));

  it('no dangerouslySetInnerHTML or innerHTML anywhere; hooks touch no DOM', () => {
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
      if (/(^|\/)(use-[\w-]+|hooks)\.ts$/.test(file)) expect(text, file).not.toMatch(/\b(window|document)\./);
    }
  });

  it('styles.css stays within 2.5 KB gzip and defines the kit under --zsk-*', () => {
    const css = readFileSync(join(dir, 'styles.css'));
    expect(gzipSync(css).length).toBeLessThan(2560);
    expect(css.toString()).toMatch(/\[data-theme=dark\]/);
    expect(css.toString()).toMatch(/prefers-color-scheme:dark/);
    expect(css.toString()).toMatch(/prefers-reduced-motion:reduce/);
  });

  it('styles.css: the empty hidden banner and overlay take no space and no clicks, yet stay in the accessibility tree', () => {
    const css = readFileSync(join(dir, 'styles.css'), 'utf8');
    for (const root of ['zsk-banner', 'zsk-overlay']) {
      const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter(([, selector]) =>
        selector!.split(',').some((part) => part.trim() === `.${root}[data-state=hidden]`),
      );
      expect(rules, root).toHaveLength(1);
      const body = rules[0]![2]!;
      // Out of the flow (no flex or grid gap around it), no box, no entrance animation, no clicks.
      for (const declaration of ['position:absolute', 'padding:0', 'border:0', 'background:none', 'box-shadow:none', 'animation:none', 'min-height:0', 'pointer-events:none']) {
        expect(body, root).toContain(declaration);
      }
      // display:none, visibility:hidden (or [hidden]) would drop the region from the accessibility tree.
      expect(body, root).not.toMatch(/display\s*:\s*none|visibility\s*:\s*hidden|content-visibility/);
    }
    expect(css).not.toMatch(/\[hidden\]|:empty/);
  });
});
