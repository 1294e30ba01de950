import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no media playback: its play() logs "Not implemented" and returns
// nothing. StreamView calls play() itself (issue 14, autoplay), so here play()
// resolves, as in a browser that allows autoplay; tests of a refused play
// replace it (vi.spyOn(HTMLMediaElement.prototype, 'play')).
// (Files that run in node, such as the SSR test, have no HTMLMediaElement.)
if (typeof HTMLMediaElement !== 'undefined') {
  HTMLMediaElement.prototype.play = () => Promise.resolve();
  HTMLMediaElement.prototype.pause = () => {};
}
