/**
 * Issue 14, simulator: the browser going offline. `offline` fires at once on
 * the engine's own event target (never the real window); the SDK's
 * RECONNECTING comes 8 s later, as web SDK 3.12.0 holds the first one back
 * (ZegoExpressWebRTC `_roomStateHandle`), and not at all if the browser is
 * back by then; RECONNECTED after `online`. Others lose the user at T + 90 s
 * (seed 003) as with any drop. T is goOffline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { selectOfflineSince } from '../../src/core/media-selectors.js';
import { selectRoom } from '../../src/core/selectors.js';
import { HEARTBEAT_TIMEOUT_MS } from '../../src/core/status.js';
import { PUBLISH_LATENCY_MS, SimulatorErrorCode, WEB_RECONNECTING_DELAY_MS } from '../../src/simulator/index.js';
import { ROOM, SECOND, liveRoom, liveRoomSeenBy, type LiveRoom } from './simulator-health-helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The connectivity events of the host's tab, [ms since `t0`, type]. */
function connectivityOf(live: LiveRoom) {
  const events: [number, string][] = [];
  for (const type of ['online', 'offline']) live.host.connectivity!.addEventListener(type, (event) => events.push([live.clock.now(), event.type]));
  return (t0: number) => events.map(([at, type]) => [at - t0, type]);
}

const rooms = (live: LiveRoom, t0: number) => live.hostCalls.after('roomStateChanged', t0 - 1).map(([at, , , reason, code]) => [at - 1, reason, code]);

describe('goOffline / goOnline', () => {
  it('T: offline at once; T + 8 s: RECONNECTING 1000017; T + 20 s goOnline: online, RECONNECTED', async () => {
    const live = await liveRoom();
    const { clock, host } = live;
    const events = connectivityOf(live);
    const t = clock.now();
    host.goOffline();
    expect(events(t)).toEqual([[0, 'offline']]);
    expect(host.onLine).toBe(false);
    clock.advance(WEB_RECONNECTING_DELAY_MS - 1);
    expect(rooms(live, t)).toEqual([]);
    clock.advance(1);
    expect(rooms(live, t)).toEqual([[WEB_RECONNECTING_DELAY_MS, 'RECONNECTING', SimulatorErrorCode.RECONNECTING]]);
    clock.advance(12 * SECOND);
    host.goOnline();
    expect(events(t)).toEqual([
      [0, 'offline'],
      [20 * SECOND, 'online'],
    ]);
    expect(rooms(live, t).at(-1)).toEqual([20 * SECOND, 'RECONNECTED', 0]);
    expect(host.onLine).toBe(true);
  });

  it('back within 8 s: the SDK says nothing at all (no RECONNECTING, no RECONNECTED); publishing resumes', async () => {
    const live = await liveRoom();
    const { clock, host, hostCalls } = live;
    const t = clock.now();
    host.goOffline();
    clock.advance(5 * SECOND);
    host.goOnline();
    clock.advance(30 * SECOND);
    expect(rooms(live, t)).toEqual([]);
    expect(hostCalls.after('publisherStateUpdate', t - 1).map(([at, , result]) => [at - 1, (result as { state: string }).state])).toEqual([
      [0, 'PUBLISH_REQUESTING'],
      [5 * SECOND + PUBLISH_LATENCY_MS, 'PUBLISHING'],
    ]);
  });

  it('the media stops at T, not at T + 8 s: the viewer\'s player retries at once; T + 90 s the viewer loses the host\'s stream', async () => {
    const live = await liveRoom();
    const { clock, host, viewerCalls } = live;
    clock.advance(SECOND);
    const t = clock.now();
    host.goOffline();
    expect(viewerCalls.after('playerStateUpdate', t - 1).map(([at, , result]) => [at - 1, (result as { state: string }).state])).toEqual([[0, 'PLAY_REQUESTING']]);
    clock.advance(HEARTBEAT_TIMEOUT_MS);
    expect(viewerCalls.after('roomStreamUpdate', t).map(([at, , , type, , data]) => [at, type, data])).toEqual([
      [HEARTBEAT_TIMEOUT_MS, 'DELETE', '{"stream_delete_reason":2}'],
    ]);
  });

  it('twice offline, twice online: one event each; the real window is never touched', async () => {
    const window = { addEventListener: vi.fn(), removeEventListener: vi.fn(), dispatchEvent: vi.fn() };
    vi.stubGlobal('window', window);
    vi.stubGlobal('dispatchEvent', window.dispatchEvent);
    const live = await liveRoom();
    const events = connectivityOf(live);
    const t = live.clock.now();
    live.host.goOffline();
    live.host.goOffline();
    live.host.goOnline();
    live.host.goOnline();
    expect(events(t)).toEqual([
      [0, 'offline'],
      [0, 'online'],
    ]);
    expect(window.dispatchEvent).not.toHaveBeenCalled();
    expect(live.host.connectivity).not.toBe(globalThis);
  });

  it('through the kit: the app forwards the tab\'s events; "offline" in the store at T, the room still LOGINED until T + 8 s', async () => {
    // mediaHealth({ browserConnectivity: false }): the kit's own window listener is not this tab's.
    const live = await liveRoomSeenBy('host');
    const { store, clock, host } = live;
    for (const type of ['online', 'offline'] as const) {
      host.connectivity!.addEventListener(type, () => store.dispatch({ type, at: clock.now() }));
    }
    const t = live.clock.now();
    live.host.goOffline();
    expect(selectOfflineSince(store.getState())).toBe(t);
    expect(selectRoom(store.getState(), ROOM).reason).toBe('LOGINED');
    live.clock.advance(WEB_RECONNECTING_DELAY_MS);
    expect(selectRoom(store.getState(), ROOM)).toMatchObject({ reason: 'RECONNECTING' });
    live.host.goOnline();
    expect(selectOfflineSince(store.getState())).toBeNull();
    expect(selectRoom(store.getState(), ROOM).reason).toBe('RECONNECTED');
  });

  it('dropNetwork keeps saying RECONNECTING at once (the seed 003 timelines)', async () => {
    const live = await liveRoom();
    const t = live.clock.now();
    live.host.dropNetwork();
    expect(rooms(live, t)).toEqual([[0, 'RECONNECTING', SimulatorErrorCode.RECONNECTING]]);
  });
});
