/**
 * Issue 16, in real Chromium with the kit's stylesheet:
 * - layout: the banner in the page flow (`inline`) pushes the video down when
 *   it appears; `placement="top"` / `"bottom"` (viewport) and `contained`
 *   (a positioned ancestor) move nothing, sit where they say, and stack at
 *   `--zsk-z-banner` above positioned content;
 * - focus after Retry: the Retry button sits in a `role="alert"` that the
 *   retry replaces; focus lands on the new status region (which says
 *   "Connecting…"), not on `<body>`.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import type { StatusEvent } from '../../src/core/events.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { ReconnectingBanner, type BannerPlacement } from '../../src/react/reconnecting-banner.js';
import { StreamRemovedOverlay } from '../../src/react/stream-removed-overlay.js';
import '../../src/react/styles.css';

const ROOM = 'room-1';
const STREAM = 'host-main';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type WithoutAt<E> = E extends StatusEvent ? Omit<E, 'at'> : never;

function setup() {
  const clock = createManualClock();
  const store = createStatusStore({ clock, roomRetryTimeMs: 5 * 60_000 });
  const emit = (event: WithoutAt<StatusEvent>) => act(() => store.dispatch({ ...event, at: clock.now() } as StatusEvent));
  const room = (reason: string, errorCode = 0) => emit({ type: 'roomStateChanged', roomID: ROOM, reason: reason as never, errorCode });
  const player = (state: string, errorCode = 0) => emit({ type: 'playerStateUpdate', streamID: STREAM, state: state as never, errorCode });
  const login = () => {
    room('LOGINING');
    act(() => clock.advance(120));
    room('LOGINED');
  };
  return { clock, store, room, player, login, emit };
}

/**
 * Presses a button as a keyboard user does: focus on it, then activate it.
 * (A DOM click, not the provider's: its actionability checks wait on
 * animation frames, which a hidden test frame on a busy machine may not get.)
 */
function press(button: HTMLButtonElement): void {
  button.focus();
  expect(document.activeElement).toBe(button);
  act(() => button.click());
}

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
  host = undefined;
});

function mount(store: StatusStore, ui: ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <StatusProvider store={store}>
        <main style={{ fontFamily: 'sans-serif', margin: 0 }}>{ui}</main>
      </StatusProvider>,
    ),
  );
  return host;
}

/** A page: a heading, the banner, and the host's video tile under it. */
function Page({ placement, contained }: { placement: BannerPlacement; contained?: boolean }) {
  return (
    <section data-testid="room" style={{ position: 'relative', width: 480, padding: 8, ['--zsk-z-banner' as string]: 4321 }}>
      <h1 style={{ margin: 0, fontSize: 18 }}>Live room</h1>
      <ReconnectingBanner placement={placement} contained={contained} onRetry={() => undefined} />
      <div data-testid="video" style={{ position: 'relative', zIndex: 5, width: 320, height: 180, background: '#123' }} />
    </section>
  );
}

const rectOf = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};

describe('banner placement: showing it does not move the page', () => {
  it('inline (the default) pushes the video down by the banner height: the layout shift the other placements avoid', () => {
    const t = setup();
    const page = mount(t.store, <Page placement="inline" />);
    act(() => t.login());
    const video = page.querySelector('[data-testid=video]')!;
    const before = rectOf(video);
    t.room('RECONNECTING', 1000017);
    const banner = page.querySelector('[role=status]')!;
    expect(banner).toHaveTextContent('Reconnecting…');
    expect(rectOf(video).y - before.y).toBeGreaterThan(20);
    expect(rectOf(video).y - before.y).toBeCloseTo(banner.getBoundingClientRect().height + 0, -1);
  });

  it.each([
    ['top', false],
    ['bottom', false],
    ['top', true],
    ['bottom', true],
  ] as const)('placement="%s" contained=%s: the video keeps its place; the banner sits there, above positioned content', (placement, contained) => {
    const t = setup();
    const page = mount(t.store, <Page placement={placement} contained={contained} />);
    act(() => t.login());
    const video = page.querySelector('[data-testid=video]')!;
    const section = page.querySelector('[data-testid=room]')!;
    const before = rectOf(video);
    t.room('RECONNECTING', 1000017);
    const banner = page.querySelector<HTMLElement>('[role=status]')!;
    expect(banner).toHaveTextContent('Reconnecting…');
    expect(banner).toHaveAttribute('data-placement', placement);
    expect(rectOf(video)).toEqual(before);

    const box = banner.getBoundingClientRect();
    expect(box.height).toBeGreaterThan(20);
    const frame = contained ? section.getBoundingClientRect() : { top: 0, bottom: window.innerHeight, left: 0, right: window.innerWidth };
    if (placement === 'top') expect(box.top - frame.top).toBeGreaterThanOrEqual(0);
    if (placement === 'top') expect(box.top - frame.top).toBeLessThan(20);
    if (placement === 'bottom') expect(frame.bottom - box.bottom).toBeGreaterThanOrEqual(0);
    if (placement === 'bottom') expect(frame.bottom - box.bottom).toBeLessThan(20);
    // Centred in its frame.
    expect((box.left + box.right) / 2).toBeCloseTo((frame.left + frame.right) / 2, -1);
    // --zsk-z-banner takes effect: the banner is on top where it overlaps the (z-index 5) video.
    expect(getComputedStyle(banner).zIndex).toBe('4321');
    const probe = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
    expect(banner.contains(probe)).toBe(true);
  });

  it('hidden again: the empty region still takes no space and no clicks', () => {
    const t = setup();
    const page = mount(t.store, <Page placement="top" />);
    act(() => t.login());
    const banner = page.querySelector<HTMLElement>('[role=status]')!;
    expect(banner).toHaveAttribute('data-state', 'hidden');
    expect(banner.getBoundingClientRect().height).toBe(0);
    expect(getComputedStyle(banner).pointerEvents).toBe('none');
  });
});

