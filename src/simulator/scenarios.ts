/**
 * ZEGO's documented timelines as named scenarios. Each one sets up a room and its
 * engines and schedules its steps on the clock — nothing happens until the
 * clock moves, so adapters and stores can be attached to `run.engines` first:
 *
 * ```ts
 * const run = scenarios.longDrop({ clock });
 * connectZegoWeb(run.engines.a, storeA);
 * connectZegoWeb(run.engines.b, storeB);
 * clock.advance(run.endsAt - clock.now());
 * ```
 *
 * Only the engines' own behaviour is scripted; what an app does in reply
 * (stop playing on a stream DELETE, play again on ADD, replay after 3 s) is
 * left to the app or the audience policy, so a scenario shows both.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { ZegoUser } from '../core/events.js';
import {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
} from './constants.js';
import { createSimulatedRoom, type SimulatedEngine, type SimulatedRoom } from './room.js';

/**
 * Options every scenario takes.
 *
 * @example
 * ```ts
 * const run = scenarios.reconnectFailed({ clock: createManualClock(), roomRetryTimeMs: 60_000 });
 * ```
 */
export interface ScenarioOptions {
  clock: Clock;
  /** An existing simulated room to run in; by default a new one on `clock`. */
  room?: SimulatedRoom | undefined;
  /** Default `'room-1'`. */
  roomID?: string | undefined;
  /** For a new room: default 90 s ("Express SDK: disconnection and reconnection"). */
  heartbeatTimeoutMs?: number | undefined;
  /** For a new room: default 5 min, the web SDK's (the Web "Room connection status"). */
  roomRetryTimeMs?: number | undefined;
}

/**
 * A scenario that has been set up: its engines, the document's marks as clock
 * times, and when its last expected callback has arrived.
 *
 * @example
 * ```ts
 * const run = scenarios.briefDrop({ clock });
 * clock.advance(run.marks.T3 - clock.now()); // up to the drop
 * ```
 */
export interface ScenarioRun<E extends string = string, M extends string = string> {
  readonly name: ScenarioName;
  readonly description: string;
  readonly room: SimulatedRoom;
  readonly roomID: string;
  readonly engines: Readonly<Record<E, SimulatedEngine>>;
  /** The document's marks (T0 loginRoom, T1 logged in, T3 outage, ...) as absolute clock times. */
  readonly marks: Readonly<Record<M, number>>;
  /** When the scenario's last expected callback has arrived. */
  readonly endsAt: number;
  /** Cancels the steps not yet run. */
  cancel(): void;
}

/** Users the scenarios log in. */
const USERS = Object.freeze({
  a: { userID: 'user-a', userName: 'Alice' },
  b: { userID: 'user-b', userName: 'Bob' },
  host: { userID: 'host', userName: 'Host' },
  viewer: { userID: 'viewer', userName: 'Viewer' },
} satisfies Record<string, ZegoUser>);

/**
 * Fixed times the scenarios use, relative to their marks. Documented times come
 * from {@link LOGIN_LATENCY_MS} etc.; these are the scripted moments.
 *
 * @example
 * ```ts
 * SCENARIO_TIMING.outageAfterLoginMs; // T3 = T0 + 10 s
 * ```
 */
export const SCENARIO_TIMING = Object.freeze({
  /** The other user (B, the viewer) logs in first; A or the host logs in (T0) this long after the start. */
  leadMs: 1_000,
  /** T3 = T0 + 10 s: the outage, kick or fault. */
  outageAfterLoginMs: 10_000,
  /** Case 1: back 30 s after T3 (< 90 s heartbeat timeout, "Express SDK: disconnection and reconnection"). */
  briefOutageMs: 30_000,
  /** Case 2: back this long after the heartbeat timeout (T3 + 120 s: > 90 s, < 5 min). */
  longOutageAfterHeartbeatMs: 30_000,
  /** A host publishes this long after its loginRoom. */
  publishAfterLoginMs: 500,
  /** The viewer starts playing this long after the host's loginRoom. */
  playAfterHostLoginMs: 1_000,
  /** Host crash: the restarted app logs in again 30 s after the crash (< 90 s, "Express SDK: disconnection and reconnection"). */
  restartAfterCrashMs: 30_000,
  /** Error code used by the playFailure scenario (all nodes failed). */
  playFailureCode: SimulatorErrorCode.PLAY_RETRY_FAILED,
  /** Error code used by the publishFailure scenario (a 1003xxx publish error of describeError's catalog). */
  publishFailureCode: 1003020,
});

const TOKEN = 'simulated-token';
const HOST_STREAM_ID = 'host-main';

