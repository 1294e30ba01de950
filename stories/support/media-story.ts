/**
 * Media-health stories (issue 14): the `mediaHealth()` extension on the
 * story's store, media events as timeline steps, several streams in one room,
 * real picture-and-sound media, and a browser that refuses autoplay the way
 * Chromium does before a user gesture.
 */
import type { StoryContext } from '@storybook/react-vite';
import { mediaHealth } from '../../src/adapters/media-health.js';
import type { MediaHealthEvent, QualityGrade } from '../../src/core/media-events.js';
import { createTestPattern, stopSimulatedMedia } from '../../src/simulator/media.js';
import { ROOM, statusOf, storyMessagesOf, type StatusStep, type StatusStoryOptions, type StoryEvent, type StoryMessages } from './status-story.js';

/** The store options of a media-health story (no window listener: the story drives offline/online itself). */
export const MEDIA: StatusStoryOptions = { extensions: [mediaHealth({ browserConnectivity: false })] };

/** A media-health event as a timeline step, stamped with the story clock like the core's. */
export const media = (event: MediaHealthEvent extends infer E ? (E extends MediaHealthEvent ? Omit<E, 'at'> : never) : never): StatusStep => ({
  event: event as unknown as StoryEvent,
});

/** `playQualityUpdate` with both grades, as the SDK reports every 3 s. */
export const playQuality = (streamID: string, grade: QualityGrade): StatusStep =>
  media({ type: 'playQualityUpdate', streamID, stats: { videoQuality: grade, audioQuality: grade, videoBitrate: 600, videoFPS: 15 } });

/** Several hosts' streams ADDed to the room and PLAYING (`<name>-main`, user `<name>`). */
export const hostsPlaying = (...names: string[]): StatusStep[] => [
  {
    event: {
      type: 'roomStreamUpdate',
      roomID: ROOM,
      updateType: 'ADD',
      streamList: names.map((name) => ({ streamID: `${name}-main`, user: { userID: name, userName: name } })),
    },
  },
  ...names.map((name): StatusStep => ({ event: { type: 'playerStateUpdate', streamID: `${name}-main`, state: 'PLAYING', errorCode: 0 } })),
];

/** The catalog the story shows, media strings included (English ones from `enMedia`). */
export const mediaMessagesOf: (context: Pick<StoryContext, 'globals'>) => StoryMessages = storyMessagesOf;

/**
 * Puts a stream with a picture (test pattern) and sound (an oscillator) in
 * the story's media registry for each of `streamIDs`, as the audience policy
 * would; for a story's `beforeEach`, which returns the cleanup.
 */
export const avMedia =
  (...streamIDs: string[]) =>
  (context: Pick<StoryContext, 'loaded'>): (() => void) => {
    const { registry } = statusOf(context);
    const audio = new AudioContext();
    const stops = streamIDs.map((streamID) => {
      const picture = createTestPattern(streamID);
      const tone = audio.createOscillator();
      const sink = audio.createMediaStreamDestination();
      tone.connect(sink);
      tone.start();
      const tracks = picture instanceof MediaStream ? picture.getVideoTracks() : [];
      const stream = new MediaStream([...tracks, ...sink.stream.getAudioTracks()]);
      registry.set(streamID, stream);
      return () => {
        registry.set(streamID, null);
        stopSimulatedMedia(stream);
        tone.stop();
      };
    });
    return () => {
      for (const stop of stops) stop();
      void audio.close();
    };
  };

/** Input events that count as a user gesture for autoplay (the HTML spec's activation-triggering events, roughly). */
const GESTURES = new Set(['click', 'keydown', 'keyup', 'mouseup', 'pointerup', 'touchend']);

/**
 * A browser that refuses `play()` as Chromium does before any user gesture
 * (`'sound'`: unmuted playback; `'all'`: even muted), and allows it inside a
 * click or key press handler: a real one, or the testing-library events of a
 * play function, which the real policy would not count (the storybook test
 * project runs Chromium with its policy off, so this is the only policy
 * there). The kit resumes blocked tiles synchronously inside the click, so
 * the event being handled is what counts. Not the page's transient user
 * activation: a test harness grants it without anyone clicking (Playwright's
 * `page.evaluate` runs as a user gesture, and the screenshot test evaluates
 * in the page before and around every story), and the blocked stories then
 * never showed their prompt. Deterministic whatever earlier stories clicked.
 * For a story's `beforeEach`; returns the restore. The real policy is tested
 * in test/browser/autoplay.test.tsx.
 */
export const refuseAutoplay =
  (refuse: 'sound' | 'all') =>
  (): (() => void) => {
    const original = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      const gesture = GESTURES.has(window.event?.type ?? '');
      if (!gesture && (refuse === 'all' || !this.muted)) {
        return Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError'));
      }
      return original.call(this);
    };
    return () => {
      HTMLMediaElement.prototype.play = original;
    };
  };

/**
 * A story's `beforeEach` for autoplay: the browser refuses as `refuseAutoplay`
 * says, and each of `streamIDs` gets picture-and-sound media; returns the
 * cleanup of both.
 */
export const blockedAutoplay =
  (refuse: 'sound' | 'all', ...streamIDs: string[]) =>
  (context: Pick<StoryContext, 'loaded'>): (() => void) => {
    const restore = refuseAutoplay(refuse)();
    const stop = avMedia(...streamIDs)(context);
    return () => {
      stop();
      restore();
    };
  };

/** What a `<video>` is doing over `ms` of real time. */
export async function playbackOf(video: HTMLVideoElement, ms = 600) {
  const start = video.currentTime;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { paused: video.paused, muted: video.muted, advancing: video.currentTime > start };
}
