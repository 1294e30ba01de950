/**
 * Issue 14, autoplay, in a Chromium launched with
 * `--autoplay-policy=no-user-gesture-required` (its own browser project,
 * vitest.config.ts): the other half of "either a playing picture or the
 * visible prompt". Where the browser allows sound without a gesture, the
 * README's drop-in plays with sound at once and shows no prompt, and the
 * store records no block. autoplay.test.tsx runs the real policy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { selectAutoplayBlocked } from '../../src/core/media-selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { mountDropIn, playbackOf, unmountAll, videoOf } from './media-helpers.js';

afterEach(unmountAll);

describe('autoplay in Chromium with the policy off: the README drop-in without a user gesture', () => {
  it('plays picture and sound at once: no prompt, no block in the store', async () => {
    expect(navigator.userActivation.hasBeenActive).toBe(false);
    const store = createStatusStore({ extensions: [mediaHealth()] });
    const { host } = await mountDropIn(store, ['Alice', 'Bob']);
    for (const name of ['Alice', 'Bob']) {
      const video = await videoOf(host, name);
      await expect.poll(() => video.paused).toBe(false);
      expect(await playbackOf(video)).toMatchObject({ paused: false, muted: false, hasPicture: true, advancing: true });
      expect(video.closest<HTMLElement>('.zsk-stream')!.dataset['autoplay']).toBeUndefined();
    }
    expect(selectAutoplayBlocked(store.getState())).toEqual([]);
    expect(page.getByRole('button', { name: /Turn on sound|Tap to play/ }).query()).toBeNull();
  });
});
