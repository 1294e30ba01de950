/**
 * Issue 14, autoplay, in real Chromium with its real autoplay policy (no
 * `--autoplay-policy` flag: scripts/chromium-args.json sets none, so sound
 * needs a user gesture here as in a user's browser; autoplay-allowed.test.tsx
 * runs with the policy off, in a browser of its own).
 *
 * The README's drop-in (useZegoWeb + useAudiencePolicy + StreamView, no
 * `muted`) is mounted without any user gesture on an engine whose played
 * stream is a real MediaStream with a picture (canvas test pattern) and sound
 * (a WebAudio oscillator). It must never be a silent black tile claiming to
 * play: either it plays, or it shows its prompt. Then a real click (playwright
 * input, a user gesture) on the prompt must start it with sound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { selectAutoplayBlocked } from '../../src/core/media-selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { mountDropIn, playbackOf, unmountAll, videoOf } from './media-helpers.js';

afterEach(unmountAll);

// These run in order: the first tests must see a page no one has clicked yet.
describe('autoplay in Chromium, real policy: the README drop-in without a user gesture', () => {
  it('without the mediaHealth() extension the tile still says so: it keeps the block itself', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(false);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { host } = await mountDropIn(createStatusStore(), ['Carol']);
      const video = await videoOf(host, 'Carol');
      await expect.element(page.getByRole('button', { name: 'Turn on sound Carol' })).toBeVisible();
      expect(await playbackOf(video)).toMatchObject({ paused: false, muted: true, hasPicture: true, advancing: true });
      // No store to tell the page-level button: it stays out.
      expect(page.getByRole('button', { name: 'Turn on sound', exact: true }).query()).toBeNull();
    } finally {
      console.warn = warn;
    }
  });

  it('never shows a silent black tile: the picture plays muted and the tile offers "Turn on sound"; a click starts the sound', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(false);
    const store = createStatusStore({ extensions: [mediaHealth()] });
    const { host } = await mountDropIn(store, ['Alice']);
    const video = await videoOf(host, 'Alice');
    const tile = video.closest<HTMLElement>('.zsk-stream')!;

    // Either playing with sound, or the prompt: Chromium refuses sound before a gesture.
    const prompt = page.getByRole('button', { name: 'Turn on sound Alice' });
    await expect.element(prompt).toBeVisible();
    expect(tile.dataset['autoplay']).toBe('audio');
    expect(selectAutoplayBlocked(store.getState()).map((b) => [b.streamID, b.blocked])).toEqual([['stream-Alice', 'audio']]);
    // The picture: playing, muted, frames decoded, time moving.
    const before = await playbackOf(video);
    expect(before).toMatchObject({ paused: false, muted: true, hasPicture: true, advancing: true });
    // The page-level button says the same.
    await expect.element(page.getByRole('button', { name: 'Turn on sound', exact: true })).toBeVisible();

    // A real click (playwright input): a user gesture.
    await userEvent.click(prompt);
    await expect.poll(() => video.muted).toBe(false);
    expect(await playbackOf(video)).toMatchObject({ paused: false, muted: false, hasPicture: true, advancing: true });
    await expect.poll(() => tile.dataset['autoplay']).toBeUndefined();
    expect(selectAutoplayBlocked(store.getState())).toEqual([]);
    await expect.element(page.getByRole('button', { name: /Turn on sound|Tap to play/ })).not.toBeInTheDocument();
  });

  it('after the page got its gesture, a new tile plays with sound at once: no prompt', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(true);
    const store = createStatusStore({ extensions: [mediaHealth()] });
    const { host } = await mountDropIn(store, ['Bob']);
    const video = await videoOf(host, 'Bob');
    await expect.poll(() => video.paused).toBe(false);
    expect(await playbackOf(video)).toMatchObject({ paused: false, muted: false, hasPicture: true, advancing: true });
    expect(selectAutoplayBlocked(store.getState())).toEqual([]);
    expect(page.getByRole('button', { name: /Turn on sound|Tap to play/ }).query()).toBeNull();
  });
});
