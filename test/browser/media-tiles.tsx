/**
 * The media-health page of the render benchmark (render-bench-media.test.tsx,
 * asserted) and its cost report (render-media-cost.report.tsx, timings only):
 * render-tiles.tsx's 1,000 played streams on a store with `mediaHealth()`,
 * each tile a labelled StreamView with a ConnectionQualityIndicator, every
 * stream reported good (1) once.
 */
import { mediaHealth } from '../../src/adapters/media-health.js';
import type { ManualClock } from '../../src/core/clock.js';
import type { QualityGrade } from '../../src/core/media-events.js';
import type { StatusStore, StoreEvent } from '../../src/core/store.js';
import { ConnectionQualityIndicator } from '../../src/react/media/connection-quality-indicator.js';
import { StreamView } from '../../src/react/stream-view.js';
import { STREAM_IDS, liveStore } from './render-tiles.js';

/** `playQualityUpdate` as the web adapter dispatches it, every 3 s per played stream. */
export const report = (streamID: string, grade: QualityGrade, at: number): StoreEvent => ({
  type: 'playQualityUpdate',
  streamID,
  stats: { videoQuality: grade, audioQuality: grade, videoBitrate: 600, audioBitrate: 48, videoFPS: 15, packetLossRate: 0.01 },
  at,
});

/** The live room on a media-health store, each stream reported good once. */
export function mediaStore(): { store: StatusStore; clock: ManualClock } {
  const store = liveStore({ extensions: [mediaHealth({ browserConnectivity: false })] });
  const clock = store.clock as ManualClock;
  for (const streamID of STREAM_IDS) store.dispatch(report(streamID, 1, clock.now()));
  return { store, clock };
}

/** A labelled tile with its quality indicator. */
export const mediaTile = (streamID: string, i: number) => (
  <div data-stream={streamID}>
    <StreamView streamID={streamID} muted label={`Host ${i}`} style={{ width: 24, height: 18 }} />
    <ConnectionQualityIndicator streamID={streamID} />
  </div>
);

/** The `data-quality` of a stream's indicator on a mounted page. */
export const qualityOf = (host: HTMLElement, streamID: string) =>
  host.querySelector<HTMLElement>(`[data-stream="${streamID}"] [data-quality]`)!.dataset['quality'];
