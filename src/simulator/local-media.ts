/**
 * The local side of media: the simulated browser's camera and microphone
 * (faults: denied by the browser or the system, not found, in use;
 * unplugged mid-call), the streams createZegoStream makes, their video and
 * audio turned off and on by the publisher, what the players of a published
 * stream hear of that (remoteCameraStatusUpdate / remoteMicStatusUpdate ≈100 ms
 * later, and their media's tracks), screen sharing stopped, and stream
 * exceptions. Shapes and codes are web SDK 3.12.0's (ZegoExpressWebRTC.esm.js):
 * - createZegoStream rejects `{ code, message }`: NotAllowedError (browser or
 *   system alike: the SDK keeps only the name) `{ 1103064, 'NotAllowedError:
 *   get device not allowed' }`; NotReadableError `{ 1103065, 'NotReadableError:
 *   device is not readable' }`; anything else, NotFoundError among them,
 *   `{ 1103061, 'get media fail <name> <message>' }`;
 * - a published device unplugged: `deviceError(1006006, deviceName)`, then
 *   `videoDeviceStateChanged('DELETE', info)` / `audioDeviceStateChanged('DELETE',
 *   'Input', info)`; device changes only once access was granted (the
 *   declarations: "需要浏览器授权麦克风摄像头后才能触发回调");
 * - `exceptionUpdate(streamID, { code, message })` with the SDK's messages.
 * The browser's own getUserMedia rejects with Chromium's DOMException names
 * and messages ("Permission denied by system" tells the system's refusal apart).
 *
 * Internal: not exported from the package.
 */
import type { SimulatedExceptionCode } from './callbacks.js';
import { PROPAGATION_DELAY_MS, SimulatorErrorCode } from './constants.js';
import type { Effects } from './effects.js';
import { createTestPattern, type SimulatedMediaStream } from './media.js';
import {
  dead,
  playedListing,
  publisherOf,
  type DeviceFault,
  type DeviceKindName,
  type DeviceState,
  type EngineState,
  type LocalStreamState,
  type PlayerState,
  type RemoteStatus,
  type World,
} from './world.js';

/**
 * What createZegoStream rejects with (web SDK 3.12: `{ code, message }`, unlike loginRoom's `{ code, msg }`).
 *
 * @example
 * ```ts
 * engine.createZegoStream().catch((error: SimulatedMediaError) => console.log(error.code)); // 1103064
 * ```
 */
export interface SimulatedMediaError {
  readonly code: number;
  readonly message: string;
}

/**
 * What the simulated browser's getUserMedia rejects with: a DOMException
 * (or, where there is none, an object with its `name` and `message`).
 *
 * @example
 * ```ts
 * engine.getUserMedia({ video: true }).catch((error: SimulatedBrowserError) => console.log(error.name)); // 'NotAllowedError'
 * ```
 */
export interface SimulatedBrowserError {
  readonly name: string;
  readonly message: string;
}

/** createZegoStream's options, as far as the simulator reads them (web `ZegoStreamOptions`). */
export interface SimulatedStreamOptions {
  camera?: { video?: unknown; audio?: unknown } | undefined;
  screen?: unknown;
}

// Chromium's getUserMedia rejections, by fault.
const BROWSER_ERRORS: Record<DeviceFault, (kind: DeviceKindName) => SimulatedBrowserError> = {
  denied: () => ({ name: 'NotAllowedError', message: 'Permission denied' }),
  'denied-by-system': () => ({ name: 'NotAllowedError', message: 'Permission denied by system' }),
  'not-found': () => ({ name: 'NotFoundError', message: 'Requested device not found' }),
  'in-use': (kind) => ({ name: 'NotReadableError', message: `Could not start ${kind === 'camera' ? 'video' : 'audio'} source` }),
};

/** The web SDK's mapping of a getUserMedia rejection (its createZegoStream error handler). */
function sdkError({ name, message }: SimulatedBrowserError): SimulatedMediaError {
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { code: SimulatorErrorCode.DEVICE_NOT_ALLOWED, message: `${name}: get device not allowed` };
  }
  if (name === 'NotReadableError') return { code: SimulatorErrorCode.DEVICE_NOT_READABLE, message: `${name}: device is not readable` };
  return { code: SimulatorErrorCode.GET_MEDIA_FAILED, message: `get media fail ${name} ${message}` };
}

