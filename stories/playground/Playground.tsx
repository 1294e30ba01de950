/**
 * The playground: a host and an audience member side by side in one simulated
 * room, each with its own engine and store, the kit's components live, a
 * button for every fault the simulator has, a time scale, and a timeline of
 * every SDK callback and policy action on the simulated clock.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import {
  attachPublisherRetryPolicy,
  createStatusStore,
  deviceErrorEvent,
  mediaHealth,
  type StatusStore,
  type StoreEvent,
} from '../../src/index.js';
import {
  ConnectionStatusBadge,
  DeviceErrorBanner,
  KickedOutOverlay,
  ReconnectingBanner,
  StartMediaButton,
  StatusProvider,
  StreamView,
  useAudiencePolicy,
  usePlayerState,
  usePublisherState,
  useTokenRenewal,
  useZegoWeb,
  type StatusMessages,
} from '../../src/react/index.js';
import {
  createScaledClock,
  createSimulatedRoom,
  SimulatorErrorCode,
  type ScaledClock,
  type SimulatedEngine,
  type SimulatedMediaStream,
  type SimulatedRoom,
} from '../../src/simulator/index.js';
import { LabelledQuality } from '../support/quality-legend.js';
import { gateAutoplay } from './autoplay-gate.js';
import { describeEvent, formatSimTime, qualityReport, type LogEntry, type LogKind, type LogSide } from './event-log.js';

/**
 * The room, users and stream the playground plays out.
 *
 * @example
 * ```ts
 * canvas.getByText(`Player ${PLAYGROUND.streamID}:`, { exact: false });
 * ```
 */
export const PLAYGROUND = Object.freeze({
  roomID: 'live-1',
  streamID: 'host-main',
  host: { userID: 'host', userName: 'Host' },
  audience: { userID: 'viewer', userName: 'Audience' },
  kickMessage: 'Removed by a moderator: please keep the chat friendly.',
});

/**
 * Time scales offered: 1x, 10x and 60x to watch the 90 s and 5 min marks
 * go by; 600x for tests and the impatient; 0 pauses.
 *
 * @example
 * ```ts
 * TIME_SCALES.includes(60); // true
 * ```
 */
export const TIME_SCALES = [0, 1, 10, 60, 600] as const;

/**
 * Jumps offered: the clock leaps ahead and every timer due on the way fires in
 * order at its own time (ScaledClock.advance), so the log reads as if the
 * time had been waited out.
 *
 * @example
 * ```ts
 * JUMPS.map((jump) => jump.label); // ['+10 s', '+90 s', '+5 min']
 * ```
 */
export const JUMPS = [
  { label: '+10 s', ms: 10_000 },
  { label: '+90 s', ms: 90_000 },
  { label: '+5 min', ms: 300_000 },
] as const;

const TOKEN = 'playground-token';
/** A token lifetime short enough to watch: tokenWillExpire 10 s after the button, expiry 40 s after. */
const SHORT_TOKEN_MS = 40_000;
const MAX_LOG_ENTRIES = 400;

interface LogBook {
  entries(): readonly LogEntry[];
  add(side: LogSide, kind: LogKind, text: string, at?: number): void;
  subscribe(listener: () => void): () => void;
}

