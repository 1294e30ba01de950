/**
 * attachTokenRenewal: the SDK warns (web: tokenWillExpire 30 s before expiry;
 * native: with the seconds left), the policy fetches a token and hands it to
 * renewToken; progress shows in the store, the token never does; failures
 * are retried a bounded number of times while time is left, never in a loop.
 */
import { describe, expect, it, vi } from 'vitest';
import { mediaHealth } from '../../src/adapters/media-health.js';
import { createManualClock } from '../../src/core/clock.js';
import { selectTokenStatus } from '../../src/core/media-selectors.js';
import { createStatusStore, type StoreEvent } from '../../src/core/store.js';
import { attachTokenRenewal, type TokenRenewalOptions } from '../../src/policy/token-renewal.js';
import { deferred } from './helpers.js';
import { flush } from './policy-fake-engine.js';

const SECOND = 1000;
const TOKEN = 'tok-SECRET-renewed';


function setup(options: Partial<TokenRenewalOptions> = {}) {
  const clock = createManualClock();
  const store = createStatusStore({ clock, extensions: [mediaHealth({ browserConnectivity: false })] });
  const at = () => clock.now();
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: at() });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: at() });
  const renewToken = vi.fn((_token: string, _roomID?: string): unknown => true);
  const fetches: ReturnType<typeof deferred<string>>[] = [];
  const fetchToken = vi.fn((_roomID: string) => {
    const d = deferred<string>();
    fetches.push(d);
    return d.promise;
  });
  const events: StoreEvent[] = [];
  store.subscribeEvents<StoreEvent>((event) => events.push(event));
  const renewal = attachTokenRenewal({ engine: { renewToken }, store, roomID: 'r1', fetchToken, ...options });
  const warn = (remainingMs?: number, roomID = 'r1') =>
    store.dispatch({ type: 'tokenWillExpire', roomID, ...(remainingMs !== undefined && { remainingMs }), at: at() });
  const statuses = () => events.flatMap((e) => (e.type === 'tokenRenewal' ? [e.status] : []));
  const token = () => selectTokenStatus(store.getState(), 'r1');
  return { clock, store, renewToken, fetchToken, fetches, events, renewal, warn, statuses, token };
}

