/**
 * Mutation gaps (issue 17) in src/policy/engine-call.ts and
 * src/policy/token-renewal.ts: each test fails with one or more of the
 * StrykerJS survivors applied by hand (see docs/mutation.md). Seed timelines:
 * tokenWillExpire 30 s before expiry, a retry 5 s after a failed renewal;
 * a republish 3 s after NO_PUBLISH with an error, "do not continuously retry".
 */
import { describe, expect, it, vi } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock } from '../../src/core/clock.js';
import { selectTokenStatus } from '../../src/core/media-selectors.js';
import { selectPublisher } from '../../src/core/selectors.js';
import { createStatusStore, type StoreEvent } from '../../src/core/store.js';
import { attachPublisherRetryPolicy } from '../../src/policy/index.js';
import { attachTokenRenewal } from '../../src/policy/token-renewal.js';
import { deferred } from './helpers.js';
import { flush, sdkEvents } from './policy-fake-engine.js';

const SECOND = 1000;
const TOKEN = 'tok-SECRET-renewed';
const PUBLISH_FAILED = 1003025;
const ME = 'host-main';


/** Room r1 (logged in unless `login: false`), a renewal whose fetches and renewals the test settles. */
function renewalOn({ login = true, health = true, renewResult = (): unknown => true } = {}) {
  const clock = createManualClock();
  const store = createStatusStore({ clock, extensions: health ? [mediaHealth({ browserConnectivity: false })] : [] });
  const sdk = sdkEvents(store, clock);
  if (login) sdk.login('r1');
  const fetches: ReturnType<typeof deferred<string>>[] = [];
  const fetchToken = vi.fn((_roomID: string) => {
    const d = deferred<string>();
    fetches.push(d);
    return d.promise;
  });
  const renewToken = vi.fn((_token: string, _roomID?: string) => renewResult());
  const events: StoreEvent[] = [];
  store.subscribeEvents<StoreEvent>((event) => events.push(event));
  const renewal = attachTokenRenewal({ engine: { renewToken }, store, roomID: 'r1', fetchToken });
  const warn = (remainingMs = 30 * SECOND) =>
    store.dispatch({ type: 'tokenWillExpire', roomID: 'r1', remainingMs, at: clock.now() });
  const statuses = () => events.flatMap((e) => (e.type === 'tokenRenewal' ? [e.status] : []));
  const failures = () => events.flatMap((e) => (e.type === 'tokenRenewal' && e.status === 'failed' ? [e] : []));
  const token = () => selectTokenStatus(store.getState(), 'r1');
  return { clock, store, sdk, fetches, fetchToken, renewToken, renewal, warn, statuses, failures, token };
}

