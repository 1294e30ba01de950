/**
 * Small waits for play functions. The manual clock only fires timers that
 * exist when it advances; components schedule theirs in effects after a
 * render, so a play function lets React commit before moving time.
 */

/** Lets React render and run effects (a couple of macrotasks). */
export const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