describe('attachTokenRenewal', () => {
  it('T − 30 s: tokenWillExpire; the fetched token goes to renewToken(token, roomID); renewing, then renewed', async () => {
    const t = setup();
    t.clock.advance(60 * SECOND);
    t.warn();
    expect(t.fetchToken).toHaveBeenCalledWith('r1');
    expect(t.token()).toMatchObject({ status: 'renewing', expiresAt: 90 * SECOND });
    t.clock.advance(300);
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.renewToken).toHaveBeenCalledWith(TOKEN, 'r1');
    expect(t.statuses()).toEqual(['renewing', 'renewed']);
    expect(t.token()).toMatchObject({ status: 'renewed', expiresAt: null, at: 60_300 });
  });

  it('a fetch that rejects is retried 5 s later, while the token has not expired; then renewed', async () => {
    const t = setup();
    t.warn();
    t.fetches[0]!.reject(new Error('503 from the token server'));
    await flush();
    expect(t.token()).toMatchObject({ status: 'failed', retryAt: 5 * SECOND, error: { errorCode: -1, message: '503 from the token server' } });
    t.clock.advance(5 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
    t.fetches[1]!.resolve(TOKEN);
    await flush();
    expect(t.statuses()).toEqual(['renewing', 'failed', 'renewing', 'renewed']);
  });

  it('never a loop: three attempts per warning, then it stops, however long the clock runs', async () => {
    const t = setup({ maxAttempts: 3 });
    t.warn();
    for (let i = 0; i < 3; i++) {
      t.fetches[i]!.reject({ code: 500, msg: 'down' });
      await flush();
      t.clock.advance(5 * SECOND);
    }
    t.clock.advance(20 * 60 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(3);
    expect(t.token()).toMatchObject({ status: 'failed', retryAt: null, error: { errorCode: 500, message: 'down' } });
  });

  it('native, 7 s left: one retry fits before expiry, a second does not', async () => {
    const t = setup();
    t.warn(7 * SECOND);
    t.fetches[0]!.reject(new Error('a'));
    await flush();
    expect(t.token()?.retryAt).toBe(5 * SECOND);
    t.clock.advance(5 * SECOND);
    t.fetches[1]!.reject(new Error('b'));
    await flush();
    // 10 s would be past the expiry at 7 s.
    expect(t.token()).toMatchObject({ status: 'failed', retryAt: null, expiresAt: 7 * SECOND });
    t.clock.advance(60 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(2);
  });

  it('renewToken returning false, throwing, or rejecting is a failure; an error quoting the token has it masked', async () => {
    const t = setup({ maxAttempts: 1 });
    t.renewToken.mockReturnValueOnce(false);
    t.warn();
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.token()).toMatchObject({ status: 'failed', error: { message: 'renewToken returned false' } });

    t.renewToken.mockImplementationOnce((token: string) => {
      throw new Error(`bad token ${token}`);
    });
    t.renewal.renew();
    t.fetches[1]!.resolve(TOKEN);
    await flush();
    expect(t.token()?.error?.message).toBe('bad token ***');

    t.renewToken.mockReturnValueOnce(Promise.reject({ code: 1002033, msg: `expired: ${TOKEN}` }));
    t.renewal.renew();
    t.fetches[2]!.resolve(TOKEN);
    await flush();
    expect(t.token()).toMatchObject({ status: 'failed', error: { errorCode: 1002033, message: 'expired: ***' } });
    expect(JSON.stringify(t.events)).not.toContain('SECRET');
  });

  it('a fetch that throws, or gives no token, is recorded, never thrown', async () => {
    const t = setup({
      maxAttempts: 1,
      fetchToken: () => {
        throw new Error('no network');
      },
    });
    expect(() => t.warn()).not.toThrow();
    expect(t.token()).toMatchObject({ status: 'failed', error: { message: 'no network' } });
    const u = setup({ maxAttempts: 1, fetchToken: () => 42 as unknown as string });
    u.warn();
    expect(u.token()?.error?.message).toBe('fetchToken gave no token');
    expect(u.renewToken).not.toHaveBeenCalled();
  });

  it('detach cancels the pending retry and ignores a fetch still in flight', async () => {
    const t = setup();
    t.warn();
    t.fetches[0]!.reject(new Error('x'));
    await flush();
    t.renewal.detach();
    t.clock.advance(60 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(1);

    const u = setup();
    u.warn();
    u.renewal.detach();
    u.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(u.renewToken).not.toHaveBeenCalled();
    expect(u.statuses()).toEqual(['renewing']);
  });

  it('leaving the room cancels the retry, and a slow fetch that lands after LOGOUT renews nothing', async () => {
    const t = setup();
    t.warn();
    t.store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGOUT', errorCode: 0, at: t.clock.now() });
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.renewToken).not.toHaveBeenCalled();
    t.clock.advance(60 * SECOND);
    expect(t.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('another room’s warning, and a second warning while fetching, start nothing', () => {
    const t = setup();
    t.warn(undefined, 'r2');
    expect(t.fetchToken).not.toHaveBeenCalled();
    t.warn();
    t.warn();
    expect(t.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('native order: renewToken option gets (token, roomID) and calls the engine its own way', async () => {
    const nativeRenew = vi.fn((roomID: string, token: string) => (roomID === 'r1' && token === TOKEN ? Promise.resolve() : Promise.reject()));
    const t = setup({ renewToken: (token, roomID) => nativeRenew(roomID, token) });
    t.warn(25 * SECOND);
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(nativeRenew).toHaveBeenCalledWith('r1', TOKEN);
    expect(t.token()?.status).toBe('renewed');
  });

  it('renew() renews without a warning (a Retry button)', async () => {
    const t = setup();
    t.renewal.renew();
    t.fetches[0]!.resolve(TOKEN);
    await flush();
    expect(t.statuses()).toEqual(['renewing', 'renewed']);
  });
});
