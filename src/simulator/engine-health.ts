/**
 * The client calls of media health: the web SDK 3.12 surface for local
 * streams, muting, token renewal and stream views, and the faults a test or
 * story sets on an engine's user (network quality, devices, exceptions,
 * token expiry, autoplay). They check their input as the SDK does and hand
 * the work to quality.ts, local-media.ts, tokens.ts and stream-view.ts.
 *
 * Internal: `createSimulatedRoom(...).createEngine` is the public way in;
 * {@link SimulatedEngineHealth} is part of its type.
 */
import type { Effects } from './effects.js';
import type { LocalMedia, SimulatedStreamOptions } from './local-media.js';
import type { SimulatedMediaStream } from './media.js';
import type { NetworkGrades, NetworkProfileStep, Quality } from './quality.js';
import { createStreamView, type SimulatedStreamView } from './stream-view.js';
import type { Tokens } from './tokens.js';
import { dead, type DeviceFault, type DeviceKindName, type EngineState, type Grade } from './world.js';

/** What the media-health calls hand their work to. @internal */
export interface HealthParts {
  readonly quality: Quality;
  readonly media: LocalMedia;
  readonly tokens: Tokens;
}

/**
 * Media health on a simulated engine: the web SDK calls an app makes
 * (createZegoStream, mutePublishStreamVideo/Audio, renewToken,
 * createRemoteStreamView ...) and the faults a test or story sets.
 *
 * @example
 * ```ts
 * const camera = await host.createZegoStream();
 * host.startPublishingStream('host-main', camera);
 * host.mutePublishStreamVideo(camera, true); // ≈100 ms later the audience: remoteCameraStatusUpdate('host-main', 'MUTE')
 * host.setNetworkQuality({ upstream: 3 });   // the next reports say poor
 * ```
 */
export interface SimulatedEngineHealth {
  // ---- the web SDK's calls ---------------------------------------------------------

  /**
   * Captures a camera-and-microphone stream (default) or a screen
   * (`{ screen: true }`): a test pattern MediaStream in a browser, a stand-in
   * elsewhere. Rejects as web SDK 3.12 does, `{ code, message }`: 1103064
   * when the browser or the system denies access (`NotAllowedError: get
   * device not allowed`), 1103065 when the device is in use, 1103061 (`get
   * media fail NotFoundError ...`) when there is none.
   */
  createZegoStream(options?: SimulatedStreamOptions): Promise<SimulatedMediaStream>;
  /** Ends a stream createZegoStream made: its tracks stop; players of it hear its camera and mic go. */
  destroyStream(localStream: unknown): void;
  /**
   * Stops (true) or resumes sending the stream's video: its video track is
   * disabled, `muteState` '1' in the quality reports, and ≈100 ms later every
   * player of a stream published from it gets `remoteCameraStatusUpdate(streamID,
   * 'MUTE' | 'OPEN')`. False for a stream this engine did not create or a
   * non-boolean `mute`.
   */
  mutePublishStreamVideo(localStream: unknown, mute: boolean, retain?: boolean): boolean;
  /** As {@link mutePublishStreamVideo} for the sound: `remoteMicStatusUpdate`. */
  mutePublishStreamAudio(localStream: unknown, mute: boolean): boolean;
  /** Turns the camera off (false) or on: the players hear it as with mutePublishStreamVideo. */
  enableVideoCaptureDevice(localStream: unknown, enable?: boolean): Promise<boolean>;
  /**
   * The web SDK's renewToken: false when not in the room or `token` is empty;
   * true otherwise. The server then gives the token the room's
   * `tokenLifetimeMs` (default an hour) from now, unless it refuses it
   * ({@link refuseTokenRenewal}) or cannot be reached: the expiry stands, as
   * with the SDK, which only logs the refusal. The token is never kept.
   */
  renewToken(token: string, roomID?: string): boolean;
  /** A simulated `ZegoStreamView` for a played stream: `autoplayFailed` when the browser refuses to play it. */
  createRemoteStreamView(remoteStream: SimulatedMediaStream): SimulatedStreamView;

  // ---- the simulated browser ---------------------------------------------------------

  /**
   * The browser's getUserMedia in this engine's tab: rejects with
   * Chromium's DOMExceptions (`NotAllowedError` "Permission denied" or
   * "Permission denied by system", `NotFoundError`, `NotReadableError`).
   */
  getUserMedia(constraints: { video?: unknown; audio?: unknown }): Promise<SimulatedMediaStream>;
  /**
   * The tab refuses playback until a user gesture: `'sound'` (default:
   * playback with sound, as Chromium before any click) or `'all'`. Views
   * refused say `autoplayFailed`.
   */
  blockAutoplay(mode?: 'sound' | 'all'): void;
  /** A user gesture (a click): autoplay is allowed from now on, and every refused view plays. */
  userGesture(): void;
  /** What the tab refuses to play now. */
  readonly autoplayBlocked: 'sound' | 'all' | null;