interface Script {
  readonly room: SimulatedRoom;
  readonly roomID: string;
  readonly start: number;
  at(time: number, step: () => void): void;
  login(engine: SimulatedEngine, time: number): void;
  cancel(): void;
}

function script(options: ScenarioOptions): Script {
  const { clock } = options;
  const room =
    options.room ??
    createSimulatedRoom({
      clock,
      ...(options.heartbeatTimeoutMs !== undefined && { heartbeatTimeoutMs: options.heartbeatTimeoutMs }),
      ...(options.roomRetryTimeMs !== undefined && { roomRetryTimeMs: options.roomRetryTimeMs }),
    });
  const roomID = options.roomID ?? 'room-1';
  const start = clock.now();
  const handles = new Set<TimerHandle>();
  const at = (time: number, step: () => void) => {
    const handle = clock.setTimeout(() => {
      handles.delete(handle);
      step();
    }, Math.max(0, time - clock.now()));
    handles.add(handle);
  };
  return {
    room,
    roomID,
    start,
    at,
    login(engine, time) {
      // Failures show up as LOGIN_FAILED; the promise is handled so nothing goes unreported.
      at(time, () => void engine.loginRoom(roomID, TOKEN, engine.user, { userUpdate: true }).catch(() => undefined));
    },
    cancel() {
      for (const handle of handles) clock.clearTimeout(handle);
      handles.clear();
    },
  };
}

function finish<E extends string, M extends string>(
  s: Script,
  name: ScenarioName,
  description: string,
  engines: Record<E, SimulatedEngine>,
  marks: Record<M, number>,
  endsAt: number,
): ScenarioRun<E, M> {
  return { name, description, room: s.room, roomID: s.roomID, engines, marks, endsAt, cancel: s.cancel };
}

/** B is in the room; A logs in at T0. */
function twoUsers(options: ScenarioOptions) {
  const s = script(options);
  const a = s.room.createEngine(USERS.a);
  const b = s.room.createEngine(USERS.b);
  const T0 = s.start + SCENARIO_TIMING.leadMs;
  const T1 = T0 + LOGIN_LATENCY_MS;
  s.login(b, s.start);
  s.login(a, T0);
  return { s, a, b, T0, T1, T2: T1 + PROPAGATION_DELAY_MS, T3: T0 + SCENARIO_TIMING.outageAfterLoginMs };
}

/** The viewer is in the room; the host logs in at T0 and publishes; the viewer plays it. */
function hostAndViewer(options: ScenarioOptions, { play = true } = {}) {
  const s = script(options);
  const host = s.room.createEngine(USERS.host);
  const viewer = s.room.createEngine(USERS.viewer);
  const T0 = s.start + SCENARIO_TIMING.leadMs;
  s.login(viewer, s.start);
  s.login(host, T0);
  const published = T0 + SCENARIO_TIMING.publishAfterLoginMs;
  s.at(published, () => host.startPublishingStream(HOST_STREAM_ID));
  const playing = T0 + SCENARIO_TIMING.playAfterHostLoginMs;
  if (play) s.at(playing, () => void viewer.startPlayingStream(HOST_STREAM_ID).catch(() => undefined));
  return {
    s,
    host,
    viewer,
    T0,
    T1: T0 + LOGIN_LATENCY_MS,
    /** Viewer hears the stream ADD. */
    streamAdded: published + PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS,
    /** Viewer's player is PLAYING. */
    playing: playing + PLAY_LATENCY_MS,
    T3: T0 + SCENARIO_TIMING.outageAfterLoginMs,
  };
}

function loginOk(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2 } = twoUsers(options);
  return finish(s, 'loginOk', 'T0 A logs in; T1 ≈ T0 + 120 ms LOGINING then LOGINED; T2 ≈ T1 + 100 ms B sees A join (seed 003).', { a, b }, { T0, T1, T2 }, T2);
}

function tokenExpired(options: ScenarioOptions) {
  const s = script(options);
  const a = s.room.createEngine(USERS.a);
  a.expireToken();
  const T0 = s.start + SCENARIO_TIMING.leadMs;
  const T1 = T0 + LOGIN_LATENCY_MS;
  s.login(a, T0);
  return finish(s, 'tokenExpired', 'T0 A logs in with an expired token; T1 LOGIN_FAILED 1002033 and loginRoom rejects (seed 002).', { a }, { T0, T1 }, T1);
}