function createLogBook(clock: ScaledClock, startedAt: number): LogBook {
  let entries: readonly LogEntry[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  return {
    entries: () => entries,
    add(side, kind, text, at = clock.now()) {
      const entry: LogEntry = { id: nextId++, at: at - startedAt, side, kind, text };
      entries = [...entries.slice(-(MAX_LOG_ENTRIES - 1)), entry];
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One running app: an engine with its own store (a restarted app gets new ones). */
interface App {
  readonly engine: SimulatedEngine;
  readonly store: StatusStore;
  /** 1 for the first host app, 2 after the first restart, ... */
  readonly generation: number;
  readonly crashed: boolean;
  /** Log in as soon as the adapter is connected (once). */
  loginPending: boolean;
  /** The host's camera-and-microphone stream (createZegoStream), while it has one. */
  camera: SimulatedMediaStream | null;
  /** What the host turned off (kept across a camera restart). */
  videoOff: boolean;
  audioOff: boolean;
  /** The app's token server is down: fetchToken rejects. */
  tokenServerDown: boolean;
}

interface World {
  readonly clock: ScaledClock;
  readonly room: SimulatedRoom;
  readonly startedAt: number;
  readonly log: LogBook;
  readonly audience: App;
  /** The audience engine as the policy sees it: every call it makes is logged. */
  readonly audiencePolicyEngine: Pick<SimulatedEngine, 'startPlayingStream' | 'stopPlayingStream'>;
}

function createApp(
  world: Pick<World, 'room' | 'clock' | 'log'>,
  side: LogSide,
  user: { userID: string; userName: string },
  generation: number,
  loginPending: boolean,
): App {
  // Media health on: quality, camera and mic, devices, token, autoplay, offline. The
  // kit's window listener stays off: each side is a browser tab of its own, whose
  // online/offline events the simulator fires on the engine's own target.
  const store = createStatusStore({ clock: world.clock, extensions: [mediaHealth({ browserConnectivity: false })] });
  const engine = world.room.createEngine(user);
  for (const type of ['offline', 'online'] as const) {
    engine.connectivity?.addEventListener(type, () => store.dispatch({ type, at: world.clock.now() }));
  }
  // Subscribed before any adapter or policy: the log shows each callback
  // before what the policies do about it. Quality reports come every 3 s:
  // only a changed one is logged.
  const lastReport = new Map<string, string>();
  store.subscribeEvents<StoreEvent>((event) => {
    const report = qualityReport(event);
    if (report) {
      if (lastReport.get(report.key) === report.says) return;
      lastReport.set(report.key, report.says);
    }
    const { kind, text } = describeEvent(event);
    world.log.add(side, kind, text, event.at);
  });
  return { engine, store, generation, crashed: false, loginPending, camera: null, videoOff: false, audioOff: false, tokenServerDown: false };
}

function createWorld(scale: number, autoStart: boolean): { world: World; host: App } {
  const clock = createScaledClock({ scale });
  const room = createSimulatedRoom({ clock });
  const startedAt = clock.now();
  const log = createLogBook(clock, startedAt);
  const audience = createApp({ room, clock, log }, 'Audience', PLAYGROUND.audience, 1, autoStart);
  const { engine } = audience;
  const audiencePolicyEngine = {
    startPlayingStream(streamID: string, options?: unknown) {
      log.add('Audience', 'policy', `startPlayingStream(${streamID})`);
      return engine.startPlayingStream(streamID, options);
    },
    stopPlayingStream(streamID: string) {
      log.add('Audience', 'policy', `stopPlayingStream(${streamID})`);
      engine.stopPlayingStream(streamID);
    },
  };
  const world: World = { clock, room, startedAt, log, audience, audiencePolicyEngine };
  return { world, host: createApp(world, 'Host', PLAYGROUND.host, 1, autoStart) };
}

function login(app: App, side: LogSide, log: LogBook, publish: boolean): void {
  const { engine } = app;
  log.add(side, 'action', `loginRoom(${PLAYGROUND.roomID})`);
  engine
    .loginRoom(PLAYGROUND.roomID, TOKEN, engine.user, { userUpdate: true })
    .then(() => {
      if (publish && !engine.crashed) return startCamera(app, log);
    })
    // A failed login shows as LOGIN_FAILED in the store, the banner and the log;
    // a camera that fails, in the device banner.
    .catch(() => undefined);
}

/**
 * The host captures its camera and microphone and publishes them (again,
 * after a device problem: the old stream goes). A refusal reaches the store
 * as the kit's docs say (deviceErrorEvent) and rejects, so the device
 * banner's Retry records the outcome.
 */
async function startCamera(app: App, log: LogBook): Promise<void> {
  const { engine, store } = app;
  log.add('Host', 'action', 'createZegoStream()');
  let camera: SimulatedMediaStream;
  try {
    camera = await engine.createZegoStream();
  } catch (error) {
    const { code, message } = error as { code?: number; message?: string };
    log.add('Host', 'sdk', `createZegoStream rejected ${code}: ${message}`);
    store.dispatch(deviceErrorEvent(error, { device: 'camera', at: store.clock.now() }));
    throw error;
  }
  if (app.camera) {
    log.add('Host', 'action', `stopPublishingStream(${PLAYGROUND.streamID}), destroyStream(old camera)`);
    engine.stopPublishingStream(PLAYGROUND.streamID);
    engine.destroyStream(app.camera);
  }
  app.camera = camera;
  engine.mutePublishStreamVideo(camera, app.videoOff);
  engine.mutePublishStreamAudio(camera, app.audioOff);
  log.add('Host', 'action', `startPublishingStream(${PLAYGROUND.streamID}, camera)`);
  engine.startPublishingStream(PLAYGROUND.streamID, camera);
}

/** The app's token server: a fresh token, or a failure while it is down. */
function tokenServer(app: App, side: LogSide, log: LogBook) {
  let issued = 0;
  return async (roomID: string): Promise<string> => {
    if (app.tokenServerDown) {
      log.add(side, 'policy', `fetchToken(${roomID}) failed: the token server is down`);
      throw new Error('token server down');
    }
    log.add(side, 'policy', `fetchToken(${roomID}), then renewToken`);
    return `${TOKEN}-${++issued}`;
  };
}

function leave(app: App, side: LogSide, log: LogBook, published: boolean): void {
  if (published) {
    log.add(side, 'action', `stopPublishingStream(${PLAYGROUND.streamID})`);
    app.engine.stopPublishingStream(PLAYGROUND.streamID);
  }
  log.add(side, 'action', `logoutRoom(${PLAYGROUND.roomID})`);
  app.engine.logoutRoom(PLAYGROUND.roomID);
}

/** Runs `effect` once the component is really gone (not on StrictMode's immediate remount). */
function useUnmount(effect: () => void): void {
  const mounted = useRef(false);
  const latest = useRef(effect);
  latest.current = effect;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current) latest.current();
      });
    };
  }, []);
}

