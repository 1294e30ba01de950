import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ReconnectingBanner } from '../src/react/index.js';
import { MINUTE, ROOM, SECOND, dropNetwork, login, say, shows, statusOf, wait, withStatus } from './support/status-story.js';
import { MEDIA, media, mediaMessagesOf } from './support/media-story.js';
import { settle } from './support/play.js';

const meta = {
  title: 'Media health/ReconnectingBanner',
  component: ReconnectingBanner,
  argTypes: { store: { control: false }, messages: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          'The banner\'s two media-health notices. **Offline**: the browser\'s `offline` event says "You\'re offline" at ' +
          'once, before the SDK\'s RECONNECTING (web: about 8 s later), and the outage clock starts then; the room phase ' +
          'stays what the SDK says. **Token**: `tokenWillExpire` (30 s before expiry) says "Session expiring" with a ' +
          'countdown until `useTokenRenewal` (or `attachTokenRenewal`) renews it; a failed renewal shows its error.',
      },
    },
  },
} satisfies Meta<typeof ReconnectingBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

const offline = media({ type: 'offline' });

/** Offline for 5 s; the SDK has not noticed yet (the room is still connected). */
export const Offline: Story = {
  ...withStatus([login, wait(MINUTE), offline, wait(5 * SECOND)], MEDIA),
  parameters: shows((t) => [t.offline, say(t, t.reconnectingElapsed, 5 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'offline');
    await expect(banner).toHaveTextContent(t.offline);
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 5 * SECOND));
  },
};

/** Offline at T, RECONNECTING at T + 8 s: still "You're offline", the clock from T, and the SDK's deadline. */
export const OfflineThenReconnecting: Story = {
  ...withStatus([login, wait(MINUTE), offline, wait(8 * SECOND), dropNetwork, wait(4 * SECOND)], MEDIA),
  parameters: shows((t) => [t.offline, say(t, t.reconnectingElapsed, 12 * SECOND), say(t, t.reconnectingRemaining, 5 * MINUTE - 4 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveTextContent(t.offline);
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 12 * SECOND));
    await expect(banner).toHaveTextContent(say(t, t.reconnectingRemaining, 5 * MINUTE - 4 * SECOND));
  },
};

const expiring = [login, wait(MINUTE), media({ type: 'tokenWillExpire', roomID: ROOM }), wait(12 * SECOND)];

/** `tokenWillExpire` 12 s ago: "Session expiring", expires in 18 s; the countdown moves on the story clock (15 s left at the end). */
export const TokenExpiring: Story = {
  ...withStatus(expiring, MEDIA),
  parameters: shows((t) => [t.tokenExpiring, say(t, t.tokenRemaining, 15 * SECOND)]),
  play: async (context) => {
    const t = mediaMessagesOf(context);
    const banner = within(context.canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'expiring');
    await expect(banner).toHaveTextContent(t.tokenExpiring);
    await expect(within(banner).getByRole('timer')).toHaveTextContent(say(t, t.tokenRemaining, 18 * SECOND));
    await settle();
    statusOf(context).advance(3 * SECOND);
    // Found and visible in one retried step: under load React may re-render between a find and a separate check.
    await waitFor(() => expect(within(banner).getByText(say(t, t.tokenRemaining, 15 * SECOND))).toBeVisible());
  },
};

/** The renewal failed: its error under the countdown. */
export const TokenRenewalFailed: Story = {
  ...withStatus(
    [
      ...expiring,
      media({ type: 'tokenRenewal', roomID: ROOM, status: 'renewing' }),
      media({ type: 'tokenRenewal', roomID: ROOM, status: 'failed', errorCode: -1, message: 'token server unreachable' }),
    ],
    MEDIA,
  ),
  parameters: shows((t) => [t.tokenExpiring, say(t, t.tokenRemaining, 18 * SECOND), `${t.tokenRenewFailed} token server unreachable`]),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'expiring');
    await expect(banner).toHaveTextContent(t.tokenExpiring);
    await expect(within(banner).getByRole('timer')).toHaveTextContent(say(t, t.tokenRemaining, 18 * SECOND));
    await expect(banner).toHaveTextContent(`${t.tokenRenewFailed} token server unreachable`);
  },
};

/** Offline, dark theme. */
export const OfflineDark: Story = { ...Offline, globals: { theme: 'dark' } };
/** Offline, zh-CN. */
export const OfflineZhCN: Story = { ...Offline, globals: { locale: 'zh-CN' } };
/** Token expiring, dark theme. */
export const TokenExpiringDark: Story = { ...TokenExpiring, globals: { theme: 'dark' } };
/** Token expiring, zh-CN. */
export const TokenExpiringZhCN: Story = { ...TokenExpiring, globals: { locale: 'zh-CN' } };