describe('focus after Retry', () => {
  it('banner: RECONNECT_FAILED, Retry (loginRoom emits LOGINING): focus on the new status region saying "Connecting…", not <body>', async () => {
    const t = setup();
    const page = mount(t.store, <ReconnectingBanner onRetry={() => t.room('LOGINING')} />);
    act(() => t.login());
    t.room('RECONNECTING', 1000017);
    act(() => t.clock.advance(5 * 60_000));
    t.room('RECONNECT_FAILED', 1002053);
    const alert = page.querySelector<HTMLElement>('[role=alert]')!;
    press(alert.querySelector('button')!);
    await act(async () => undefined);
    expect(alert.isConnected).toBe(false);
    const status = page.querySelector<HTMLElement>('[role=status]')!;
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(status);
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Connecting…');
    // Tab goes on from the banner, not from the top of the page.
    expect(status.tabIndex).toBe(-1);
  });

  it('banner: a Retry that the app answers later (async loginRoom) still lands on the status region', async () => {
    const t = setup();
    let login: () => void = () => undefined;
    const page = mount(t.store, <ReconnectingBanner onRetry={() => (login = () => t.room('LOGINING'))} />);
    t.room('LOGINING');
    t.room('LOGIN_FAILED', 1002033);
    press(page.querySelector('[role=alert] button')!);
    await act(async () => undefined);
    expect(document.activeElement).toBe(page.querySelector('[role=alert] button'));
    login();
    await act(async () => undefined);
    expect(document.activeElement).toBe(page.querySelector('[role=status]'));
  });

  it('banner: focus the user moved elsewhere before the retry answered stays there', async () => {
    const t = setup();
    let login: () => void = () => undefined;
    const page = mount(
      t.store,
      <>
        <ReconnectingBanner onRetry={() => (login = () => t.room('LOGINING'))} />
        <button type="button">Chat</button>
      </>,
    );
    t.room('LOGINING');
    t.room('LOGIN_FAILED', 1002033);
    press(page.querySelector('[role=alert] button')!);
    const chat = [...page.querySelectorAll('button')].find((button) => button.textContent === 'Chat')!;
    chat.focus();
    login();
    await act(async () => undefined);
    expect(document.activeElement).toBe(chat);
  });

  it('overlay: the policy gave up, Retry (PLAY_REQUESTING): focus on the status region saying "Connecting…"', async () => {
    const t = setup();
    const page = mount(
      t.store,
      <div className="zsk-stream" style={{ width: 320, height: 180 }}>
        <StreamRemovedOverlay
          streamID={STREAM}
          onRetry={() => {
            // What the audience policy's retry does: count afresh, then startPlayingStream.
            t.emit({ type: 'replayCancelled', target: 'player', streamID: STREAM, reset: true });
            t.player('PLAY_REQUESTING');
          }}
        />
      </div>,
    );
    act(() => t.login());
    t.emit({ type: 'roomStreamUpdate', roomID: ROOM, updateType: 'ADD', streamList: [{ streamID: STREAM, user: { userID: 'host' } }] });
    t.player('PLAYING');
    t.player('NO_PLAY', 1004020);
    t.emit({ type: 'replayGaveUp', target: 'player', streamID: STREAM, attempts: 1 });
    press(page.querySelector('[role=alert] button')!);
    await act(async () => undefined);
    const status = page.querySelector<HTMLElement>('[role=status]')!;
    expect(document.activeElement).toBe(status);
    expect(status).toHaveTextContent('Connecting…');
  });
});
