/**
 * Autoplay for custom UI: whether the browser blocked any stream's playback,
 * and the one call that starts them all again (LiveKit's `useStartAudio`
 * shape).
 */
import type { AutoplayBlock } from '../../core/media-health.js';
import { selectAutoplayBlocked } from '../../core/media-selectors.js';
import type { StatusStore } from '../../core/store.js';
import { useStatusStore, useMessages } from '../context.js';
import { enAutoplay } from '../i18n/en-media.js';
import type { StatusMessageOverrides } from '../i18n/messages.js';
import { useStatus } from '../use-status.js';
import { resumeBlockedMedia } from './autoplay-registry.js';
import { useMediaHealthWarning } from './media-health-warning.js';

/**
 * Options of {@link useAutoplay}.
 *
 * @example
 * ```ts
 * const options: AutoplayOptions = { messages: { tapToPlay: 'Start video' } };
 * ```
 */
export interface AutoplayOptions {
  store?: StatusStore | undefined;
  messages?: StatusMessageOverrides | undefined;
}

/**
 * What {@link useAutoplay} returns.
 *
 * @example
 * ```tsx
 * const { blocked, audioBlocked, label, unblock } = useAutoplay();
 * ```
 */
export interface AutoplayView {
  /** Some stream cannot play at all, not even muted. */
  readonly blocked: boolean;
  /** Some stream plays muted: only its sound is blocked. */
  readonly audioBlocked: boolean;
  /** The blocked streams (a stable array, in no particular order). */
  readonly streams: readonly AutoplayBlock[];
  /** "Tap to play" (something is fully blocked), "Turn on sound" (only sound), or null. */
  readonly label: string | null;
  /**
   * Starts every blocked video of the page, with sound. Call it from a click
   * (or key) handler: browsers only allow it inside a user gesture.
   */
  readonly unblock: () => void;
}

/**
 * Whether the browser blocked playback (autoplay policy: sound needs a user
 * gesture), from the store: `StreamView` reports it when `play()` is refused,
 * as the web SDK's `autoplayFailed` does for its own views. `unblock()` from
 * a click starts every blocked tile of the page. Needs the `mediaHealth()`
 * extension.
 *
 * @example
 * ```tsx
 * function SoundPrompt() {
 *   const { blocked, audioBlocked, label, unblock } = useAutoplay();
 *   if (!blocked && !audioBlocked) return null;
 *   return <button onClick={unblock}>{label}</button>;
 * }
 * ```
 */
export function useAutoplay(options: AutoplayOptions = {}): AutoplayView {
  const store = useStatusStore(options.store);
  const text = useMessages(enAutoplay, options.messages);
  useMediaHealthWarning('useAutoplay', store);
  const streams = useStatus(selectAutoplayBlocked, undefined, store);
  const blocked = streams.some((block) => block.blocked === 'all');
  const audioBlocked = streams.some((block) => block.blocked === 'audio');
  return {
    blocked,
    audioBlocked,
    streams,
    label: blocked ? text.tapToPlay : audioBlocked ? text.turnOnSound : null,
    unblock: resumeBlockedMedia,
  };
}
