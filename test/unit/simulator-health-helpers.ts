/**
 * Shared set-up for the simulator's media-health suites: a host that
 * publishes a captured camera-and-microphone stream and a viewer that plays
 * it, on a manual clock, with every callback each engine sends recorded as
 * [ms since the mark, event, ...args].
 */
import { connectZegoWeb } from '../../src/adapters/index.js';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import { createStatusStore, type StatusStore } from '../../src/core/store.js';
import {
  LOGIN_LATENCY_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SIMULATED_EVENTS,
  createSimulatedRoom,
  type SimulatedEngine,
  type SimulatedMediaStream,
  type SimulatedRoom,
  type SimulatedRoomOptions,
} from '../../src/simulator/index.js';

export const ROOM = 'room-1';
export const STREAM = 'host-main';
export const SECOND = 1000;

export type Call = [at: number, event: string, ...args: unknown[]];

/** Every callback `engine` sends, from now on, stamped with the clock. */
export function record(engine: SimulatedEngine, clock: ManualClock, events: readonly string[] = SIMULATED_EVENTS) {
  const calls: Call[] = [];
  for (const event of events) engine.on(event, (...args: unknown[]) => calls.push([clock.now(), event, ...args]));
  return {
    calls,
    /** The calls of `event` (or any of `events`) since `t0`, times relative to it. */
    of(event: string | readonly string[], t0 = 0): Call[] {
      const names = typeof event === 'string' ? [event] : event;
      return calls.filter(([at, name]) => names.includes(name) && at >= t0).map(([at, ...rest]) => [at - t0, ...rest] as Call);
    },
    /** As {@link of}, strictly after `t0`. */
    after(event: string | readonly string[], t0: number): Call[] {
      return this.of(event, t0).filter(([at]) => at > 0);
    },
    clear() {
      calls.length = 0;
    },
  };
}

export type Recorder = ReturnType<typeof record>;

export interface LiveRoom {
  readonly clock: ManualClock;
  readonly room: SimulatedRoom;
  readonly host: SimulatedEngine;
  readonly viewer: SimulatedEngine;
  /** What the host publishes (createZegoStream). */
  readonly camera: SimulatedMediaStream;
  /** What the viewer plays. */
  readonly played: SimulatedMediaStream;
  readonly hostCalls: Recorder;
  readonly viewerCalls: Recorder;
  /** When the viewer's PLAYING came. */
  readonly playingAt: number;
}

/**
 * The host logs in and publishes a captured stream (`createZegoStream`
 * unless `publishWith` says otherwise), the viewer logs in and plays it;
 * returns once the viewer is PLAYING, with recorders on both engines
 * attached from the start (so the quality reports run).
 */
export async function liveRoom(
  options: Partial<SimulatedRoomOptions> & {
    events?: readonly string[];
    /** Runs once the engines exist, before anyone logs in (connect adapters here). */
    before?: (engines: { clock: ManualClock; host: SimulatedEngine; viewer: SimulatedEngine }) => void;
  } = {},
): Promise<LiveRoom> {
  const clock = createManualClock();
  const room = createSimulatedRoom({ clock, ...options });
  const host = room.createEngine({ userID: 'host', userName: 'Host' });
  const viewer = room.createEngine({ userID: 'viewer', userName: 'Viewer' });
  options.before?.({ clock, host, viewer });
  const hostCalls = record(host, clock, options.events);
  const viewerCalls = record(viewer, clock, options.events);
  const camera = await host.createZegoStream();
  void host.loginRoom(ROOM, 'token', host.user);
  void viewer.loginRoom(ROOM, 'token', viewer.user);
  clock.advance(LOGIN_LATENCY_MS);
  host.startPublishingStream(STREAM, camera);
  clock.advance(PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS);
  const play = viewer.startPlayingStream(STREAM);
  clock.advance(PLAY_LATENCY_MS);
  const played = await play;
  return { clock, room, host, viewer, camera, played, hostCalls, viewerCalls, playingAt: clock.now() };
}

/** How a simulated call's promise settled, without waiting on anything but microtasks. */
export async function outcome(promise: Promise<unknown>): Promise<{ resolved: unknown } | { rejected: unknown }> {
  try {
    return { resolved: await promise };
  } catch (error) {
    return { rejected: error };
  }
}

/** Advances the clock to `at` (absolute). */
export function advanceTo(clock: ManualClock, at: number): void {
  clock.advance(Math.max(0, at - clock.now()));
}

/**
 * {@link liveRoom} with the kit watching one side: a store with the
 * `mediaHealth()` extension (no window listener) fed by connectZegoWeb from
 * before the login, so it knows the room and the stream.
 */
export async function liveRoomSeenBy(
  side: 'host' | 'viewer',
  options: Omit<Parameters<typeof liveRoom>[0] & object, 'before' | 'events'> = {},
): Promise<LiveRoom & { store: StatusStore }> {
  let store: StatusStore | undefined;
  const live = await liveRoom({
    ...options,
    events: [],
    before: (engines) => {
      store = createStatusStore({ clock: engines.clock, extensions: [mediaHealth({ browserConnectivity: false })] });
      connectZegoWeb(engines[side], store);
    },
  });
  return { ...live, store: store! };
}