/** A DOMException in a browser (and Node), else the plain shape. */
function browserError(error: SimulatedBrowserError): SimulatedBrowserError {
  return typeof DOMException === 'function' ? new DOMException(error.message, error.name) : error;
}

// web SDK 3.12.0 ExceptionData messages, by code.
const EXCEPTIONS: { readonly [code in SimulatedExceptionCode]: string } = {
  1001: 'The video capture frame rate is too low.',
  1002: 'The capture volume is too low.',
  1003: 'The video bit rate sent is too low.',
  1004: 'The video frame rate sent is too low.',
  1005: 'The audio bit rate sent is too low.',
  1006: 'The volume of audio received is too low.',
  1007: 'The received audio failed to be decoded.',
  1008: 'The received video failed to be decoded.',
  1009: 'Received video decode frame rate is too low.',
  1010: 'The rendered video frame rate is too low.',
  2001: 'The video capture frame rate is normal.',
  2002: 'The capture volume is normal.',
  2003: 'The video bit rate sent is normal.',
  2004: 'The video frame rate sent is normal.',
  2005: 'The audio bit rate sent is normal.',
  2006: 'The volume of audio received is normal.',
  2007: 'The received audio successed to be decoded.',
  2008: 'The received video successed to be decoded.',
  2009: 'Received video decode frame rate is normal.',
  2010: 'The rendered video frame rate is normal.',
};

/** A new engine's devices: one camera and one microphone, plugged in, no fault. @internal */
export function createDevices(userID: string): EngineState['devices'] {
  const device = (kind: DeviceKindName, name: string): DeviceState => ({
    kind,
    deviceID: `sim-${kind}-${userID}`,
    deviceName: name,
    present: true,
    fault: null,
  });
  return { camera: device('camera', 'Simulated Camera'), microphone: device('microphone', 'Simulated Microphone') };
}

/** What {@link createLocalMedia} returns. @internal */
export interface LocalMedia {
  createStream(engine: EngineState, options: unknown): Promise<SimulatedMediaStream>;
  getUserMedia(engine: EngineState, constraints: unknown): Promise<SimulatedMediaStream>;
  destroyStream(engine: EngineState, media: unknown): void;
  muteVideo(engine: EngineState, media: unknown, mute: unknown, retain?: unknown): boolean;
  muteAudio(engine: EngineState, media: unknown, mute: unknown): boolean;
  enableCapture(engine: EngineState, media: unknown, enable: unknown): boolean;
  setFault(engine: EngineState, kind: unknown, fault: unknown): boolean;
  unplug(engine: EngineState, kind: unknown): boolean;
  plug(engine: EngineState, kind: unknown): boolean;
  endScreenSharing(engine: EngineState): boolean;
  raiseException(engine: EngineState, streamID: unknown, code: unknown): boolean;
  /** A player went PLAYING: it hears of a camera or microphone that is off now, and its media shows it. */
  playing(engine: EngineState, streamID: string, player: PlayerState): void;
}

const isKind = (value: unknown): value is DeviceKindName => value === 'camera' || value === 'microphone';
const isFault = (value: unknown): value is DeviceFault => typeof value === 'string' && Object.hasOwn(BROWSER_ERRORS, value);

/** What a published stream's players should show of its camera and microphone. */
function statusOf(local: LocalStreamState | null): RemoteStatus {
  if (!local) return { camera: 'OPEN', microphone: 'OPEN' };
  const cameraOff = !local.video || local.videoMuted || local.captureOff || local.cameraLost || local.ended;
  const micOff = !local.audio || local.audioMuted || local.micLost || local.ended;
  return { camera: cameraOff ? 'MUTE' : 'OPEN', microphone: micOff ? 'MUTE' : 'OPEN' };
}

