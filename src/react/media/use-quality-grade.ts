/**
 * Quality grades that go stale: a grade is only as good as its last report
 * (every 3 s), and a stream or user that stops reporting must read "unknown"
 * rather than keep an old grade. No report, no event: so the hook sets one
 * timer, at the moment the last report goes stale, and re-renders only if the
 * grade read then differs. No ticking while the grade is unknown (only a new
 * report can change it, and a report re-renders through the store).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TimerHandle } from '../../core/clock.js';
import type { QualityGrade } from '../../core/media-events.js';
import { QUALITY_STALE_AFTER_MS } from '../../core/media-health.js';
import {
  hasMediaHealth,
  selectStreamHealth,
  selectStreamQualityGrade,
  selectUserNetworkQuality,
  selectUserQualityGrade,
} from '../../core/media-selectors.js';
import type { StatusState } from '../../core/status.js';
import type { StatusStore } from '../../core/store.js';
import { useStatusStore } from '../context.js';
import type { QualityName } from '../i18n/messages.js';
import { useStatus } from '../use-status.js';

const NAMES: readonly QualityName[] = ['unknown', 'excellent', 'good', 'middle', 'poor', 'die'];

/**
 * The name of a grade, as `data-quality` and the catalog's `qualities` say it.
 *
 * @example
 * ```ts
 * qualityName(3);  // 'poor'
 * qualityName(-1); // 'unknown'
 * ```
 */
export function qualityName(grade: QualityGrade): QualityName {
  return NAMES[grade + 1] ?? 'unknown';
}

/**
 * What to read: a stream's quality (play, else publish) or a user's network.
 *
 * @example
 * ```ts
 * const target: QualityTarget = { streamID: 'host-main' };
 * ```
 */
export type QualityTarget = { readonly streamID: string; readonly userID?: undefined } | { readonly userID: string; readonly streamID?: undefined };

/**
 * The quality grade of a stream or a user at the store clock's now: −1 when
 * unknown or when the last report is older than `QUALITY_STALE_AFTER_MS`
 * (7 s: two missed 3 s reports). Re-renders only when the grade changes, on a
 * report or at the moment the last report goes stale.
 *
 * @example
 * ```tsx
 * function Bars({ streamID }: { streamID: string }) {
 *   const grade = useQualityGrade({ streamID });
 *   return <meter min={-1} max={4} value={grade} />;
 * }
 * ```
 */
export function useQualityGrade(target: QualityTarget, store?: StatusStore): QualityGrade {
  const { streamID } = target;
  return useGrade(streamID ?? target.userID ?? '', streamID !== undefined ? STREAM : USER, store);
}

/**
 * {@link useQualityGrade} of a stream: what StreamView's "Weak network" reads,
 * without the user side. Internal to the kit.
 *
 * @internal
 */
export function useStreamQualityGrade(streamID: string, store?: StatusStore): QualityGrade {
  return useGrade(streamID, STREAM, store);
}

/** How to read one kind of target: its grade now with the time of its report, and its media entry (its reports). */
interface GradeSource {
  grade(state: StatusState, id: string, now: number): [QualityGrade, number];
  entry(state: StatusState, id: string): unknown;
}

const STREAM: GradeSource = {
  grade(state, streamID, now) {
    const health = selectStreamHealth(state, streamID);
    return [selectStreamQualityGrade(state, streamID, now), Math.max(health.playQuality?.at ?? -Infinity, health.publishQuality?.at ?? -Infinity)];
  },
  entry: (state, streamID) => state.media?.streams.get(streamID),
};

const USER: GradeSource = {
  grade: (state, userID, now) => [selectUserQualityGrade(state, userID, now), selectUserNetworkQuality(state, userID).at],
  entry: (state, userID) => state.media?.users.get(userID),
};

function useGrade(id: string, source: GradeSource, store: StatusStore | undefined): QualityGrade {
  const api = useStatusStore(store);
  const { clock } = api;
  const [woken, wake] = useState(0);
  // The grade now, and the time of the report it comes from.
  const read = useCallback(
    (state: StatusState): [QualityGrade, number] => (hasMediaHealth(state) ? source.grade(state, id, clock.now()) : [-1, -Infinity]),
    [clock, id, source],
  );
  // A new selector after each wake-up: the state is the same, but the time moved.
  // Between wake-ups only this stream's or user's entry can change the grade:
  // another's report, or a room event, costs one lookup per indicator.
  const grade = useStatus(
    useMemo(() => {
      let entry: unknown = read;
      let last: QualityGrade = -1;
      return (state: StatusState) => {
        const now = source.entry(state, id);
        return now === entry ? last : ((entry = now), (last = read(state)[0]));
      };
    }, [read, woken, source, id]),
    undefined,
    api,
  );

  useEffect(() => {
    // Unknown: nothing to go stale.
    if (grade < 0) return undefined;
    let handle: TimerHandle;
    const arm = (): void => {
      const due = read(api.getState())[1] + QUALITY_STALE_AFTER_MS - clock.now();
      // Past due and still the same grade: nothing left to wait for.
      if (due < 0) return;
      handle = clock.setTimeout(() => (read(api.getState())[0] !== grade ? wake((n) => n + 1) : arm()), due || 1);
    };
    arm();
    return () => clock.clearTimeout(handle);
  }, [grade, read, api, clock]);

  return grade;
}
