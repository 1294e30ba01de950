/**
 * The simulator's effects, the one seam between its transitions (server.ts,
 * players.ts, engine.ts) and the outside: timers on the injected clock,
 * callbacks to the app's listeners, and the played media's tracks. As in
 * xstate, the transitions decide and these run; a test that wants to see
 * what a transition did watches the callbacks and the clock.
 *
 * Internal: not exported from the package.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { PlayerStateName, PublisherStateName, RoomReason } from '../core/states.js';
import type { SimulatedEventArgs, SimulatedEventName } from './callbacks.js';
import { enableSimulatedTracks, stopSimulatedMedia, type SimulatedMediaStream } from './media.js';
import { dead, type EngineState, type PlayerState, type PublisherState } from './world.js';

/** What {@link createEffects} returns. @internal */
export interface Effects {
  /** Runs `run` after `ms` on the clock. */
  after(ms: number, run: () => void): TimerHandle;
  /** Cancels a timer (null is fine); returns null, for `x.timer = cancel(x.timer)`. */
  cancel(handle: TimerHandle | null): null;
  /** Cancels every timer still pending. */
  cancelAll(): void;
  /** Calls the engine's listeners of `event`; a dead app hears nothing. */
  emit<K extends SimulatedEventName>(engine: EngineState, event: K, ...args: SimulatedEventArgs[K]): void;
  /** Someone listens to `event` on this live engine (quality reports run only then: nobody can tell). */
  listens(engine: EngineState, event: SimulatedEventName): boolean;
  /** Fires the browser's `online` / `offline` on the engine's own event target (never the real window). */
  fireConnectivity(engine: EngineState, type: 'online' | 'offline'): void;
  /** Stops a stream's tracks (a test pattern's redraws end with them). */
  stopMedia(media: SimulatedMediaStream | null): void;
  /** Turns a stream's video / audio tracks on or off (`track.enabled`), where it has real tracks. */
  showTracks(media: SimulatedMediaStream | null, tracks: { video?: boolean; audio?: boolean }): void;
  emitRoom(engine: EngineState, roomID: string, reason: RoomReason, code: number, extendedData?: string): void;
  /** Moves a publisher to `state` and tells the app (unless nothing changed and there is no error). */
  setPublisher(engine: EngineState, streamID: string, publisher: PublisherState, state: PublisherStateName, code?: number): void;
  /** Moves a player to `state` and tells the app (unless nothing changed and there is no error). */
  setPlayer(engine: EngineState, streamID: string, player: PlayerState, state: PlayerStateName, code?: number): void;
  /**
   * The one way a played stream ends on the client: its timers stop and its
   * media is released (the tracks stop, which ends a test pattern's real-time
   * redraws). Callers then drop or replace the player.
   */
  releasePlayer(player: PlayerState): void;
}

/** @internal */
export function createEffects(clock: Clock): Effects {
  const timers = new Set<TimerHandle>();

  const cancel = (handle: TimerHandle | null): null => {
    if (handle !== null) {
      clock.clearTimeout(handle);
      timers.delete(handle);
    }
    return null;
  };

  const emit = <K extends SimulatedEventName>(engine: EngineState, event: K, ...args: SimulatedEventArgs[K]): void => {
    if (dead(engine)) return;
    const listeners = engine.listeners.get(event);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(...args);
      } catch (error) {
        // The app's bug must not break the simulated server; surface it without unwinding us.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  return {
    after(ms, run) {
      const handle: TimerHandle = clock.setTimeout(() => {
        timers.delete(handle);
        run();
      }, ms);
      timers.add(handle);
      return handle;
    },
    cancel,
    cancelAll() {
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
    emit,
    listens: (engine, event) => !dead(engine) && (engine.listeners.get(event)?.size ?? 0) > 0,
    fireConnectivity(engine, type) {
      if (!engine.connectivity || typeof Event !== 'function') return;
      try {
        engine.connectivity.dispatchEvent(new Event(type));
      } catch {
        // A listener's error is the app's; the simulated browser goes on.
      }
    },
    stopMedia: stopSimulatedMedia,
    showTracks: enableSimulatedTracks,
    emitRoom(engine, roomID, reason, code, extendedData = '') {
      emit(engine, 'roomStateChanged', roomID, reason, code, extendedData);
    },
    setPublisher(engine, streamID, publisher, state, code = 0) {
      if (publisher.state === state && code === 0) return;
      publisher.state = state;
      emit(engine, 'publisherStateUpdate', { streamID, state, errorCode: code, extendedData: '' });
    },
    setPlayer(engine, streamID, player, state, code = 0) {
      if (player.state === state && code === 0) return;
      player.state = state;
      emit(engine, 'playerStateUpdate', { streamID, state, errorCode: code, extendedData: '' });
    },
    releasePlayer(player) {
      player.timer = cancel(player.timer);
      player.giveUp = cancel(player.giveUp);
      player.quality = cancel(player.quality);
      stopSimulatedMedia(player.media);
      player.media = null;
    },
  };
}