/**
 * Props of {@link Playground}.
 *
 * @example
 * ```tsx
 * const props: PlaygroundProps = { initialScale: 10, autoStart: true };
 * ```
 */
export interface PlaygroundProps {
  /** Simulated ms per real ms at the start (default 1). */
  initialScale?: number;
  /** Log both users in (and the host publishes) on mount. Default true. */
  autoStart?: boolean;
  /** The kit's message catalog (e.g. zhCN); default English. */
  messages?: Partial<StatusMessages>;
}

/**
 * Host and audience on one simulated room, with fault buttons, a time scale
 * and an event log.
 *
 * @example
 * ```tsx
 * <Playground initialScale={60} />
 * ```
 */
export function Playground({ initialScale = 1, autoStart = true, messages }: PlaygroundProps) {
  const [{ world, host: firstHost }] = useState(() => createWorld(initialScale, autoStart));
  const [host, setHost] = useState<App>(firstHost);
  const { log, clock, audience } = world;

  // After the children's effects: the adapters are connected before anything happens.
  useEffect(() => {
    if (audience.loginPending) {
      audience.loginPending = false;
      login(audience, 'Audience', log, false);
    }
  }, [audience, log]);
  useEffect(() => {
    if (host.loginPending) {
      host.loginPending = false;
      login(host, 'Host', log, true);
    }
  }, [host, log]);

  useUnmount(() => {
    world.room.dispose();
    world.clock.setScale(0);
  });
  // The audience's tab refuses playback as its simulated browser says (blockAutoplay), until a click.
  useEffect(() => gateAutoplay(audience.engine), [audience]);

  const hostControls: Control[] = [
    { label: 'Log in', run: () => login(host, 'Host', log, true), reopensDialog: true },
    { label: 'Leave', run: () => leave(host, 'Host', log, true) },
    ...faultControls(host, 'Host', log),
    ...browserControls(host, 'Host', log),
    {
      label: 'Fail next publish',
      run: () => {
        log.add('Host', 'action', 'fault: the next startPublishingStream ends NO_PUBLISH 1003020');
        host.engine.failNextPublish(1003020);
      },
    },
    {
      label: 'Crash host app',
      run: () => {
        log.add('Host', 'action', 'fault: the host app crashes (no logout; its session lingers until the heartbeat timeout)');
        host.engine.crash();
        setHost({ ...host, crashed: true });
      },
    },
    {
      label: 'Restart host app',
      run: () => {
        if (!host.engine.crashed) host.engine.crash();
        log.add('Host', 'action', `restart: app #${host.generation + 1}, a new engine with the same userID, logs in and publishes`);
        setHost(createApp(world, 'Host', PLAYGROUND.host, host.generation + 1, true));
      },
    },
  ];
  const audienceControls: Control[] = [
    { label: 'Log in', run: () => login(audience, 'Audience', log, false), reopensDialog: true },
    { label: 'Leave', run: () => leave(audience, 'Audience', log, false) },
    ...faultControls(audience, 'Audience', log),
    ...browserControls(audience, 'Audience', log),
    {
      label: 'Fail next play',
      run: () => {
        log.add('Audience', 'action', `fault: the next startPlayingStream ends NO_PLAY ${SimulatorErrorCode.PLAY_RETRY_FAILED}`);
        audience.engine.failNextPlay(SimulatorErrorCode.PLAY_RETRY_FAILED);
      },
    },
  ];

  return (
    <div style={styles.root}>
      <h1 style={styles.title}>Playground</h1>
      <p style={styles.intro}>
        A host and an audience member in one simulated room ({PLAYGROUND.roomID}). Every time on this page is simulated:
        the simulator, the kit's policies and countdowns all run on one scaled clock.
      </p>
      <TimeControls clock={clock} startedAt={world.startedAt} log={log} initialScale={initialScale} />
      <div style={styles.panels}>
        <StatusProvider key={host.generation} store={host.store} messages={messages}>
          <HostPanel app={host} log={log} controls={hostControls} />
        </StatusProvider>
        <StatusProvider store={audience.store} messages={messages}>
          <AudiencePanel app={audience} world={world} controls={audienceControls} />
        </StatusProvider>
      </div>
      <EventLog log={log} />
    </div>
  );
}