/** @internal */
export function createLocalMedia(world: World, fx: Effects): LocalMedia {
  /** The device a request needs first that fails, with its fault. */
  function refusal(engine: EngineState, kinds: readonly DeviceKindName[]): SimulatedBrowserError | null {
    for (const kind of kinds) {
      const device = engine.devices[kind];
      const fault = device.present ? device.fault : 'not-found';
      if (fault) return BROWSER_ERRORS[fault](kind);
    }
    return null;
  }

  function capture(engine: EngineState, source: 'camera' | 'screen', video: boolean, audio: boolean): SimulatedMediaStream {
    engine.mediaGranted = true;
    const media = createTestPattern(`${engine.user.userID} ${source}`, { audio });
    const local: LocalStreamState = {
      media,
      source,
      video,
      audio,
      videoMuted: false,
      audioMuted: false,
      captureOff: false,
      cameraLost: false,
      micLost: false,
      ended: false,
    };
    engine.localStreams.set(media, local);
    return media;
  }

  /** The local stream behind `media`, if this engine made it and it still lives. */
  const localOf = (engine: EngineState, media: unknown): LocalStreamState | undefined =>
    media !== null && typeof media === 'object' ? engine.localStreams.get(media) : undefined;

  /** The stream's own tracks follow what its owner turned off. */
  const showLocal = (local: LocalStreamState): void =>
    fx.showTracks(local.media, { video: !(local.videoMuted || local.captureOff || local.cameraLost), audio: !(local.audioMuted || local.micLost) });

  /** Tells one player what changed of the publisher's camera and microphone, and shows it in its media. */
  function deliver(engine: EngineState, streamID: string, player: PlayerState, status: RemoteStatus): void {
    fx.showTracks(player.media, { video: status.camera === 'OPEN', audio: status.microphone === 'OPEN' });
    if (status.camera !== player.remote.camera) {
      player.remote.camera = status.camera;
      fx.emit(engine, 'remoteCameraStatusUpdate', streamID, status.camera);
    }
    if (status.microphone !== player.remote.microphone) {
      player.remote.microphone = status.microphone;
      fx.emit(engine, 'remoteMicStatusUpdate', streamID, status.microphone);
    }
  }

  /** The status the player's played listing has now, if its publisher still publishes it. */
  function currentStatus(engine: EngineState, streamID: string): RemoteStatus | undefined {
    const listing = playedListing(world, engine, streamID);
    const owner = listing && publisherOf(listing);
    return owner ? statusOf(owner.publisher.local) : undefined;
  }

  /** The players of streams published from `local` hear of its change ≈100 ms later. */
  function announce(owner: EngineState, local: LocalStreamState): void {
    showLocal(local);
    const streamIDs = [...owner.publishers].filter(([, publisher]) => publisher.local === local).map(([streamID]) => streamID);
    if (streamIDs.length === 0) return;
    fx.after(PROPAGATION_DELAY_MS, () => {
      for (const engine of world.engines) {
        for (const streamID of streamIDs) {
          const player = engine.players.get(streamID);
          const status = player?.state === 'PLAYING' ? currentStatus(engine, streamID) : undefined;
          if (player && status) deliver(engine, streamID, player, status);
        }
      }
    });
  }

  /** Ends a local stream: its tracks stop, its players hear its camera and microphone go. */
  function end(engine: EngineState, local: LocalStreamState): void {
    local.ended = true;
    fx.stopMedia(local.media);
    announce(engine, local);
  }

  function deviceChanged(engine: EngineState, device: DeviceState, updateType: 'ADD' | 'DELETE'): void {
    if (!engine.mediaGranted) return;
    const info = { deviceName: device.deviceName, deviceID: device.deviceID };
    if (device.kind === 'camera') fx.emit(engine, 'videoDeviceStateChanged', updateType, info);
    else fx.emit(engine, 'audioDeviceStateChanged', updateType, 'Input', info);
  }

  /** The owner turns something of a stream it made off or on: false (nothing changed) for bad input; the players hear it. */
  function change(engine: EngineState, media: unknown, valid: boolean, apply: (local: LocalStreamState) => void): boolean {
    const local = localOf(engine, media);
    if (dead(engine) || !local || !valid) return false;
    apply(local);
    announce(engine, local);
    return true;
  }

  const published = (engine: EngineState, local: LocalStreamState): boolean =>
    [...engine.publishers.values()].some((publisher) => publisher.local === local);

  return {
    createStream(engine, options) {
      if (dead(engine)) return Promise.reject(sdkError({ name: 'AbortError', message: 'engine gone' }));
      const { camera, screen } = (options ?? {}) as SimulatedStreamOptions;
      if (screen) {
        const audio = typeof screen === 'object' && (screen as { audio?: unknown }).audio === true;
        return Promise.resolve(capture(engine, 'screen', true, audio));
      }
      const video = camera?.video !== false;
      const audio = camera?.audio !== false;
      const refused = refusal(engine, [...(video ? ['camera' as const] : []), ...(audio ? ['microphone' as const] : [])]);
      if (refused) return Promise.reject(sdkError(refused));
      return Promise.resolve(capture(engine, 'camera', video, audio));
    },

    getUserMedia(engine, constraints) {
      const { video, audio } = (constraints ?? {}) as { video?: unknown; audio?: unknown };
      const kinds = [...(video ? ['camera' as const] : []), ...(audio ? ['microphone' as const] : [])];
      if (dead(engine) || kinds.length === 0) {
        return Promise.reject(browserError({ name: 'TypeError', message: 'At least one of audio and video must be requested' }));
      }
      const refused = refusal(engine, kinds);
      if (refused) return Promise.reject(browserError(refused));
      return Promise.resolve(capture(engine, 'camera', !!video, !!audio));
    },

    destroyStream(engine, media) {
      const local = localOf(engine, media);
      if (!local) return;
      engine.localStreams.delete(local.media);
      if (!local.ended) end(engine, local);
    },

    muteVideo(engine, media, mute, retain) {
      return change(engine, media, typeof mute === 'boolean' && (retain === undefined || typeof retain === 'boolean'), (local) => {
        local.videoMuted = mute as boolean;
      });
    },

    muteAudio(engine, media, mute) {
      return change(engine, media, typeof mute === 'boolean', (local) => {
        local.audioMuted = mute as boolean;
      });
    },

    enableCapture(engine, media, enable) {
      return change(engine, media, typeof enable === 'boolean', (local) => {
        local.captureOff = !enable;
      });
    },

    setFault(engine, kind, fault) {
      if (!isKind(kind) || (fault !== null && !isFault(fault))) return false;
      engine.devices[kind].fault = fault;
      return true;
    },

    unplug(engine, kind) {
      if (dead(engine) || !isKind(kind) || !engine.devices[kind].present) return false;
      const device = engine.devices[kind];
      device.present = false;
      for (const local of engine.localStreams.values()) {
        if (local.ended || local.source !== 'camera' || !(kind === 'camera' ? local.video : local.audio)) continue;
        if (kind === 'camera') local.cameraLost = true;
        else local.micLost = true;
        // Its track goes dark; a stream that is published says so first (deviceError, then the DELETE).
        if (published(engine, local)) fx.emit(engine, 'deviceError', SimulatorErrorCode.DEVICE_UNPLUGGED, device.deviceName);
        announce(engine, local);
      }
      deviceChanged(engine, device, 'DELETE');
      return true;
    },

    plug(engine, kind) {
      if (dead(engine) || !isKind(kind) || engine.devices[kind].present) return false;
      const device = engine.devices[kind];
      device.present = true;
      deviceChanged(engine, device, 'ADD');
      return true;
    },

    endScreenSharing(engine) {
      const screens = [...engine.localStreams.values()].filter((local) => local.source === 'screen' && !local.ended);
      if (dead(engine) || screens.length === 0) return false;
      for (const local of screens) {
        // The SDK destroys the stream when it tells the app (its declarations: "触发时会自动将媒体流销毁").
        engine.localStreams.delete(local.media);
        end(engine, local);
        fx.emit(engine, 'screenSharingEnded', local.media);
      }
      return true;
    },

    raiseException(engine, streamID, code) {
      if (dead(engine) || typeof streamID !== 'string' || typeof code !== 'number' || !Object.hasOwn(EXCEPTIONS, code)) return false;
      // 1001–1005 / 2001–2005 are about capture and sending (a publisher), 1006–1010 / 2006–2010 about receiving (a player).
      const sending = code % 1000 <= 5;
      if (!(sending ? engine.publishers.has(streamID) : engine.players.has(streamID))) return false;
      fx.emit(engine, 'exceptionUpdate', streamID, { code: code as SimulatedExceptionCode, message: EXCEPTIONS[code as SimulatedExceptionCode] });
      return true;
    },

    playing(engine, streamID, player) {
      const status = currentStatus(engine, streamID);
      // Simulator choice: a new player (remote: OPEN) hears only what is off; the kit reads no report as on.
      if (status) deliver(engine, streamID, player, status);
    },
  };
}
