/**
 * The publisher retry policy against seed 003, "Stream Publishing
 * Reconnection": NO_PUBLISH with errorCode ≠ 0 means every node failed; "wait
 * a few seconds (such as 3-5 seconds) before starting to republish the
 * stream, but do not continuously retry".
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { selectPublisher } from '../../src/core/selectors.js';
import { createStatusStore } from '../../src/core/store.js';
import { attachPublisherRetryPolicy, type PublisherRetryPolicyOptions, type RepublishContext } from '../../src/policy/index.js';
import { flush, sdkEvents } from './policy-fake-engine.js';

const SECOND = 1000;
/** Any errorCode ≠ 0 (the seeds name no publish code). */
const PUBLISH_FAILED = 1003025;
const ROOM = 'live-1';
const ME = 'host-main';

interface FakePublishEngine {
  startPublishingStream(streamID: string): boolean;
}

function setup(options: Partial<PublisherRetryPolicyOptions<FakePublishEngine>> = {}) {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const sdk = sdkEvents(store, clock);
  const republished: (RepublishContext<FakePublishEngine> & { at: number })[] = [];
  const engine: FakePublishEngine = { startPublishingStream: () => true };
  const detach = attachPublisherRetryPolicy({
    engine,
    store,
    streamID: ME,
    republish: (context) => {
      republished.push({ ...context, at: clock.now() });
      return context.engine?.startPublishingStream(context.streamID);
    },
    ...options,
  });
  const publisher = () => selectPublisher(store.getState(), ME);
  sdk.login(ROOM);
  sdk.publisher(ME, 'PUBLISH_REQUESTING');
  sdk.publisher(ME, 'PUBLISHING');
  return { clock, store, sdk, engine, republished, detach, publisher };
}

describe('attachPublisherRetryPolicy', () => {
  it('NO_PUBLISH with an error → one republish after 3 s, and none more', () => {
    const { clock, sdk, engine, republished, publisher } = setup();
    clock.advance(60 * SECOND);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    expect(publisher().replay).toEqual({ attempt: 1, dueAt: 63 * SECOND });
    clock.advance(3 * SECOND - 1);
    expect(republished).toEqual([]);
    clock.advance(1);
    expect(republished).toEqual([{ streamID: ME, attempt: 1, engine, at: 63 * SECOND }]);
    expect(publisher()).toMatchObject({ replay: null, attempts: 1 });

    // The republish fails too: "do not continuously retry".
    sdk.publisher(ME, 'PUBLISH_REQUESTING');
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + 1);
    clock.advance(20 * 60 * SECOND);
    expect(republished).toHaveLength(1);
    expect(clock.pending()).toBe(0);
    expect(publisher()).toMatchObject({ gaveUp: true, replay: null });
  });

  it('PUBLISHING ends the outage: a later failure gets its own republish', () => {
    const { clock, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(3 * SECOND);
    sdk.publisher(ME, 'PUBLISHING');
    expect(publisher()).toMatchObject({ attempts: 0, gaveUp: false });
    clock.advance(5 * 60 * SECOND);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(3 * SECOND);
    expect(republished.map((r) => r.at)).toEqual([3 * SECOND, 5 * 60 * SECOND + 6 * SECOND]);
  });

  it('honours delayMs (5 s, the seed upper bound) and maxAttempts', () => {
    const { clock, sdk, republished, publisher } = setup({ delayMs: 5 * SECOND, maxAttempts: 2 });
    for (let i = 0; i < 4; i++) {
      sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + i);
      clock.advance(5 * SECOND);
    }
    expect(republished.map((r) => [r.attempt, r.at])).toEqual([
      [1, 5 * SECOND],
      [2, 10 * SECOND],
    ]);
    expect(publisher().gaveUp).toBe(true);
  });

  it('NO_PUBLISH with errorCode 0 (stopped) and other streams are ignored', () => {
    const { clock, sdk, republished } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', 0);
    sdk.publisher('someone-else', 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(10 * SECOND);
    expect(republished).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('a throwing or rejecting republish is recorded, not thrown, and counts as the attempt', async () => {
    const thrown = setup({
      republish: () => {
        throw { code: 1003025, msg: 'publish failed' };
      },
    });
    thrown.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    expect(() => thrown.clock.advance(3 * SECOND)).not.toThrow();
    expect(thrown.publisher().lastError).toMatchObject({ call: 'republish', errorCode: 1003025, message: 'publish failed' });
    expect(thrown.publisher().gaveUp).toBe(true);

    let calls = 0;
    const rejected = setup({
      republish: () => {
        calls++;
        return Promise.reject(new Error('no local stream'));
      },
    });
    rejected.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    rejected.clock.advance(3 * SECOND);
    await flush();
    expect(rejected.publisher().lastError).toMatchObject({ call: 'republish', errorCode: -1, message: 'no local stream' });
    rejected.clock.advance(60 * SECOND);
    expect(calls).toBe(1);
  });

  it('a kick-out during the wait cancels the republish', () => {
    const { clock, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(1 * SECOND);
    sdk.room(ROOM, 'KICKOUT', 1002050);
    expect(publisher().replay).toBeNull();
    expect(clock.pending()).toBe(0);
    clock.advance(60 * SECOND);
    expect(republished).toEqual([]);
  });

  it('a LOGOUT during the wait cancels the republish, and a failure after it schedules none (issue 13: the room leaves the store)', () => {
    const { clock, store, sdk, republished, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    clock.advance(1 * SECOND);
    sdk.room(ROOM, 'LOGOUT');
    expect(store.getState().rooms.has(ROOM)).toBe(false);
    expect(publisher().replay).toBeNull();
    expect(clock.pending()).toBe(0);
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    expect(publisher().replay).toBeNull();
    clock.advance(60 * SECOND);
    expect(republished).toEqual([]);
  });

  it('a republish falling due while RECONNECTING waits for RECONNECTED', () => {
    const { clock, sdk, republished } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    sdk.room(ROOM, 'RECONNECTING', 1002051);
    clock.advance(10 * SECOND);
    expect(republished).toEqual([]);
    sdk.room(ROOM, 'RECONNECTED');
    expect(republished.map((r) => r.at)).toEqual([10 * SECOND]);
  });

  it('detach cancels the pending republish and leaves no timer', () => {
    const { clock, sdk, republished, detach, publisher } = setup();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    detach();
    detach();
    expect(clock.pending()).toBe(0);
    expect(publisher().replay).toBeNull();
    sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + 1);
    clock.advance(60 * SECOND);
    expect(republished).toEqual([]);
  });
});
