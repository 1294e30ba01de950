/**
 * Issue 14, token expiry: useTokenRenewal on the core's attachTokenRenewal,
 * fed by the web adapter's `tokenWillExpire` (useZegoWeb, mediaHealth()).
 * StrictMode-safe (one renewal per expiry), and the token never reaches the
 * store, the console or the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { PersistentMap } from '../../src/core/persistent-map.js';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { useTokenRenewal } from '../../src/react/media/use-token-renewal.js';
import { useZegoWeb } from '../../src/react/use-zego-web.js';
import { ROOM, SECOND, createFakeWebEngine, expectEmptyLiveRegion } from './helpers.js';
import { mediaSetup } from './media-helpers.js';

const TOKEN = 'tok-SECRET-renewed';
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

afterEach(() => vi.restoreAllMocks());

const stateJSON = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof PersistentMap ? Object.fromEntries(v.entries()) : v));

function renewingEngine(result: boolean) {
  const engine = createFakeWebEngine();
  const renewToken = vi.fn((token: string, roomID?: string) => {
    void token;
    void roomID;
    return result;
  });
  return Object.assign(engine, { renewToken });
}

// A first render of React's development build in jsdom on a shared, loaded machine can take seconds.
describe('useTokenRenewal', { timeout: 20_000 }, () => {
  it('T − 30 s tokenWillExpire: fetches once (StrictMode), renews, and the banner counts down until it is renewed', async () => {
    const logged = CONSOLE.map((method) => vi.spyOn(console, method));
    const t = mediaSetup();
    const engine = renewingEngine(true);
    let release: (token: string) => void = () => {};
    const fetchToken = vi.fn((roomID: string) => {
      void roomID;
      return new Promise<string>((resolve) => (release = resolve));
    });
    function Room() {
      useZegoWeb(engine);
      useTokenRenewal({ engine, roomID: ROOM, fetchToken });
      return <ReconnectingBanner />;
    }
    const { container, unmount } = t.view(
      <StrictMode>
        <Room />
      </StrictMode>,
    );
    await act(async () => t.login());
    const region = expectEmptyLiveRegion(container);

    await act(async () => engine.emit('tokenWillExpire', ROOM));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(fetchToken).toHaveBeenCalledWith(ROOM);
    expect(region).toHaveAttribute('data-state', 'expiring');
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 30 s');
    act(() => t.clock.advance(5 * SECOND));
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 25 s');

    await act(async () => release(TOKEN));
    expect(engine.renewToken).toHaveBeenCalledTimes(1);
    expect(engine.renewToken.mock.calls[0]![0]).toBe(TOKEN);
    expectEmptyLiveRegion(container, region);

    // The token went to the engine only.
    expect(stateJSON(t.store.getState())).not.toContain('SECRET');
    expect(document.body.innerHTML).not.toContain('SECRET');
    for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain('SECRET');

    unmount();
    await act(async () => {});
    expect(engine.handlerCount()).toBe(0);
  });

  it('a fetch that fails: the banner shows the error, the countdown goes on; renew() tries again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = mediaSetup();
    const engine = renewingEngine(true);
    const fetchToken = vi.fn().mockRejectedValueOnce(new Error('token server unreachable')).mockResolvedValue(TOKEN);
    let controls: ReturnType<typeof useTokenRenewal> | undefined;
    function Room() {
      useZegoWeb(engine);
      controls = useTokenRenewal({ engine, roomID: ROOM, fetchToken, retryDelayMs: 60 * SECOND });
      return <ReconnectingBanner />;
    }
    const { container } = t.view(<Room />);
    await act(async () => t.login());
    await act(async () => engine.emit('tokenWillExpire', ROOM));
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('Could not renew the session.');
    expect(region).toHaveTextContent('token server unreachable');
    expect(screen.getByRole('timer')).toHaveTextContent('expires in 30 s');

    await act(async () => controls!.renew());
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(engine.renewToken).toHaveBeenCalledWith(TOKEN, ROOM);
    expectEmptyLiveRegion(container, region);
  });
});
