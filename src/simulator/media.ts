/**
 * What startPlayingStream resolves with: in a browser a real MediaStream
 * showing a test pattern, elsewhere (Node, jsdom) a plain stand-in. No DOM is
 * touched at import time, so the simulator loads anywhere (SSR-safe).
 */

/**
 * The stand-in used where no MediaStream can be made.
 *
 * @example
 * ```ts
 * const media = await engine.startPlayingStream('host-main');
 * if ('simulated' in media) console.log('no real media here:', media.id);
 * ```
 */
export interface SimulatedMediaStandIn {
  readonly id: string;
  readonly simulated: true;
  /** It stands for a stream with sound (a browser would refuse to autoplay it unmuted). */
  readonly audio?: true | undefined;
}

/**
 * A played stream as the simulator gives it.
 *
 * @example
 * ```ts
 * const media: SimulatedMediaStream = await engine.startPlayingStream('host-main');
 * ```
 */
export type SimulatedMediaStream = MediaStream | SimulatedMediaStandIn;

const BARS = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];

/** How often a test pattern is redrawn (display only, real time): twice a second. */
export const TEST_PATTERN_REDRAW_MS = 500;
const WIDTH = 320;
const HEIGHT = 180;
const TICKS = 16;

/**
 * Options for {@link createTestPattern}.
 *
 * @example
 * ```ts
 * const options: TestPatternOptions = { audio: true };
 * ```
 */
export interface TestPatternOptions {
  /**
   * Add a (silent) audio track, as a camera-and-microphone stream has: a
   * browser's autoplay policy then refuses it with sound until a user
   * gesture. Default false. Where WebAudio is missing, the stream has none.
   */
  audio?: boolean | undefined;
}

let silence: AudioContext | null | undefined;

/** A silent live audio track from one shared AudioContext, or null where there is no WebAudio. */
function silentAudioTrack(): MediaStreamTrack | null {
  try {
    if (silence === undefined) silence = typeof AudioContext === 'function' ? new AudioContext() : null;
    return silence?.createMediaStreamDestination().stream.getAudioTracks()[0] ?? null;
  } catch {
    silence = null;
    return null;
  }
}

/**
 * Colour bars with the streamID and a marker that moves along the bottom on
 * every redraw, so a live stream visibly moves and a frozen one is obvious.
 * Captured from a canvas when the browser can
 * (`HTMLCanvasElement.captureStream`), else `{ id, simulated: true }`; with
 * `{ audio: true }`, plus a silent audio track.
 *
 * A canvas stream only sends a frame when the canvas is drawn on, so a
 * `<video>` attached after the first frame would stay black: the pattern is
 * redrawn every {@link TEST_PATTERN_REDRAW_MS} ms (a real timer; this is
 * display, not state) until its track is stopped, which the simulated engine
 * does whenever a played stream ends: stopPlayingStream, NO_PLAY with an
 * errorCode, logout, kick-out, RECONNECT_FAILED, crash, and the room's
 * dispose(). Whoever calls createTestPattern directly stops it
 * ({@link stopSimulatedMedia}).
 *
 * @example
 * ```ts
 * const media = createTestPattern('host-main');
 * if (media instanceof MediaStream) video.srcObject = media;
 * // later: media.getTracks().forEach((track) => track.stop()); // ends the redraws
 * ```
 */
export function createTestPattern(streamID: string, options: TestPatternOptions = {}): SimulatedMediaStream {
  const standIn: SimulatedMediaStandIn = { id: `simulated-${streamID}`, simulated: true, ...(options.audio === true && { audio: true as const }) };
  if (typeof document === 'undefined' || typeof document.createElement !== 'function') return standIn;
  try {
    const canvas = document.createElement('canvas');
    // Checked before getContext: jsdom has no captureStream and complains about getContext.
    if (typeof canvas.captureStream !== 'function') return standIn;
    const context = canvas.getContext('2d');
    if (!context) return standIn;
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const barWidth = WIDTH / BARS.length;
    const draw = (tick: number): void => {
      BARS.forEach((colour, index) => {
        context.fillStyle = colour;
        context.fillRect(index * barWidth, 0, barWidth + 1, HEIGHT);
      });
      context.fillStyle = 'rgba(0, 0, 0, 0.6)';
      context.fillRect(0, HEIGHT - 36, WIDTH, 36);
      context.fillStyle = '#ffffff';
      context.font = '16px sans-serif';
      context.fillText(streamID, 10, HEIGHT - 12);
      context.fillRect(((tick % TICKS) * WIDTH) / TICKS, HEIGHT - 4, WIDTH / TICKS, 4);
    };
    draw(0);
    const media = canvas.captureStream();
    const audio = options.audio === true ? silentAudioTrack() : null;
    if (audio) media.addTrack(audio);
    let tick = 0;
    const timer = setInterval(() => {
      if (media.getVideoTracks().every((track) => track.readyState === 'ended')) clearInterval(timer);
      else draw(++tick);
    }, TEST_PATTERN_REDRAW_MS);
    return media;
  } catch {
    return standIn;
  }
}

/**
 * Stops a simulated stream's tracks (which ends a test pattern's redraws);
 * a stand-in or anything else is left alone. Never throws.
 *
 * @example
 * ```ts
 * stopSimulatedMedia(createTestPattern('host-main'));
 * ```
 */
export function stopSimulatedMedia(media: SimulatedMediaStream | null | undefined): void {
  if (!media || !('getTracks' in media) || typeof media.getTracks !== 'function') return;
  try {
    for (const track of media.getTracks()) track.stop();
  } catch {
    // Display only: a track that cannot be stopped is not the app's problem.
  }
}

/**
 * Turns a stream's video and/or audio tracks on or off (`track.enabled`): a
 * disabled video track shows black frames, a disabled audio track silence,
 * as a muted remote publisher's do. A stand-in or anything else is left
 * alone. Never throws.
 *
 * @example
 * ```ts
 * enableSimulatedTracks(media, { video: false }); // the camera is off
 * ```
 */
export function enableSimulatedTracks(media: SimulatedMediaStream | null | undefined, tracks: { video?: boolean | undefined; audio?: boolean | undefined }): void {
  if (!media || !('getTracks' in media) || typeof media.getTracks !== 'function') return;
  try {
    for (const track of media.getTracks()) {
      const enabled = track.kind === 'audio' ? tracks.audio : tracks.video;
      if (enabled !== undefined) track.enabled = enabled;
    }
  } catch {
    // Display only.
  }
}

/**
 * The simulator's played media where a `MediaStream` is expected (a
 * `<video>`'s `srcObject`, an `onMediaStream` typed for the real SDK): the
 * test pattern in a browser, `null` for the stand-in (Node, jsdom), which has
 * nothing to show. With `StreamView` and `useAudiencePolicy` there is nothing
 * to convert: the policy hands the media to the view itself.
 *
 * @example
 * ```ts
 * video.srcObject = asMediaStream(await viewer.startPlayingStream('host-main'));
 * ```
 */
export function asMediaStream(media: SimulatedMediaStream | null | undefined): MediaStream | null {
  return media && !('simulated' in media) ? media : null;
}
