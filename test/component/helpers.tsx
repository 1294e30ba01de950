/**
 * A store on a manual clock, events stamped with the clock's time, and a
 * render that wraps in StatusProvider; plus a fake web engine.
 */
import { render, within, type RenderOptions } from '@testing-library/react';
import { expect } from 'vitest';
import type { ReactElement, ReactNode } from 'react';
import { createManualClock } from '../../src/core/clock.js';
import type { StatusEvent, ZegoStream } from '../../src/core/events.js';
import { createStatusStore, type StatusStore, type StatusStoreOptions } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { en } from '../../src/react/i18n/en.js';
import type { StatusMessages } from '../../src/react/i18n/messages.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';

type WithoutAt<E> = E extends StatusEvent ? Omit<E, 'at'> : never;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const ROOM = 'r1';

export const LOCALES: readonly [string, StatusMessages][] = [
  ['en', en],
  ['zh-CN', zhCN],
];

export function setup(options: StatusStoreOptions = {}) {
  const clock = createManualClock();
  const store = createStatusStore({ clock, roomRetryTimeMs: 5 * MINUTE, ...options });
  const emit = (event: WithoutAt<StatusEvent>) => store.dispatch({ ...event, at: clock.now() } as StatusEvent);
  const room = (reason: string, errorCode = 0, extendedData?: string, roomID = ROOM) =>
    emit({ type: 'roomStateChanged', roomID, reason: reason as never, errorCode, ...(extendedData !== undefined && { extendedData }) });
  const streams = (updateType: 'ADD' | 'DELETE', streamList: ZegoStream[], extendedData?: string, roomID = ROOM) =>
    emit({ type: 'roomStreamUpdate', roomID, updateType, streamList, ...(extendedData !== undefined && { extendedData }) });
  const player = (streamID: string, state: string, errorCode = 0) =>
    emit({ type: 'playerStateUpdate', streamID, state: state as never, errorCode });
  /** T0 loginRoom, T1 ≈ T0 + 120 ms LOGINED (seed 003). */
  const login = () => {
    room('LOGINING');
    clock.advance(120);
    room('LOGINED');
  };
  const wrap = (messages: Partial<StatusMessages> = en) =>
    function Wrapper({ children }: { children?: ReactNode }) {
      return (
        <StatusProvider store={store} messages={messages}>
          {children}
        </StatusProvider>
      );
    };
  const view = (ui: ReactElement, messages: Partial<StatusMessages> = en, options: RenderOptions = {}) =>
    render(ui, { wrapper: wrap(messages), ...options });
  return { clock, store, emit, room, streams, player, login, wrap, view };
}

export type Setup = ReturnType<typeof setup>;

/** A web-engine stand-in: counts handlers per event, records plays, resolves them with fake media. */
export function createFakeWebEngine() {
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const calls: string[] = [];
  const engine = {
    on(event: string, callback: (...args: unknown[]) => void) {
      calls.push(`on ${event}`);
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(callback);
      return true;
    },
    off(event: string, callback: (...args: unknown[]) => void) {
      calls.push(`off ${event}`);
      handlers.get(event)?.delete(callback);
      return true;
    },
    startPlayingStream(streamID: string) {
      calls.push(`start ${streamID}`);
      return Promise.resolve({ id: `media-${streamID}` } as unknown as MediaStream);
    },
    stopPlayingStream(streamID: string) {
      calls.push(`stop ${streamID}`);
    },
    emit(event: string, ...args: unknown[]) {
      handlers.get(event)?.forEach((callback) => callback(...args));
    },
    handlerCount(event?: string) {
      if (event) return handlers.get(event)?.size ?? 0;
      let n = 0;
      handlers.forEach((set) => (n += set.size));
      return n;
    },
    calls,
    count: (prefix: string) => calls.filter((c) => c === prefix).length,
  };
  return engine;
}

/**
 * Asserts that `container` holds one component root with nothing to show: the
 * polite live region, mounted, empty, `data-state="hidden"`, and no alert.
 * With `same`, it must be that very node (text lands in a region that was
 * already there, so screen readers announce it). Returns the region.
 */
export function expectEmptyLiveRegion(container: HTMLElement, same?: HTMLElement): HTMLElement {
  const region = within(container).getByRole('status');
  if (same) expect(region).toBe(same);
  expect(container.children).toHaveLength(1);
  expect(region).toHaveAttribute('aria-live', 'polite');
  expect(region).toHaveAttribute('data-state', 'hidden');
  expect(region).toBeEmptyDOMElement();
  expect(within(container).queryByRole('alert')).toBeNull();
  expect(within(container).queryByRole('button')).toBeNull();
  return region;
}

/** The host's stream of the overlay tests. */
export const HOST = { streamID: 'host-main', user: { userID: 'host', userName: 'Host' } };

/** Logged in, the host's stream ADDed, and its player PLAY_REQUESTING then PLAYING. */
export function playing(t: Setup): void {
  t.login();
  t.streams('ADD', [HOST]);
  t.player('host-main', 'PLAY_REQUESTING');
  t.player('host-main', 'PLAYING');
}
