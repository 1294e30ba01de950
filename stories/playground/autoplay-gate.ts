/**
 * The playground's autoplay policy: the audience's tab refuses `play()` as
 * its simulated browser says (`engine.blockAutoplay('sound' | 'all')`), the
 * way Chromium does before any user gesture, until a click or key press on
 * the page lets one through; that gesture then counts for the rest of the
 * page's life (`engine.userGesture()`), as Chromium's sticky activation does.
 *
 * Story code, not the kit's nor the simulator's: the simulator never touches
 * the real page; this patches `HTMLMediaElement.prototype.play` while the
 * playground is mounted and only while a block is set. The kit's StreamView
 * sees what it would see in a real browser: a NotAllowedError.
 */
import type { SimulatedEngine } from '../../src/simulator/index.js';

/** Input events that count as a user gesture (the HTML spec's activation-triggering events, roughly). */
const GESTURES = new Set(['click', 'keydown', 'keyup', 'mouseup', 'pointerup', 'touchend']);

/**
 * Installs the gate for `engine`'s tab; returns the function that removes it.
 * Transient user activation is not read: a click on a fault button would
 * otherwise let the play() it causes through.
 *
 * @example
 * ```ts
 * useEffect(() => gateAutoplay(audience.engine), [audience]);
 * ```
 */
export function gateAutoplay(engine: Pick<SimulatedEngine, 'autoplayBlocked' | 'userGesture'>): () => void {
  if (typeof HTMLMediaElement === 'undefined') return () => {};
  const original = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
    const blocked = engine.autoplayBlocked;
    if (blocked && (blocked === 'all' || !this.muted)) {
      if (!GESTURES.has(globalThis.event?.type ?? '')) {
        return Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError'));
      }
      engine.userGesture();
    }
    return original.call(this);
  };
  return () => {
    HTMLMediaElement.prototype.play = original;
  };
}
