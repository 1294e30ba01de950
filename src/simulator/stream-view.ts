/**
 * A simulated web `ZegoStreamView` (engine.createRemoteStreamView) and the
 * simulated browser's autoplay policy. A browser that refuses playback
 * until a user gesture (`blockAutoplay('sound')`: with sound; `'all'`:
 * everything) makes the view's play() fail, and the view says so as the web
 * SDK 3.12 does: `autoplayFailed` on the view (its declarations: "调用 play
 * 接口播放视频失败时会触发 ZegoStreamView 的自动播放失败事件回调"), with the
 * media element and the browser's NotAllowedError as ZegoExpressWebRTC
 * 3.12.0 passes them; the SDK plays the picture muted on its own and the sound
 * apart, so with sound refused the picture still plays. A user gesture
 * (`userGesture()`, the SDK's dialog or a click on the page) resumes every
 * refused view; `resume()` does only once the page has had one.
 *
 * In a browser with a DOM the view also shows its stream in a `<video>` in
 * the container; the real browser's policy is not involved (the video is
 * muted, and not played while the simulated policy refuses everything).
 *
 * Internal: the view type is exported from the package.
 */
import type { Effects } from './effects.js';
import type { SimulatedMediaStream } from './media.js';
import { dead, type EngineState } from './world.js';

/**
 * A simulated `ZegoStreamView`: the part of the web SDK's stream view an app
 * uses to show a played stream and hear that autoplay failed.
 *
 * @example
 * ```ts
 * const view = viewer.createRemoteStreamView(await viewer.startPlayingStream('host-main'));
 * view.on('autoplayFailed', () => showTapToPlay());
 * view.play('remote-video', { enableAutoplayDialog: false });
 * ```
 */
export interface SimulatedStreamView {
  /** Shows the stream in `container` (an element or its id); `autoplayFailed` if the browser refuses. */
  play(container: unknown, options?: { muted?: boolean | undefined; enableAutoplayDialog?: boolean | undefined }): void | undefined;
  /** Stops showing it. */
  stop(): void;
  /** Plays again what the browser refused: succeeds once the page has had a user gesture. */
  resume(): void;
  /** Mutes or unmutes the view's sound; false when it is not playing. */
  setAudioMuted(muted: boolean): boolean;
  on(event: 'autoplayFailed', callback: (element?: unknown, error?: unknown) => void): boolean;
  off(event: 'autoplayFailed', callback?: (element?: unknown, error?: unknown) => void): boolean;
  /** What the view plays now: nothing, the picture without its sound (refused or muted), or all it has. */
  readonly playing: 'none' | 'video' | 'all';
}

const hasAudio = (media: SimulatedMediaStream): boolean =>
  'simulated' in media ? media.audio === true : typeof media.getAudioTracks === 'function' && media.getAudioTracks().length > 0;

/** The `<video>` a view shows in a browser, or null outside one (or for a container it cannot find). */
function videoIn(container: unknown, media: SimulatedMediaStream): HTMLVideoElement | null {
  if (typeof document === 'undefined' || typeof MediaStream !== 'function' || !(media instanceof MediaStream)) return null;
  const parent = typeof container === 'string' ? document.getElementById(container) : container;
  if (!parent || typeof (parent as Node).appendChild !== 'function') return null;
  const video = document.createElement('video');
  video.muted = true; // the SDK plays the picture muted and the sound apart
  video.playsInline = true;
  video.srcObject = media;
  (parent as Node).appendChild(video);
  return video;
}

/** A refusal as the browser gives it. */
const notAllowed = (): unknown =>
  typeof DOMException === 'function'
    ? new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError')
    : { name: 'NotAllowedError', message: "play() failed because the user didn't interact with the document first." };

/** @internal */
export function createStreamView(engine: EngineState, fx: Effects, media: SimulatedMediaStream): SimulatedStreamView {
  const listeners = new Set<(element?: unknown, error?: unknown) => void>();
  let mounted = false;
  let muted = false;
  let video: HTMLVideoElement | null = null;
  let playing: SimulatedStreamView['playing'] = 'none';

  const refused = (): 'sound' | 'all' | null => {
    if (engine.autoplay === 'all') return 'all';
    return engine.autoplay === 'sound' && !muted && hasAudio(media) ? 'sound' : null;
  };

  /** Plays what the browser allows now; a refusal is reported as the SDK does, once the play() promise fails. */
  function attempt(): void {
    if (!mounted || dead(engine)) return;
    const refusal = refused();
    // 'video': the picture without the sound it has (refused, or muted by the app).
    playing = refusal === 'all' ? 'none' : refusal === 'sound' || (muted && hasAudio(media)) ? 'video' : 'all';
    if (video && refusal !== 'all') void video.play().catch(() => undefined);
    if (!refusal) {
      engine.blockedViews.delete(resume);
      return;
    }
    engine.blockedViews.add(resume);
    fx.after(0, () => {
      if (!mounted || refused() === null) return;
      for (const listener of [...listeners]) {
        try {
          listener(video ?? undefined, notAllowed());
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    });
  }

  function resume(): void {
    attempt();
  }

  return {
    play(container, options = {}) {
      if (mounted) return;
      mounted = true;
      muted = options.muted === true;
      video = videoIn(container, media);
      attempt();
    },
    stop() {
      mounted = false;
      playing = 'none';
      engine.blockedViews.delete(resume);
      video?.remove();
      video = null;
    },
    resume,
    setAudioMuted(mute) {
      if (!mounted || typeof mute !== 'boolean') return false;
      muted = mute;
      attempt();
      return true;
    },
    on(event, callback) {
      if (event !== 'autoplayFailed' || typeof callback !== 'function') return false;
      listeners.add(callback);
      return true;
    },
    off(event, callback) {
      if (event !== 'autoplayFailed') return false;
      if (callback === undefined) listeners.clear();
      else listeners.delete(callback);
      return true;
    },
    get playing() {
      return playing;
    },
  };
}