interface Control {
  readonly label: string;
  readonly run: () => void;
  /** Logging in again: show the kick-out dialog again if it comes. */
  readonly reopensDialog?: boolean;
  /** For a two-way switch: whether it is on (aria-pressed). */
  readonly pressed?: boolean;
}

function faultControls(app: App, side: LogSide, log: LogBook): Control[] {
  const { engine } = app;
  return [
    {
      label: 'Drop network',
      run: () => {
        log.add(side, 'action', 'fault: network cut off');
        engine.dropNetwork();
      },
    },
    {
      label: 'Restore network',
      run: () => {
        log.add(side, 'action', 'network restored');
        engine.restoreNetwork();
      },
    },
    {
      label: `Kick (${SimulatorErrorCode.KICKED_BY_SERVER})`,
      run: () => {
        log.add(side, 'action', `fault: server kick-out ${SimulatorErrorCode.KICKED_BY_SERVER} with a custom message`);
        engine.kick(SimulatorErrorCode.KICKED_BY_SERVER, PLAYGROUND.kickMessage);
      },
    },
    {
      label: 'Expire token',
      run: () => {
        log.add(side, 'action', `fault: token expired; the next loginRoom fails ${SimulatorErrorCode.TOKEN_EXPIRED}`);
        engine.expireToken();
      },
    },
  ];
}

