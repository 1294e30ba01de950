/**
 * Issue 13, "join, then show the room": the room screen mounts after
 * `loginRoom` was called, in each of the ways the README shows — the adapter
 * connected once where the engine is created, or `useZegoWeb` handed the
 * login — mounted 1 s after the login resolved and while it is still logging
 * in. The badge says Connected / Connecting, and a later network drop (the
 * simulator's dropNetwork) shows the banner. Plus: the retry budget passed as
 * the README passes it, and what happens when the app gives the kit nothing.
 * Simulator engines on a manual clock, jsdom.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { connectZegoWeb } from '../../src/adapters/zego-web.js';
import { createManualClock } from '../../src/core/clock.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import { ConnectionStatusBadge } from '../../src/react/connection-status-badge.js';
import { StatusProvider } from '../../src/react/context.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { useZegoWeb } from '../../src/react/use-zego-web.js';
import { createSimulatedRoom, LOGIN_LATENCY_MS, type SimulatedEngine } from '../../src/simulator/index.js';

const SECOND = 1000;
const ROOM = 'live-1';

let warn: MockInstance;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

/** What an app has before its room screen: an engine, a store, a host publishing in the room. */
function app(roomRetryTimeS = 300) {
  const clock = createManualClock();
  const server = createSimulatedRoom({ clock, roomRetryTimeMs: roomRetryTimeS * SECOND });
  const zg = server.createEngine({ userID: 'viewer', userName: 'Viewer' });
  const host = server.createEngine({ userID: 'host', userName: 'Host' });
  void host.loginRoom(ROOM, 'token');
  clock.advance(SECOND);
  host.startPublishingStream('host-main');
  clock.advance(SECOND);
  const store = createStatusStore({ clock });
  return { clock, zg, host, store };
}

/** The README's room screen, without an adapter: the engine was connected where it was created. */
function RoomScreen({ roomID }: { roomID: string }) {
  return (
    <>
      <ConnectionStatusBadge roomID={roomID} />
      <ReconnectingBanner roomID={roomID} />
    </>
  );
}

/** The README's room screen for apps that prefer the hook: it is handed the login. */
function HookRoomScreen({ zg, roomID, login }: { zg: SimulatedEngine; roomID: string; login?: Promise<boolean> }) {
  useZegoWeb(zg, { roomID, login });
  return <RoomScreen roomID={roomID} />;
}

const mount = (store: StatusStore, ui: React.ReactElement) => render(<StatusProvider store={store}>{ui}</StatusProvider>);
const badge = () => screen.getByRole('img');
/** Settles promises (the login's), inside act. */
const settle = () => act(async () => {});

type Way = 'connected where the engine is created' | 'useZegoWeb(zg, { roomID, login })';
const WAYS: Way[] = ['connected where the engine is created', 'useZegoWeb(zg, { roomID, login })'];

/** Joins, then shows the room screen `mountAfterMs` after loginRoom, the way the README shows. */
async function joinThenShow(way: Way, mountAfterMs: number) {
  const t = app();
  if (way === 'connected where the engine is created') connectZegoWeb(t.zg, t.store);
  const login = t.zg.loginRoom(ROOM, 'token', { userID: 'viewer' });
  t.clock.advance(mountAfterMs);
  mount(t.store, way === 'connected where the engine is created' ? <RoomScreen roomID={ROOM} /> : <HookRoomScreen zg={t.zg} roomID={ROOM} login={login} />);
  await settle();
  return { ...t, login };
}

describe.each(WAYS)('the room screen mounts after the login: %s', (way) => {
  it('1 s after the login resolved: Connected; a later network drop shows the banner', async () => {
    const t = await joinThenShow(way, LOGIN_LATENCY_MS + SECOND);
    expect(badge()).toHaveAccessibleName('Connection: Connected');
    await act(async () => t.zg.dropNetwork());
    expect(badge()).toHaveAccessibleName('Connection: Reconnecting');
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    await act(async () => t.clock.advance(10 * SECOND));
    expect(screen.getByRole('status')).toHaveTextContent('Offline for 10 s');
    expect(warn).not.toHaveBeenCalled();
  });

  it('while it is still logging in: Connecting, then Connected; a later network drop shows the banner', async () => {
    const t = await joinThenShow(way, LOGIN_LATENCY_MS / 2);
    expect(badge()).toHaveAccessibleName('Connection: Connecting');
    await act(async () => t.clock.advance(LOGIN_LATENCY_MS));
    await settle();
    expect(badge()).toHaveAccessibleName('Connection: Connected');
    await act(async () => t.zg.dropNetwork());
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the room screen mounts after the login, and the app gives the kit nothing', () => {
  it('the room’s first stream or user update shows the user in it; one development warning names the fix', async () => {
    const t = app();
    const login = t.zg.loginRoom(ROOM, 'token', { userID: 'viewer' }, { userUpdate: true });
    t.clock.advance(LOGIN_LATENCY_MS + SECOND);
    await login;
    mount(t.store, <HookRoomScreen zg={t.zg} roomID={ROOM} />);
    await settle();
    expect(badge()).toHaveAccessibleName('Connection: Not connected'); // nothing the kit could know yet
    await act(async () => {
      t.host.stopPublishingStream('host-main'); // the viewer receives the stream DELETE
      t.clock.advance(SECOND);
    });
    expect(badge()).toHaveAccessibleName('Connection: Connected');
    await act(async () => t.zg.dropNetwork());
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/whose login this store never saw.*useZegoWeb\(zg, \{ roomID, login \}\)/);
  });
});

describe('the retry budget, passed as the README passes it', () => {
  const ROOM_RETRY_TIME_S = 20; // zg.setEngineConfig({ roomRetryTime: ROOM_RETRY_TIME_S })

  it('with the SDK at 20 s the banner counts down to the SDK’s RECONNECT_FAILED, not to the 5 min default', async () => {
    const t = app(ROOM_RETRY_TIME_S);
    connectZegoWeb(t.zg, t.store, { roomRetryTimeMs: ROOM_RETRY_TIME_S * 1000 });
    void t.zg.loginRoom(ROOM, 'token');
    t.clock.advance(SECOND);
    mount(t.store, <RoomScreen roomID={ROOM} />);
    await settle();
    await act(async () => t.zg.dropNetwork());
    expect(screen.getByRole('status')).toHaveTextContent('gives up in 20 s');
    await act(async () => t.clock.advance(19 * SECOND));
    // One second before the failure.
    expect(screen.getByRole('status')).toHaveTextContent('gives up in 1 s');
    await act(async () => t.clock.advance(SECOND));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reconnect');
  });
});
