/**
 * Small waits for play functions. The manual clock only fires timers that
 * exist when it advances; components schedule theirs in effects after a
 * render, so a play function lets React commit before moving time.
 */

/** Lets React render and run effects (a couple of macrotasks). */
export const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether the story plays on a docs page: inline there, or in a frame of its
 * own (`docs.story.inline: false`). The page holds the other stories too,
 * which take focus from each other and scroll out of view, so a play function
 * should bring the story to its state without asserting where focus is or
 * what is at a point on screen. The canvas and the test runners (vitest, the
 * screenshot test) are not on one.
 */
export function inDocsPage(canvasElement: HTMLElement): boolean {
  if (canvasElement.closest('#storybook-docs')) return true;
  const view = canvasElement.ownerDocument.defaultView;
  try {
    return !!view && view.parent !== view && !!view.parent.document.querySelector('#storybook-docs');
  } catch {
    return false; // a cross-origin parent is not a Storybook docs page
  }
}