/** Faults of the user's browser and session that both sides have: offline, token expiry. */
function browserControls(app: App, side: LogSide, log: LogBook): Control[] {
  const { engine } = app;
  return [
    {
      label: 'Go offline',
      run: () => {
        log.add(side, 'action', 'fault: the browser goes offline (the SDK says RECONNECTING only 8 s later)');
        engine.goOffline();
      },
    },
    {
      label: 'Go online',
      run: () => {
        log.add(side, 'action', 'the browser is back online');
        engine.goOnline();
      },
    },
    {
      label: 'Token expires in 40 s',
      run: () => {
        log.add(side, 'action', 'fault: the token expires in 40 s (tokenWillExpire in 10 s)');
        engine.expireTokenIn(SHORT_TOKEN_MS, PLAYGROUND.roomID);
      },
    },
    {
      label: 'Token server down',
      run: () => {
        app.tokenServerDown = true;
        log.add(side, 'action', "fault: the app's token server is down (fetchToken fails)");
      },
    },
    {
      label: 'Token server up',
      run: () => {
        app.tokenServerDown = false;
        log.add(side, 'action', "the app's token server is back");
      },
    },
    {
      label: 'Refuse token renewals',
      run: () => {
        log.add(side, 'action', 'fault: the ZEGO server refuses renewed tokens (renewToken still returns true)');
        engine.refuseTokenRenewal(true);
      },
    },
  ];
}

/** The host's media faults: camera and mic off, its network, its devices. */
function hostMediaControls(app: App, log: LogBook, rerender: () => void): Control[] {
  const { engine } = app;
  const grade = (name: string, upstream: 0 | 3 | 4): Control => ({
    label: `Upload: ${name}`,
    run: () => {
      log.add('Host', 'action', `fault: the host's upload is ${name} (grade ${upstream})`);
      engine.setNetworkQuality({ upstream });
    },
  });
  const fault = (label: string, fault: 'denied' | 'in-use', says: string): Control => ({
    label,
    run: () => {
      log.add('Host', 'action', `fault: ${says}; the camera restarts`);
      engine.setDeviceFault('camera', fault);
      startCamera(app, log).catch(() => undefined);
    },
  });
  return [
    {
      label: 'Camera off',
      pressed: app.videoOff,
      run: () => {
        app.videoOff = !app.videoOff;
        log.add('Host', 'action', `mutePublishStreamVideo(camera, ${app.videoOff})`);
        if (app.camera) engine.mutePublishStreamVideo(app.camera, app.videoOff);
        rerender();
      },
    },
    {
      label: 'Mic off',
      pressed: app.audioOff,
      run: () => {
        app.audioOff = !app.audioOff;
        log.add('Host', 'action', `mutePublishStreamAudio(camera, ${app.audioOff})`);
        if (app.camera) engine.mutePublishStreamAudio(app.camera, app.audioOff);
        rerender();
      },
    },
    grade('excellent', 0),
    grade('poor', 3),
    grade('very poor', 4),
    {
      label: 'Upload: worsening',
      run: () => {
        log.add('Host', 'action', "fault: the host's upload worsens: good, then fair at +10 s, poor at +20 s, very poor at +30 s");
        engine.setNetworkProfile([
          { afterMs: 0, upstream: 1 },
          { afterMs: 10_000, upstream: 2 },
          { afterMs: 20_000, upstream: 3 },
          { afterMs: 30_000, upstream: 4 },
        ]);
      },
    },
    {
      label: 'Unplug camera',
      run: () => {
        log.add('Host', 'action', 'fault: the camera is unplugged');
        engine.unplugDevice('camera');
      },
    },
    {
      label: 'Plug camera in',
      run: () => {
        log.add('Host', 'action', 'the camera is plugged back in (Retry in the banner restarts it)');
        engine.plugDevice('camera');
      },
    },
    fault('Deny camera', 'denied', 'the browser denies the camera'),
    fault('Camera in use', 'in-use', 'another app holds the camera'),
    {
      label: 'Allow camera',
      run: () => {
        log.add('Host', 'action', 'the camera may be used again (Retry in the banner restarts it)');
        engine.setDeviceFault('camera', null);
      },
    },
  ];
}

