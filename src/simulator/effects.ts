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
import { stopSimulatedMedia } from './media.js';
import { dead, type EngineState, type PlayerState, type PublisherState } from './world.js';

/** What {@link createEffects} returns. */
export interface Effects {
  /** Runs `run` after `ms` on the clock. */
  after(ms: number, run: () => void): TimerHandle;
  /** Cancels a timer (null is fine); returns null, for `x.timer = cancel(x.timer)`. */
  cancel(handle: TimerHandle | null): null;
  /** Cancels every timer still pending. */
  cancelAll(): void;
  /** Calls the engine's listeners of `event`; a dead app hears nothing. */
  emit(engine: EngineState, event: string, ...args: unknown[]): void;
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

export function createEffects(clock: Clock): Effects {
  const timers = new Set<TimerHandle>();

  const cancel = (handle: TimerHandle | null): null => {
    if (handle !== null) {
      clock.clearTimeout(handle);
      timers.delete(handle);
    }
    return null;
  };

  const emit = (engine: EngineState, event: string, ...args: unknown[]): void => {
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
      stopSimulatedMedia(player.media);
      player.media = null;
    },
  };
}
