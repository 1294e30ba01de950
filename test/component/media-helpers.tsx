/**
 * The component tests' setup with the `mediaHealth()` extension, and the
 * media events as the adapters dispatch them, stamped with the manual clock.
 */
import { vi } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import type { MediaHealthEvent, QualityGrade } from '../../src/core/media-events.js';
import type { StatusStoreOptions } from '../../src/core/store.js';
import { setup } from './helpers.js';

type WithoutAt<E> = E extends MediaHealthEvent ? Omit<E, 'at'> : never;

export function mediaSetup(options: StatusStoreOptions = {}) {
  const t = setup({ extensions: [mediaHealth({ browserConnectivity: false })], ...options });
  const media = (event: WithoutAt<MediaHealthEvent>) => t.store.dispatch({ ...event, at: t.clock.now() } as MediaHealthEvent);
  /** `playQualityUpdate` with the video and audio grades (the SDK's report every 3 s). */
  const playQuality = (streamID: string, grade: QualityGrade) =>
    media({ type: 'playQualityUpdate', streamID, stats: { videoQuality: grade, audioQuality: grade, videoBitrate: 800, videoFPS: 15 } });
  const networkQuality = (userID: string, upstreamQuality: QualityGrade, downstreamQuality: QualityGrade) =>
    media({ type: 'networkQuality', userID, upstreamQuality, downstreamQuality });
  /** Logged in and playing `streamIDs` (each ADDed and PLAYING), so media events about them are kept. */
  const watching = (...streamIDs: string[]) => {
    t.login();
    t.streams('ADD', streamIDs.map((streamID) => ({ streamID, user: { userID: `u-${streamID}`, userName: streamID } })));
    for (const streamID of streamIDs) t.player(streamID, 'PLAYING');
  };
  return { ...t, media, playQuality, networkQuality, watching };
}

export type MediaSetup = ReturnType<typeof mediaSetup>;

/** A MediaStream stand-in for jsdom, with or without a sound track. */
export const fakeMedia = (id: string, sound = true) =>
  ({ id, getAudioTracks: () => (sound ? [{ kind: 'audio' }] : []), getVideoTracks: () => [{ kind: 'video' }] }) as unknown as MediaStream;

const notAllowed = () => new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError');

/**
 * The browser's autoplay policy on `play()`: `'sound'` refuses unmuted
 * playback (Chromium before a gesture), `'all'` refuses everything, `'none'`
 * allows everything. Returns the spy and a way to change the policy (a click
 * gives the page its gesture).
 */
export function autoplayPolicy(initial: 'sound' | 'all' | 'none') {
  let policy = initial;
  const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    return policy === 'all' || (policy === 'sound' && !this.muted) ? Promise.reject(notAllowed()) : Promise.resolve();
  });
  return { play, set: (next: typeof policy) => (policy = next) };
}