/** The audience's media faults: its download, its browser's autoplay policy, decoding. */
function audienceMediaControls(app: App, log: LogBook, reloadTile: () => void): Control[] {
  const { engine } = app;
  const download = (name: string, downstream: 0 | 3): Control => ({
    label: `Download: ${name}`,
    run: () => {
      log.add('Audience', 'action', `fault: the audience's download is ${name} (grade ${downstream})`);
      engine.setNetworkQuality({ downstream });
    },
  });
  const block = (label: string, mode: 'sound' | 'all', says: string): Control => ({
    label,
    run: () => {
      log.add('Audience', 'action', `fault: the page reloads with no user gesture yet; the browser refuses ${says}`);
      engine.blockAutoplay(mode);
      // After this click is over: the new tile's play() comes without a gesture.
      setTimeout(reloadTile, 0);
    },
  });
  const exception = (label: string, code: number): Control => ({
    label,
    run: () => {
      log.add('Audience', 'action', `fault: exceptionUpdate ${code}`);
      engine.raiseException(PLAYGROUND.streamID, code);
    },
  });
  return [
    download('excellent', 0),
    download('poor', 3),
    block('Reload: sound blocked', 'sound', 'sound'),
    block('Reload: playback blocked', 'all', 'all playback'),
    exception('Decode failed (1008)', 1008),
    exception('Decoding back (2008)', 2008),
  ];
}

function ControlGroup({ label, controls, onRun }: { label: string; controls: readonly Control[]; onRun?: (control: Control) => void }) {
  return (
    <div role="group" aria-label={label} style={styles.buttons}>
      {controls.map((control) => (
        <button
          key={control.label}
          type="button"
          aria-pressed={control.pressed}
          className="zsk-button zsk-button--quiet"
          onClick={() => {
            onRun?.(control);
            control.run();
          }}
        >
          {control.label}
        </button>
      ))}
    </div>
  );
}

function TimeControls({ clock, startedAt, log, initialScale }: { clock: ScaledClock; startedAt: number; log: LogBook; initialScale: number }) {
  const [scale, setScale] = useState(initialScale);
  const [, render] = useState(0);
  // The display follows the simulated clock; 10 updates per real second are plenty.
  useEffect(() => {
    const id = setInterval(() => render((n) => n + 1), 100);
    return () => clearInterval(id);
  }, []);
  const choose = (next: number) => {
    clock.setScale(next);
    setScale(next);
    log.add('Clock', 'action', next === 0 ? 'time paused' : `time runs at ${next}× real time`);
  };
  const jump = (label: string, ms: number) => {
    log.add('Clock', 'action', `jump ${label}: every timer due on the way fires now, in order, at its own time`);
    clock.advance(ms);
    render((n) => n + 1);
  };
  return (
    <section aria-labelledby="pg-time" style={styles.timeBar}>
      <h2 id="pg-time" style={styles.srOnly}>
        Time
      </h2>
      <p style={styles.clock}>
        Simulated time <span data-testid="sim-time">{formatSimTime(clock.now() - startedAt)}</span>{' '}
        <span style={styles.muted}>{scale === 0 ? '(paused)' : `(${scale}× real time)`}</span>
      </p>
      <div role="group" aria-label="Time scale" style={styles.buttons}>
        {TIME_SCALES.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={scale === value}
            className={scale === value ? 'zsk-button' : 'zsk-button zsk-button--quiet'}
            onClick={() => choose(value)}
          >
            {value === 0 ? 'Pause' : `${value}×`}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Jump ahead" style={styles.buttons}>
        {JUMPS.map(({ label, ms }) => (
          <button key={label} type="button" className="zsk-button zsk-button--quiet" onClick={() => jump(label, ms)}>
            Jump {label}
          </button>
        ))}
      </div>
    </section>
  );
}

function Panel({
  id,
  title,
  app,
  controls,
  mediaControls,
  onRetry,
  children,
}: {
  id: string;
  title: string;
  app: App;
  controls: readonly Control[];
  mediaControls: readonly Control[];
  onRetry: () => void;
  children: ReactNode;
}) {
  const [dismissed, setDismissed] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`${id}-panel`} style={styles.panel}>
      <div style={styles.panelHeader}>
        <h2 id={`${id}-title`} style={styles.panelTitle}>
          {title}
        </h2>
        <ConnectionStatusBadge />
      </div>
      <ReconnectingBanner onRetry={onRetry} />
      {children}
      <ControlGroup
        label={`${title} controls`}
        controls={controls}
        onRun={(control) => {
          if (control.reopensDialog) setDismissed(false);
        }}
      />
      <ControlGroup label={`${title} media faults`} controls={mediaControls} />
      {!dismissed && (
        // Contained in the panel (position: relative) so the other user stays usable.
        <KickedOutOverlay contained onRejoin={onRetry} onLeave={() => setDismissed(true)} />
      )}
      {app.crashed && (
        <p role="note" style={styles.crashed}>
          This app has crashed: its screen is frozen as it was. Restart it to log in again.
        </p>
      )}
    </section>
  );
}

