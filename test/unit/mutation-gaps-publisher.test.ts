/**
 * Tests for the survivors of the Stryker run over src/policy/publisher.ts
 * (docs/mutation.md): what a host sees of the publisher retry policy, seed 003
 * "Stream Publishing Reconnection" (NO_PUBLISH with errorCode ≠ 0: republish
 * once, 3 s later), on a manual clock.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectPublisher } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachPublisherRetryPolicy, type PublisherRetryPolicyOptions } from '../../src/policy/index.js';
import { flush, sdkEvents } from './policy-fake-engine.js';

const SECOND = 1000;
/** Any errorCode ≠ 0 (the seeds name no publish code). */
const PUBLISH_FAILED = 1003025;
const ROOM = 'live-1';
const ME = 'host-main';

/** A republish the test settles by hand, like the web SDK's promise. */
interface Pending {
  readonly attempt: number;
  readonly at: number;
  reject(error: unknown): void;
}

function setup(options: Partial<PublisherRetryPolicyOptions> = {}, login = true) {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const sdk = sdkEvents(store, clock);
  const republished: Pending[] = [];
  const detach = attachPublisherRetryPolicy({
    store,
    streamID: ME,
    republish: ({ attempt }) =>
      new Promise((_, reject) => {
        republished.push({ attempt, at: clock.now(), reject });
      }),
    ...options,
  });
  const publisher = () => selectPublisher(store.getState(), ME);
  if (login) sdk.login(ROOM);
  sdk.publisher(ME, 'PUBLISH_REQUESTING');
  sdk.publisher(ME, 'PUBLISHING');
  return { clock, store, sdk, republished, detach, publisher };
}

describe('publisher retry policy: mutation gaps', () => {
  it('a RECONNECT_FAILED during the 3 s wait cancels the republish; a failure after it schedules none', () => {
    const { clock, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    sdk.room(ROOM, 'RECONNECTING', 1002051);
    clock.advance(1 * SECOND);
    sdk.room(ROOM, 'RECONNECT_FAILED', 1002053);
    expect(publisher().replay).toBeNull();
    expect(clock.pending()).toBe(0);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    expect(publisher().replay).toBeNull();
    clock.advance(20 * 60 * SECOND);
    expect(republished).toEqual([]);
  });

  it('a store that never saw the login (attached after loginRoom): NO_PUBLISH → republish after 3 s', () => {
    const { clock, store, sdk, republished, publisher } = setup({}, false);
    expect(store.getState().rooms.size).toBe(0);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    expect(publisher().replay).toEqual({ attempt: 1, dueAt: 3 * SECOND });
    clock.advance(3 * SECOND);
    expect(republished.map((r) => [r.attempt, r.at])).toEqual([[1, 3 * SECOND]]);
  });

  it('a republish of the last session rejecting late, after a kick-out and a new login, does not count against the new one', async () => {
    const { clock, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(3 * SECOND);
    expect(republished).toHaveLength(1);
    sdk.room(ROOM, 'KICKOUT', 1002050);
    clock.advance(60 * SECOND);
    sdk.login(ROOM);
    sdk.publisher(ME, 'PUBLISH_REQUESTING');
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(3 * SECOND);
    expect(republished.map((r) => [r.attempt, r.at])).toEqual([
      [1, 3 * SECOND],
      [1, 66 * SECOND],
    ]);
    // The first session's startPublishingStream fails now: stale.
    republished[0]!.reject({ code: PUBLISH_FAILED, msg: 'old session' });
    await flush();
    expect(publisher().lastError).toBeNull();
    expect(publisher().gaveUp).toBe(false);
    // The new one failing is recorded, and ends the outage's retries.
    republished[1]!.reject({ code: PUBLISH_FAILED, msg: 'publish failed' });
    await flush();
    expect(publisher().lastError).toMatchObject({ call: 'republish', message: 'publish failed' });
    expect(publisher().gaveUp).toBe(true);
  });

  it('PUBLISH_REQUESTING with an error code (the SDK retrying by itself) schedules no republish', () => {
    const { clock, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'PUBLISH_REQUESTING', PUBLISH_FAILED);
    expect(publisher().replay).toBeNull();
    clock.advance(60 * SECOND);
    expect(republished).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('NO_PUBLISH whose code is missing or not a number schedules nothing', () => {
    const { clock, store, republished, publisher } = setup();
    for (const errorCode of [undefined, '1003025', null]) {
      store.dispatch({ type: 'publisherStateUpdate', streamID: ME, state: 'NO_PUBLISH', errorCode, at: clock.now() } as never);
    }
    expect(publisher().replay).toBeNull();
    clock.advance(60 * SECOND);
    expect(republished).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('a republish rejecting after detach is not retried: no timer left, no republish later', async () => {
    const { clock, sdk, republished, detach, publisher } = setup({ maxAttempts: 2 });
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(3 * SECOND);
    expect(republished).toHaveLength(1);
    detach();
    republished[0]!.reject({ code: PUBLISH_FAILED, msg: 'publish failed' });
    await flush();
    expect(clock.pending()).toBe(0);
    expect(publisher().replay).toBeNull();
    clock.advance(20 * 60 * SECOND);
    expect(republished).toHaveLength(1);
  });

  it('the stream published in room A: a kick-out from room B during the wait leaves the republish of A', () => {
    const { clock, sdk, republished, publisher } = setup({ roomID: ROOM });
    sdk.login('side-room');
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(1 * SECOND);
    sdk.room('side-room', 'KICKOUT', 1002050);
    expect(publisher().replay).toEqual({ attempt: 1, dueAt: 3 * SECOND });
    clock.advance(2 * SECOND);
    expect(republished.map((r) => [r.attempt, r.at])).toEqual([[1, 3 * SECOND]]);
  });
});
