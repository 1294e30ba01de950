/**
 * Every blocked video on the page, and how to start each again. Browsers let
 * a page start sound only inside a user gesture, so one click on any kit
 * control (a tile's "Tap to play", `StartMediaButton`) calls every `resume`
 * here synchronously, within that click. Shared by all stores and providers
 * of the page (the gesture is the page's); a tile holds its entry while its
 * playback is blocked and releases it once unblocked or unmounted.
 */

const blocked = new Set<() => void>();

/**
 * Adds a tile's `resume` while its playback is blocked; returns the release.
 * Internal to the kit.
 */
export function holdBlockedMedia(resume: () => void): () => void {
  blocked.add(resume);
  return () => void blocked.delete(resume);
}

/**
 * Starts every blocked video of the page again (with sound, unless the tile
 * is `muted`). Call it from a click or key handler: outside a user gesture
 * the browser refuses again and the tiles stay blocked.
 *
 * @example
 * ```tsx
 * <button onClick={resumeBlockedMedia}>Start video</button>
 * ```
 */
export function resumeBlockedMedia(): void {
  blocked.forEach((resume) => resume());
}