function briefDrop(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2, T3 } = twoUsers(options);
  const T5 = T3 + SCENARIO_TIMING.briefOutageMs;
  s.at(T3, () => a.dropNetwork());
  s.at(T5, () => a.restoreNetwork());
  return finish(
    s,
    'briefDrop',
    'Case 1: T3 A RECONNECTING; T5 = T3 + 30 s RECONNECTED, before the 90 s heartbeat timeout: B sees nothing (seed 003).',
    { a, b },
    { T0, T1, T2, T3, T5 },
    T5 + PROPAGATION_DELAY_MS,
  );
}

function longDrop(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2, T3 } = twoUsers(options);
  const T4 = T3 + s.room.heartbeatTimeoutMs;
  const T5 = T4 + SCENARIO_TIMING.longOutageAfterHeartbeatMs;
  const T6 = T5 + PROPAGATION_DELAY_MS;
  s.at(T3, () => a.dropNetwork());
  s.at(T5, () => a.restoreNetwork());
  return finish(
    s,
    'longDrop',
    "Case 2: T3 A RECONNECTING; T4' = T3 + 90 s B loses A; T5' = T3 + 120 s A RECONNECTED; T6' ≈ T5' + 100 ms B sees A again (seed 003).",
    { a, b },
    { T0, T1, T2, T3, T4, T5, T6 },
    T6,
  );
}

function reconnectFailed(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2, T3 } = twoUsers(options);
  const T4 = T3 + s.room.heartbeatTimeoutMs;
  const T5 = T3 + s.room.roomRetryTimeMs;
  s.at(T3, () => a.dropNetwork());
  return finish(
    s,
    'reconnectFailed',
    "Case 3: T3 A RECONNECTING; T4'' = T3 + 90 s B loses A; T5'' = T3 + retry budget A RECONNECT_FAILED 1002053 (seed 003 / 002).",
    { a, b },
    { T0, T1, T2, T3, T4, T5 },
    Math.max(T4, T5),
  );
}

function kickedByDuplicateLogin(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2, T3 } = twoUsers(options);
  const aElsewhere = s.room.createEngine(USERS.a);
  const T4 = T3 + LOGIN_LATENCY_MS;
  s.login(aElsewhere, T3);
  return finish(
    s,
    'kickedByDuplicateLogin',
    'T3 the same userID logs in on another device; T4 = T3 + 120 ms it is in and A gets KICKOUT 1002050 (seed 002); B keeps seeing the user.',
    { a, aElsewhere, b },
    { T0, T1, T2, T3, T4 },
    T4 + PROPAGATION_DELAY_MS,
  );
}

/** The custom message the kickedByServer scenario sends. */
const KICKOUT_MESSAGE = 'Removed by the moderator';

function kickedByServer(options: ScenarioOptions) {
  const { s, a, b, T0, T1, T2, T3 } = twoUsers(options);
  const T4 = T3 + PROPAGATION_DELAY_MS;
  s.at(T3, () => a.kick(SimulatorErrorCode.KICKED_BY_SERVER, KICKOUT_MESSAGE));
  return finish(
    s,
    'kickedByServer',
    `T3 the server kicks A: KICKOUT 1002055 with extendedData {"custom_kickout_message":"${KICKOUT_MESSAGE}"}; T4 ≈ T3 + 100 ms B sees A leave.`,
    { a, b },
    { T0, T1, T2, T3, T4 },
    T4,
  );
}

function hostDropWithStreamDelete(options: ScenarioOptions) {
  const h = hostAndViewer(options);
  const { s, host, viewer, T0, T1, T3 } = h;
  const noPlay = T3 + PLAYER_RETRY_TIMEOUT_MS;
  const T4 = T3 + s.room.heartbeatTimeoutMs;
  const T5 = T4 + SCENARIO_TIMING.longOutageAfterHeartbeatMs;
  const T6 = T5 + PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS;
  s.at(T3, () => host.dropNetwork());
  s.at(T5, () => host.restoreNetwork());
  return finish(
    s,
    'hostDropWithStreamDelete',
    'Host network loss: T3 host RECONNECTING, viewer PLAY_REQUESTING; T3 + 10 s viewer NO_PLAY 1004020; T3 + 90 s viewer gets stream DELETE (stream_delete_reason 2) and user DELETE; T5 = T3 + 120 s host RECONNECTED, publishing resumes, viewer gets the user ADD then the stream ADD (seed 003).',
    { host, viewer },
    { T0, T1, streamAdded: h.streamAdded, playing: h.playing, T3, noPlay, T4, T5, T6 },
    T6,
  );
}