function HostPanel({ app, log, controls }: { app: App; log: LogBook; controls: readonly Control[] }) {
  useZegoWeb(app.engine);
  useTokenRenewal({ engine: app.engine, roomID: PLAYGROUND.roomID, fetchToken: useState(() => tokenServer(app, 'Host', log))[0] });
  // Seed 003: after NO_PUBLISH with an error, republish once after 3-5 s, never in a loop.
  useEffect(
    () =>
      attachPublisherRetryPolicy({
        engine: app.engine,
        store: app.store,
        streamID: PLAYGROUND.streamID,
        republish: ({ engine, streamID }) => {
          log.add('Host', 'policy', `startPublishingStream(${streamID}, camera)`);
          return engine?.startPublishingStream(streamID, app.camera);
        },
      }),
    [app, log],
  );
  const publisher = usePublisherState(PLAYGROUND.streamID);
  const [, rerender] = useState(0);
  return (
    <Panel
      id="host"
      title={app.generation > 1 ? `Host (app #${app.generation})` : 'Host'}
      app={app}
      controls={controls}
      mediaControls={hostMediaControls(app, log, () => rerender((n) => n + 1))}
      onRetry={() => login(app, 'Host', log, true)}
    >
      <DeviceErrorBanner onRetry={() => startCamera(app, log)} />
      <p style={styles.line}>
        Publisher {PLAYGROUND.streamID}: <strong data-testid="publisher-state">{publisher.state}</strong>
        {publisher.errorCode !== 0 && <span style={styles.muted}> (error {publisher.errorCode})</span>}
      </p>
      <p style={styles.indicators}>
        <span>
          Sending <LabelledQuality streamID={PLAYGROUND.streamID} data-testid="host-send-quality" />
        </span>
        <span data-testid="host-camera">Camera: {app.videoOff ? 'off' : 'on'}</span>
        <span data-testid="host-microphone">Microphone: {app.audioOff ? 'off' : 'on'}</span>
      </p>
    </Panel>
  );
}

function AudiencePanel({ app, world, controls }: { app: App; world: World; controls: readonly Control[] }) {
  useZegoWeb(app.engine);
  useAudiencePolicy(world.audiencePolicyEngine);
  useTokenRenewal({ engine: app.engine, roomID: PLAYGROUND.roomID, fetchToken: useState(() => tokenServer(app, 'Audience', world.log))[0] });
  const player = usePlayerState(PLAYGROUND.streamID);
  // A new tile (as after a page reload) plays from the start: play() again, with no gesture.
  const [tile, setTile] = useState(0);
  return (
    <Panel
      id="audience"
      title="Audience"
      app={app}
      controls={controls}
      mediaControls={audienceMediaControls(app, world.log, () => setTile((n) => n + 1))}
      onRetry={() => login(app, 'Audience', world.log, false)}
    >
      <p style={styles.line}>
        Player {PLAYGROUND.streamID}: <strong data-testid="player-state">{player.state}</strong>
        {player.errorCode !== 0 && <span style={styles.muted}> (error {player.errorCode})</span>}
      </p>
      <p style={styles.indicators}>
        <span>
          Host&apos;s network <LabelledQuality userID={PLAYGROUND.host.userID} data-testid="audience-host-quality" />
        </span>
        <span>
          Receiving <LabelledQuality streamID={PLAYGROUND.streamID} data-testid="audience-play-quality" />
        </span>
        <StartMediaButton />
      </p>
      <StreamView key={tile} streamID={PLAYGROUND.streamID} label={PLAYGROUND.host.userName} style={styles.video} />
    </Panel>
  );
}