  // ---- faults ------------------------------------------------------------------------

  /**
   * This user's network, as the quality reports grade it (−1 unknown, 0
   * excellent … 4 die; default 0): `upstream` for what it publishes,
   * `downstream` for what it plays. Cancels a profile still running. False
   * (and nothing changed) for a grade out of range.
   */
  setNetworkQuality(grades: NetworkGrades): boolean;
  /** Grades over time: each step applies `afterMs` from now (replaces a profile still running). */
  setNetworkProfile(steps: readonly NetworkProfileStep[]): boolean;
  /**
   * One stream's grade as this engine publishes or plays it (the worse of
   * this and the network counts); null clears it.
   */
  setStreamQuality(streamID: string, grade: Grade | null): boolean;
  /** What opening the camera or microphone fails with from now on (null: nothing). */
  setDeviceFault(device: DeviceKindName, fault: DeviceFault | null): boolean;
  /**
   * Unplugs the camera or microphone: a published stream capturing it says
   * `deviceError(1006006, deviceName)`, its track ends and its players hear
   * the camera or mic go; then `videoDeviceStateChanged('DELETE', …)` /
   * `audioDeviceStateChanged('DELETE', 'Input', …)` (device events only once
   * access was granted). Later captures fail as not found until it is plugged back.
   */
  unplugDevice(device: DeviceKindName): boolean;
  /** Plugs it back: `…DeviceStateChanged('ADD', …)`; capturing works again (streams do not restart themselves). */
  plugDevice(device: DeviceKindName): boolean;
  /** The user stops screen sharing from the browser: `screenSharingEnded(mediaStream)`, the stream ends. */
  endScreenSharing(): boolean;
  /**
   * `exceptionUpdate(streamID, { code, message })`: 1001–1005 / 2001–2005
   * for a stream this engine publishes (capture, sending), 1006–1010 /
   * 2006–2010 for one it plays (receiving, decoding, rendering). False for
   * another code or a stream it does not publish or play.
   */
  raiseException(streamID: string, code: number): boolean;
  /**
   * The token of the room (default: every room the engine is in) expires
   * `ms` from now: `tokenWillExpire(roomID)` 30 s before (at once if less is
   * left) and, unless renewed, KICKOUT 1102018 at the expiry.
   */
  expireTokenIn(ms: number, roomID?: string): boolean;
  /** The server refuses renewToken's tokens from now on (or accepts them again with false). */
  refuseTokenRenewal(refuse?: boolean): void;
}

/** @internal */
export function createHealthCalls(fx: Effects, engine: EngineState, parts: HealthParts): SimulatedEngineHealth {
  const { quality, media, tokens } = parts;
  return {
    createZegoStream: (options) => media.createStream(engine, options),
    destroyStream: (localStream) => media.destroyStream(engine, localStream),
    mutePublishStreamVideo: (localStream, mute, retain) => media.muteVideo(engine, localStream, mute, retain),
    mutePublishStreamAudio: (localStream, mute) => media.muteAudio(engine, localStream, mute),
    enableVideoCaptureDevice: (localStream, enable = true) => Promise.resolve(media.enableCapture(engine, localStream, enable)),
    renewToken: (token, roomID) => tokens.renew(engine, token, roomID),
    createRemoteStreamView: (remoteStream) => createStreamView(engine, fx, remoteStream),

    getUserMedia: (constraints) => media.getUserMedia(engine, constraints),
    blockAutoplay(mode = 'sound') {
      if (!dead(engine) && (mode === 'sound' || mode === 'all')) engine.autoplay = mode;
    },
    userGesture() {
      if (dead(engine)) return;
      engine.autoplay = null;
      for (const resume of [...engine.blockedViews]) resume();
    },
    get autoplayBlocked() {
      return engine.autoplay;
    },

    setNetworkQuality: (grades) => quality.setNetwork(engine, grades),
    setNetworkProfile: (steps) => quality.setProfile(engine, steps),
    setStreamQuality: (streamID, grade) => quality.setStream(engine, streamID, grade),
    setDeviceFault: (device, fault) => media.setFault(engine, device, fault),
    unplugDevice: (device) => media.unplug(engine, device),
    plugDevice: (device) => media.plug(engine, device),
    endScreenSharing: () => media.endScreenSharing(engine),
    raiseException: (streamID, code) => media.raiseException(engine, streamID, code),
    expireTokenIn(ms, roomID) {
      if (dead(engine) || !Number.isFinite(ms)) return false;
      const sessions = [...engine.sessions.values()].filter((session) => roomID === undefined || session.roomID === roomID);
      for (const session of sessions) tokens.expireIn(session, ms);
      return sessions.length > 0;
    },
    refuseTokenRenewal(refuse = true) {
      engine.refuseRenewal = refuse;
    },
  };
}