function hostCrashFastRestart(options: ScenarioOptions) {
  const h = hostAndViewer(options);
  const { s, host, viewer, T0, T1, T3 } = h;
  const hostRestarted = s.room.createEngine(USERS.host);
  const restart = T3 + SCENARIO_TIMING.restartAfterCrashMs;
  const T4 = restart + LOGIN_LATENCY_MS;
  const T5 = T4 + PROPAGATION_DELAY_MS;
  const republish = restart + SCENARIO_TIMING.publishAfterLoginMs;
  const T6 = republish + PUBLISH_LATENCY_MS + PROPAGATION_DELAY_MS;
  s.at(T3, () => host.crash());
  s.login(hostRestarted, restart);
  s.at(republish, () => hostRestarted.startPublishingStream(HOST_STREAM_ID));
  return finish(
    s,
    'hostCrashFastRestart',
    'Host crash: T3 the host app dies; T3 + 30 s it restarts and logs in (T4 = + 120 ms): the viewer gets the stream DELETE (T5, stream_delete_reason 3), then the ADD when it republishes (T6) (seed 003).',
    { host, hostRestarted, viewer },
    { T0, T1, streamAdded: h.streamAdded, playing: h.playing, T3, restart, T4, T5, T6 },
    T6,
  );
}

function playFailure(options: ScenarioOptions) {
  const h = hostAndViewer(options, { play: false });
  const { s, host, viewer, T0, T1 } = h;
  const T3 = h.streamAdded + 1_000;
  const T4 = T3 + PLAY_LATENCY_MS;
  s.at(T3, () => {
    viewer.failNextPlay(SCENARIO_TIMING.playFailureCode);
    void viewer.startPlayingStream(HOST_STREAM_ID).catch(() => undefined);
  });
  return finish(
    s,
    'playFailure',
    'T3 the viewer plays the host stream and every node fails: PLAY_REQUESTING, then NO_PLAY with errorCode != 0 at T3 + 100 ms (seed 003: replay once after ≈3 s).',
    { host, viewer },
    { T0, T1, streamAdded: h.streamAdded, T3, T4 },
    T4,
  );
}

function publishFailure(options: ScenarioOptions) {
  const s = script(options);
  const host = s.room.createEngine(USERS.host);
  const viewer = s.room.createEngine(USERS.viewer);
  const T0 = s.start + SCENARIO_TIMING.leadMs;
  const T1 = T0 + LOGIN_LATENCY_MS;
  const T3 = T0 + SCENARIO_TIMING.publishAfterLoginMs;
  const T4 = T3 + PUBLISH_LATENCY_MS;
  s.login(viewer, s.start);
  s.login(host, T0);
  s.at(T3, () => {
    host.failNextPublish(SCENARIO_TIMING.publishFailureCode);
    host.startPublishingStream(HOST_STREAM_ID);
  });
  return finish(
    s,
    'publishFailure',
    'T3 the host publishes and every node fails: PUBLISH_REQUESTING, then NO_PUBLISH with errorCode != 0 at T3 + 100 ms; the viewer never sees the stream (seed 003: retry once after 3–5 s).',
    { host, viewer },
    { T0, T1, T3, T4 },
    T4,
  );
}

/**
 * ZEGO's documented timelines, by name. Each takes {@link ScenarioOptions} and returns
 * a {@link ScenarioRun} whose steps run as the clock advances.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const run = scenarios.hostDropWithStreamDelete({ clock });
 * const viewerStore = createStatusStore({ clock });
 * connectZegoWeb(run.engines.viewer, viewerStore);
 * clock.advance(run.marks.T4 - clock.now());
 * selectRoom(viewerStore.getState()).removedStreams[0]?.deleteReason; // 'heartbeat-timeout'
 * ```
 */
export const scenarios = Object.freeze({
  loginOk,
  tokenExpired,
  briefDrop,
  longDrop,
  reconnectFailed,
  kickedByDuplicateLogin,
  kickedByServer,
  hostDropWithStreamDelete,
  hostCrashFastRestart,
  playFailure,
  publishFailure,
});

/**
 * The name of a scenario in {@link scenarios}.
 *
 * @example
 * ```ts
 * const names = Object.keys(scenarios) as ScenarioName[];
 * ```
 */
export type ScenarioName =
  | 'loginOk'
  | 'tokenExpired'
  | 'briefDrop'
  | 'longDrop'
  | 'reconnectFailed'
  | 'kickedByDuplicateLogin'
  | 'kickedByServer'
  | 'hostDropWithStreamDelete'
  | 'hostCrashFastRestart'
  | 'playFailure'
  | 'publishFailure';

// Keeps `scenarios` and `ScenarioName` in step.
scenarios satisfies Record<ScenarioName, (options: ScenarioOptions) => ScenarioRun>;