describe('token renewal: what the app sees (mutation gaps)', () => {
  it('a token server that rejects with a bare string, then with nothing, shows errorCode -1 each time', async () => {
    const t = renewalOn();
    t.warn();
    t.fetches[0]!.reject('token server down');
    await flush();
    expect(t.token()).toMatchObject({ status: 'failed', error: { errorCode: -1, message: 'token server down' } });
    t.clock.advance(5 * SECOND);
    t.fetches[1]!.reject(undefined);
    await flush();
    expect(t.failures()[1]).toMatchObject({ errorCode: -1 });
    expect(t.token()).toMatchObject({ status: 'failed', error: { errorCode: -1 } });
  });

  it('a native renewToken that returns nothing (void) has renewed the token', async () => {
    const t = renewalOn({ renewResult: () => undefined });
    t.warn();
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.renewToken).toHaveBeenCalledWith(TOKEN, 'r1');
    expect(t.statuses()).toEqual(['renewing', 'renewed']);
  });

  it('an empty token from fetchToken is a failed attempt and never reaches renewToken', async () => {
    const t = renewalOn();
    t.warn();
    t.fetches[0]!.resolve('');
    await flush();
    expect(t.renewToken).not.toHaveBeenCalled();
    expect(t.token()).toMatchObject({ status: 'failed', error: { errorCode: -1, message: 'fetchToken gave no token' } });
  });

  it('a failure 25 s into the 30 s warning is not retried at the expiry instant, and shows no retry time', async () => {
    const t = renewalOn();
    t.clock.advance(60 * SECOND);
    t.warn(); // expires at 90 s
    t.clock.advance(25 * SECOND);
    t.fetches[0]!.reject(new Error('503'));
    await flush();
    expect(t.failures()).toHaveLength(1);
    expect(t.failures()[0]).not.toHaveProperty('retryAt');
    expect(t.token()?.retryAt ?? null).toBeNull();
    t.clock.advance(5 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('without the mediaHealth store, expiry is the warning time + remainingMs: a failure is retried 5 s later', async () => {
    const t = renewalOn({ health: false });
    t.clock.advance(60 * SECOND);
    t.warn(30 * SECOND);
    t.fetches[0]!.reject(new Error('503'));
    await flush();
    expect(t.failures()[0]).toMatchObject({ retryAt: 65 * SECOND });
    t.clock.advance(5 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
  });

  it('after a renewal, the next warning (another 20 min on) renews again', async () => {
    const t = renewalOn();
    t.warn();
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    t.clock.advance(20 * 60 * SECOND);
    t.warn();
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
    t.fetches[1]!.resolve(TOKEN);
    await flush();
    expect(t.statuses()).toEqual(['renewing', 'renewed', 'renewing', 'renewed']);
  });

  it('leaving the room mid-fetch: the late rejection shows nothing, and after logging in again a warning renews', async () => {
    const t = renewalOn();
    t.warn();
    t.sdk.room('r1', 'LOGOUT');
    t.fetches[0]!.reject(new Error('503'));
    await flush();
    expect(t.statuses()).toEqual(['renewing']);
    t.clock.advance(60 * SECOND);
    t.sdk.login('r1');
    t.warn();
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
  });

  it('leaving the room with a retry pending disarms its timer', async () => {
    const t = renewalOn();
    const before = t.clock.pending();
    t.warn();
    t.fetches[0]!.reject(new Error('503'));
    await flush();
    expect(t.clock.pending()).toBe(before + 1);
    t.sdk.room('r1', 'LOGOUT');
    expect(t.clock.pending()).toBe(before);
  });

  it('a renewToken still settling at detach: its success is ignored, and renew() after detach does nothing', async () => {
    const renewed = deferred<boolean>();
    const t = renewalOn({ renewResult: () => renewed.promise });
    t.warn();
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.renewToken).toHaveBeenCalledTimes(1);
    t.renewal.detach();
    renewed.resolve(true);
    await flush();
    expect(t.statuses()).toEqual(['renewing']);
    t.renewal.renew();
    expect(t.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('RECONNECTING then RECONNECTED mid-renewal does not cancel it', async () => {
    const t = renewalOn();
    t.warn();
    t.sdk.room('r1', 'RECONNECTING');
    t.sdk.room('r1', 'RECONNECTED');
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.statuses()).toEqual(['renewing', 'renewed']);
  });

  it('renew() called before login survives LOGINING and LOGINED', async () => {
    const t = renewalOn({ login: false });
    t.renewal.renew();
    t.sdk.room('r1', 'LOGINING');
    t.sdk.room('r1', 'LOGINED');
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.renewToken).toHaveBeenCalledWith(TOKEN, 'r1');
    expect(t.statuses()).toEqual(['renewing', 'renewed']);
  });
});

/** Logged in, publishing `ME`, the publisher policy attached (one republish, 3 s). */
function publishing() {
  const clock = createManualClock();
  const store = createStatusStore({ clock });
  const sdk = sdkEvents(store, clock);
  const events: StoreEvent[] = [];
  store.subscribeEvents<StoreEvent>((event) => events.push(event));
  const republished: number[] = [];
  const detach = attachPublisherRetryPolicy({ store, streamID: ME, republish: ({ attempt }) => void republished.push(attempt) });
  sdk.login('live-1');
  sdk.publisher(ME, 'PUBLISH_REQUESTING');
  sdk.publisher(ME, 'PUBLISHING');
  const typed = (type: string) => events.filter((e) => e.type === type);
  const publisher = () => selectPublisher(store.getState(), ME);
  return { clock, sdk, detach, republished, typed, publisher };
}

describe('publisher retry slot: what the app sees (mutation gaps)', () => {
  it('a first PUBLISHING, with no outage before it, dispatches no replayCancelled', () => {
    const p = publishing();
    expect(p.typed('replayCancelled')).toEqual([]);
  });

  it('detaching with nothing pending dispatches no replayCancelled', () => {
    const p = publishing();
    p.detach();
    expect(p.typed('replayCancelled')).toEqual([]);
  });

  it('a second NO_PUBLISH error while the republish is pending: still one republish at 3 s, no give-up', () => {
    const p = publishing();
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    p.clock.advance(1 * SECOND);
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + 1);
    expect(p.typed('replayScheduled')).toHaveLength(1);
    expect(p.typed('replayGaveUp')).toEqual([]);
    expect(p.publisher()).toMatchObject({ gaveUp: false, replay: { attempt: 1, dueAt: 3 * SECOND } });
    p.clock.advance(2 * SECOND);
    expect(p.republished).toEqual([1]);
  });

  it('a failure while the republish waits for RECONNECTED: no give-up, the republish is made on RECONNECTED', () => {
    const p = publishing();
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    p.sdk.room('live-1', 'RECONNECTING');
    p.clock.advance(3 * SECOND); // due, but the room is reconnecting
    expect(p.republished).toEqual([]);
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + 1);
    expect(p.typed('replayGaveUp')).toEqual([]);
    p.sdk.room('live-1', 'RECONNECTED');
    expect(p.republished).toEqual([1]);
    expect(p.publisher()).toMatchObject({ gaveUp: false });
  });

  it('after giving up, one replayGaveUp saying attempts: 1, however many failures follow', () => {
    const p = publishing();
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    p.clock.advance(3 * SECOND);
    p.sdk.publisher(ME, 'PUBLISH_REQUESTING');
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED);
    p.sdk.publisher(ME, 'PUBLISH_REQUESTING');
    p.sdk.publisher(ME, 'NO_PUBLISH', PUBLISH_FAILED + 1);
    expect(p.typed('replayGaveUp')).toEqual([expect.objectContaining({ attempts: 1 })]);
    expect(p.publisher()).toMatchObject({ gaveUp: true, attempts: 1 });
  });
});