function EventLog({ log }: { log: LogBook }) {
  const entries = useSyncExternalStore(log.subscribe, log.entries, log.entries);
  const list = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const node = list.current?.parentElement;
    if (node) node.scrollTop = node.scrollHeight;
  }, [entries]);
  return (
    <section aria-labelledby="pg-log" style={styles.logSection}>
      <h2 id="pg-log" style={styles.panelTitle}>
        Event log
      </h2>
      {/* Focusable so keyboard users can scroll it. */}
      <div role="log" aria-labelledby="pg-log" tabIndex={0} style={styles.log}>
        <ol ref={list} style={styles.logList}>
          {entries.map((entry) => (
            <li key={entry.id} data-side={entry.side} data-kind={entry.kind} style={styles.logEntry}>
              <span style={styles.muted}>{formatSimTime(entry.at)}</span> <strong>{entry.side}</strong>{' '}
              <span style={styles.muted}>{entry.kind === 'sdk' ? 'SDK' : entry.kind === 'policy' ? 'policy' : 'you'}</span>{' '}
              {entry.text}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

const styles = {
  root: {
    fontFamily: 'var(--zsk-font)',
    fontSize: 'var(--zsk-font-size)',
    color: 'var(--zsk-color-fg)',
    background: 'var(--zsk-color-bg)',
    padding: 'var(--zsk-space-3)',
    display: 'grid',
    gap: 'var(--zsk-space-3)',
  },
  title: { margin: 0, fontSize: '1.4em' },
  intro: { margin: 0, color: 'var(--zsk-color-muted)', maxWidth: '60rem' },
  timeBar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'var(--zsk-space-3)' },
  clock: { margin: 0, fontVariantNumeric: 'tabular-nums', fontWeight: 600 },
  muted: { color: 'var(--zsk-color-muted)', fontWeight: 400 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: 'var(--zsk-space-2)' },
  panels: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: 'var(--zsk-space-3)' },
  panel: {
    position: 'relative',
    display: 'grid',
    alignContent: 'start',
    gap: 'var(--zsk-space-2)',
    padding: 'var(--zsk-space-3)',
    minHeight: '24rem',
    border: '1px solid var(--zsk-color-border)',
    borderRadius: 'var(--zsk-radius)',
  },
  panelHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 'var(--zsk-space-2)' },
  panelTitle: { margin: 0, fontSize: '1.15em' },
  line: { margin: 0 },
  indicators: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'var(--zsk-space-3)' },
  video: { aspectRatio: '16 / 9', width: '100%' },
  crashed: { margin: 0, color: 'var(--zsk-color-danger)', fontWeight: 600 },
  logSection: { display: 'grid', gap: 'var(--zsk-space-2)' },
  log: {
    maxHeight: '18rem',
    overflow: 'auto',
    border: '1px solid var(--zsk-color-border)',
    borderRadius: 'var(--zsk-radius)',
    padding: 'var(--zsk-space-2)',
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
    fontSize: '12px',
  },
  logList: { listStyle: 'none', margin: 0, padding: 0 },
  logEntry: { padding: '1px 0', fontVariantNumeric: 'tabular-nums' },
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
} satisfies Record<string, CSSProperties>;
