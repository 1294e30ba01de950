/**
 * A scripted engine for the policy tests: it records every call with the
 * clock's time and lets the test settle each startPlayingStream by hand.
 * SDK callbacks are played by dispatching core events into the store, as an
 * adapter would.
 */
import type { ManualClock } from '../../src/core/clock.js';
import type { ZegoStream } from '../../src/core/events.js';
import type { StatusStore } from '../../src/core/store.js';
import type { AudienceEngine } from '../../src/policy/index.js';

export interface EngineCall {
  readonly call: 'startPlayingStream' | 'stopPlayingStream';
  readonly streamID: string;
  readonly at: number;
  readonly options?: unknown;
}

interface Play {
  readonly streamID: string;
  settled: boolean;
  resolve(media: unknown): void;
  reject(error: unknown): void;
}

/** A stand-in for the MediaStream the web SDK resolves with. */
export interface FakeMedia {
  readonly id: string;
}

export interface FakeEngine extends AudienceEngine {
  readonly calls: EngineCall[];
  /** `"start s1 @3000"` lines: a timeline to compare. */
  log(): string[];
  starts(streamID?: string): number;
  stops(streamID?: string): number;
  /** Resolves the oldest (or newest) unsettled start of a stream with a fake MediaStream. */
  resolvePlay(streamID: string, which?: 'oldest' | 'newest'): FakeMedia;
  /** Rejects the oldest unsettled start of a stream as the web SDK does: `{ code, msg }`. */
  rejectPlay(streamID: string, code?: number, msg?: string): void;
  /** Every start still waiting to be settled. */
  unsettled(): string[];
  /** The next startPlayingStream / stopPlayingStream throws this. */
  throwOnNextStart: unknown;
  throwOnNextStop: unknown;
}

export function createFakeEngine(clock: ManualClock): FakeEngine {
  const calls: EngineCall[] = [];
  const plays: Play[] = [];
  let mediaCount = 0;
  const take = (streamID: string, which: 'oldest' | 'newest' = 'oldest'): Play => {
    const open = plays.filter((p) => p.streamID === streamID && !p.settled);
    const play = which === 'oldest' ? open[0] : open.at(-1);
    if (!play) throw new Error(`no unsettled start of ${streamID}`);
    play.settled = true;
    return play;
  };
  const engine: FakeEngine = {
    calls,
    throwOnNextStart: undefined,
    throwOnNextStop: undefined,
    startPlayingStream(streamID: string, options?: unknown) {
      calls.push(options === undefined ? { call: 'startPlayingStream', streamID, at: clock.now() } : { call: 'startPlayingStream', streamID, at: clock.now(), options });
      if (engine.throwOnNextStart !== undefined) {
        const error = engine.throwOnNextStart;
        engine.throwOnNextStart = undefined;
        throw error;
      }
      return new Promise((resolve, reject) => {
        plays.push({ streamID, settled: false, resolve, reject });
      });
    },
    stopPlayingStream(streamID: string) {
      calls.push({ call: 'stopPlayingStream', streamID, at: clock.now() });
      if (engine.throwOnNextStop !== undefined) {
        const error = engine.throwOnNextStop;
        engine.throwOnNextStop = undefined;
        throw error;
      }
    },
    log: () => calls.map((c) => `${c.call === 'startPlayingStream' ? 'start' : 'stop'} ${c.streamID} @${c.at}`),
    starts: (streamID) => calls.filter((c) => c.call === 'startPlayingStream' && (streamID === undefined || c.streamID === streamID)).length,
    stops: (streamID) => calls.filter((c) => c.call === 'stopPlayingStream' && (streamID === undefined || c.streamID === streamID)).length,
    resolvePlay(streamID, which) {
      const media: FakeMedia = { id: `media-${streamID}-${++mediaCount}` };
      take(streamID, which).resolve(media);
      return media;
    },
    rejectPlay(streamID, code = 1104001, msg = 'play failed') {
      take(streamID).reject({ code, msg });
    },
    unsettled: () => plays.filter((p) => !p.settled).map((p) => p.streamID),
  };
  return engine;
}

/** Lets settled engine promises reach the policy (they resolve in microtasks). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** SDK callbacks as an adapter would dispatch them, stamped with the clock's time. */
export function sdkEvents(store: StatusStore, clock: ManualClock) {
  const at = () => clock.now();
  const streams = (ids: readonly string[]): ZegoStream[] => ids.map((streamID) => ({ streamID, user: { userID: `host-of-${streamID}` } }));
  return {
    room(roomID: string, reason: string, errorCode = 0) {
      store.dispatch({ type: 'roomStateChanged', roomID, reason: reason as never, errorCode, at: at() });
    },
    login(roomID: string) {
      this.room(roomID, 'LOGINING');
      this.room(roomID, 'LOGINED');
    },
    streamAdd(roomID: string, ...ids: string[]) {
      store.dispatch({ type: 'roomStreamUpdate', roomID, updateType: 'ADD', streamList: streams(ids), at: at() });
    },
    /** `deleteReason` is web extendedData `stream_delete_reason` (2: heartbeat timeout). */
    streamDelete(roomID: string, ids: string[], deleteReason = 2) {
      store.dispatch({
        type: 'roomStreamUpdate',
        roomID,
        updateType: 'DELETE',
        streamList: streams(ids),
        extendedData: JSON.stringify({ stream_delete_reason: deleteReason }),
        at: at(),
      });
    },
    player(streamID: string, state: 'NO_PLAY' | 'PLAY_REQUESTING' | 'PLAYING', errorCode = 0) {
      store.dispatch({ type: 'playerStateUpdate', streamID, state, errorCode, at: at() });
    },
    publisher(streamID: string, state: 'NO_PUBLISH' | 'PUBLISH_REQUESTING' | 'PUBLISHING', errorCode = 0) {
      store.dispatch({ type: 'publisherStateUpdate', streamID, state, errorCode, at: at() });
    },
  };
}
