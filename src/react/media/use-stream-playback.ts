/**
 * StreamView's playback: it calls `play()` itself, so it knows when the
 * browser refuses (autoplay policy: sound needs a user gesture). It tries
 * with sound first; refused, it tries muted so the picture shows, and reports
 * the block to the store (`autoplayFailed` 'audio' or 'all'); once a click
 * lets it play with sound, `autoplayResumed`. Without the `mediaHealth()`
 * extension the store keeps no block, so the tile keeps its own, and still
 * shows its button: never a silent black tile.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { AutoplayBlocked } from '../../core/media-events.js';
import { hasMediaHealth, selectAutoplayBlock } from '../../core/media-selectors.js';
import type { StatusStore } from '../../core/store.js';
import { holdBlockedMedia } from './autoplay-registry.js';

/** What StreamView needs of its playback. Internal to the kit. */
export interface StreamPlayback {
  readonly video: RefObject<HTMLVideoElement | null>;
  /** What the browser blocked, while the video has a source. */
  readonly blocked: AutoplayBlocked | null;
}

const refused = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'NotAllowedError';

// jsdom's play() returns nothing; a real one a promise.
const play = (node: HTMLVideoElement, muted: boolean): Promise<unknown> => {
  node.muted = muted;
  return Promise.resolve(node.play());
};

/**
 * Plays `source` in the returned video ref and reports autoplay blocks for
 * `streamID`; `stored` is the store's block for it (from useStreamHealth).
 * While blocked, the tile is in the page's registry, so one click on any kit
 * control resumes it. Internal to the kit.
 */
export function useStreamPlayback(
  streamID: string,
  source: MediaStream | null,
  muted: boolean | undefined,
  stored: AutoplayBlocked | null,
  store: StatusStore,
): StreamPlayback {
  const video = useRef<HTMLVideoElement | null>(null);
  const [own, setOwn] = useState<AutoplayBlocked | null>(null);
  const mute = useRef(muted);
  mute.current = muted;

  // Records what the last play() said: the tile's own block, and the store's.
  const report = useCallback(
    (block: AutoplayBlocked | null): void => {
      setOwn(block);
      const state = store.getState();
      const at = store.clock.now();
      const known = hasMediaHealth(state) ? selectAutoplayBlock(state, streamID) : null;
      if (block && block !== known) store.dispatch({ type: 'autoplayFailed', streamID, blocked: block, at });
      else if (!block && known) store.dispatch({ type: 'autoplayResumed', streamID, at });
    },
    [store, streamID],
  );

  // With sound (unless muted); refused, muted so the picture shows: 'audio'
  // if that plays and there is sound to miss, 'all' if even that is refused.
  const start = useMemo(
    () =>
      (node: HTMLVideoElement, live: () => boolean): void =>
        void play(node, !!mute.current).then(
          () => live() && report(null),
          (error) => {
            if (!live() || !refused(error)) return;
            if (mute.current) return report('all');
            const sound = (node.srcObject as MediaStream | null)?.getAudioTracks?.().length !== 0;
            play(node, true).then(
              () => live() && report(sound ? 'audio' : null),
              (again) => live() && refused(again) && report('all'),
            );
          },
        ),
    [report],
  );

  // srcObject is a property, not an attribute: set after mount, cleared after.
  useEffect(() => {
    const node = video.current!;
    node.srcObject = source;
    let live = true;
    if (source) start(node, () => live);
    return () => {
      live = false;
      node.srcObject = null;
    };
  }, [source, start]);

  const blocked = source ? (hasMediaHealth(store.getState()) ? stored : own) : null;

  // Blocked: one click on any kit control calls this, inside the gesture.
  useEffect(() => (blocked ? holdBlockedMedia(() => video.current?.srcObject && start(video.current, () => true)) : undefined), [blocked, start]);

  return { video, blocked };
}
