/**
 * What a tile shows about its stream's media besides the picture: the remote
 * camera or microphone turned off, a decode or render exception, autoplay
 * blocked. One selection per tile, packed in a number, so a report about
 * another stream (or a quality report about this one) does not re-render it.
 */
import { useMemo } from 'react';
import type { AutoplayBlocked } from '../../core/media-events.js';
import { hasMediaHealth, selectAutoplayBlock, selectStreamHealth } from '../../core/media-selectors.js';
import type { StatusState } from '../../core/status.js';
import type { StatusStore } from '../../core/store.js';
import { useStatusStore } from '../context.js';
import { useStatus } from '../use-status.js';

/**
 * The tile-level media state of one stream.
 *
 * @example
 * ```ts
 * const view: StreamHealthView = { cameraOff: true, microphoneOff: false, stuttering: false, autoplay: null };
 * ```
 */
export interface StreamHealthView {
  /** The publisher turned the camera off (`remoteCameraStatusUpdate` MUTE). */
  readonly cameraOff: boolean;
  /** The publisher turned the microphone off (`remoteMicStatusUpdate` MUTE). */
  readonly microphoneOff: boolean;
  /** A decode or render exception is active (`exceptionUpdate` 1008–1010 until its 2008–2010). */
  readonly stuttering: boolean;
  /** Whether the browser blocked this stream's playback: everything, only its sound, or not. */
  readonly autoplay: AutoplayBlocked | null;
}

// Decode failed, decode frame rate low, render frame rate low: what a viewer sees as stutter.
const STUTTER = [1008, 1009, 1010];

const flags = (state: StatusState, streamID: string): number => {
  if (!hasMediaHealth(state)) return 0;
  const health = selectStreamHealth(state, streamID);
  const block = selectAutoplayBlock(state, streamID);
  return (
    +(health.camera === 'MUTE') |
    (+(health.microphone === 'MUTE') << 1) |
    (+health.exceptions.some((code) => STUTTER.includes(code)) << 2) |
    (+(block === 'all') << 3) |
    (+(block === 'audio') << 4)
  );
};

/**
 * The remote camera and microphone, stutter and autoplay state of a stream,
 * from the store's media health (all off/false/null on a store without the
 * `mediaHealth()` extension). Re-renders only when one of these changes.
 *
 * @example
 * ```tsx
 * function Tile({ streamID, name }: { streamID: string; name: string }) {
 *   const { cameraOff, microphoneOff } = useStreamHealth(streamID);
 *   return <div>{cameraOff ? <p>{name}</p> : <video />}{microphoneOff && <span aria-label="Microphone off">🔇</span>}</div>;
 * }
 * ```
 */
export function useStreamHealth(streamID: string, options: { store?: StatusStore } = {}): StreamHealthView {
  const store = useStatusStore(options.store);
  // Only this stream's entries change these: another stream's report, or a
  // room event, costs two lookups per tile.
  const bits = useStatus(
    useMemo(() => {
      let health: unknown = flags;
      let block: unknown;
      let last = 0;
      return (state: StatusState) => {
        const h = state.media?.streams.get(streamID);
        const b = state.media?.autoplay.get(streamID);
        return h === health && b === block ? last : ((health = h), (block = b), (last = flags(state, streamID)));
      };
    }, [streamID]),
    undefined,
    store,
  );
  return {
    cameraOff: !!(bits & 1),
    microphoneOff: !!(bits & 2),
    stuttering: !!(bits & 4),
    autoplay: bits & 8 ? 'all' : bits & 16 ? 'audio' : null,
  };
}
